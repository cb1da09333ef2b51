#pragma once

#include <functional>
#include <string>
#include <vector>

#include "absl/status/statusor.h"
#include "absl/time/time.h"

namespace laurel::testing {

struct RunOptions {
  // Make stderr a pseudo-terminal, as when a person runs the command (isatty(2) is true).
  bool stderr_terminal = false;
  // Called with everything read from stderr so far, and the command's pid, whenever more arrives:
  // a test acts on what the command reports (sends it Ctrl-C, restarts its server, ...).
  std::function<void(const std::string& stderr_so_far, int pid)> watch;
  // Killed after this long.
  absl::Duration timeout = absl::Seconds(120);
};

struct RunResult {
  int exit_code = -1;  // 128 + signal when killed by one
  std::string out;
  std::string err;
};

// Runs `binary` with `args` to its end and returns what it printed. Unlike RunCommand (buf_curl.h)
// there is no shell: standard output and error stay apart, stderr can be a terminal, and the test
// can act on the process while it runs.
absl::StatusOr<RunResult> RunProcess(const std::string& binary,
                                         const std::vector<std::string>& args,
                                         const RunOptions& options = {});

}  // namespace laurel::testing

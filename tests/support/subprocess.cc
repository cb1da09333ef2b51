#include "tests/support/subprocess.h"

#include <fcntl.h>
#include <poll.h>
#include <pty.h>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include "absl/strings/str_cat.h"
#include "absl/time/clock.h"

namespace laurel::testing {

absl::StatusOr<RunResult> RunProcess(const std::string& binary,
                                         const std::vector<std::string>& args,
                                         const RunOptions& options) {
  int out_pipe[2];
  int err_read = -1, err_write = -1;
  if (pipe(out_pipe) != 0) return absl::InternalError("pipe failed");
  if (options.stderr_terminal) {
    winsize size{.ws_row = 24, .ws_col = 120};
    if (openpty(&err_read, &err_write, nullptr, nullptr, &size) != 0) {
      return absl::InternalError("openpty failed");
    }
  } else {
    int err_pipe[2];
    if (pipe(err_pipe) != 0) return absl::InternalError("pipe failed");
    err_read = err_pipe[0];
    err_write = err_pipe[1];
  }
  std::vector<std::string> argv_strings = {binary};
  argv_strings.insert(argv_strings.end(), args.begin(), args.end());
  std::vector<char*> argv;
  for (std::string& arg : argv_strings) argv.push_back(arg.data());
  argv.push_back(nullptr);

  const pid_t pid = fork();
  if (pid < 0) return absl::InternalError("fork failed");
  if (pid == 0) {
    dup2(out_pipe[1], STDOUT_FILENO);
    dup2(err_write, STDERR_FILENO);
    close(out_pipe[0]);
    close(out_pipe[1]);
    close(err_read);
    close(err_write);
    // The test runner may block signals; the command must see its own Ctrl-C.
    sigset_t none;
    sigemptyset(&none);
    sigprocmask(SIG_SETMASK, &none, nullptr);
    execv(binary.c_str(), argv.data());
    _exit(127);
  }
  close(out_pipe[1]);
  close(err_write);

  RunResult result;
  const absl::Time deadline = absl::Now() + options.timeout;
  pollfd fds[2] = {{out_pipe[0], POLLIN, 0}, {err_read, POLLIN, 0}};
  std::string* sinks[2] = {&result.out, &result.err};
  int open_fds = 2;
  while (open_fds > 0 && absl::Now() < deadline) {
    if (poll(fds, 2, 100) < 0) break;
    for (int i = 0; i < 2; ++i) {
      if (fds[i].fd < 0 || fds[i].revents == 0) continue;
      char buffer[4096];
      const ssize_t n = read(fds[i].fd, buffer, sizeof(buffer));
      if (n > 0) {
        sinks[i]->append(buffer, n);
      } else {  // EOF, or EIO once the terminal's last writer is gone
        close(fds[i].fd);
        fds[i].fd = -1;
        --open_fds;
      }
    }
    if (options.watch && fds[1].revents != 0) options.watch(result.err, pid);
  }
  for (const pollfd& fd : fds) {
    if (fd.fd >= 0) close(fd.fd);
  }
  int status = 0;
  if (absl::Now() >= deadline) kill(pid, SIGKILL);
  waitpid(pid, &status, 0);
  result.exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
  if (absl::Now() >= deadline) {
    return absl::DeadlineExceededError(
        absl::StrCat(binary, " did not finish in time; stderr: ", result.err));
  }
  return result;
}

}  // namespace laurel::testing

#include "tests/support/buf_curl.h"

#include <sys/wait.h>

#include <cstdio>
#include <cstdlib>

#include "absl/strings/str_cat.h"

namespace laurel::testing {

CommandResult RunCommand(const std::string& command) {
  CommandResult result{-1, ""};
  FILE* pipe = popen((command + " 2>&1").c_str(), "r");
  if (pipe == nullptr) return result;
  char buffer[4096];
  size_t read = 0;
  while ((read = fread(buffer, 1, sizeof(buffer), pipe)) > 0) result.output.append(buffer, read);
  const int status = pclose(pipe);
  result.exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
  return result;
}

std::string Buf() {
  const char* configured = std::getenv("LAUREL_BUF");
  return configured != nullptr ? configured : "buf";
}

CommandResult BufCurl(const std::string& arguments, const std::string& target) {
  return RunCommand(absl::StrCat(Buf(), " curl --protocol grpc --http2-prior-knowledge ", arguments,
                                 " http://", target));
}

CommandResult Curl(const std::string& address, const std::string& path) {
  return RunCommand(
      absl::StrCat("curl --silent --show-error --fail --max-time 10 http://", address, path));
}

}  // namespace laurel::testing

#pragma once

#include <string>

// A grpcurl user, played by `buf curl`: a grpcurl equivalent that only knows what reflection tells
// it.
namespace laurel::testing {

// The buf CLI: $LAUREL_BUF, else `buf` on PATH.
std::string Buf();

struct CommandResult {
  int exit_code;
  std::string output;  // stdout and stderr
};

CommandResult RunCommand(const std::string& command);

// `buf curl` in grpcurl's plaintext mode: `arguments`, then http://`target` (an address, optionally
// followed by /service/method).
CommandResult BufCurl(const std::string& arguments, const std::string& target);

// `curl` of http://`address``path`: what an operator (or Prometheus) sees on a metrics port.
CommandResult Curl(const std::string& address, const std::string& path = "/metrics");

}  // namespace laurel::testing

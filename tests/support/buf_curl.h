#pragma once

#include <string>

// A grpcurl user: `buf curl`, a grpcurl equivalent that only knows what server reflection tells it.
namespace laurel::testing {

struct CommandResult {
  int exit_code;
  std::string output;  // standard output and error
};

CommandResult RunCommand(const std::string& command);

// The buf CLI: $LAUREL_BUF, else `buf` on PATH.
std::string Buf();

// `buf curl` in grpcurl's plaintext mode: `arguments`, then http://`target` (an address, optionally
// followed by /service/method).
CommandResult BufCurl(const std::string& arguments, const std::string& target);

// `curl` of http://`address``path`: what an operator (or Prometheus) sees on a metrics port.
CommandResult Curl(const std::string& address, const std::string& path = "/metrics");

}  // namespace laurel::testing

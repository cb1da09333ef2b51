#pragma once

#include <string>

namespace laurel::testing {

struct CommandResult {
  int exit_code;       // -1 when the command could not be run or was killed
  std::string output;  // stdout and stderr, interleaved
};

// Runs `command` through /bin/sh and collects what it prints.
CommandResult RunCommand(const std::string& command);

// The buf CLI: $LAUREL_BUF, else `buf` on PATH. Tests play a grpcurl user with `buf curl`, which
// like grpcurl only knows what server reflection tells it.
std::string Buf();

// `buf curl` in grpcurl's plaintext mode: `arguments`, then http://`target` (an address, optionally
// followed by /service/method).
CommandResult BufCurl(const std::string& arguments, const std::string& target);

// `curl` of http://`address``path`: what an operator (or Prometheus) sees on a metrics port.
CommandResult Curl(const std::string& address, const std::string& path = "/metrics");

}  // namespace laurel::testing

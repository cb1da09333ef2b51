#pragma once

#include <memory>
#include <string>

#include "absl/time/time.h"
#include "grpcpp/grpcpp.h"

// How the command-line clients reach a Laurel server: plaintext, or TLS when --ca_file is set (with
// --client_cert_file and --client_key_file for mutual TLS); every call carries the bearer token in
// LAUREL_TOKEN, when set. The token is read from the environment only, never from a flag: a command
// line is visible to every user of the machine.
namespace laurel::tools {

// A channel to `target`; exits with status 2 when a certificate file cannot be read.
std::shared_ptr<grpc::Channel> ClientChannel(const std::string& target);

// A context for one call that must finish within `timeout`, with the token attached. A stream that
// may run as long as it keeps moving (laurel-load's) passes an infinite timeout.
std::unique_ptr<grpc::ClientContext> CallContext(absl::Duration timeout);

}  // namespace laurel::tools

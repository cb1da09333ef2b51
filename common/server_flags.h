#pragma once

#include <map>
#include <string>

#include "absl/flags/declare.h"
#include "absl/status/status.h"
#include "common/bearer_token_auth.h"
#include "common/grpc_server.h"

ABSL_DECLARE_FLAG(int64_t, max_request_bytes);
ABSL_DECLARE_FLAG(int, max_threads);
ABSL_DECLARE_FLAG(std::string, tls_cert_file);
ABSL_DECLARE_FLAG(std::string, tls_key_file);
ABSL_DECLARE_FLAG(std::string, tls_client_ca_file);
ABSL_DECLARE_FLAG(std::string, auth_tokens_file);
ABSL_DECLARE_FLAG(bool, auth_probes);

namespace laurel {

// Sets the limits, TLS and authentication of `options` from the flags shared by both servers.
// Tokens come from --auth_tokens_file and from LAUREL_AUTH_TOKENS in the environment (deliberately
// not a flag: a command line is visible to every user of the machine); with none, calls need no
// token. `scope_by_service` names the scope a token needs for each of the server's API services;
// `on_refusal`, when set, is told of every call refused for its token (metrics).
absl::Status ApplyServerFlags(const std::map<std::string, std::string>& scope_by_service,
                              GrpcServerOptions& options, RefusalObserver on_refusal = nullptr);

}  // namespace laurel

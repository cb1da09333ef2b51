#include "common/server_flags.h"

#include <cstdlib>
#include <fstream>
#include <sstream>

#include "absl/flags/flag.h"
#include "absl/strings/str_cat.h"
#include "common/bearer_token_auth.h"
#include "common/json_log.h"

ABSL_FLAG(int64_t, max_request_bytes, 4 << 20,
          "Largest request message accepted, in bytes; a larger one fails with RESOURCE_EXHAUSTED "
          "before any handler runs.");
ABSL_FLAG(int, max_threads, 64,
          "Most threads serving calls at once; calls beyond get RESOURCE_EXHAUSTED instead of "
          "queueing.");
ABSL_FLAG(std::string, tls_cert_file, "", "PEM certificate chain; turns TLS on.");
ABSL_FLAG(std::string, tls_key_file, "", "PEM private key of --tls_cert_file.");
ABSL_FLAG(std::string, tls_client_ca_file, "",
          "PEM CA certificates; when set, clients must present a certificate they signed (mTLS).");
ABSL_FLAG(std::string, auth_tokens_file, "",
          "File of `SCOPE[,SCOPE] TOKEN` lines (scopes: ingest, query, admin); with it, or with "
          "LAUREL_AUTH_TOKENS in the environment, calls need a bearer token.");
ABSL_FLAG(bool, auth_probes, false,
          "Require a token for health checks and reflection too (open by default, for probes).");

namespace laurel {
namespace {

// Everything configured as tokens: the file's lines, then the environment's entries.
absl::StatusOr<std::string> ConfiguredTokens() {
  std::string tokens;
  if (const std::string path = absl::GetFlag(FLAGS_auth_tokens_file); !path.empty()) {
    std::ifstream in(path);
    if (!in) return absl::NotFoundError(absl::StrCat("cannot read --auth_tokens_file ", path));
    std::stringstream text;
    text << in.rdbuf();
    tokens = text.str();
  }
  if (const char* environment = std::getenv("LAUREL_AUTH_TOKENS"); environment != nullptr) {
    absl::StrAppend(&tokens, "\n", environment);
  }
  return tokens;
}

}  // namespace

absl::Status ApplyServerFlags(const std::map<std::string, std::string>& scope_by_service,
                              GrpcServerOptions& options, RefusalObserver on_refusal) {
  options.max_receive_message_bytes = static_cast<int>(absl::GetFlag(FLAGS_max_request_bytes));
  options.max_threads = absl::GetFlag(FLAGS_max_threads);
  options.tls = {absl::GetFlag(FLAGS_tls_cert_file), absl::GetFlag(FLAGS_tls_key_file),
                 absl::GetFlag(FLAGS_tls_client_ca_file)};
  auto tokens = ConfiguredTokens();
  if (!tokens.ok()) return tokens.status();
  auto grants = ParseTokenGrants(*tokens);
  if (!grants.ok()) return grants.status();
  if (grants->empty()) {
    log::Warning("authentication_off", {{"reason", "no tokens configured"}});
    return absl::OkStatus();
  }
  AccessPolicy policy;
  policy.scope_by_service = scope_by_service;
  if (!absl::GetFlag(FLAGS_auth_probes)) {
    policy.open_services = {"grpc.health.v1.Health", "grpc.reflection.v1alpha.ServerReflection",
                            "grpc.reflection.v1.ServerReflection"};
  }
  log::Info("authentication_on", {{"tokens", static_cast<int64_t>(grants->size())}});
  options.authenticator = std::make_shared<BearerTokenAuthenticator>(
      std::move(*grants), std::move(policy), std::move(on_refusal));
  return absl::OkStatus();
}

}  // namespace laurel

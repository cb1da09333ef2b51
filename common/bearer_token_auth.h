#pragma once

#include <functional>
#include <map>
#include <memory>
#include <set>
#include <string>
#include <vector>

#include "absl/status/status.h"
#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"
#include "grpcpp/security/auth_metadata_processor.h"

namespace laurel {

// Scopes a token can grant: ingest tokens may write articles, query tokens may read, admin tokens
// may run maintenance (AdminService). Admin is a scope of its own, not part of ingest: a re-parse
// rewrites the records of every stored article, which a loader's token should not be able to start.
inline constexpr char kIngestScope[] = "ingest";
inline constexpr char kQueryScope[] = "query";
inline constexpr char kAdminScope[] = "admin";

// Who may call what on one server.
struct AccessPolicy {
  // The scope a token needs to call each service, by full name ("laurel.v1.IngestService").
  std::map<std::string, std::string> scope_by_service;
  // Services callable without a token (health and reflection, for probes and grpcurl).
  std::set<std::string> open_services;
};

// One configured token: the SHA-256 of its secret and the scopes it grants.
struct TokenGrant {
  std::string digest;
  std::set<std::string> scopes;
};

// Reads tokens, one per line (or per ';'-separated entry) as `SCOPE[,SCOPE] TOKEN`; blank lines and
// lines starting with '#' are skipped. INVALID_ARGUMENT for an unknown scope, a token shorter than
// 16 characters or a malformed line; the message never repeats a secret.
absl::StatusOr<std::vector<TokenGrant>> ParseTokenGrants(absl::string_view text);

// Told of every call the authenticator refuses: the service it was for, when the policy names it
// ("" otherwise: the path comes from the client, which must not be able to mint metric labels), and
// the refusal. Called on gRPC's threads; must be thread-safe.
using RefusalObserver = std::function<void(absl::string_view service, const absl::Status& refusal)>;

// Bearer-token authentication with scopes, run by gRPC for every call before any handler sees it
// ("authorization: Bearer TOKEN"). Without a known token: UNAUTHENTICATED; with one lacking the
// service's scope: PERMISSION_DENIED. Services named in neither list of the policy (channelz) take
// any known token. Tokens are kept only as SHA-256 digests and compared in constant time, so
// neither timing nor a memory dump gives a secret away.
class BearerTokenAuthenticator final : public grpc::AuthMetadataProcessor {
 public:
  BearerTokenAuthenticator(std::vector<TokenGrant> grants, AccessPolicy policy,
                           RefusalObserver on_refusal = nullptr)
      : grants_(std::move(grants)),
        policy_(std::move(policy)),
        on_refusal_(std::move(on_refusal)) {}

  // OK when a call to `path` ("/package.Service/Method") carrying the `authorization` header value
  // (empty when absent) may go ahead.
  absl::Status Authorize(absl::string_view path, absl::string_view authorization) const;

  bool IsBlocking() const override { return false; }
  grpc::Status Process(const InputMetadata& auth_metadata, grpc::AuthContext* context,
                       OutputMetadata* consumed_auth_metadata,
                       OutputMetadata* response_metadata) override;

 private:
  // The scopes of the token, or nullptr when no configured token matches.
  const std::set<std::string>* ScopesOf(absl::string_view token) const;

  const std::vector<TokenGrant> grants_;
  const AccessPolicy policy_;
  const RefusalObserver on_refusal_;
};

}  // namespace laurel

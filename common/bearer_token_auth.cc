#include "common/bearer_token_auth.h"

#include <openssl/crypto.h>
#include <openssl/sha.h>

#include "absl/strings/ascii.h"
#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_split.h"
#include "absl/strings/strip.h"

namespace laurel {
namespace {

constexpr size_t kMinTokenLength = 16;

std::string Sha256(absl::string_view text) {
  unsigned char digest[SHA256_DIGEST_LENGTH];
  SHA256(reinterpret_cast<const unsigned char*>(text.data()), text.size(), digest);
  return std::string(reinterpret_cast<const char*>(digest), sizeof(digest));
}

// "laurel.v1.IngestService" from "/laurel.v1.IngestService/IngestArticle".
absl::string_view ServiceOf(absl::string_view path) {
  absl::ConsumePrefix(&path, "/");
  return path.substr(0, path.find('/'));
}

}  // namespace

absl::StatusOr<std::vector<TokenGrant>> ParseTokenGrants(absl::string_view text) {
  std::vector<TokenGrant> grants;
  int entry_number = 0;
  for (absl::string_view entry : absl::StrSplit(text, absl::ByAnyChar("\n;"))) {
    ++entry_number;
    entry = absl::StripAsciiWhitespace(entry);
    if (entry.empty() || absl::StartsWith(entry, "#")) continue;
    const std::vector<absl::string_view> parts =
        absl::StrSplit(entry, absl::ByAnyChar(" \t"), absl::SkipEmpty());
    if (parts.size() != 2) {
      return absl::InvalidArgumentError(
          absl::StrCat("token entry ", entry_number, " is not `SCOPE[,SCOPE] TOKEN`"));
    }
    TokenGrant grant;
    for (absl::string_view scope : absl::StrSplit(parts[0], ',')) {
      if (scope != kIngestScope && scope != kQueryScope && scope != kAdminScope) {
        return absl::InvalidArgumentError(absl::StrCat("token entry ", entry_number,
                                                       " names unknown scope \"", scope,
                                                       "\"; scopes are ingest, query and admin"));
      }
      grant.scopes.insert(std::string(scope));
    }
    if (parts[1].size() < kMinTokenLength) {
      return absl::InvalidArgumentError(absl::StrCat("token entry ", entry_number,
                                                     " is shorter than ", kMinTokenLength,
                                                     " characters; use a random secret"));
    }
    grant.digest = Sha256(parts[1]);
    grants.push_back(std::move(grant));
  }
  return grants;
}

const std::set<std::string>* BearerTokenAuthenticator::ScopesOf(absl::string_view token) const {
  const std::string digest = Sha256(token);
  const std::set<std::string>* found = nullptr;
  // Every grant is compared, whether or not one matched already, so the time taken says nothing
  // about which token (or how much of one) was right.
  for (const TokenGrant& grant : grants_) {
    const bool same = CRYPTO_memcmp(digest.data(), grant.digest.data(), digest.size()) == 0;
    if (same) found = &grant.scopes;
  }
  return found;
}

absl::Status BearerTokenAuthenticator::Authorize(absl::string_view path,
                                                 absl::string_view authorization) const {
  const absl::string_view service = ServiceOf(path);
  if (policy_.open_services.contains(std::string(service))) return absl::OkStatus();
  absl::string_view token = absl::StripAsciiWhitespace(authorization);
  if (token.empty()) {
    return absl::UnauthenticatedError(
        "this call needs a token: send the header `authorization: Bearer TOKEN`");
  }
  if (token.size() < 7 || !absl::EqualsIgnoreCase(token.substr(0, 7), "bearer ")) {
    return absl::UnauthenticatedError("the authorization header must read `Bearer TOKEN`");
  }
  token = absl::StripLeadingAsciiWhitespace(token.substr(7));
  const std::set<std::string>* scopes = ScopesOf(token);
  if (scopes == nullptr) return absl::UnauthenticatedError("the token is not valid here");
  const auto needed = policy_.scope_by_service.find(std::string(service));
  if (needed != policy_.scope_by_service.end() && !scopes->contains(needed->second)) {
    return absl::PermissionDeniedError(absl::StrCat("the token lacks the \"", needed->second,
                                                    "\" scope that ", service, " needs"));
  }
  return absl::OkStatus();
}

grpc::Status BearerTokenAuthenticator::Process(const InputMetadata& auth_metadata,
                                               grpc::AuthContext* /*context*/,
                                               OutputMetadata* consumed_auth_metadata,
                                               OutputMetadata* /*response_metadata*/) {
  absl::string_view path, authorization;
  if (const auto found = auth_metadata.find(":path"); found != auth_metadata.end()) {
    path = absl::string_view(found->second.data(), found->second.size());
  }
  if (const auto found = auth_metadata.find("authorization"); found != auth_metadata.end()) {
    authorization = absl::string_view(found->second.data(), found->second.size());
    // Consumed metadata is taken off the call, so no handler or log line downstream sees the
    // secret.
    consumed_auth_metadata->insert({"authorization", std::string(authorization)});
  }
  const absl::Status status = Authorize(path, authorization);
  if (!status.ok() && on_refusal_ != nullptr) {
    const std::string service(ServiceOf(path));
    on_refusal_(policy_.scope_by_service.contains(service) ? service : "", status);
  }
  // absl::StatusCode and grpc::StatusCode share the canonical numbering.
  return grpc::Status(static_cast<grpc::StatusCode>(status.code()), std::string(status.message()));
}

}  // namespace laurel

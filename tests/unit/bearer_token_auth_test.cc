#include "common/bearer_token_auth.h"

#include <string>
#include <utility>
#include <vector>

#include "absl/strings/str_cat.h"
#include "gtest/gtest.h"

namespace laurel {
namespace {

constexpr char kIngestToken[] = "ingest-token-0123456789abcdef";
constexpr char kQueryToken[] = "query-token-0123456789abcdef";
constexpr char kBothToken[] = "both-token-0123456789abcdef";

BearerTokenAuthenticator Authenticator(bool open_probes = true) {
  auto grants =
      ParseTokenGrants(absl::StrCat("# operators' tokens\ningest ", kIngestToken, "\n\nquery ",
                                    kQueryToken, "; ingest,query ", kBothToken));
  EXPECT_TRUE(grants.ok()) << grants.status();
  AccessPolicy policy;
  policy.scope_by_service = {{"laurel.v1.IngestService", kIngestScope}};
  if (open_probes) policy.open_services = {"grpc.health.v1.Health"};
  return BearerTokenAuthenticator(std::move(*grants), std::move(policy));
}

std::string Bearer(absl::string_view token) { return absl::StrCat("Bearer ", token); }

TEST(BearerTokenAuth, IngestTokenMayWrite) {
  EXPECT_TRUE(Authenticator()
                  .Authorize("/laurel.v1.IngestService/IngestArticle", Bearer(kIngestToken))
                  .ok());
  EXPECT_TRUE(
      Authenticator().Authorize("/laurel.v1.IngestService/IngestArticle", Bearer(kBothToken)).ok());
}

TEST(BearerTokenAuth, NoOrUnknownTokenIsUnauthenticated) {
  const auto authenticator = Authenticator();
  for (const std::string& header :
       {std::string(""), std::string("Bearer"), std::string(kIngestToken),
        std::string("Basic aW5nZXN0OnRva2Vu"), Bearer("ingest-token-0123456789abcdeX"),
        Bearer(absl::StrCat(kIngestToken, "0")), Bearer(absl::string_view(kIngestToken, 10))}) {
    EXPECT_TRUE(absl::IsUnauthenticated(
        authenticator.Authorize("/laurel.v1.IngestService/IngestArticle", header)))
        << header;
  }
}

TEST(BearerTokenAuth, WrongScopeIsPermissionDenied) {
  const absl::Status status =
      Authenticator().Authorize("/laurel.v1.IngestService/IngestArticle", Bearer(kQueryToken));
  EXPECT_TRUE(absl::IsPermissionDenied(status)) << status;
  EXPECT_EQ(status.message().find(kQueryToken), absl::string_view::npos) << "secret echoed";
}

// Re-parsing rewrites every stored article: a loader's ingest token may not start it, and an admin
// token may do nothing else.
TEST(BearerTokenAuth, AdminServiceNeedsTheAdminScopeAlone) {
  constexpr char kAdminToken[] = "admin-token-0123456789abcdef";
  auto grants = ParseTokenGrants(absl::StrCat("ingest ", kIngestToken, "\nadmin ", kAdminToken));
  ASSERT_TRUE(grants.ok()) << grants.status();
  AccessPolicy policy;
  policy.scope_by_service = {{"laurel.v1.IngestService", kIngestScope},
                             {"laurel.v1.AdminService", kAdminScope}};
  const BearerTokenAuthenticator authenticator(std::move(*grants), std::move(policy));
  const char* reparse = "/laurel.v1.AdminService/ReparseArticles";
  EXPECT_TRUE(authenticator.Authorize(reparse, Bearer(kAdminToken)).ok());
  EXPECT_TRUE(absl::IsPermissionDenied(authenticator.Authorize(reparse, Bearer(kIngestToken))));
  EXPECT_TRUE(absl::IsPermissionDenied(
      authenticator.Authorize("/laurel.v1.IngestService/IngestArticle", Bearer(kAdminToken))));
}

TEST(BearerTokenAuth, SchemeIsCaseInsensitive) {
  EXPECT_TRUE(Authenticator()
                  .Authorize("/laurel.v1.IngestService/IngestArticle",
                             absl::StrCat("bearer  ", kIngestToken))
                  .ok());
}

TEST(BearerTokenAuth, ProbesAreOpenUnlessConfiguredOtherwise) {
  EXPECT_TRUE(Authenticator().Authorize("/grpc.health.v1.Health/Check", "").ok());
  EXPECT_TRUE(absl::IsUnauthenticated(
      Authenticator(/*open_probes=*/false).Authorize("/grpc.health.v1.Health/Check", "")));
}

TEST(BearerTokenAuth, ServicesWithoutAScopeTakeAnyKnownToken) {
  const auto authenticator = Authenticator();
  const char* channelz = "/grpc.channelz.v1.Channelz/GetServers";
  EXPECT_TRUE(absl::IsUnauthenticated(authenticator.Authorize(channelz, "")));
  EXPECT_TRUE(authenticator.Authorize(channelz, Bearer(kQueryToken)).ok());
}

TEST(BearerTokenAuth, TellsItsObserverOfEveryRefusal) {
  auto grants = ParseTokenGrants(absl::StrCat("ingest ", kIngestToken, "\nquery ", kQueryToken));
  ASSERT_TRUE(grants.ok()) << grants.status();
  AccessPolicy policy;
  policy.scope_by_service = {{"laurel.v1.IngestService", kIngestScope}};
  policy.open_services = {"grpc.health.v1.Health"};
  std::vector<std::pair<std::string, absl::StatusCode>> refusals;
  BearerTokenAuthenticator authenticator(
      std::move(*grants), std::move(policy),
      [&refusals](absl::string_view service, const absl::Status& refusal) {
        refusals.emplace_back(std::string(service), refusal.code());
      });
  const auto call = [&authenticator](const std::string& path, const std::string& authorization) {
    grpc::AuthMetadataProcessor::InputMetadata metadata;
    metadata.insert({":path", path});
    if (!authorization.empty()) metadata.insert({"authorization", authorization});
    grpc::AuthMetadataProcessor::OutputMetadata consumed, response;
    return authenticator.Process(metadata, nullptr, &consumed, &response).error_code();
  };
  EXPECT_EQ(call("/laurel.v1.IngestService/IngestArticle", Bearer(kIngestToken)),
            grpc::StatusCode::OK);
  EXPECT_EQ(call("/grpc.health.v1.Health/Check", ""), grpc::StatusCode::OK);
  EXPECT_TRUE(refusals.empty());
  EXPECT_EQ(call("/laurel.v1.IngestService/IngestArticle", ""), grpc::StatusCode::UNAUTHENTICATED);
  EXPECT_EQ(call("/laurel.v1.IngestService/IngestArticle", Bearer(kQueryToken)),
            grpc::StatusCode::PERMISSION_DENIED);
  // A path the policy does not know is not repeated: clients choose it.
  EXPECT_EQ(call("/made.up.Service/Method", ""), grpc::StatusCode::UNAUTHENTICATED);
  const std::vector<std::pair<std::string, absl::StatusCode>> expected = {
      {"laurel.v1.IngestService", absl::StatusCode::kUnauthenticated},
      {"laurel.v1.IngestService", absl::StatusCode::kPermissionDenied},
      {"", absl::StatusCode::kUnauthenticated}};
  EXPECT_EQ(refusals, expected);
}

TEST(BearerTokenAuth, BadConfigurationIsRejectedWithoutEchoingSecrets) {
  for (const char* text : {"write 0123456789abcdef0123", "ingest short", "ingest",
                           "ingest 0123456789abcdef0123 extra"}) {
    const auto grants = ParseTokenGrants(text);
    EXPECT_TRUE(absl::IsInvalidArgument(grants.status())) << text;
    EXPECT_EQ(grants.status().message().find("0123456789abcdef"), absl::string_view::npos);
  }
  EXPECT_TRUE(ParseTokenGrants("").value().empty());
}

}  // namespace
}  // namespace laurel

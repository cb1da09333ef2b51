#include "common/bearer_token_auth.h"

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

// Access control of the service binaries: bearer tokens with scopes, TLS and mutual TLS.
#include <fstream>

#include "absl/strings/str_cat.h"
#include "absl/time/clock.h"
#include "grpcpp/grpcpp.h"
#include "gtest/gtest.h"
#include "laurel/v1/admin_service.grpc.pb.h"
#include "laurel/v1/ingest_service.grpc.pb.h"
#include "laurel/v1/query_service.grpc.pb.h"
#include "tests/support/buf_curl.h"
#include "tests/support/prometheus_text.h"
#include "tests/support/running_services.h"
#include "tests/support/test_certificates.h"

namespace laurel {
namespace {

using grpc::StatusCode;
using grpc::health::v1::HealthCheckResponse;
using testing::RunningServices;
using testing::ServicesOptions;
using testing::TestChannel;

constexpr char kIngestToken[] = "ingest-secret-7f3a9c1e5b2d4f60";
constexpr char kQueryToken[] = "query-secret-0b8e2d6a4c1f3e97";
constexpr char kAdminToken[] = "admin-secret-5d1c9e7b3a2f8064";
constexpr char kArticle[] =
    "10:00, 12/03/2021\n\nTin\n\nSáng 12-3, UBND tỉnh Nghệ An tặng bằng khen cho 5 tập thể.";

// The status of IngestArticle, IngestArticles and ListArticles at `services` with `token` ("" for
// none).
struct Answers {
  StatusCode ingest;
  StatusCode bulk;
  StatusCode query;
};

StatusCode Stream(v1::IngestService::Stub& stub, grpc::ClientContext* context) {
  auto stream = stub.IngestArticles(context);
  v1::IngestArticlesRequest message;
  message.add_articles()->set_text(absl::StrCat(kArticle, " (bulk)"));
  stream->Write(message);
  stream->WritesDone();
  v1::IngestArticlesResponse response;
  while (stream->Read(&response)) {
  }
  return stream->Finish().error_code();
}

Answers Call(RunningServices& services, const std::string& token,
             std::shared_ptr<grpc::ChannelCredentials> credentials = nullptr) {
  const auto context = [&token] {
    auto context = std::make_unique<grpc::ClientContext>();
    context->set_deadline(std::chrono::system_clock::now() + std::chrono::seconds(10));
    if (!token.empty()) context->AddMetadata("authorization", absl::StrCat("Bearer ", token));
    return context;
  };
  v1::IngestArticleRequest ingest_request;
  ingest_request.set_text(kArticle);
  v1::IngestArticleResponse ingest_response;
  v1::ListArticlesResponse query_response;
  const auto ingest = v1::IngestService::NewStub(TestChannel(services.ingest_address(), credentials));
  return {ingest->IngestArticle(context().get(), ingest_request, &ingest_response).error_code(),
          Stream(*ingest, context().get()),
          v1::QueryService::NewStub(TestChannel(services.query_address(), credentials))
              ->ListArticles(context().get(), v1::ListArticlesRequest(), &query_response)
              .error_code()};
}

std::unique_ptr<RunningServices> Start(ServicesOptions options) {
  auto services = RunningServices::Start(std::move(options));
  EXPECT_TRUE(services.ok()) << services.status();
  return services.ok() ? std::move(*services) : nullptr;
}

ServicesOptions WithTokens() {
  ServicesOptions options;
  options.environment = {{"LAUREL_AUTH_TOKENS", absl::StrCat("ingest ", kIngestToken, ";query ",
                                                             kQueryToken, ";admin ", kAdminToken)}};
  return options;
}

TEST(AccessControl, TokensGrantTheirScopeAndNothingElse) {
  auto services = Start(WithTokens());
  ASSERT_NE(services, nullptr);
  const Answers none = Call(*services, "");
  EXPECT_EQ(none.ingest, StatusCode::UNAUTHENTICATED);
  EXPECT_EQ(none.bulk, StatusCode::UNAUTHENTICATED);
  EXPECT_EQ(none.query, StatusCode::UNAUTHENTICATED);
  const Answers forged = Call(*services, "ingest-secret-7f3a9c1e5b2d4f61");
  EXPECT_EQ(forged.ingest, StatusCode::UNAUTHENTICATED);
  EXPECT_EQ(forged.query, StatusCode::UNAUTHENTICATED);
  const Answers ingest = Call(*services, kIngestToken);
  EXPECT_EQ(ingest.ingest, StatusCode::OK);
  EXPECT_EQ(ingest.bulk, StatusCode::OK);
  EXPECT_EQ(ingest.query, StatusCode::PERMISSION_DENIED);
  const Answers query = Call(*services, kQueryToken);
  EXPECT_EQ(query.ingest, StatusCode::PERMISSION_DENIED);
  EXPECT_EQ(query.bulk, StatusCode::PERMISSION_DENIED);
  EXPECT_EQ(query.query, StatusCode::OK);
}

// Refused calls never reach a method, so the per-RPC metrics do not see them; they are counted
// (by service and code) and logged on their own.
TEST(AccessControl, RefusedCallsAreCountedAndLogged) {
  ServicesOptions options = WithTokens();
  options.ingest_args = {"--log_level=info"};
  auto services = Start(options);
  ASSERT_NE(services, nullptr);
  Call(*services, "");
  Call(*services, kQueryToken);
  const testing::CommandResult curl = testing::Curl(services->ingest().metrics_address());
  ASSERT_EQ(curl.exit_code, 0) << curl.output;
  auto scrape = testing::ParsePrometheusText(curl.output);
  ASSERT_TRUE(scrape.ok()) << scrape.status();
  const auto refused = [&scrape](const std::string& code) {
    return scrape->Value(
        testing::Series("laurel_grpc_server_auth_refused_total",
                        {{"grpc_service", "laurel.v1.IngestService"}, {"grpc_code", code}}));
  };
  // Each Call makes two calls to the ingest service: IngestArticle and an IngestArticles stream.
  EXPECT_EQ(refused("UNAUTHENTICATED"), 2);
  EXPECT_EQ(refused("PERMISSION_DENIED"), 2);
  EXPECT_EQ(scrape->Value(testing::Series("laurel_grpc_server_handled_total",
                                          {{"grpc_service", "laurel.v1.IngestService"},
                                           {"grpc_method", "IngestArticle"},
                                           {"grpc_code", "UNAUTHENTICATED"}})),
            0);
  EXPECT_NE(services->ingest().logs().find("\"event\":\"rpc_refused\""), std::string::npos)
      << services->ingest().logs();
}

// AdminService/ReparseArticles rewrites every stored article: only an admin token may call it, and
// an admin token may not write articles.
TEST(AccessControl, ReparseNeedsTheAdminScope) {
  auto services = Start(WithTokens());
  ASSERT_NE(services, nullptr);
  const auto reparse = [&services](const std::string& token) {
    grpc::ClientContext context;
    context.set_deadline(std::chrono::system_clock::now() + std::chrono::seconds(10));
    if (!token.empty()) context.AddMetadata("authorization", absl::StrCat("Bearer ", token));
    v1::ReparseArticlesResponse response;
    return v1::AdminService::NewStub(TestChannel(services->ingest_address()))
        ->ReparseArticles(&context, v1::ReparseArticlesRequest(), &response)
        .error_code();
  };
  EXPECT_EQ(reparse(""), StatusCode::UNAUTHENTICATED);
  EXPECT_EQ(reparse(kIngestToken), StatusCode::PERMISSION_DENIED);
  EXPECT_EQ(reparse(kQueryToken), StatusCode::PERMISSION_DENIED);
  EXPECT_EQ(reparse(kAdminToken), StatusCode::OK);
  EXPECT_EQ(Call(*services, kAdminToken).ingest, StatusCode::PERMISSION_DENIED);
  EXPECT_EQ(Call(*services, kAdminToken).bulk, StatusCode::PERMISSION_DENIED);
}

TEST(AccessControl, ProbesStayOpenButChannelzNeedsAToken) {
  auto services = Start(WithTokens());
  ASSERT_NE(services, nullptr);
  EXPECT_EQ(*testing::CheckHealth(services->ingest_address()), HealthCheckResponse::SERVING);
  const auto listed = testing::BufCurl("--list-services", services->query_address());
  EXPECT_EQ(listed.exit_code, 0) << listed.output;
  EXPECT_NE(listed.output.find("laurel.v1.QueryService"), std::string::npos) << listed.output;
  const std::string channelz = services->query_address() + "/grpc.channelz.v1.Channelz/GetServers";
  const auto anonymous = testing::BufCurl("-d '{}'", channelz);
  EXPECT_NE(anonymous.output.find("unauthenticated"), std::string::npos) << anonymous.output;
  const auto authorised = testing::BufCurl(
      absl::StrCat("-d '{}' -H 'authorization: Bearer ", kQueryToken, "'"), channelz);
  EXPECT_EQ(authorised.exit_code, 0) << authorised.output;
}

TEST(AccessControl, ProbesCanBeClosedToo) {
  const std::string address = absl::StrCat("127.0.0.1:", testing::FreePort());
  auto process = testing::ServiceProcess::Start(
      testing::QueryServiceBinary(),
      {"--listen=" + address, "--database_url=postgresql:///unused", "--auth_probes"},
      {{"LAUREL_AUTH_TOKENS", absl::StrCat("query ", kQueryToken)}});
  ASSERT_TRUE(process.ok());
  absl::StatusOr<HealthCheckResponse::ServingStatus> health;
  for (int attempt = 0; attempt < 100; ++attempt) {  // until it listens
    health = testing::CheckHealth(address);
    if (!absl::IsUnavailable(health.status())) break;
    absl::SleepFor(absl::Milliseconds(100));
  }
  EXPECT_TRUE(absl::IsUnauthenticated(health.status())) << health.status() << (*process)->logs();
}

TEST(AccessControl, TokensFromAFile) {
  const std::string path = absl::StrCat(::testing::TempDir(), "/laurel-tokens-", getpid());
  std::ofstream(path) << "# scopes token\ningest,query " << kIngestToken << "\n";
  ServicesOptions options;
  options.ingest_args = {"--auth_tokens_file=" + path};
  options.query_args = {"--auth_tokens_file=" + path};
  auto services = Start(options);
  ASSERT_NE(services, nullptr);
  const Answers both = Call(*services, kIngestToken);
  EXPECT_EQ(both.ingest, StatusCode::OK);
  EXPECT_EQ(both.query, StatusCode::OK);
  EXPECT_EQ(Call(*services, kQueryToken).query, StatusCode::UNAUTHENTICATED);
  std::remove(path.c_str());
}

TEST(AccessControl, TokensOverPlaintextOnlyOnLoopback) {
  auto process = testing::ServiceProcess::Start(
      testing::QueryServiceBinary(),
      {absl::StrCat("--listen=0.0.0.0:", testing::FreePort()), "--database_url=postgresql:///x"},
      {{"LAUREL_AUTH_TOKENS", absl::StrCat("query ", kQueryToken)}});
  ASSERT_TRUE(process.ok());
  // It refuses to start; Terminate only collects the exit status.
  absl::SleepFor(absl::Seconds(1));
  auto exit_code = (*process)->Terminate();
  ASSERT_TRUE(exit_code.ok());
  EXPECT_EQ(*exit_code, 1) << (*process)->logs();
  EXPECT_NE((*process)->logs().find("clear text"), std::string::npos) << (*process)->logs();
}

class TlsTest : public ::testing::Test {
 protected:
  void SetUp() override {
    auto certificates = testing::TestCertificates::Create();
    ASSERT_TRUE(certificates.ok()) << certificates.status();
    certificates_ = std::move(*certificates);
  }

  std::vector<std::string> TlsFlags(bool mutual) const {
    std::vector<std::string> flags = {"--tls_cert_file=" + certificates_->server_cert_file(),
                                      "--tls_key_file=" + certificates_->server_key_file()};
    if (mutual) flags.push_back("--tls_client_ca_file=" + certificates_->ca_file());
    return flags;
  }

  std::shared_ptr<grpc::ChannelCredentials> Credentials(bool with_client_certificate) const {
    grpc::SslCredentialsOptions options;
    options.pem_root_certs = testing::TestCertificates::Read(certificates_->ca_file());
    if (with_client_certificate) {
      options.pem_private_key = testing::TestCertificates::Read(certificates_->client_key_file());
      options.pem_cert_chain = testing::TestCertificates::Read(certificates_->client_cert_file());
    }
    return grpc::SslCredentials(options);
  }

  std::unique_ptr<testing::TestCertificates> certificates_;
};

TEST_F(TlsTest, ServesTlsWithTokensAndRefusesPlaintext) {
  ServicesOptions options = WithTokens();
  options.ingest_args = options.query_args = TlsFlags(/*mutual=*/false);
  options.credentials = Credentials(/*with_client_certificate=*/false);
  auto services = Start(options);
  ASSERT_NE(services, nullptr);
  EXPECT_EQ(Call(*services, kIngestToken, options.credentials).ingest, StatusCode::OK);
  EXPECT_EQ(Call(*services, kQueryToken, options.credentials).query, StatusCode::OK);
  EXPECT_EQ(Call(*services, "", options.credentials).ingest, StatusCode::UNAUTHENTICATED);
  EXPECT_EQ(Call(*services, kIngestToken).ingest, StatusCode::UNAVAILABLE);
}

TEST_F(TlsTest, MutualTlsRefusesClientsWithoutACertificate) {
  ServicesOptions options;
  options.ingest_args = options.query_args = TlsFlags(/*mutual=*/true);
  options.credentials = Credentials(/*with_client_certificate=*/true);
  auto services = Start(options);
  ASSERT_NE(services, nullptr);
  const Answers with_certificate = Call(*services, "", options.credentials);
  EXPECT_EQ(with_certificate.ingest, StatusCode::OK);
  EXPECT_EQ(with_certificate.query, StatusCode::OK);
  const Answers without = Call(*services, "", Credentials(/*with_client_certificate=*/false));
  EXPECT_EQ(without.ingest, StatusCode::UNAVAILABLE);
  EXPECT_EQ(without.query, StatusCode::UNAVAILABLE);
}

TEST_F(TlsTest, CommandLineClientsSpeakTlsAndSendTheTokenFromTheEnvironment) {
  auto database = testing::TestDatabase::Create();
  ASSERT_TRUE(database.ok()) << database.status();
  const std::string address = absl::StrCat("127.0.0.1:", testing::FreePort());
  std::vector<std::string> args = TlsFlags(/*mutual=*/false);
  args.insert(args.end(), {"--listen=" + address, "--database_url=" + (*database)->url(),
                           "--readiness_interval=200ms", "--auth_probes"});
  auto ingest = testing::ServiceProcess::Start(
      testing::IngestServiceBinary(), args,
      {{"LAUREL_AUTH_TOKENS", absl::StrCat("ingest ", kIngestToken)}});
  ASSERT_TRUE(ingest.ok());
  const std::string health =
      absl::StrCat(testing::ToolBinary("laurel-health"), " --target=", address,
                   " --ca_file=", certificates_->ca_file(), " --tls_server_name=localhost");
  const auto with_token =
      testing::RunCommand(absl::StrCat("LAUREL_TOKEN=", kIngestToken, " ", health, " --wait=20s"));
  EXPECT_EQ(with_token.exit_code, 0) << with_token.output << (*ingest)->logs();
  EXPECT_NE(with_token.output.find("SERVING"), std::string::npos);
  const auto without_token = testing::RunCommand("LAUREL_TOKEN= " + health);
  EXPECT_EQ(without_token.exit_code, 1) << without_token.output;
}

}  // namespace
}  // namespace laurel

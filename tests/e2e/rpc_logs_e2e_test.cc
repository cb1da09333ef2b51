// Every RPC leaves one JSON line on stderr with its request id, method, status and duration, at the
// level --log_level lets through.
#include <string>
#include <vector>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_split.h"
#include "absl/time/clock.h"
#include "grpcpp/grpcpp.h"
#include "gtest/gtest.h"
#include "laurel/v1/query_service.grpc.pb.h"
#include "nlohmann/json.hpp"
#include "tests/support/running_services.h"

namespace laurel {
namespace {

using grpc::health::v1::HealthCheckResponse;

// Every log line, each of which must be a JSON object.
std::vector<nlohmann::json> LogLines(const std::string& logs) {
  std::vector<nlohmann::json> lines;
  for (absl::string_view line : absl::StrSplit(logs, '\n', absl::SkipEmpty())) {
    nlohmann::json parsed = nlohmann::json::parse(line, nullptr, /*allow_exceptions=*/false);
    EXPECT_TRUE(parsed.is_object()) << "not a JSON object: " << line;
    lines.push_back(std::move(parsed));
  }
  return lines;
}

class RpcLogsTest : public ::testing::Test {
 protected:
  // A query-service at `log_level` over a migrated database, SERVING.
  void StartQueryService(const std::string& log_level) {
    const std::string url = testing::MigratedDatabaseUrl(database_);
    ASSERT_FALSE(url.empty());
    address_ = absl::StrCat("127.0.0.1:", testing::FreePort());
    auto service = testing::ServiceProcess::Start(
        testing::QueryServiceBinary(),
        {absl::StrCat("--listen=", address_), absl::StrCat("--database_url=", url),
         absl::StrCat("--log_level=", log_level), "--readiness_interval=200ms"});
    ASSERT_TRUE(service.ok()) << service.status();
    service_ = std::move(*service);
    ASSERT_TRUE(testing::WaitForHealth(address_, HealthCheckResponse::SERVING).ok())
        << service_->logs();
    stub_ = v1::QueryService::NewStub(
        grpc::CreateChannel(address_, grpc::InsecureChannelCredentials()));
  }

  // GetArticle of an article that does not exist, with `request_id` unless empty; returns the
  // request id the server answered with.
  std::string GetMissingArticle(const std::string& request_id) {
    grpc::ClientContext context;
    if (!request_id.empty()) context.AddMetadata("x-request-id", request_id);
    v1::GetArticleRequest request;
    request.set_name("articles/424242");
    v1::GetArticleResponse response;
    EXPECT_EQ(stub_->GetArticle(&context, request, &response).error_code(),
              grpc::StatusCode::NOT_FOUND);
    auto echoed = context.GetServerInitialMetadata().find("x-request-id");
    if (echoed == context.GetServerInitialMetadata().end()) return "";
    return std::string(echoed->second.data(), echoed->second.size());
  }

  // The lines of event "rpc", once the service has written `count` of them (logging follows the
  // response by a hair).
  std::vector<nlohmann::json> RpcLines(size_t count) {
    std::vector<nlohmann::json> rpc;
    for (int attempt = 0; attempt < 50 && rpc.size() < count; ++attempt) {
      absl::SleepFor(absl::Milliseconds(20));
      rpc.clear();
      for (auto& line : LogLines(service_->logs())) {
        if (line.value("event", "") == "rpc") rpc.push_back(std::move(line));
      }
    }
    return rpc;
  }

  std::unique_ptr<testing::TestDatabase> database_;
  std::string address_;
  std::unique_ptr<testing::ServiceProcess> service_;
  std::unique_ptr<v1::QueryService::Stub> stub_;
};

TEST_F(RpcLogsTest, EveryCallIsOneJsonLineWithRequestIdMethodStatusAndDuration) {
  StartQueryService("info");
  EXPECT_EQ(GetMissingArticle("client-chosen-42"), "client-chosen-42");
  const std::string generated = GetMissingArticle("");
  EXPECT_EQ(generated.size(), 32u) << generated;

  const std::vector<nlohmann::json> rpc = RpcLines(2);
  // Health checks made while waiting for SERVING are logged at debug level only.
  ASSERT_EQ(rpc.size(), 2u) << service_->logs();
  EXPECT_EQ(rpc[0]["request_id"], "client-chosen-42");
  EXPECT_EQ(rpc[1]["request_id"], generated);
  for (const nlohmann::json& line : rpc) {
    EXPECT_EQ(line["level"], "info");
    EXPECT_EQ(line["method"], "/laurel.v1.QueryService/GetArticle");
    EXPECT_EQ(line["code"], "NOT_FOUND");
    ASSERT_TRUE(line["duration_ms"].is_number()) << line;
    EXPECT_GE(line["duration_ms"].get<double>(), 0);
    EXPECT_TRUE(line.contains("error")) << line;
    EXPECT_TRUE(line.contains("ts")) << line;
  }
}

TEST_F(RpcLogsTest, LogLevelFlagHidesRoutineCalls) {
  StartQueryService("warning");
  GetMissingArticle("hidden-at-warning");
  absl::SleepFor(absl::Milliseconds(300));
  EXPECT_EQ(service_->logs().find("hidden-at-warning"), std::string::npos) << service_->logs();
}

TEST_F(RpcLogsTest, DebugLevelShowsHealthChecks) {
  StartQueryService("debug");
  bool health_logged = false;
  for (const nlohmann::json& line : RpcLines(1)) {
    if (line["method"] == "/grpc.health.v1.Health/Check") {
      health_logged = true;
      EXPECT_EQ(line["level"], "debug");
    }
  }
  EXPECT_TRUE(health_logged) << service_->logs();
}

}  // namespace
}  // namespace laurel

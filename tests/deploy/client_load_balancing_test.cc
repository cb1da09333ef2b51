// The client guidance of deploy/k8s/README.md, run: a channel to every replica (what the headless
// Service's DNS name resolves to) with the round_robin service config spreads calls over all of
// them, where the default pick_first sends every call down one connection — to one replica, however
// many the autoscaler adds. The replicas' own metrics tell where the calls went.
#include <string>

#include "absl/strings/str_cat.h"
#include "grpcpp/grpcpp.h"
#include "gtest/gtest.h"
#include "laurel/v1/query_service.grpc.pb.h"
#include "tests/support/buf_curl.h"
#include "tests/support/prometheus_text.h"
#include "tests/support/running_services.h"

namespace laurel {
namespace {

using grpc::health::v1::HealthCheckResponse;

// Exactly as deploy/k8s/README.md tells clients to configure their channel.
constexpr char kRoundRobinServiceConfig[] = R"({"loadBalancingConfig": [{"round_robin": {}}]})";
constexpr int kCalls = 40;

class ClientLoadBalancingTest : public ::testing::Test {
 protected:
  void SetUp() override {
    const std::string url = testing::MigratedDatabaseUrl(database_);
    ASSERT_FALSE(url.empty());
    for (int i = 0; i < 2; ++i) {
      const std::string address = absl::StrCat("127.0.0.1:", testing::FreePort());
      auto replica = testing::ServiceProcess::Start(
          testing::QueryServiceBinary(),
          {absl::StrCat("--listen=", address), absl::StrCat("--database_url=", url),
           "--readiness_interval=200ms", "--log_level=warning"});
      ASSERT_TRUE(replica.ok()) << replica.status();
      ASSERT_TRUE(testing::WaitForHealth(address, HealthCheckResponse::SERVING).ok())
          << (*replica)->logs();
      addresses_.push_back(address);
      replicas_.push_back(std::move(*replica));
    }
  }

  // Calls on one channel to both replicas; how many each replica served.
  std::vector<double> SpreadOfCalls(const grpc::ChannelArguments& arguments) {
    // The resolver's answer for the headless Service: every ready pod's address.
    const std::string target = absl::StrCat("ipv4:", addresses_[0], ",", addresses_[1]);
    auto stub = v1::QueryService::NewStub(
        grpc::CreateCustomChannel(target, grpc::InsecureChannelCredentials(), arguments));
    const std::vector<double> before = Served();
    for (int i = 0; i < kCalls; ++i) {
      grpc::ClientContext context;
      context.set_wait_for_ready(true);
      context.set_deadline(std::chrono::system_clock::now() + std::chrono::seconds(10));
      v1::GetAwardStatisticsRequest request;
      v1::GetAwardStatisticsResponse response;
      EXPECT_TRUE(stub->GetAwardStatistics(&context, request, &response).ok());
    }
    std::vector<double> spread = Served();
    for (size_t i = 0; i < spread.size(); ++i) spread[i] -= before[i];
    return spread;
  }

  std::vector<double> Served() {
    std::vector<double> served;
    for (const auto& replica : replicas_) {
      const testing::CommandResult curl = testing::Curl(replica->metrics_address());
      EXPECT_EQ(curl.exit_code, 0) << curl.output;
      auto scrape = testing::ParsePrometheusText(curl.output);
      EXPECT_TRUE(scrape.ok()) << scrape.status();
      served.push_back(scrape->Value(testing::Series("laurel_grpc_server_handled_total",
                                                     {{"grpc_service", "laurel.v1.QueryService"},
                                                      {"grpc_method", "GetAwardStatistics"},
                                                      {"grpc_code", "OK"}})));
    }
    return served;
  }

  std::unique_ptr<testing::TestDatabase> database_;
  std::vector<std::string> addresses_;
  std::vector<std::unique_ptr<testing::ServiceProcess>> replicas_;
};

TEST_F(ClientLoadBalancingTest, RoundRobinSpreadsCallsOverEveryReplica) {
  grpc::ChannelArguments arguments;
  arguments.SetServiceConfigJSON(kRoundRobinServiceConfig);
  const std::vector<double> spread = SpreadOfCalls(arguments);
  EXPECT_EQ(spread[0] + spread[1], kCalls);
  // Until both connections are up the first calls may all go to one replica; then they alternate.
  EXPECT_GE(spread[0], kCalls / 4);
  EXPECT_GE(spread[1], kCalls / 4);
}

TEST_F(ClientLoadBalancingTest, WithoutItOneReplicaGetsEverything) {
  const std::vector<double> spread = SpreadOfCalls(grpc::ChannelArguments());
  EXPECT_EQ(spread[0] + spread[1], kCalls);
  EXPECT_TRUE(spread[0] == 0 || spread[1] == 0) << spread[0] << " and " << spread[1];
}

}  // namespace
}  // namespace laurel

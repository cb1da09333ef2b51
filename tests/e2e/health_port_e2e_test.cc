// The plaintext health-only port of --health_listen, which the kubelet's native gRPC probes ask: it
// answers every health entry exactly as the main port does, through a database outage and a
// SIGTERM drain, closes only after the main port, and serves nothing but grpc.health.v1. Runs its
// own PostgreSQL, which it stops.
#include <signal.h>

#include <string>
#include <vector>

#include "absl/strings/str_cat.h"
#include "common/grpc_server.h"
#include "grpc/health/v1/health.grpc.pb.h"
#include "grpcpp/generic/generic_stub.h"
#include "grpcpp/grpcpp.h"
#include "gtest/gtest.h"
#include "laurel/v1/ingest_service.grpc.pb.h"
#include "laurel/v1/query_service.grpc.pb.h"
#include "tests/support/private_postgres.h"
#include "tests/support/running_services.h"

namespace laurel {
namespace {

using grpc::StatusCode;
using grpc::health::v1::HealthCheckResponse;

// A service's main port, its health port and the health entries it reports.
struct Ports {
  std::string main;
  std::string health;
  std::vector<std::string> names;
};

// The status code of a unary call to `method` ("/package.Service/Method") with an empty request:
// enough to tell whether a port serves the method at all.
StatusCode CallCode(const std::string& address, const std::string& method) {
  grpc::GenericStub stub(testing::TestChannel(address));
  grpc::CompletionQueue queue;
  grpc::ClientContext context;
  context.set_deadline(std::chrono::system_clock::now() + std::chrono::seconds(10));
  // An empty message, serialized: a default ByteBuffer holds none at all.
  grpc::Slice empty("");
  const grpc::ByteBuffer request(&empty, 1);
  grpc::ByteBuffer response;
  grpc::Status status;
  auto call = stub.PrepareUnaryCall(&context, method, request, &queue);
  call->StartCall();
  call->Finish(&response, &status, &response);
  void* tag = nullptr;
  bool ok = false;
  EXPECT_TRUE(queue.Next(&tag, &ok));
  queue.Shutdown();
  while (queue.Next(&tag, &ok)) {
  }
  return status.error_code();
}

class HealthPortTest : public ::testing::Test {
 protected:
  void SetUp() override {
    auto postgres = testing::PrivatePostgres::Start();
    ASSERT_TRUE(postgres.ok()) << postgres.status();
    postgres_ = std::move(*postgres);
    const std::string ingest_health = absl::StrCat("127.0.0.1:", testing::FreePort());
    const std::string query_health = absl::StrCat("127.0.0.1:", testing::FreePort());
    testing::ServicesOptions options;
    options.admin_url = postgres_->admin_url();
    options.ingest_args = {"--health_listen=" + ingest_health};
    options.query_args = {"--health_listen=" + query_health};
    // Short waits, so an outage shows within a readiness interval.
    for (auto* args : {&options.ingest_args, &options.query_args}) {
      args->insert(args->end(), {"--readiness_interval=200ms", "--db_connect_timeout=1s",
                                 "--db_acquire_timeout=1s"});
    }
    auto services = testing::RunningServices::Start(options);
    ASSERT_TRUE(services.ok()) << services.status();
    services_ = std::move(*services);
    ingest_ = {services_->ingest_address(),
               ingest_health,
               {"", kLivenessHealthName, "laurel.v1.IngestService", "laurel.v1.AdminService"}};
    query_ = {services_->query_address(),
              query_health,
              {"", kLivenessHealthName, "laurel.v1.QueryService"}};
  }

  // Waits until both ports of `ports` report `wanted` for the whole server.
  static void WaitForBoth(const Ports& ports, HealthCheckResponse::ServingStatus wanted) {
    for (const std::string& address : {ports.main, ports.health}) {
      EXPECT_TRUE(testing::WaitForHealth(address, wanted, absl::Seconds(20)).ok())
          << address << " never reported " << HealthCheckResponse::ServingStatus_Name(wanted);
    }
  }

  // Every entry, and a name that is no entry, answered alike on both ports; `overall` for the
  // entries that follow the database, SERVING for liveness.
  static void ExpectSameAnswers(const Ports& ports, HealthCheckResponse::ServingStatus overall) {
    std::vector<std::string> names = ports.names;
    names.push_back("laurel.v1.NoSuchService");
    for (const std::string& name : names) {
      SCOPED_TRACE(absl::StrCat(ports.health, " \"", name, "\""));
      const auto main = testing::CheckHealth(ports.main, name);
      const auto health = testing::CheckHealth(ports.health, name);
      ASSERT_EQ(main.status().code(), health.status().code()) << health.status();
      if (name == "laurel.v1.NoSuchService") {
        EXPECT_EQ(health.status().code(), absl::StatusCode::kNotFound);
        continue;
      }
      ASSERT_TRUE(health.ok()) << health.status();
      EXPECT_EQ(*main, *health);
      EXPECT_EQ(*health, name == kLivenessHealthName ? HealthCheckResponse::SERVING : overall);
    }
  }

  std::unique_ptr<testing::PrivatePostgres> postgres_;
  std::unique_ptr<testing::RunningServices> services_;
  Ports ingest_;
  Ports query_;
};

TEST_F(HealthPortTest, AnswersAsTheMainPortThroughADatabaseOutage) {
  for (const Ports* ports : {&ingest_, &query_}) {
    WaitForBoth(*ports, HealthCheckResponse::SERVING);
    ExpectSameAnswers(*ports, HealthCheckResponse::SERVING);
  }
  ASSERT_TRUE(postgres_->Stop().ok());
  for (const Ports* ports : {&ingest_, &query_}) {
    WaitForBoth(*ports, HealthCheckResponse::NOT_SERVING);
    // Unready, but alive: a probe restarts nothing over a database outage.
    ExpectSameAnswers(*ports, HealthCheckResponse::NOT_SERVING);
  }
  ASSERT_TRUE(postgres_->Restart().ok());
  for (const Ports* ports : {&ingest_, &query_}) {
    WaitForBoth(*ports, HealthCheckResponse::SERVING);
    ExpectSameAnswers(*ports, HealthCheckResponse::SERVING);
  }
}

TEST_F(HealthPortTest, FollowsTheSigtermDrainAndClosesAfterTheMainPort) {
  auto stub = grpc::health::v1::Health::NewStub(testing::TestChannel(query_.health));
  grpc::ClientContext context;
  context.set_deadline(std::chrono::system_clock::now() + std::chrono::seconds(30));
  auto watch = stub->Watch(&context, grpc::health::v1::HealthCheckRequest());
  HealthCheckResponse response;
  ASSERT_TRUE(watch->Read(&response));
  EXPECT_EQ(response.status(), HealthCheckResponse::SERVING);

  ASSERT_EQ(kill(services_->query().pid(), SIGTERM), 0);
  ASSERT_TRUE(watch->Read(&response)) << "the health port closed without saying NOT_SERVING";
  EXPECT_EQ(response.status(), HealthCheckResponse::NOT_SERVING);
  while (watch->Read(&response)) EXPECT_EQ(response.status(), HealthCheckResponse::NOT_SERVING);
  // The stream ends when the health port closes, and by then the main port is closed already.
  const grpc::Status ended = watch->Finish();
  EXPECT_NE(ended.error_code(), StatusCode::DEADLINE_EXCEEDED) << ended.error_message();
  const auto main = testing::CheckHealth(query_.main);
  EXPECT_FALSE(main.ok()) << "the main port still answers after the health port closed";
  auto exit_code = services_->query().Wait();
  ASSERT_TRUE(exit_code.ok()) << exit_code.status();
  EXPECT_EQ(*exit_code, 0) << services_->query().logs();
}

TEST_F(HealthPortTest, ServesHealthAlone) {
  const std::vector<std::string> not_health = {
      "/laurel.v1.IngestService/IngestArticle",
      "/laurel.v1.AdminService/ReparseArticles",
      "/laurel.v1.QueryService/ListArticles",
      "/grpc.reflection.v1alpha.ServerReflection/ServerReflectionInfo",
      "/grpc.reflection.v1.ServerReflection/ServerReflectionInfo",
      "/grpc.channelz.v1.Channelz/GetTopChannels"};
  for (const Ports* ports : {&ingest_, &query_}) {
    for (const std::string& method : not_health) {
      EXPECT_EQ(CallCode(ports->health, method), StatusCode::UNIMPLEMENTED)
          << ports->health << " serves " << method;
    }
  }
  // The main ports do serve what the health ports refuse, so the refusals above are the ports'.
  EXPECT_NE(CallCode(ingest_.main, "/laurel.v1.IngestService/IngestArticle"),
            StatusCode::UNIMPLEMENTED);
  EXPECT_NE(CallCode(query_.main, "/laurel.v1.QueryService/ListArticles"),
            StatusCode::UNIMPLEMENTED);
  for (const Ports* ports : {&ingest_, &query_}) {
    EXPECT_EQ(CallCode(ports->main, "/grpc.channelz.v1.Channelz/GetTopChannels"), StatusCode::OK);
    EXPECT_NE(
        CallCode(ports->main, "/grpc.reflection.v1alpha.ServerReflection/ServerReflectionInfo"),
        StatusCode::UNIMPLEMENTED);
  }
}

TEST(HealthPortStartup, ATakenHealthPortStopsTheServiceFromStarting) {
  // The main port's own address: a port already listened on must not be shared.
  const std::string address = absl::StrCat("127.0.0.1:", testing::FreePort());
  auto query = testing::ServiceProcess::Start(
      testing::QueryServiceBinary(), {"--listen=" + address, "--health_listen=" + address});
  ASSERT_TRUE(query.ok()) << query.status();
  auto exit_code = (*query)->Wait();
  ASSERT_TRUE(exit_code.ok()) << exit_code.status();
  EXPECT_NE(*exit_code, 0);
  EXPECT_NE((*query)->logs().find("cannot serve health on " + address), std::string::npos)
      << (*query)->logs();
}

}  // namespace
}  // namespace laurel

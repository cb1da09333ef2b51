// A grpcurl user's view: server reflection lists, describes and calls every service, health
// included. The client is buf curl (tests/support/buf_curl).
#include <string>

#include "absl/strings/escaping.h"
#include "absl/strings/str_cat.h"
#include "google/rpc/error_details.pb.h"
#include "gtest/gtest.h"
#include "tests/support/buf_curl.h"
#include "tests/support/running_services.h"

namespace laurel {
namespace {

using testing::Buf;
using testing::BufCurl;
using testing::CommandResult;
using testing::RunCommand;

class ReflectionTest : public ::testing::Test {
 protected:
  void SetUp() override {
    const CommandResult version = RunCommand(Buf() + " --version");
    ASSERT_EQ(version.exit_code, 0)
        << "the buf CLI is needed to play a grpcurl user (scripts/test.sh installs it): "
        << version.output;
    auto services = testing::RunningServices::Start();
    ASSERT_TRUE(services.ok()) << services.status();
    services_ = std::move(*services);
  }

  std::unique_ptr<testing::RunningServices> services_;
};

TEST_F(ReflectionTest, ListsEveryServiceOnBothServers) {
  for (const auto& [address, api] :
       {std::pair(services_->ingest_address(), "laurel.v1.IngestService"),
        std::pair(services_->query_address(), "laurel.v1.QueryService")}) {
    const CommandResult listed = BufCurl("--list-services", address);
    ASSERT_EQ(listed.exit_code, 0) << listed.output;
    for (const char* service :
         {api, "grpc.health.v1.Health", "grpc.reflection.v1alpha.ServerReflection"}) {
      EXPECT_NE(listed.output.find(service), std::string::npos) << service << " in\n"
                                                                << listed.output;
    }
  }
}

TEST_F(ReflectionTest, ListsMethods) {
  const CommandResult methods = BufCurl("--list-methods", services_->query_address());
  ASSERT_EQ(methods.exit_code, 0) << methods.output;
  for (const char* method :
       {"laurel.v1.QueryService/GetAwardStatistics", "laurel.v1.QueryService/GetArticle",
        "laurel.v1.QueryService/ListEvents", "laurel.v1.QueryService/ListAwards"}) {
    EXPECT_NE(methods.output.find(method), std::string::npos) << method;
  }
}

TEST_F(ReflectionTest, HealthCanBeCalledThroughReflection) {
  for (const std::string& address : {services_->ingest_address(), services_->query_address()}) {
    const CommandResult check = BufCurl("", address + "/grpc.health.v1.Health/Check");
    ASSERT_EQ(check.exit_code, 0) << check.output;
    EXPECT_NE(check.output.find("SERVING"), std::string::npos) << check.output;
  }
}

TEST_F(ReflectionTest, ApiCanBeCalledWithJson) {
  const CommandResult ingest = BufCurl(
      "-d '{\"text\": \"12:00, 01/02/2021\\n\\nTin ngắn\\n\\nSáng 1-2, UBND tỉnh Nghệ An trao bằng "
      "khen cho 3 tập thể.\"}'",
      services_->ingest_address() + "/laurel.v1.IngestService/IngestArticle");
  ASSERT_EQ(ingest.exit_code, 0) << ingest.output;
  EXPECT_NE(ingest.output.find("\"articles/"), std::string::npos) << ingest.output;

  const CommandResult statistics =
      BufCurl("-d '{\"groupBy\": [\"DIMENSION_PROVINCE\"]}'",
              services_->query_address() + "/laurel.v1.QueryService/GetAwardStatistics");
  ASSERT_EQ(statistics.exit_code, 0) << statistics.output;
  EXPECT_NE(statistics.output.find("\"total\""), std::string::npos) << statistics.output;
}

TEST_F(ReflectionTest, BadInputShowsTheReason) {
  const CommandResult rejected =
      BufCurl("-d '{\"text\": \"   \"}'",
              services_->ingest_address() + "/laurel.v1.IngestService/IngestArticle");
  EXPECT_NE(rejected.exit_code, 0);
  EXPECT_NE(rejected.output.find("invalid_argument"), std::string::npos) << rejected.output;
  EXPECT_NE(rejected.output.find("text is empty"), std::string::npos) << rejected.output;
  // buf prints error details it has no schema for as base64; grpcurl resolves them through
  // reflection.
  const size_t info = rejected.output.find("\"google.rpc.ErrorInfo\"");
  ASSERT_NE(info, std::string::npos) << rejected.output;
  const size_t value = rejected.output.find("\"value\": \"", info);
  ASSERT_NE(value, std::string::npos) << rejected.output;
  const size_t begin = value + 10;
  std::string bytes;
  ASSERT_TRUE(absl::Base64Unescape(
      rejected.output.substr(begin, rejected.output.find('"', begin) - begin), &bytes));
  google::rpc::ErrorInfo error_info;
  ASSERT_TRUE(error_info.ParseFromString(bytes));
  EXPECT_EQ(error_info.reason(), "EMPTY_TEXT");
  EXPECT_EQ(error_info.domain(), "ingest.laurel.v1");
}

}  // namespace
}  // namespace laurel

// The contract a container runtime relies on, proven without Docker: each image's service, started
// exactly as its image starts it — the ENTRYPOINT script with the image's CMD, the image's ENV plus
// the database URL (as compose and the Kubernetes manifests add it), no flags, as the image's
// non-root USER — becomes SERVING, passes the image's HEALTHCHECK, serves metrics, writes JSON log
// lines to stdout/stderr, and exits 0 on SIGTERM. The migration entrypoint applies the schema and
// exits.
#include <unistd.h>

#include <filesystem>
#include <string>
#include <vector>

#include "absl/strings/match.h"
#include "absl/strings/numbers.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_split.h"
#include "common/migrator.h"
#include "gtest/gtest.h"
#include "nlohmann/json.hpp"
#include "tests/support/buf_curl.h"
#include "tests/support/dockerfile.h"
#include "tests/support/image_root.h"
#include "tests/support/running_services.h"
#include "tests/support/source_tree.h"

namespace laurel {
namespace {

using grpc::health::v1::HealthCheckResponse;
using testing::ServiceProcess;

// How long compose (stop_grace_period) and Kubernetes (terminationGracePeriodSeconds) wait after
// SIGTERM before they kill.
constexpr absl::Duration kStopGracePeriod = absl::Seconds(30);

class ContainerContractTest : public ::testing::Test {
 protected:
  void SetUp() override {
    ASSERT_TRUE(image_.error().empty()) << image_.error();
    auto text = testing::ReadFile(testing::SourcePath("deploy/docker/Dockerfile"));
    ASSERT_TRUE(text.ok()) << text.status();
    auto parsed = testing::Dockerfile::Parse(*text);
    ASSERT_TRUE(parsed.ok()) << parsed.status();
    dockerfile_ = *parsed;
    auto database = testing::TestDatabase::Create();
    ASSERT_TRUE(database.ok()) << database.status();
    database_ = std::move(*database);
  }

  // The uid and gid the image's USER names.
  std::pair<int, int> ImageUser(const std::string& target) {
    const std::vector<std::string> ids = absl::StrSplit(dockerfile_.Last(target, "USER"), ':');
    int uid = -1, gid = -1;
    EXPECT_TRUE(absl::SimpleAtoi(ids.front(), &uid) && absl::SimpleAtoi(ids.back(), &gid))
        << "USER should be numeric";
    return {uid, gid};
  }

  // Starts a container of `target`: `command` (the image's CMD when empty) after its ENTRYPOINT,
  // with the image's environment overridden by `environment`, as the image's user.
  std::unique_ptr<ServiceProcess> Run(
      const std::string& target, std::vector<std::string> command,
      const std::vector<std::pair<std::string, std::string>>& environment) {
    auto entrypoint = testing::ExecForm(dockerfile_.Last(target, "ENTRYPOINT"));
    EXPECT_TRUE(entrypoint.ok()) << entrypoint.status();
    if (command.empty()) {
      auto image_command = testing::ExecForm(dockerfile_.Last(target, "CMD"));
      EXPECT_TRUE(image_command.ok()) << image_command.status();
      command = *image_command;
    }
    return Exec(target, *entrypoint, command, environment);
  }

  // `docker exec`: `words` in a container of `target`.
  std::unique_ptr<ServiceProcess> Exec(
      const std::string& target, std::vector<std::string> words,
      const std::vector<std::string>& more_words,
      const std::vector<std::pair<std::string, std::string>>& environment) {
    words.insert(words.end(), more_words.begin(), more_words.end());
    std::map<std::string, std::string> merged = dockerfile_.Environment(target);
    merged["PATH"] = absl::StrCat(image_.bin().string(), ":/usr/sbin:/usr/bin:/sbin:/bin");
    merged["HOME"] = "/nonexistent";
    for (const auto& [name, value] : environment) merged[name] = value;
    const std::vector<std::pair<std::string, std::string>> container_environment(merged.begin(),
                                                                                 merged.end());
    testing::ProcessOptions options;
    options.clean_environment = true;
    if (geteuid() == 0) std::tie(options.uid, options.gid) = ImageUser(target);
    // The runtime looks the first word up on the image's PATH.
    const std::string binary = (image_.bin() / words.front()).string();
    auto process =
        ServiceProcess::Start(binary, std::vector<std::string>(words.begin() + 1, words.end()),
                              container_environment, options);
    EXPECT_TRUE(process.ok()) << process.status();
    return process.ok() ? std::move(*process) : nullptr;
  }

  // What `docker run -e` adds: the database and, since tests run side by side, free host ports.
  std::vector<std::pair<std::string, std::string>> DeploymentEnvironment(
      const std::string& database_url) {
    grpc_port_ = testing::FreePort();
    metrics_port_ = testing::FreePort();
    return {{"LAUREL_DATABASE_URL", database_url},
            {"LAUREL_LISTEN", absl::StrCat("0.0.0.0:", grpc_port_)},
            {"LAUREL_METRICS_LISTEN", absl::StrCat("0.0.0.0:", metrics_port_)}};
  }

  // Runs the image's HEALTHCHECK command in a container of `target`; its exit code.
  int HealthCheck(const std::string& target,
                  const std::vector<std::pair<std::string, std::string>>& environment) {
    const std::string healthcheck = dockerfile_.Last(target, "HEALTHCHECK");
    auto probe = testing::ExecForm(healthcheck.substr(healthcheck.find("CMD ") + 4));
    EXPECT_TRUE(probe.ok()) << probe.status();
    auto process = Exec(target, *probe, {}, environment);
    auto exit_code = process->Wait(absl::Seconds(10));
    EXPECT_TRUE(exit_code.ok()) << exit_code.status();
    return exit_code.ok() ? *exit_code : -1;
  }

  // Applies the schema the way a deployment does before rolling out: the ingest image's migrate.
  void Migrate() {
    auto migrate = Run("ingest-service", {"migrate"}, DeploymentEnvironment(database_->url()));
    ASSERT_NE(migrate, nullptr);
    auto exit_code = migrate->Wait(absl::Seconds(60));
    ASSERT_TRUE(exit_code.ok()) << exit_code.status() << migrate->logs();
    EXPECT_EQ(*exit_code, 0) << migrate->logs();
    ExpectJsonLines(migrate->logs(), "schema_ready");
  }

  // Every line the process wrote is a JSON object, and one of them is event `event`.
  static void ExpectJsonLines(const std::string& logs, const std::string& event) {
    bool seen = false;
    int lines = 0;
    for (absl::string_view line : absl::StrSplit(logs, '\n', absl::SkipEmpty())) {
      const nlohmann::json parsed = nlohmann::json::parse(line, nullptr, false);
      ASSERT_TRUE(parsed.is_object()) << "not a JSON line: " << line;
      seen |= parsed.value("event", "") == event;
      ++lines;
    }
    EXPECT_GT(lines, 0);
    EXPECT_TRUE(seen) << "no " << event << " in\n" << logs;
  }

  // Field `field` ("Uid", "Name") of /proc/PID/status: the process as the kernel sees it.
  static std::string ProcStatus(pid_t pid, const std::string& field) {
    auto status = testing::ReadFile(absl::StrCat("/proc/", pid, "/status"));
    if (!status.ok()) return "";
    for (absl::string_view line : absl::StrSplit(*status, '\n')) {
      if (absl::ConsumePrefix(&line, field + ":")) {
        return std::string(absl::StripAsciiWhitespace(line));
      }
    }
    return "";
  }

  testing::Dockerfile dockerfile_;
  testing::ImageRoot image_;
  std::unique_ptr<testing::TestDatabase> database_;
  int grpc_port_ = 0;
  int metrics_port_ = 0;
};

TEST_F(ContainerContractTest, EachImageServesPassesItsHealthcheckAndStopsOnSigterm) {
  Migrate();
  for (const std::string target : {"ingest-service", "query-service"}) {
    SCOPED_TRACE(target);
    const auto environment = DeploymentEnvironment(database_->url());
    auto container = Run(target, {}, environment);
    ASSERT_NE(container, nullptr);
    const std::string address = absl::StrCat("127.0.0.1:", grpc_port_);
    ASSERT_TRUE(testing::WaitForHealth(address, HealthCheckResponse::SERVING).ok())
        << container->logs();

    // The entrypoint script exec'd the service: it is the container's main process, so it
    // receives the runtime's SIGTERM itself.
    EXPECT_EQ(ProcStatus(container->pid(), "Name"), target.substr(0, 15));
    const std::string uid = ProcStatus(container->pid(), "Uid");
    EXPECT_NE(uid.substr(0, uid.find_first_of(" \t")), "0") << "runs as root";
    if (geteuid() == 0) {
      EXPECT_TRUE(absl::StartsWith(uid, absl::StrCat(ImageUser(target).first, "\t"))) << uid;
    }

    EXPECT_EQ(HealthCheck(target, environment), 0);
    const testing::CommandResult metrics = testing::Curl(absl::StrCat("127.0.0.1:", metrics_port_));
    EXPECT_EQ(metrics.exit_code, 0) << metrics.output;
    EXPECT_TRUE(absl::StrContains(metrics.output, "laurel_grpc_server_handled_total"));

    auto exit_code = container->Terminate(kStopGracePeriod);
    ASSERT_TRUE(exit_code.ok()) << exit_code.status();
    EXPECT_EQ(*exit_code, 0) << container->logs();
    ExpectJsonLines(container->logs(), "serving");
    ExpectJsonLines(container->logs(), "stopped");
  }
}

TEST_F(ContainerContractTest, MigrateBringsTheSchemaToTheBuiltVersion) {
  Migrate();
  pqxx::connection connection(database_->url());
  auto version = AppliedSchemaVersion(connection);
  ASSERT_TRUE(version.ok()) << version.status();
  EXPECT_EQ(*version, EmbeddedSchemaVersion());
}

TEST_F(ContainerContractTest, HealthcheckFailsWhileTheServiceCannotServe) {
  // The schema was never applied: query-service stays NOT_SERVING.
  const auto environment = DeploymentEnvironment(database_->url());
  auto container = Run("query-service", {}, environment);
  ASSERT_NE(container, nullptr);
  const std::string address = absl::StrCat("127.0.0.1:", grpc_port_);
  ASSERT_TRUE(testing::WaitForHealth(address, HealthCheckResponse::NOT_SERVING).ok())
      << container->logs();
  EXPECT_NE(HealthCheck("query-service", environment), 0);
  auto exit_code = container->Terminate(kStopGracePeriod);
  ASSERT_TRUE(exit_code.ok()) << exit_code.status();
  EXPECT_EQ(*exit_code, 0) << container->logs();
}

TEST_F(ContainerContractTest, EntrypointWithoutACommandIsAUsageError) {
  auto container = Exec("query-service", {"laurel-entrypoint"}, {}, {});
  ASSERT_NE(container, nullptr);
  auto exit_code = container->Wait();
  ASSERT_TRUE(exit_code.ok()) << exit_code.status();
  EXPECT_EQ(*exit_code, 64) << container->logs();
}

}  // namespace
}  // namespace laurel

// deploy/docker/compose.yaml checked against what it starts: images built from real Dockerfile
// targets, ports and environment variables that the binaries' flags define, the database URL
// pointing at the compose database, and the start order migrate → services → sample load.
#include <filesystem>
#include <set>
#include <string>

#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_split.h"
#include "gtest/gtest.h"
#include "tests/support/binary_flags.h"
#include "tests/support/dockerfile.h"
#include "tests/support/running_services.h"
#include "tests/support/source_tree.h"
#include "tests/support/yaml_files.h"

namespace laurel {
namespace {

namespace fs = std::filesystem;

// A scalar as text; "" for a missing or non-scalar node.
std::string Str(const YAML::Node& node) {
  return node && node.IsScalar() ? node.as<std::string>() : "";
}

class ComposeTest : public ::testing::Test {
 protected:
  void SetUp() override {
    auto documents = testing::LoadYamlDocuments(testing::SourcePath("deploy/docker/compose.yaml"));
    ASSERT_TRUE(documents.ok()) << documents.status();
    ASSERT_EQ(documents->size(), 1u);
    services_ = (*documents)[0]["services"];
    ASSERT_TRUE(services_.IsMap());
    auto text = testing::ReadFile(testing::SourcePath("deploy/docker/Dockerfile"));
    ASSERT_TRUE(text.ok());
    auto dockerfile = testing::Dockerfile::Parse(*text);
    ASSERT_TRUE(dockerfile.ok()) << dockerfile.status();
    dockerfile_ = *dockerfile;
  }

  // The Dockerfile target a service's image is built from ("" for images from elsewhere).
  std::string TargetOf(const std::string& service) const {
    const YAML::Node build = services_[service]["build"];
    return build ? Str(build["target"]) : "";
  }

  // The binary a service runs: its command through laurel-entrypoint, else the image's CMD.
  std::string BinaryOf(const std::string& service) const {
    const YAML::Node words = services_[service]["command"];
    std::string command = words ? Str(words[0]) : "";
    if (command.empty()) command = TargetOf(service);
    if (command == "migrate") return testing::ToolBinary("laurel-migrate");
    if (command == "ingest-service") return testing::IngestServiceBinary();
    if (command == "query-service") return testing::QueryServiceBinary();
    return testing::ToolBinary(command);
  }

  YAML::Node services_;
  testing::Dockerfile dockerfile_;
};

TEST_F(ComposeTest, ImagesAreBuiltFromTheRepositoryDockerfileTargets) {
  std::map<std::string, std::string> target_of_image;
  for (const auto& entry : services_) {
    const std::string name = entry.first.as<std::string>();
    const YAML::Node build = entry.second["build"];
    if (!build) continue;
    SCOPED_TRACE(name);
    const fs::path context = fs::path(testing::SourcePath("deploy/docker")) / Str(build["context"]);
    EXPECT_TRUE(fs::equivalent(context, testing::SourcePath(""))) << "context is the repository";
    EXPECT_TRUE(fs::exists(context / Str(build["dockerfile"])));
    EXPECT_NE(dockerfile_.Stage(TargetOf(name)), nullptr) << TargetOf(name);
    // One image name, one target: services sharing an image must build the same thing.
    const std::string image = Str(entry.second["image"]);
    if (target_of_image.count(image)) EXPECT_EQ(target_of_image[image], TargetOf(name));
    target_of_image[image] = TargetOf(name);
  }
  EXPECT_EQ(target_of_image.size(), 2u);
}

TEST_F(ComposeTest, EnvironmentNamesFlagsAndReachesTheComposeDatabase) {
  const YAML::Node postgres = services_["postgres"];
  ASSERT_TRUE(postgres);
  // The tests run against PostgreSQL 15; so does compose.
  EXPECT_TRUE(absl::StartsWith(Str(postgres["image"]), "postgres:15")) << Str(postgres["image"]);
  const std::string expected_url =
      absl::StrCat("postgresql://", Str(postgres["environment"]["POSTGRES_USER"]), ":",
                   Str(postgres["environment"]["POSTGRES_PASSWORD"]), "@postgres:5432/",
                   Str(postgres["environment"]["POSTGRES_DB"]));
  for (const auto& entry : services_) {
    const std::string name = entry.first.as<std::string>();
    if (TargetOf(name).empty()) continue;
    SCOPED_TRACE(name);
    auto flags = testing::LaurelFlagsOf(BinaryOf(name));
    ASSERT_TRUE(flags.ok()) << flags.status();
    for (const auto& variable : entry.second["environment"]) {
      const std::string key = variable.first.as<std::string>();
      bool names_a_flag = false;
      for (const auto& [flag, description] : *flags) {
        names_a_flag |= testing::FlagEnvironmentVariable(flag) == key;
      }
      EXPECT_TRUE(names_a_flag) << key << " sets no flag of " << BinaryOf(name);
      if (key == "LAUREL_DATABASE_URL") EXPECT_EQ(Str(variable.second), expected_url);
    }
  }
}

TEST_F(ComposeTest, PublishedPortsAreTheImagesPorts) {
  for (const std::string name : {"ingest", "query"}) {
    SCOPED_TRACE(name);
    const std::map<std::string, std::string> environment = dockerfile_.Environment(TargetOf(name));
    std::set<int> published;
    for (const YAML::Node& port : services_[name]["ports"]) {
      const std::vector<std::string> parts = absl::StrSplit(Str(port), ':');
      published.insert(std::stoi(parts.back()));
    }
    EXPECT_EQ(published, (std::set<int>{testing::PortOf(environment.at("LAUREL_LISTEN")),
                                        testing::PortOf(environment.at("LAUREL_METRICS_LISTEN"))}));
  }
}

TEST_F(ComposeTest, StartsInOrderMigrateServicesThenSamples) {
  const auto condition = [&](const std::string& service, const std::string& dependency) {
    return Str(services_[service]["depends_on"][dependency]["condition"]);
  };
  EXPECT_TRUE(services_["postgres"]["healthcheck"]);
  EXPECT_EQ(Str(services_["migrate"]["command"][0]), "migrate");
  EXPECT_EQ(condition("migrate", "postgres"), "service_healthy");
  EXPECT_EQ(condition("ingest", "migrate"), "service_completed_successfully");
  EXPECT_EQ(condition("query", "migrate"), "service_completed_successfully");
  // service_healthy needs the image's HEALTHCHECK.
  EXPECT_EQ(condition("load-samples", "ingest"), "service_healthy");
  EXPECT_FALSE(dockerfile_.Last(TargetOf("ingest"), "HEALTHCHECK").empty());
}

TEST_F(ComposeTest, SampleLoadSendsTheRepositorySamplesToIngest) {
  const YAML::Node load = services_["load-samples"];
  EXPECT_EQ(Str(load["command"][0]), "laurel-load");
  const std::string ingest_listen = dockerfile_.Environment(TargetOf("ingest")).at("LAUREL_LISTEN");
  std::string target, directory;
  for (const YAML::Node& word : load["command"]) {
    const std::string argument = Str(word);
    if (absl::StartsWith(argument, "--target=")) target = argument.substr(9);
    if (!absl::StartsWith(argument, "-")) directory = argument;
  }
  EXPECT_EQ(target, absl::StrCat("ingest:", testing::PortOf(ingest_listen)));
  const std::vector<std::string> volume = absl::StrSplit(Str(load["volumes"][0]), ':');
  ASSERT_GE(volume.size(), 2u);
  EXPECT_TRUE(fs::equivalent(fs::path(testing::SourcePath("deploy/docker")) / volume[0],
                             testing::SourcePath("samples/articles")));
  EXPECT_EQ(volume[1], directory) << "laurel-load reads the mounted directory";
}

}  // namespace
}  // namespace laurel

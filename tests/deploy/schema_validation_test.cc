// deploy/k8s and the compose file against the schemas their tools publish (Kubernetes' OpenAPI
// schemas through kubernetes-models, the Compose Specification's JSON schema), by
// tests/deploy/validate_schemas.mjs under node. Broken copies prove that the check can fail.
#include <filesystem>
#include <fstream>
#include <string>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_replace.h"
#include "gtest/gtest.h"
#include "tests/support/buf_curl.h"
#include "tests/support/source_tree.h"

namespace laurel {
namespace {

namespace fs = std::filesystem;

class SchemaValidationTest : public ::testing::Test {
 protected:
  void SetUp() override {
    const char* modules = std::getenv("LAUREL_NODE_MODULES");
    ASSERT_NE(modules, nullptr)
        << "LAUREL_NODE_MODULES names the npm packages with the schemas (scripts/test.sh installs "
           "them)";
    modules_ = modules;
  }

  testing::CommandResult Validate(const std::string& mode, const std::string& files) {
    return testing::RunCommand(
        absl::StrCat("node ", testing::SourcePath("tests/deploy/validate_schemas.mjs"), " ",
                     modules_, " ", mode, " ", files));
  }

  // A copy of `relative` with `from` replaced by `to`, in a temporary file.
  std::string BrokenCopy(const std::string& relative, const std::string& from,
                         const std::string& to) {
    auto text = testing::ReadFile(testing::SourcePath(relative));
    EXPECT_TRUE(text.ok()) << text.status();
    const std::string broken = absl::StrReplaceAll(*text, {{from, to}});
    EXPECT_NE(broken, *text) << from << " is not in " << relative;
    const fs::path path =
        fs::temp_directory_path() /
        absl::StrCat("laurel-broken-", getpid(), "-", fs::path(relative).filename().string());
    std::ofstream(path) << broken;
    broken_.push_back(path);
    return path.string();
  }

  void TearDown() override {
    for (const fs::path& path : broken_) fs::remove(path);
  }

  std::string modules_;
  std::vector<fs::path> broken_;
};

TEST_F(SchemaValidationTest, EveryKubernetesManifestIsValid) {
  std::string files;
  int count = 0;
  for (const auto& entry : fs::directory_iterator(testing::SourcePath("deploy/k8s"))) {
    if (entry.path().extension() == ".yaml") {
      absl::StrAppend(&files, " ", entry.path().string());
      ++count;
    }
  }
  ASSERT_GT(count, 5);
  const testing::CommandResult result = Validate("kubernetes", files);
  EXPECT_EQ(result.exit_code, 0) << result.output;
  EXPECT_NE(result.output.find("Deployment laurel-ingest is valid"), std::string::npos)
      << result.output;
}

TEST_F(SchemaValidationTest, AProbeCommandAsOneStringIsRejected) {
  // An exec probe runs its command without a shell: it is a list of words, never a command line.
  const testing::CommandResult result =
      Validate("kubernetes", BrokenCopy("deploy/k8s/query-deployment.yaml",
                                        R"(command: ["laurel-entrypoint", "healthcheck"])",
                                        "command: laurel-entrypoint healthcheck"));
  EXPECT_NE(result.exit_code, 0) << result.output;
  EXPECT_NE(result.output.find("exec/command must be array"), std::string::npos) << result.output;
}

TEST_F(SchemaValidationTest, TheComposeFileIsValid) {
  const testing::CommandResult result =
      Validate("compose", testing::SourcePath("deploy/docker/compose.yaml"));
  EXPECT_EQ(result.exit_code, 0) << result.output;
}

TEST_F(SchemaValidationTest, AMisspelledComposeKeyIsRejected) {
  const testing::CommandResult result =
      Validate("compose", BrokenCopy("deploy/docker/compose.yaml", "depends_on:", "depend_on:"));
  EXPECT_NE(result.exit_code, 0) << result.output;
  EXPECT_NE(result.output.find("depend_on"), std::string::npos) << result.output;
}

}  // namespace
}  // namespace laurel

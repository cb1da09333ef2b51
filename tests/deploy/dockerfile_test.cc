// No Docker engine runs where the tests do, so deploy/docker/Dockerfile is checked against what it
// builds from and what it ships: sources in the build context, build packages as scripts/lib.sh
// installs them, runtime packages exactly those the built binaries link, and the image contract
// (non-root user, exec-form entrypoint, health check, ports) agreeing with the binaries' flags.
#include "tests/support/dockerfile.h"

#include <filesystem>
#include <set>
#include <string>
#include <vector>

#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "absl/strings/str_split.h"
#include "absl/strings/strip.h"
#include "gtest/gtest.h"
#include "tests/support/binary_flags.h"
#include "tests/support/buf_curl.h"
#include "tests/support/image_root.h"
#include "tests/support/running_services.h"
#include "tests/support/source_tree.h"

namespace laurel {
namespace {

using testing::Dockerfile;

// The image targets and the binary each runs.
const std::vector<std::pair<std::string, std::string>>& Targets() {
  static const auto* const targets = new std::vector<std::pair<std::string, std::string>>{
      {"ingest-service", testing::IngestServiceBinary()},
      {"query-service", testing::QueryServiceBinary()}};
  return *targets;
}

std::set<std::string> AsSet(const std::vector<std::string>& words) {
  return std::set<std::string>(words.begin(), words.end());
}

// The words of `laurel_packages=( ... )` in scripts/lib.sh.
std::set<std::string> ScriptPackages() {
  auto script = testing::ReadFile(testing::SourcePath("scripts/lib.sh"));
  EXPECT_TRUE(script.ok()) << script.status();
  const size_t begin = script->find("laurel_packages=(");
  const size_t end = script->find(')', begin);
  std::set<std::string> packages;
  for (absl::string_view word : absl::StrSplit(script->substr(begin + 17, end - begin - 17),
                                               absl::ByAnyChar(" \n"), absl::SkipWhitespace())) {
    packages.emplace(word);
  }
  return packages;
}

class DockerfileTest : public ::testing::Test {
 protected:
  void SetUp() override {
    auto text = testing::ReadFile(testing::SourcePath("deploy/docker/Dockerfile"));
    ASSERT_TRUE(text.ok()) << text.status();
    auto parsed = Dockerfile::Parse(*text);
    ASSERT_TRUE(parsed.ok()) << parsed.status();
    dockerfile_ = *parsed;
  }

  // The packages the stage's RUN instructions apt-get install.
  std::set<std::string> AptPackages(const std::string& stage) {
    std::set<std::string> packages;
    for (const testing::DockerInstruction& instruction : dockerfile_.Stage(stage)->instructions) {
      if (instruction.keyword != "RUN") continue;
      for (const std::string& package : testing::AptInstalledPackages(instruction.arguments)) {
        packages.insert(package);
      }
    }
    return packages;
  }

  Dockerfile dockerfile_;
};

TEST_F(DockerfileTest, BuildsOnDebian12AndRunsOnSlim) {
  ASSERT_NE(dockerfile_.Stage("build"), nullptr);
  EXPECT_EQ(dockerfile_.Stage("build")->base, "debian:12");
  for (const auto& [target, binary] : Targets()) {
    const auto lineage = dockerfile_.Lineage(target);
    ASSERT_FALSE(lineage.empty()) << "no stage " << target;
    EXPECT_EQ(lineage.front()->base, "debian:12-slim") << target;
  }
}

TEST_F(DockerfileTest, EveryCopySourceIsInTheBuildContext) {
  auto ignore = testing::ReadFile(testing::SourcePath(".dockerignore"));
  ASSERT_TRUE(ignore.ok()) << ignore.status();
  std::vector<std::string> admitted;
  for (absl::string_view line : absl::StrSplit(*ignore, '\n')) {
    if (absl::ConsumePrefix(&line, "!")) admitted.emplace_back(absl::StripSuffix(line, "/"));
  }
  ASSERT_TRUE(absl::StrContains(*ignore, "\n*\n")) << ".dockerignore should admit by allow-list";
  int copies = 0;
  for (const testing::DockerStage& stage : dockerfile_.stages()) {
    for (const testing::DockerInstruction& instruction : stage.instructions) {
      if (instruction.keyword != "COPY" || absl::StrContains(instruction.arguments, "--from=")) {
        continue;
      }
      std::vector<std::string> words =
          absl::StrSplit(instruction.arguments, ' ', absl::SkipEmpty());
      words.pop_back();  // the destination
      for (const std::string& source : words) {
        ++copies;
        EXPECT_TRUE(std::filesystem::exists(testing::SourcePath(source))) << source;
        const std::string path(absl::StripSuffix(source, "/"));
        bool is_admitted = false;
        for (const std::string& allowed : admitted) {
          is_admitted |= path == allowed || absl::StartsWith(path, allowed + "/");
        }
        EXPECT_TRUE(is_admitted) << source << " is left out of the context by .dockerignore";
      }
    }
  }
  EXPECT_GE(copies, 8);
  // Whatever the build needs from the tree must be copied: every top-level CMake subdirectory.
  auto cmake = testing::ReadFile(testing::SourcePath("CMakeLists.txt"));
  ASSERT_TRUE(cmake.ok());
  for (const char* needed :
       {"proto", "deploy", "common", "ingest-service", "query-service", "tools"}) {
    EXPECT_TRUE(absl::StrContains(*cmake, absl::StrCat("add_subdirectory(", needed, ")")))
        << needed;
    bool copied = false;
    for (const std::string& arguments : dockerfile_.Arguments("build", "COPY")) {
      copied |= absl::StartsWith(arguments, absl::StrCat(needed, " ")) ||
                absl::StartsWith(arguments, absl::StrCat(needed, "/"));
    }
    EXPECT_TRUE(copied) << needed << " is built but not copied into the build stage";
  }
}

TEST_F(DockerfileTest, BuildStageInstallsWhatScriptsInstallForABuild) {
  std::set<std::string> expected = ScriptPackages();
  // Only the tests (openssl makes their certificates, clang builds the fuzzer), benchmarks and the
  // local database need these.
  for (const char* test_only :
       {"libgtest-dev", "libbenchmark-dev", "nlohmann-json3-dev", "libyaml-cpp-dev", "postgresql",
        "curl", "openssl", "clang", "libclang-rt-14-dev"}) {
    expected.erase(test_only);
  }
  EXPECT_EQ(AptPackages("build"), expected);
}

TEST_F(DockerfileTest, RuntimePackagesAreExactlyThoseTheBinariesLink) {
  // Each library the binaries name (DT_NEEDED) as a dpkg path pattern in the directory the
  // loader found it in, so that other architectures' copies (lib32stdc++6) do not count.
  const testing::ImageRoot image;
  ASSERT_TRUE(image.error().empty()) << image.error();
  ASSERT_GE(image.installed().size(), 6u);
  std::set<std::string> libraries;
  std::set<std::string> patterns;
  for (const std::filesystem::path& installed : image.installed()) {
    const std::string binary = installed.string();
    const testing::CommandResult dynamic = testing::RunCommand(absl::StrCat("readelf -d ", binary));
    ASSERT_EQ(dynamic.exit_code, 0) << dynamic.output;
    const testing::CommandResult ldd = testing::RunCommand(absl::StrCat("ldd ", binary));
    ASSERT_EQ(ldd.exit_code, 0) << ldd.output;
    EXPECT_FALSE(absl::StrContains(ldd.output, "not found")) << ldd.output;
    for (absl::string_view line : absl::StrSplit(dynamic.output, '\n')) {
      if (!absl::StrContains(line, "(NEEDED)")) continue;
      const size_t open = line.find('[');
      const std::string library(line.substr(open + 1, line.find(']') - open - 1));
      libraries.insert(library);
      // "\tlibfoo.so.1 => /lib/x86_64-linux-gnu/libfoo.so.1 (0x...)"
      const size_t resolved = ldd.output.find(absl::StrCat(library, " => /"));
      ASSERT_NE(resolved, std::string::npos) << library << " in\n" << ldd.output;
      const size_t path_end = ldd.output.find(absl::StrCat("/", library), resolved);
      const size_t directory = ldd.output.rfind('/', path_end - 1);
      patterns.insert(absl::StrCat(
          "'*/", ldd.output.substr(directory + 1, path_end - directory - 1), "/", library, "'"));
    }
  }
  const testing::CommandResult owners =
      testing::RunCommand(absl::StrCat("dpkg -S ", absl::StrJoin(patterns, " ")));
  ASSERT_EQ(owners.exit_code, 0) << owners.output;
  // Lines are "package[:arch]: /path/to/library".
  std::set<std::string> needed;
  std::set<std::string> owned;
  for (absl::string_view line : absl::StrSplit(owners.output, '\n', absl::SkipEmpty())) {
    needed.emplace(line.substr(0, line.find_first_of(":,")));
    owned.emplace(line.substr(line.rfind('/') + 1));
  }
  for (const std::string& library : libraries) {
    EXPECT_TRUE(owned.count(library)) << library << " belongs to no package";
  }
  EXPECT_EQ(AptPackages("runtime"), needed)
      << "the runtime stage must install exactly the packages of the libraries the binaries link";
}

TEST_F(DockerfileTest, ImagesRunAsNonRootThroughTheEntrypointScript) {
  bool entrypoint_copied = false;
  for (const std::string& arguments : dockerfile_.Arguments("runtime", "COPY")) {
    entrypoint_copied |=
        arguments == "deploy/docker/laurel-entrypoint.sh /usr/local/bin/laurel-entrypoint";
  }
  EXPECT_TRUE(entrypoint_copied);
  for (const auto& [target, binary] : Targets()) {
    const std::string user = dockerfile_.Last(target, "USER");
    const int uid = std::stoi(user.substr(0, user.find(':')));
    EXPECT_GT(uid, 0) << target << " runs as " << user;

    auto entrypoint = testing::ExecForm(dockerfile_.Last(target, "ENTRYPOINT"));
    ASSERT_TRUE(entrypoint.ok()) << entrypoint.status();
    EXPECT_EQ(*entrypoint, std::vector<std::string>{"laurel-entrypoint"});
    auto command = testing::ExecForm(dockerfile_.Last(target, "CMD"));
    ASSERT_TRUE(command.ok()) << command.status();
    EXPECT_EQ(*command, std::vector<std::string>{target});

    const std::string healthcheck = dockerfile_.Last(target, "HEALTHCHECK");
    const size_t cmd = healthcheck.find("CMD ");
    ASSERT_NE(cmd, std::string::npos) << healthcheck;
    auto probe = testing::ExecForm(healthcheck.substr(cmd + 4));
    ASSERT_TRUE(probe.ok()) << probe.status();
    EXPECT_EQ(*probe, (std::vector<std::string>{"laurel-entrypoint", "healthcheck"}));
  }
}

TEST_F(DockerfileTest, EnvironmentAndPortsMatchTheBinariesFlags) {
  for (const auto& [target, binary] : Targets()) {
    auto flags = testing::LaurelFlagsOf(binary);
    ASSERT_TRUE(flags.ok()) << flags.status();
    const std::map<std::string, std::string> environment = dockerfile_.Environment(target);
    for (const auto& [variable, value] : environment) {
      bool names_a_flag = false;
      for (const auto& [flag, description] : *flags) {
        names_a_flag |= testing::FlagEnvironmentVariable(flag) == variable;
      }
      EXPECT_TRUE(names_a_flag) << target << ": " << variable << " sets no flag";
    }
    const std::set<std::string> exposed = AsSet(absl::StrSplit(
        absl::StrJoin(dockerfile_.Arguments(target, "EXPOSE"), " "), ' ', absl::SkipEmpty()));
    for (const char* flag : {"listen", "metrics_listen"}) {
      const std::string variable = testing::FlagEnvironmentVariable(flag);
      ASSERT_TRUE(environment.count(variable)) << target << " sets no " << variable;
      EXPECT_EQ(environment.at(variable), flags->at(flag).default_value)
          << target << ": the image should keep the binary's default address";
      const std::string port =
          environment.at(variable).substr(environment.at(variable).rfind(':') + 1);
      EXPECT_TRUE(exposed.count(port)) << target << " does not EXPOSE " << port;
    }
  }
}

}  // namespace
}  // namespace laurel

// The README's promises, kept: every grpcurl command it prints runs — through `buf curl` over
// server reflection, against freshly started services, in the order printed — with the outcome it
// states, and its configuration table lists every flag of the services and laurel-migrate with its
// variable and default. (The TLS and token example under "Access control" names a deployment's own
// certificate, host and token; access_control_e2e_test checks what it shows.)
#include <set>
#include <string>
#include <vector>

#include "absl/algorithm/container.h"
#include "absl/strings/ascii.h"
#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "absl/strings/str_replace.h"
#include "absl/strings/str_split.h"
#include "gtest/gtest.h"
#include "tests/support/binary_flags.h"
#include "tests/support/buf_curl.h"
#include "tests/support/markdown.h"
#include "tests/support/running_services.h"
#include "tests/support/source_tree.h"

namespace laurel {
namespace {

constexpr char kGrpcurlSection[] = "## Debugging with grpcurl";
constexpr char kAccessControlSection[] = "### Access control";

std::string Readme() {
  auto text = testing::ReadFile(testing::SourcePath("README.md"));
  EXPECT_TRUE(text.ok()) << text.status();
  return text.ok() ? *text : "";
}

std::vector<std::string> GrpcurlCommands(absl::string_view markdown) {
  std::vector<std::string> commands;
  for (const std::string& command : testing::ShellCommands(markdown)) {
    if (absl::StartsWith(command, "grpcurl ")) commands.push_back(command);
  }
  return commands;
}

std::string ShellQuote(absl::string_view word) {
  return absl::StrCat("'", absl::StrReplaceAll(word, {{"'", "'\\''"}}), "'");
}

// A grpcurl command as the equivalent `buf curl` call.
struct BufCall {
  std::string arguments;
  std::string target;         // address, or address/service/method
  std::string method_prefix;  // for `list SERVICE`: the methods listed must start with it
  std::string request_id;     // sent with -H x-request-id
  bool verbose = false;
};

absl::StatusOr<BufCall> Translate(const std::vector<std::string>& words,
                                  const std::map<std::string, std::string>& addresses) {
  BufCall call;
  size_t i = 1;
  for (; i < words.size() && absl::StartsWith(words[i], "-"); ++i) {
    const std::string& flag = words[i];
    if (flag == "-plaintext") continue;  // buf's --http2-prior-knowledge, always given
    if (flag == "-v") {
      call.verbose = true;
      absl::StrAppend(&call.arguments, " -v");
    } else if ((flag == "-d" || flag == "-H") && i + 1 < words.size()) {
      absl::StrAppend(&call.arguments, " ", flag, " ", ShellQuote(words[++i]));
      if (flag == "-H" && absl::StartsWith(absl::AsciiStrToLower(words[i]), "x-request-id:")) {
        call.request_id = std::string(absl::StripAsciiWhitespace(words[i].substr(13)));
      }
    } else {
      return absl::UnimplementedError(absl::StrCat("no buf curl equivalent for ", flag));
    }
  }
  if (i >= words.size() || !addresses.count(words[i])) {
    return absl::InvalidArgumentError("the address should be one of the README's two");
  }
  const std::string address = addresses.at(words[i++]);
  const std::vector<std::string> rest(words.begin() + i, words.end());
  if (rest.size() == 1 && rest[0] == "list") {
    absl::StrAppend(&call.arguments, " --list-services");
    call.target = address;
  } else if (rest.size() == 2 && rest[0] == "list") {
    absl::StrAppend(&call.arguments, " --list-methods");
    call.target = address;
    call.method_prefix = rest[1] + "/";
  } else if (rest.size() == 1 && absl::StrContains(rest[0], "/")) {
    call.target = absl::StrCat(address, "/", rest[0]);
  } else {
    return absl::UnimplementedError(
        absl::StrCat("no buf curl equivalent for ", absl::StrJoin(rest, " ")));
  }
  return call;
}

TEST(Readme, EveryRpcHasAGrpcurlExample) {
  const auto commands = GrpcurlCommands(Readme());
  EXPECT_GE(commands.size(), 20u);
  EXPECT_GE(GrpcurlCommands(testing::MarkdownSection(Readme(), kGrpcurlSection)).size(), 10u);
  for (const char* rpc :
       {"laurel.v1.IngestService/IngestArticle", "laurel.v1.IngestService/IngestArticles",
        "laurel.v1.AdminService/ReparseArticles", "laurel.v1.QueryService/GetAwardStatistics",
        "laurel.v1.QueryService/GetArticle", "laurel.v1.QueryService/ListArticles",
        "laurel.v1.QueryService/ListEvents", "laurel.v1.QueryService/ListAwards"}) {
    bool shown = false;
    for (const std::string& command : commands) shown |= absl::StrContains(command, rpc);
    EXPECT_TRUE(shown) << rpc << " has no example";
  }
}

TEST(Readme, EveryGrpcurlCommandRunsAsDocumented) {
  const testing::CommandResult version = testing::RunCommand(testing::Buf() + " --version");
  ASSERT_EQ(version.exit_code, 0) << "the buf CLI plays grpcurl: " << version.output;
  auto services = testing::RunningServices::Start();
  ASSERT_TRUE(services.ok()) << services.status();
  const std::map<std::string, std::string> addresses = {
      {"127.0.0.1:50051", (*services)->ingest_address()},
      {"127.0.0.1:50052", (*services)->query_address()}};

  const std::vector<std::string> deployment_examples =
      GrpcurlCommands(testing::MarkdownSection(Readme(), kAccessControlSection));
  EXPECT_FALSE(deployment_examples.empty());
  for (const std::string& command : GrpcurlCommands(Readme())) {
    if (absl::c_linear_search(deployment_examples, command)) continue;
    SCOPED_TRACE(command);
    std::string comment;
    const std::vector<std::string> words = testing::ShellWords(command, &comment);
    auto call = Translate(words, addresses);
    ASSERT_TRUE(call.ok()) << call.status();
    const testing::CommandResult result = testing::BufCurl(call->arguments, call->target);
    // "# → NOT_FOUND" after a command says it fails, and how.
    if (absl::StartsWith(comment, "→ ")) {
      EXPECT_NE(result.exit_code, 0) << result.output;
      EXPECT_TRUE(absl::StrContains(result.output, absl::AsciiStrToLower(comment.substr(4))))
          << result.output;
      continue;
    }
    ASSERT_EQ(result.exit_code, 0) << result.output;
    if (!call->method_prefix.empty()) {
      int methods = 0;
      for (absl::string_view line : absl::StrSplit(result.output, '\n', absl::SkipEmpty())) {
        methods += absl::StartsWith(line, call->method_prefix);
      }
      EXPECT_GT(methods, 0) << result.output;
    }
    if (call->verbose && !call->request_id.empty()) {
      // The server answers with the request id it logs the call under.
      EXPECT_TRUE(absl::StrContains(absl::AsciiStrToLower(result.output),
                                    absl::StrCat("x-request-id: ", call->request_id)))
          << result.output;
    }
  }
}

TEST(Readme, ConfigurationTableListsEveryFlagWithItsVariableAndDefault) {
  const std::string section = testing::MarkdownSection(Readme(), "### Configuration");
  std::map<std::string, std::vector<std::string>> documented;  // flag → cells
  for (const std::vector<std::string>& row : testing::TableRows(section)) {
    ASSERT_EQ(row.size(), 4u);
    ASSERT_TRUE(absl::StartsWith(row[0], "--")) << row[0];
    documented[row[0].substr(2)] = row;
  }
  std::set<std::string> defined;
  for (const std::string& binary : {testing::IngestServiceBinary(), testing::QueryServiceBinary(),
                                    testing::ToolBinary("laurel-migrate")}) {
    auto flags = testing::LaurelFlagsOf(binary);
    ASSERT_TRUE(flags.ok()) << flags.status();
    for (const auto& [name, flag] : *flags) {
      defined.insert(name);
      ASSERT_TRUE(documented.count(name)) << "--" << name << " of " << binary << " is undocumented";
      EXPECT_EQ(documented[name][1], testing::FlagEnvironmentVariable(name));
      // An empty default reads "none".
      EXPECT_TRUE(
          absl::StrContains(documented[name][2], absl::StrCat("`", flag.default_value, "`")) ||
          documented[name][2] == flag.default_value ||
          (flag.default_value.empty() && documented[name][2] == "none"))
          << "--" << name << " defaults to " << flag.default_value << " in " << binary
          << ", not as documented: " << documented[name][2];
    }
  }
  for (const auto& [name, row] : documented) {
    EXPECT_TRUE(defined.count(name)) << "--" << name << " is documented but no binary defines it";
  }
}

}  // namespace
}  // namespace laurel

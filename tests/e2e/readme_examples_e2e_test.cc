// Every grpcurl command of README.md's "Using the API", run in order (as buf curl) against freshly
// started services: the examples stay true. (The TLS and token example under "Access control" names
// a deployment's own certificate and token; AccessControl and TlsTest check what it shows.)
#include <fstream>
#include <regex>
#include <sstream>
#include <string>
#include <vector>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_replace.h"
#include "gtest/gtest.h"
#include "tests/support/buf_curl.h"
#include "tests/support/running_services.h"

namespace laurel {
namespace {

// The grpcurl commands of the README's "Using the API" section, continuation lines joined.
std::vector<std::string> ReadmeCommands() {
  std::ifstream readme(LAUREL_README);
  std::vector<std::string> commands;
  std::string line, pending;
  bool in_section = false;
  while (std::getline(readme, line)) {
    if (line.rfind("## ", 0) == 0) in_section = line == "## Using the API";
    if (!in_section || (pending.empty() && line.rfind("grpcurl ", 0) != 0)) continue;
    const bool continued = !line.empty() && line.back() == '\\';
    pending += continued ? line.substr(0, line.size() - 1) : line;
    if (!continued) {
      commands.push_back(pending);
      pending.clear();
    }
  }
  return commands;
}

TEST(ReadmeExamplesTest, EveryGrpcurlCommandSucceeds) {
  const std::vector<std::string> commands = ReadmeCommands();
  ASSERT_GE(commands.size(), 12u) << "README.md not found or without examples: " << LAUREL_README;
  auto services = testing::RunningServices::Start();
  ASSERT_TRUE(services.ok()) << services.status();
  const std::regex call(R"(^grpcurl -plaintext (?:-d ('[^']*') +)?127\.0\.0\.1:(\d+) *(\S*)$)");
  std::vector<std::string> methods;
  for (const std::string& command : commands) {
    std::smatch parts;
    ASSERT_TRUE(std::regex_match(command, parts, call)) << "not understood: " << command;
    const std::string address =
        parts[2] == "50051" ? (*services)->ingest_address() : (*services)->query_address();
    const std::string method = parts[3];
    const testing::CommandResult result =
        method == "list" ? testing::BufCurl("--list-services", address)
                         : testing::BufCurl(parts[1].matched ? "-d " + parts[1].str() : "",
                                            absl::StrCat(address, "/", method));
    EXPECT_EQ(result.exit_code, 0) << command << "\n" << result.output;
    methods.push_back(method);
  }
  // Every RPC of the API has an example.
  for (const char* rpc :
       {"laurel.v1.IngestService/IngestArticle", "laurel.v1.AdminService/ReparseArticles",
        "laurel.v1.QueryService/GetAwardStatistics", "laurel.v1.QueryService/GetArticle",
        "laurel.v1.QueryService/ListArticles", "laurel.v1.QueryService/ListEvents",
        "laurel.v1.QueryService/ListAwards"}) {
    EXPECT_NE(std::find(methods.begin(), methods.end(), rpc), methods.end()) << rpc;
  }
}

}  // namespace
}  // namespace laurel

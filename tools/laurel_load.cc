// laurel-load: sends article files to an ingest-service and reports what was stored.
#include <algorithm>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "absl/flags/flag.h"
#include "common/env_flags.h"
#include "grpcpp/grpcpp.h"
#include "laurel/v1/ingest_service.grpc.pb.h"
#include "tools/client_connection.h"

ABSL_FLAG(std::string, target, "127.0.0.1:50051", "ingest-service address, HOST:PORT.");
ABSL_FLAG(std::string, source, "", "Publisher recorded with every article.");

namespace {

// Every .txt file under the given files and directories, in a stable order.
std::vector<std::filesystem::path> ArticleFiles(const std::vector<char*>& arguments) {
  std::vector<std::filesystem::path> files;
  for (size_t i = 1; i < arguments.size(); ++i) {
    const std::filesystem::path path(arguments[i]);
    if (std::filesystem::is_directory(path)) {
      for (const auto& entry : std::filesystem::recursive_directory_iterator(path)) {
        if (entry.is_regular_file() && entry.path().extension() == ".txt") {
          files.push_back(entry.path());
        }
      }
    } else {
      files.push_back(path);
    }
  }
  std::sort(files.begin(), files.end());
  return files;
}

}  // namespace

int main(int argc, char** argv) {
  const std::vector<char*> arguments = laurel::ParseFlagsWithEnvironment(
      argc, argv, "laurel-load --target=HOST:PORT FILE_OR_DIRECTORY...");
  auto stub =
      laurel::v1::IngestService::NewStub(laurel::tools::ClientChannel(absl::GetFlag(FLAGS_target)));
  int created = 0, duplicates = 0, rejected = 0;
  for (const auto& file : ArticleFiles(arguments)) {
    std::ifstream in(file, std::ios::binary);
    std::stringstream text;
    text << in.rdbuf();
    laurel::v1::IngestArticleRequest request;
    request.set_text(text.str());
    request.set_source(absl::GetFlag(FLAGS_source));
    auto context = laurel::tools::CallContext(absl::Seconds(30));
    context->set_wait_for_ready(true);
    laurel::v1::IngestArticleResponse response;
    const grpc::Status status = stub->IngestArticle(context.get(), request, &response);
    if (!status.ok()) {
      ++rejected;
      std::printf("%-48s rejected: %s\n", file.filename().c_str(), status.error_message().c_str());
      continue;
    }
    ++(response.created() ? created : duplicates);
    std::printf("%-48s %s %s: %d events, %d awards\n", file.filename().c_str(),
                response.created() ? "stored   " : "unchanged", response.article().name().c_str(),
                response.events_size(), response.awards_size());
  }
  std::printf("%d stored, %d already stored, %d rejected\n", created, duplicates, rejected);
  return rejected == 0 ? 0 : 1;
}

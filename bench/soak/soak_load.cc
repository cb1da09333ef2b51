// laurel-soak: mixed ingest and query load against running services for a fixed time, counting
// every answer by status. scripts/soak.sh runs it and samples the services' memory meanwhile.
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <map>
#include <sstream>
#include <string>
#include <thread>
#include <vector>

#include "absl/flags/flag.h"
#include "absl/strings/str_cat.h"
#include "absl/synchronization/mutex.h"
#include "absl/time/clock.h"
#include "common/env_flags.h"
#include "grpcpp/grpcpp.h"
#include "laurel/v1/ingest_service.grpc.pb.h"
#include "laurel/v1/query_service.grpc.pb.h"

ABSL_FLAG(std::string, ingest, "127.0.0.1:50051", "ingest-service address.");
ABSL_FLAG(std::string, query, "127.0.0.1:50052", "query-service address.");
ABSL_FLAG(std::string, articles, "samples/articles",
          "Directory of .txt articles to vary and send.");
ABSL_FLAG(absl::Duration, duration, absl::Minutes(1), "How long to keep the load on.");
ABSL_FLAG(int, ingest_clients, 2, "Threads sending IngestArticle.");
ABSL_FLAG(int, query_clients, 4, "Threads sending statistics, listings and GetArticle.");

namespace {

// Answers by RPC and status code, and the names of recently stored articles for GetArticle.
class Tally {
 public:
  void Count(const std::string& rpc, const grpc::Status& status) {
    absl::MutexLock lock(&mutex_);
    ++counts_[rpc][status.error_code()];
    if (!status.ok() && errors_logged_ < 10) {
      ++errors_logged_;
      std::fprintf(stderr, "%s: %d %s\n", rpc.c_str(), status.error_code(),
                   status.error_message().c_str());
    }
  }
  void Stored(const std::string& name) {
    absl::MutexLock lock(&mutex_);
    last_stored_ = name;
  }
  std::string LastStored() {
    absl::MutexLock lock(&mutex_);
    return last_stored_;
  }
  // Prints one line per RPC; returns the number of failed calls.
  int64_t Print() {
    absl::MutexLock lock(&mutex_);
    int64_t errors = 0;
    std::printf("%-20s %10s %10s\n", "rpc", "calls", "errors");
    for (const auto& [rpc, by_code] : counts_) {
      int64_t calls = 0, failed = 0;
      for (const auto& [code, count] : by_code) {
        calls += count;
        if (code != grpc::StatusCode::OK) failed += count;
      }
      errors += failed;
      std::printf("%-20s %10lld %10lld\n", rpc.c_str(), static_cast<long long>(calls),
                  static_cast<long long>(failed));
    }
    return errors;
  }

 private:
  absl::Mutex mutex_;
  std::map<std::string, std::map<grpc::StatusCode, int64_t>> counts_ ABSL_GUARDED_BY(mutex_);
  int errors_logged_ ABSL_GUARDED_BY(mutex_) = 0;
  std::string last_stored_ ABSL_GUARDED_BY(mutex_);
};

std::vector<std::string> ReadArticles(const std::string& directory) {
  std::vector<std::string> articles;
  for (const auto& entry : std::filesystem::directory_iterator(directory)) {
    if (entry.path().extension() != ".txt") continue;
    std::ifstream in(entry.path());
    std::stringstream text;
    text << in.rdbuf();
    articles.push_back(text.str());
  }
  return articles;
}

std::chrono::system_clock::time_point Deadline() {
  return std::chrono::system_clock::now() + std::chrono::seconds(10);
}

void Ingest(const std::vector<std::string>& articles, int client, absl::Time end, Tally& tally) {
  auto stub = laurel::v1::IngestService::NewStub(
      grpc::CreateChannel(absl::GetFlag(FLAGS_ingest), grpc::InsecureChannelCredentials()));
  for (int64_t n = 0; absl::Now() < end; ++n) {
    laurel::v1::IngestArticleRequest request;
    // A line of its own makes every text a new article, so each call stores rows.
    request.set_text(
        absl::StrCat(articles[n % articles.size()], "\n\n(soak ", client, "-", n, ")"));
    request.set_request_id(absl::StrCat("soak-", client, "-", n, "-", absl::ToUnixNanos(end)));
    grpc::ClientContext context;
    context.set_deadline(Deadline());
    laurel::v1::IngestArticleResponse response;
    const grpc::Status status = stub->IngestArticle(&context, request, &response);
    tally.Count("IngestArticle", status);
    if (status.ok()) tally.Stored(response.article().name());
  }
}

void Query(int client, absl::Time end, Tally& tally) {
  auto stub = laurel::v1::QueryService::NewStub(
      grpc::CreateChannel(absl::GetFlag(FLAGS_query), grpc::InsecureChannelCredentials()));
  for (int64_t n = client; absl::Now() < end; ++n) {
    grpc::ClientContext context;
    context.set_deadline(Deadline());
    switch (n % 3) {
      case 0: {
        laurel::v1::GetAwardStatisticsRequest request;
        request.add_group_by(laurel::v1::DIMENSION_PROVINCE);
        request.add_group_by(laurel::v1::DIMENSION_AWARD_TYPE);
        laurel::v1::GetAwardStatisticsResponse response;
        tally.Count("GetAwardStatistics", stub->GetAwardStatistics(&context, request, &response));
        break;
      }
      case 1: {
        laurel::v1::ListAwardsRequest request;
        request.set_page_size(50);
        laurel::v1::ListAwardsResponse response;
        tally.Count("ListAwards", stub->ListAwards(&context, request, &response));
        break;
      }
      default: {
        const std::string name = tally.LastStored();
        if (name.empty()) break;
        laurel::v1::GetArticleRequest request;
        request.set_name(name);
        laurel::v1::GetArticleResponse response;
        tally.Count("GetArticle", stub->GetArticle(&context, request, &response));
      }
    }
  }
}

}  // namespace

int main(int argc, char** argv) {
  laurel::ParseFlagsWithEnvironment(
      argc, argv, "laurel-soak --ingest=HOST:PORT --query=HOST:PORT --duration=5m");
  const std::vector<std::string> articles = ReadArticles(absl::GetFlag(FLAGS_articles));
  if (articles.empty()) {
    std::fprintf(stderr, "no .txt articles in %s\n", absl::GetFlag(FLAGS_articles).c_str());
    return 2;
  }
  const absl::Time end = absl::Now() + absl::GetFlag(FLAGS_duration);
  Tally tally;
  std::vector<std::thread> clients;
  for (int i = 0; i < absl::GetFlag(FLAGS_ingest_clients); ++i) {
    clients.emplace_back([&, i] { Ingest(articles, i, end, tally); });
  }
  for (int i = 0; i < absl::GetFlag(FLAGS_query_clients); ++i) {
    clients.emplace_back([&, i] { Query(i, end, tally); });
  }
  for (auto& client : clients) client.join();
  const int64_t errors = tally.Print();
  std::printf("errors %lld\n", static_cast<long long>(errors));
  return errors == 0 ? 0 : 1;
}

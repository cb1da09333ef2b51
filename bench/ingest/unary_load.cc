// unary_load: Laurel's unary IngestArticle under --clients concurrent clients, each with a
// connection of its own sending one article per call, as independent publishers would
// (bench/ingest_benchmark.sh). Prints: articles=N errors=E seconds=S articles_per_s=R
#include <atomic>
#include <cstdio>
#include <string>
#include <thread>
#include <vector>

#include "absl/flags/flag.h"
#include "absl/time/clock.h"
#include "common/env_flags.h"
#include "grpcpp/grpcpp.h"
#include "laurel/v1/ingest_service.grpc.pb.h"
#include "tools/load/article_input.h"

ABSL_FLAG(std::string, target, "127.0.0.1:50051", "ingest-service address, HOST:PORT.");
ABSL_FLAG(int, clients, 8, "Concurrent clients.");

int main(int argc, char** argv) {
  const std::vector<char*> arguments = laurel::ParseFlagsWithEnvironment(
      argc, argv, "unary_load --target=HOST:PORT --clients=8 FILE_OR_DIRECTORY...");
  auto input = laurel::load::ArticleInput::Open({arguments.begin() + 1, arguments.end()}, {});
  if (!input.ok()) {
    std::fprintf(stderr, "unary_load: %s\n", input.status().ToString().c_str());
    return 2;
  }
  std::vector<laurel::v1::IngestArticleRequest> requests;
  while (auto article = input->Next()) {
    if (article->error.ok()) requests.push_back(std::move(article->request));
  }
  const int clients = absl::GetFlag(FLAGS_clients);
  std::vector<std::unique_ptr<laurel::v1::IngestService::Stub>> stubs;
  for (int i = 0; i < clients; ++i) {
    grpc::ChannelArguments channel_arguments;
    channel_arguments.SetInt("laurel.client", i);  // a connection of its own, not a shared one
    auto channel = grpc::CreateCustomChannel(absl::GetFlag(FLAGS_target),
                                             grpc::InsecureChannelCredentials(), channel_arguments);
    if (!channel->WaitForConnected(std::chrono::system_clock::now() + std::chrono::seconds(30))) {
      std::fprintf(stderr, "unary_load: cannot connect to %s\n",
                   absl::GetFlag(FLAGS_target).c_str());
      return 1;
    }
    stubs.push_back(laurel::v1::IngestService::NewStub(channel));
  }
  std::atomic<size_t> next = 0;
  std::atomic<int64_t> errors = 0;
  const absl::Time start = absl::Now();
  std::vector<std::thread> threads;
  for (int i = 0; i < clients; ++i) {
    threads.emplace_back([&, stub = stubs[i].get()] {
      for (size_t a = next++; a < requests.size(); a = next++) {
        grpc::ClientContext context;
        context.set_deadline(std::chrono::system_clock::now() + std::chrono::seconds(60));
        laurel::v1::IngestArticleResponse response;
        if (!stub->IngestArticle(&context, requests[a], &response).ok()) ++errors;
      }
    });
  }
  for (std::thread& thread : threads) thread.join();
  const double seconds = absl::ToDoubleSeconds(absl::Now() - start);
  std::printf("articles=%zu errors=%lld seconds=%.2f articles_per_s=%.0f\n", requests.size(),
              static_cast<long long>(errors.load()), seconds, requests.size() / seconds);
  return errors.load() == 0 ? 0 : 1;
}

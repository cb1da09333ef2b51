// laurel-bench-load: stores synthetic articles through the bulk write path (generator -> parser ->
// ArticleRepository::InsertBatch), in parallel batches, and reports the rate. Articles are keyed by
// their url, so a load can be interrupted and re-run: what is stored already is answered, not
// stored again.
#include <atomic>
#include <cstdio>
#include <mutex>
#include <thread>
#include <vector>

#include "absl/flags/flag.h"
#include "absl/strings/str_format.h"
#include "absl/time/clock.h"
#include "bench/synthetic/article_generator.h"
#include "bench/synthetic/ingest_request.h"
#include "common/database_flags.h"
#include "common/env_flags.h"
#include "common/migrator.h"
#include "ingest-service/src/ingestor.h"
#include "ingest-service/src/pg_article_repository.h"

ABSL_FLAG(int64_t, count, 100000, "How many synthetic articles to load.");
ABSL_FLAG(int64_t, first, 0, "Index of the first article.");
ABSL_FLAG(uint64_t, seed, 1, "Generator seed.");
ABSL_FLAG(int, batch, 1000, "Articles per InsertBatch transaction.");
ABSL_FLAG(int, threads, 2, "Parallel loaders (each parses a batch, then stores it).");

int main(int argc, char** argv) {
  laurel::ParseFlagsWithEnvironment(argc, argv,
                                    "laurel-bench-load --database_url=URL --count=N [--seed=S]");
  laurel::PgPoolOptions pool_options = laurel::PgPoolOptionsFromFlags("laurel-bench-load");
  pool_options.statement_timeout = absl::Minutes(10);
  laurel::PgPool pool(pool_options);
  if (absl::Status status = pool.WithConnection(
          [](pqxx::connection& connection) { return laurel::ApplyMigrations(connection); });
      !status.ok()) {
    std::fprintf(stderr, "laurel-bench-load: %s\n", status.ToString().c_str());
    return 1;
  }
  laurel::ingest::PgArticleRepository repository(pool);
  const laurel::synthetic::ArticleGenerator generator({.seed = absl::GetFlag(FLAGS_seed)});

  const int64_t first = absl::GetFlag(FLAGS_first);
  const int64_t end = first + absl::GetFlag(FLAGS_count);
  const int64_t batch = absl::GetFlag(FLAGS_batch);
  std::atomic<int64_t> next{first};
  std::atomic<int64_t> created{0}, done{0};
  std::atomic<bool> failed{false};
  std::mutex report;
  const absl::Time start = absl::Now();
  std::vector<std::thread> workers;
  for (int t = 0; t < absl::GetFlag(FLAGS_threads); ++t) {
    workers.emplace_back([&] {
      while (!failed) {
        const int64_t from = next.fetch_add(batch);
        if (from >= end) return;
        std::vector<laurel::ingest::NewArticle> articles;
        for (int64_t i = from; i < std::min(end, from + batch); ++i) {
          const laurel::synthetic::SyntheticArticle synthetic = generator.Generate(i);
          const auto request = laurel::synthetic::IngestRequestFor(synthetic);
          auto article = laurel::ingest::PrepareArticle(request, {});
          if (!article.ok()) {
            std::fprintf(stderr, "article %ld: %s\n", i, article.status().ToString().c_str());
            failed = true;
            return;
          }
          articles.push_back(std::move(*article));
        }
        auto stored = repository.InsertBatch(articles);
        if (!stored.ok()) {
          std::fprintf(stderr, "batch at %ld: %s\n", from, stored.status().ToString().c_str());
          failed = true;
          return;
        }
        for (const auto& result : *stored) created += result.created;
        const int64_t total = done += static_cast<int64_t>(articles.size());
        if (total % (20 * batch) < batch) {
          std::lock_guard<std::mutex> lock(report);
          const double seconds = absl::ToDoubleSeconds(absl::Now() - start);
          std::fprintf(stderr, "%ld articles, %.0f/s\n", total, total / seconds);
        }
      }
    });
  }
  for (std::thread& worker : workers) worker.join();
  const double seconds = absl::ToDoubleSeconds(absl::Now() - start);
  std::printf("loaded %ld articles (%ld new) in %.1f s: %.0f articles/s\n", done.load(),
              created.load(), seconds, done / seconds);
  return failed ? 1 : 0;
}

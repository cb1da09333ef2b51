#include "ingest-service/src/batch_store.h"

#include "absl/time/clock.h"
#include "common/json_log.h"

namespace laurel::ingest {
namespace {

using Results = std::vector<absl::StatusOr<StoredArticle>>;

// Failures that say nothing about the articles: the same transaction may well succeed later.
bool IsTransient(const absl::Status& status) {
  return absl::IsUnavailable(status) || absl::IsAborted(status) ||
         absl::IsResourceExhausted(status) || absl::IsDeadlineExceeded(status);
}

// All of `articles` in one transaction, or its error.
absl::StatusOr<std::vector<StoredArticle>> InsertAll(ArticleRepository& repository,
                                                     absl::Span<const NewArticle> articles) {
  // TODO(bulk): one transaction through the repository's batch insert (issue 4) once it lands.
  std::vector<StoredArticle> stored;
  stored.reserve(articles.size());
  for (const NewArticle& article : articles) {
    auto response = repository.Insert(article);
    if (!response.ok()) return response.status();
    stored.push_back({response->article().name(), response->created()});
  }
  return stored;
}

// InsertAll, retried while it fails transiently.
absl::StatusOr<std::vector<StoredArticle>> InsertAllRetrying(ArticleRepository& repository,
                                                             absl::Span<const NewArticle> articles,
                                                             const BatchStoreOptions& options) {
  absl::Duration backoff = options.backoff;
  for (int attempt = 1;; ++attempt) {
    auto stored = InsertAll(repository, articles);
    if (stored.ok() || !IsTransient(stored.status()) || attempt >= options.attempts) return stored;
    log::Warning("batch_retry", {{"articles", static_cast<int64_t>(articles.size())},
                                 {"attempt", attempt},
                                 {"error", stored.status().ToString()}});
    absl::SleepFor(backoff);
    backoff *= 2;
  }
}

absl::Status Store(ArticleRepository& repository, absl::Span<const NewArticle> articles,
                   const BatchStoreOptions& options, Results& results) {
  auto stored = InsertAllRetrying(repository, articles, options);
  if (stored.ok()) {
    for (StoredArticle& article : *stored) results.push_back(std::move(article));
    return absl::OkStatus();
  }
  if (IsTransient(stored.status())) return stored.status();
  if (articles.size() == 1) {
    results.push_back(stored.status());
    return absl::OkStatus();
  }
  const size_t half = articles.size() / 2;
  if (absl::Status status = Store(repository, articles.first(half), options, results);
      !status.ok()) {
    return status;
  }
  return Store(repository, articles.subspan(half), options, results);
}

}  // namespace

absl::StatusOr<Results> StoreBatch(ArticleRepository& repository,
                                   absl::Span<const NewArticle> articles,
                                   const BatchStoreOptions& options) {
  Results results;
  results.reserve(articles.size());
  if (absl::Status status = Store(repository, articles, options, results); !status.ok()) {
    return status;
  }
  return results;
}

}  // namespace laurel::ingest

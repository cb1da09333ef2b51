#include "ingest-service/src/batch_store.h"

#include "absl/time/clock.h"
#include "common/call_scope.h"
#include "common/json_log.h"

namespace laurel::ingest {
namespace {

using Results = std::vector<absl::StatusOr<StoredArticle>>;

// Failures that say nothing about the articles: the same transaction may well succeed later.
bool IsTransient(const absl::Status& status) {
  return absl::IsUnavailable(status) || absl::IsAborted(status) ||
         absl::IsResourceExhausted(status) || absl::IsDeadlineExceeded(status);
}

// The call the batch is stored for has ended (cancelled, or past its deadline): nothing more is worth
// trying, and the failure says nothing about the articles.
bool CallOver() {
  const CallLimits* call = CallScope::Current();
  return call != nullptr && (call->cancelled() || absl::Now() >= call->deadline);
}

// InsertBatch, retried while it fails transiently.
absl::StatusOr<std::vector<StoredArticle>> InsertRetrying(ArticleRepository& repository,
                                                          const std::vector<NewArticle>& articles,
                                                          const BatchStoreOptions& options) {
  absl::Duration backoff = options.backoff;
  for (int attempt = 1;; ++attempt) {
    auto stored = repository.InsertBatch(articles);
    if (stored.ok() || !IsTransient(stored.status()) || attempt >= options.attempts || CallOver()) {
      return stored;
    }
    log::Warning("batch_retry", {{"articles", static_cast<int64_t>(articles.size())},
                                 {"attempt", attempt},
                                 {"error", stored.status().ToString()}});
    absl::SleepFor(backoff);
    backoff *= 2;
  }
}

absl::Status Store(ArticleRepository& repository, const std::vector<NewArticle>& articles,
                   const BatchStoreOptions& options, Results& results) {
  auto stored = InsertRetrying(repository, articles, options);
  if (stored.ok()) {
    for (StoredArticle& article : *stored) results.push_back(std::move(article));
    return absl::OkStatus();
  }
  if (IsTransient(stored.status()) || CallOver()) return stored.status();
  if (articles.size() == 1) {
    results.push_back(stored.status());
    return absl::OkStatus();
  }
  log::Warning("batch_refused", {{"articles", static_cast<int64_t>(articles.size())},
                                 {"error", stored.status().ToString()}});
  const auto middle = articles.begin() + static_cast<std::ptrdiff_t>(articles.size() / 2);
  for (const std::vector<NewArticle>& half : {std::vector<NewArticle>(articles.begin(), middle),
                                              std::vector<NewArticle>(middle, articles.end())}) {
    if (absl::Status status = Store(repository, half, options, results); !status.ok()) {
      return status;
    }
  }
  return absl::OkStatus();
}

}  // namespace

absl::StatusOr<Results> StoreBatch(ArticleRepository& repository,
                                   const std::vector<NewArticle>& articles,
                                   const BatchStoreOptions& options) {
  Results results;
  results.reserve(articles.size());
  if (absl::Status status = Store(repository, articles, options, results); !status.ok()) {
    return status;
  }
  return results;
}

}  // namespace laurel::ingest

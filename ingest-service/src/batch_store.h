#pragma once

#include <vector>

#include "absl/status/statusor.h"
#include "absl/time/time.h"
#include "ingest-service/src/article_repository.h"

namespace laurel::ingest {

struct BatchStoreOptions {
  // Attempts at a transaction that fails for a transient reason (database unreachable, conflict, no
  // free connection) before the whole call fails with that reason.
  int attempts = 3;
  // Pause before the first retry; it doubles for each further one.
  absl::Duration backoff = absl::Milliseconds(200);
};

// Stores `articles` in one transaction (ArticleRepository::InsertBatch). When the database refuses
// it for something an article holds, stores each half on its own, recursively, so only the article
// at fault is rejected (with the database's reason) and the rest land. One result per article, in
// order. The call as a whole fails only when transient failures outlast the retries, or when the call
// of the current CallScope ends; what it committed before then stays committed, and resending is
// safe because articles are idempotent by their keys.
absl::StatusOr<std::vector<absl::StatusOr<StoredArticle>>> StoreBatch(
    ArticleRepository& repository, const std::vector<NewArticle>& articles,
    const BatchStoreOptions& options = {});

}  // namespace laurel::ingest

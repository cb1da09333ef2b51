#pragma once

#include <string>
#include <vector>

#include "absl/status/statusor.h"
#include "absl/time/time.h"
#include "absl/types/span.h"
#include "ingest-service/src/article_repository.h"

namespace laurel::ingest {

// Where one article of a batch ended up.
struct StoredArticle {
  // Resource name of the stored article ("articles/12").
  std::string name;
  // True when this batch stored it, or when a replay of its request_id found it (AIP-155: the first
  // answer); false when another submission with the same url or text stored it.
  bool created = false;
};

struct BatchStoreOptions {
  // Attempts at a transaction that fails for a transient reason (database unreachable, conflict, no
  // free connection) before the whole call fails with that reason.
  int attempts = 3;
  // Pause before the first retry; it doubles for each further one.
  absl::Duration backoff = absl::Milliseconds(200);
};

// Stores `articles` in one transaction. When the database refuses it for something an article
// holds, stores each half on its own, recursively, so only the article at fault is rejected (with
// the database's reason) and the rest land. One result per article, in order. The call as a whole
// fails only when transient failures outlast the retries; what it committed before then stays
// committed, and resending is safe because articles are idempotent by their keys.
absl::StatusOr<std::vector<absl::StatusOr<StoredArticle>>> StoreBatch(
    ArticleRepository& repository, absl::Span<const NewArticle> articles,
    const BatchStoreOptions& options = {});

}  // namespace laurel::ingest

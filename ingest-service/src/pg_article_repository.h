#pragma once

#include "common/pg_pool.h"
#include "ingest-service/src/article_repository.h"

namespace laurel::ingest {

// ArticleRepository on PostgreSQL. Every write is one transaction: COPY into staging tables, then
// set-based INSERT ... SELECT into articles, distinct_events, events and awards, and the rollups
// statistics are served from. Natural keys are enforced by unique indexes, so concurrent duplicates
// resolve to one row.
class PgArticleRepository : public ArticleRepository {
 public:
  explicit PgArticleRepository(PgPool& pool) : pool_(pool) {}

  absl::StatusOr<std::optional<v1::IngestArticleResponse>> FindExisting(
      const ArticleKeys& keys) override;
  absl::StatusOr<std::optional<v1::IngestArticleResponse>> Load(int64_t id) override;
  absl::StatusOr<std::vector<StoredArticle>> InsertBatch(
      const std::vector<NewArticle>& articles) override;
  // In pg_article_reparse.cc.
  absl::StatusOr<ReparseOutcome> Reparse(const ReparseSelection& selection,
                                         const TextParser& parse) override;

 private:
  PgPool& pool_;
};

}  // namespace laurel::ingest

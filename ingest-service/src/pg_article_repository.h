#pragma once

#include "common/pg_pool.h"
#include "ingest-service/src/article_repository.h"

namespace laurel::ingest {

// ArticleRepository on PostgreSQL: one transaction per article, natural keys enforced by unique
// indexes so that concurrent duplicates resolve to one row.
class PgArticleRepository : public ArticleRepository {
 public:
  explicit PgArticleRepository(PgPool& pool) : pool_(pool) {}

  absl::StatusOr<std::optional<v1::IngestArticleResponse>> FindExisting(
      const ArticleKeys& keys) override;
  absl::StatusOr<v1::IngestArticleResponse> Insert(const NewArticle& article) override;

 private:
  PgPool& pool_;
};

}  // namespace laurel::ingest

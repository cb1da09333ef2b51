#include "ingest-service/src/ingestor.h"

#include "ingest-service/src/article_preparation.h"

namespace laurel::ingest {

absl::StatusOr<v1::IngestArticleResponse> Ingestor::Ingest(
    const v1::IngestArticleRequest& request) const {
  auto article = PrepareArticle(request, limits_);
  if (!article.ok()) return article.status();
  return repository_.Insert(*article);
}

}  // namespace laurel::ingest

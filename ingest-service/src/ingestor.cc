#include "ingest-service/src/ingestor.h"

#include <string>

#include "common/grpc_status.h"
#include "ingest-service/src/article_identity.h"
#include "ingest-service/src/parsed_records.h"
#include "ingest-service/src/parser/parse_article.h"

namespace laurel::ingest {

absl::StatusOr<v1::IngestArticleResponse> Ingestor::Ingest(
    const v1::IngestArticleRequest& request) const {
  auto article = PrepareArticle(request, limits_);
  if (!article.ok()) return article.status();
  return repository_.Insert(*article);
}

absl::StatusOr<NewArticle> PrepareArticle(const v1::IngestArticleRequest& request,
                                          const RequestLimits& limits) {
  if (absl::Status status = ValidateIngestRequest(request, limits); !status.ok()) return status;

  auto parsed = parser::ParseArticle(request.text());
  if (!parsed.ok()) {
    return WithErrorDetails(parsed.status(), "UNPARSEABLE_TEXT", "text");
  }
  NewArticle article;
  article.keys.request_id = request.request_id();
  article.keys.url = request.url();
  article.keys.identity_hash = ArticleIdentityHash(request.text());
  article.text = request.text();
  article.source = request.source();
  article.parser_version = parser::kParserVersion;
  article.records = ToUnstoredRecords(*parsed);
  return article;
}

}  // namespace laurel::ingest

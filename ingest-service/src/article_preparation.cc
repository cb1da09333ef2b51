#include "ingest-service/src/article_preparation.h"

#include <utility>

#include "common/grpc_status.h"
#include "ingest-service/src/article_identity.h"
#include "ingest-service/src/parsed_records.h"
#include "ingest-service/src/parser/parse_article.h"

namespace laurel::ingest {

absl::StatusOr<NewArticle> PrepareArticle(v1::IngestArticleRequest request,
                                          const RequestLimits& limits) {
  if (absl::Status status = ValidateIngestRequest(request, limits); !status.ok()) return status;
  auto parsed = parser::ParseArticle(request.text());
  if (!parsed.ok()) return WithErrorDetails(parsed.status(), "UNPARSEABLE_TEXT", "text");
  NewArticle article;
  article.keys.request_id = std::move(*request.mutable_request_id());
  article.keys.url = std::move(*request.mutable_url());
  article.keys.identity_hash = ArticleIdentityHash(request.text());
  article.source = std::move(*request.mutable_source());
  article.parser_version = parser::kParserVersion;
  article.records = ToUnstoredRecords(*parsed);
  article.text = std::move(*request.mutable_text());
  return article;
}

}  // namespace laurel::ingest

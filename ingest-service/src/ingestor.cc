#include "ingest-service/src/ingestor.h"

#include <string>
#include <utility>

#include "common/grpc_status.h"
#include "ingest-service/src/article_identity.h"
#include "ingest-service/src/parsed_records.h"
#include "ingest-service/src/parser/parse_article.h"

namespace laurel::ingest {

absl::StatusOr<v1::IngestArticleResponse> Ingestor::Ingest(
    const v1::IngestArticleRequest& request) const {
  auto article = PrepareArticle(request, limits_);
  auto result = article.ok() ? Store(std::move(*article))
                             : absl::StatusOr<v1::IngestArticleResponse>(article.status());
  if (observer_ != nullptr) {
    if (result.ok()) {
      observer_->ArticleStored(*result);
    } else if (absl::IsInvalidArgument(result.status())) {
      observer_->ArticleRejected(ErrorReason(result.status()));
    }
  }
  return result;
}

absl::StatusOr<v1::IngestArticleResponse> Ingestor::Store(NewArticle article) const {
  auto stored = writes_.Store(std::move(article));
  if (!stored.ok()) return stored.status();
  // Read back after the commit, outside the group's transaction, which other calls wait on.
  auto response = repository_.Load(stored->id);
  if (!response.ok()) return response.status();
  if (!response->has_value()) {
    return absl::AbortedError("the article was stored and removed concurrently; retry");
  }
  (*response)->set_created(stored->created);
  return std::move(**response);
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

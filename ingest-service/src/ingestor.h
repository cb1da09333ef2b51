#pragma once

#include "absl/status/statusor.h"
#include "ingest-service/src/article_repository.h"
#include "ingest-service/src/group_commit.h"
#include "ingest-service/src/ingest_observer.h"
#include "ingest-service/src/request_validation.h"
#include "laurel/v1/ingest_service.pb.h"

namespace laurel::ingest {

// Validates and parses a request into the article to store, without storing it: bulk writers
// prepare many and store them with ArticleRepository::InsertBatch.
absl::StatusOr<NewArticle> PrepareArticle(const v1::IngestArticleRequest& request,
                                          const RequestLimits& limits);

// Turns one submitted article into stored records: validate, parse (on the caller's thread, so
// concurrent calls parse in parallel), store in a group commit with the articles of concurrent
// calls — or, for an article already stored, answer with what was stored the first time.
class Ingestor {
 public:
  // `observer` (not owned, may be null) hears of every article stored or rejected.
  Ingestor(ArticleRepository& repository, GroupCommit& writes, RequestLimits limits,
           IngestObserver* observer = nullptr)
      : repository_(repository), writes_(writes), limits_(limits), observer_(observer) {}

  absl::StatusOr<v1::IngestArticleResponse> Ingest(const v1::IngestArticleRequest& request) const;

 private:
  // Stores `article` in the next group and reads it back for the answer.
  absl::StatusOr<v1::IngestArticleResponse> Store(NewArticle article) const;

  ArticleRepository& repository_;
  GroupCommit& writes_;
  const RequestLimits limits_;
  IngestObserver* const observer_;
};

}  // namespace laurel::ingest

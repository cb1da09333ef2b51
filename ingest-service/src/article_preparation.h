#pragma once

#include "absl/status/statusor.h"
#include "ingest-service/src/article_repository.h"
#include "ingest-service/src/request_validation.h"
#include "laurel/v1/ingest_article_request.pb.h"

namespace laurel::ingest {

// Everything an article needs before it can be stored, done without touching the database: validate
// it, parse it, and derive its identity. INVALID_ARGUMENT (with an ErrorInfo reason) when the
// request is unfit to store. CPU-bound and independent per article, so bulk ingest runs it on many
// articles at once.
absl::StatusOr<NewArticle> PrepareArticle(v1::IngestArticleRequest request,
                                          const RequestLimits& limits);

}  // namespace laurel::ingest

#pragma once

#include "absl/status/statusor.h"
#include "ingest-service/src/article_repository.h"
#include "laurel/v1/admin_service.pb.h"

namespace laurel::ingest {

inline constexpr int kDefaultReparseBatch = 200;
inline constexpr int kMaxReparseBatch = 2000;

// ReparseArticles: reads stored articles again with this build's parser, one batch per call.
class Reparser {
 public:
  explicit Reparser(ArticleRepository& repository) : repository_(repository) {}

  // INVALID_ARGUMENT for a negative max_articles or a page token this service did not issue.
  absl::StatusOr<v1::ReparseArticlesResponse> Reparse(
      const v1::ReparseArticlesRequest& request) const;

 private:
  ArticleRepository& repository_;
};

}  // namespace laurel::ingest

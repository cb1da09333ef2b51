#pragma once

#include <cstdint>
#include <optional>
#include <vector>

#include "absl/status/statusor.h"
#include "laurel/v1/query_service.pb.h"
#include "query-service/src/paging.h"

namespace laurel::query {

// Read access to stored articles, events and awards.
class QueryRepository {
 public:
  virtual ~QueryRepository() = default;

  virtual absl::StatusOr<v1::GetAwardStatisticsResponse> GetAwardStatistics(
      const v1::GetAwardStatisticsRequest& request) = 0;

  // nullopt when no article has that id.
  virtual absl::StatusOr<std::optional<v1::GetArticleResponse>> GetArticle(int64_t id) = 0;

  // Up to page.size records with ids above page.after_id that `filter` keeps, in id order. The
  // listing's next_page_token is set when more may follow.
  virtual absl::StatusOr<v1::ListArticlesResponse> ListArticles(const v1::RecordFilter& filter,
                                                                const PageRequest& page) = 0;
  virtual absl::StatusOr<v1::ListEventsResponse> ListEvents(const v1::RecordFilter& filter,
                                                            const PageRequest& page) = 0;
  virtual absl::StatusOr<v1::ListAwardsResponse> ListAwards(const v1::RecordFilter& filter,
                                                            const PageRequest& page) = 0;
};

}  // namespace laurel::query

#pragma once

#include "common/pg_pool.h"
#include "query-service/src/query_repository.h"
#include "query-service/src/statistics_query.h"

namespace laurel::query {

// QueryRepository on PostgreSQL: statistics from the rollup tables when one covers the request
// (else from the award_facts view), listings through the award_facts and event_facts views.
class PgQueryRepository : public QueryRepository {
 public:
  explicit PgQueryRepository(PgPool& pool,
                             StatisticsSource source = StatisticsSource::kRollupsWhenPossible)
      : pool_(pool), source_(source) {}

  absl::StatusOr<v1::GetAwardStatisticsResponse> GetAwardStatistics(
      const v1::GetAwardStatisticsRequest& request) override;
  absl::StatusOr<std::optional<v1::GetArticleResponse>> GetArticle(int64_t id) override;
  absl::StatusOr<v1::ListArticlesResponse> ListArticles(const v1::RecordFilter& filter,
                                                        const PageRequest& page) override;
  absl::StatusOr<v1::ListEventsResponse> ListEvents(const v1::RecordFilter& filter,
                                                    const PageRequest& page) override;
  absl::StatusOr<v1::ListAwardsResponse> ListAwards(const v1::RecordFilter& filter,
                                                    const PageRequest& page) override;

 private:
  PgPool& pool_;
  const StatisticsSource source_;
};

}  // namespace laurel::query

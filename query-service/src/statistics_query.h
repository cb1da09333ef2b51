#pragma once

#include <string>
#include <vector>

#include "absl/status/statusor.h"
#include "laurel/v1/query_service.pb.h"

namespace laurel::query {

// The SQL answering one GetAwardStatistics request. Its result has one row per group then the total row:
// the group_by keys (text, in request order), then award_records, recipients, collective_recipients,
// individual_recipients, events, articles, and last `is_total`.
struct StatisticsSql {
  std::string sql;
  std::vector<std::string> params;
  int key_count = 0;
};

// INVALID_ARGUMENT (naming the field) for an unknown or repeated dimension or a bad filter.
absl::StatusOr<StatisticsSql> BuildStatisticsSql(const v1::GetAwardStatisticsRequest& request);

}  // namespace laurel::query

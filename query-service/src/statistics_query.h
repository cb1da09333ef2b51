#pragma once

#include <string>
#include <vector>

#include "absl/status/statusor.h"
#include "laurel/v1/query_service.pb.h"

namespace laurel::query {

// The SQL answering one GetAwardStatistics request. Its result has one row per group then the total
// row: the group_by keys (text, in request order), then award_records, recipients,
// collective_recipients, individual_recipients, events, articles, and last `is_total`.
struct StatisticsSql {
  std::string sql;
  std::vector<std::string> params;
  int key_count = 0;
  // The rollup table the groups are read from, or "award_facts" for the stored records themselves.
  std::string served_from;
  // Whether the SQL already orders and limits the groups; false when fill_time_gaps leaves that to
  // the caller (after filling).
  bool ordered = true;
};

// Where statistics may be computed from.
enum class StatisticsSource {
  kRollupsWhenPossible,  // the smallest rollup covering the request, else the stored records
  kStoredRecords,        // always aggregate award_facts (the reference the rollups must agree with)
};

// INVALID_ARGUMENT (naming the field) for an unknown or repeated dimension, a bad filter, order,
// limit, or fill_time_gaps without exactly one time dimension.
absl::StatusOr<StatisticsSql> BuildStatisticsSql(
    const v1::GetAwardStatisticsRequest& request,
    StatisticsSource source = StatisticsSource::kRollupsWhenPossible);

}  // namespace laurel::query

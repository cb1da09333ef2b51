#pragma once

#include "absl/status/status.h"
#include "laurel/v1/query_service.pb.h"

namespace laurel::query {

// For a request with fill_time_gaps: adds a zero row for every time bucket (year, quarter or month,
// whichever is in group_by) between the filter's date range — else between the first and last
// bucket that has records — for each combination of the other keys, skipping buckets the filter's
// year, quarter or month excludes. INVALID_ARGUMENT when that would make more than kMaxTimeBuckets
// rows.
absl::Status FillTimeGaps(const v1::GetAwardStatisticsRequest& request,
                          v1::GetAwardStatisticsResponse& response);

// Orders the rows as the request asks (by its metric, then by keys compared bytewise, as the SQL
// orders them) and keeps at most `limit` of them.
void OrderAndLimit(const v1::GetAwardStatisticsRequest& request,
                   v1::GetAwardStatisticsResponse& response);

inline constexpr int kMaxTimeBuckets = 20000;

}  // namespace laurel::query

#include "query-service/src/time_series.h"

#include <algorithm>
#include <map>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include "absl/strings/numbers.h"
#include "absl/strings/str_format.h"
#include "common/grpc_status.h"

namespace laurel::query {
namespace {

// A time bucket as a number that counts buckets: years, or quarters or months since year 0.
struct Calendar {
  int per_year;  // 1, 4 or 12

  int Of(int year, int month) const {
    return year * per_year + (per_year == 1 ? 0 : (month - 1) * per_year / 12);
  }
  std::string Key(int bucket) const {
    const int year = bucket / per_year;
    const int part = bucket % per_year + 1;
    if (per_year == 1) return absl::StrCat(year);
    if (per_year == 4) return absl::StrFormat("%d-Q%d", year, part);
    return absl::StrFormat("%d-%02d", year, part);
  }
  std::optional<int> Parse(const std::string& key) const {
    int year = 0, part = 1;
    if (key.size() < 4 || !absl::SimpleAtoi(key.substr(0, 4), &year)) return std::nullopt;
    if (per_year == 4 && (key.size() != 7 || !absl::SimpleAtoi(key.substr(6), &part))) {
      return std::nullopt;
    }
    if (per_year == 12 && (key.size() != 7 || !absl::SimpleAtoi(key.substr(5), &part))) {
      return std::nullopt;
    }
    return year * per_year + part - 1;
  }
  // Whether the filter's year, quarter and month allow `bucket`.
  bool Allowed(int bucket, const v1::RecordFilter& filter) const {
    const int year = bucket / per_year;
    if (filter.has_year() && filter.year() != year) return false;
    const int part = bucket % per_year + 1;
    if (per_year == 4 && filter.has_quarter() && filter.quarter() != part) return false;
    if (per_year == 12) {
      if (filter.has_month() && filter.month() != part) return false;
      if (filter.has_quarter() && filter.quarter() != (part + 2) / 3) return false;
    }
    return true;
  }
};

int64_t MetricOf(const v1::StatisticsRow& row, v1::Metric metric) {
  switch (metric) {
    case v1::METRIC_AWARD_RECORDS:
      return row.award_records();
    case v1::METRIC_RECIPIENTS:
      return row.recipients();
    case v1::METRIC_COLLECTIVE_RECIPIENTS:
      return row.collective_recipients();
    case v1::METRIC_INDIVIDUAL_RECIPIENTS:
      return row.individual_recipients();
    case v1::METRIC_EVENTS:
      return row.events();
    case v1::METRIC_ARTICLES:
      return row.articles();
    default:
      return 0;
  }
}

}  // namespace

absl::Status FillTimeGaps(const v1::GetAwardStatisticsRequest& request,
                          v1::GetAwardStatisticsResponse& response) {
  int time_key = -1;
  Calendar calendar{1};
  for (int i = 0; i < request.group_by_size(); ++i) {
    if (request.group_by(i) == v1::DIMENSION_YEAR) time_key = i, calendar.per_year = 1;
    if (request.group_by(i) == v1::DIMENSION_QUARTER) time_key = i, calendar.per_year = 4;
    if (request.group_by(i) == v1::DIMENSION_MONTH) time_key = i, calendar.per_year = 12;
  }
  if (time_key < 0) return absl::OkStatus();

  // The other keys of each row, and the buckets each combination of them already has.
  std::map<std::vector<std::string>, std::set<int>> present;
  std::optional<int> first, last;
  for (const v1::StatisticsRow& row : response.rows()) {
    std::vector<std::string> others(row.keys().begin(), row.keys().end());
    const std::string time = others[time_key];
    others.erase(others.begin() + time_key);
    std::set<int>& buckets = present[others];
    if (const std::optional<int> bucket = calendar.Parse(time)) {
      buckets.insert(*bucket);
      first = std::min(first.value_or(*bucket), *bucket);
      last = std::max(last.value_or(*bucket), *bucket);
    }
  }
  if (request.group_by_size() == 1 && present.empty()) present[{}];
  const v1::RecordFilter& filter = request.filter();
  if (filter.has_date_from() && filter.date_from().year() > 0) {
    first = calendar.Of(filter.date_from().year(), std::max(1, filter.date_from().month()));
  } else if (filter.has_year() && filter.year() > 0) {
    first = calendar.Of(filter.year(), 1);
  }
  if (filter.has_date_to() && filter.date_to().year() > 0) {
    last = calendar.Of(filter.date_to().year(),
                       filter.date_to().month() > 0 ? filter.date_to().month() : 12);
  } else if (filter.has_year() && filter.year() > 0) {
    last = calendar.Of(filter.year(), 12);
  }
  if (!first || !last || *first > *last) return absl::OkStatus();
  if (static_cast<int64_t>(*last - *first + 1) * static_cast<int64_t>(present.size()) >
      kMaxTimeBuckets) {
    return WithErrorDetails(
        absl::InvalidArgumentError(
            absl::StrCat("fill_time_gaps would return more than ", kMaxTimeBuckets,
                         " rows; narrow the filter's date range or group by a longer period")),
        "TIME_RANGE_TOO_LONG", "fill_time_gaps");
  }
  for (const auto& [others, buckets] : present) {
    for (int bucket = *first; bucket <= *last; ++bucket) {
      if (buckets.count(bucket) > 0 || !calendar.Allowed(bucket, filter)) continue;
      v1::StatisticsRow* row = response.add_rows();
      for (size_t k = 0, other = 0; k < static_cast<size_t>(request.group_by_size()); ++k) {
        row->add_keys(static_cast<int>(k) == time_key ? calendar.Key(bucket) : others[other++]);
      }
    }
  }
  return absl::OkStatus();
}

void OrderAndLimit(const v1::GetAwardStatisticsRequest& request,
                   v1::GetAwardStatisticsResponse& response) {
  const v1::Metric metric = request.order_by().metric();
  const bool descending = request.order_by().descending();
  auto& rows = *response.mutable_rows();
  std::stable_sort(rows.begin(), rows.end(), [&](const auto& a, const auto& b) {
    if (metric != v1::METRIC_UNSPECIFIED) {
      const int64_t x = MetricOf(a, metric), y = MetricOf(b, metric);
      if (x != y) return descending ? x > y : x < y;
    }
    return std::lexicographical_compare(a.keys().begin(), a.keys().end(), b.keys().begin(),
                                        b.keys().end());
  });
  if (request.limit() > 0 && rows.size() > request.limit()) {
    rows.DeleteSubrange(request.limit(), rows.size() - request.limit());
  }
}

}  // namespace laurel::query

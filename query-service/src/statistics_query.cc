#include "query-service/src/statistics_query.h"

#include "absl/container/flat_hash_set.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "common/grpc_status.h"
#include "query-service/src/record_filter.h"

namespace laurel::query {
namespace {

// The key of each dimension as an expression over award_facts (alias f). Enum keys carry the protobuf value
// name, so clients can parse them back; unknown values are "".
absl::StatusOr<std::string> DimensionExpression(v1::Dimension dimension, int index) {
  switch (dimension) {
    case v1::DIMENSION_PROVINCE:
      return std::string("f.province");
    case v1::DIMENSION_CURRENT_PROVINCE:
      return std::string("f.current_province");
    case v1::DIMENSION_ISSUER:
      return std::string("f.issuer");
    case v1::DIMENSION_ISSUER_LEVEL:
      return std::string("'ISSUER_LEVEL_' || f.issuer_level");
    case v1::DIMENSION_AWARD_TYPE:
      return std::string("'AWARD_TYPE_' || f.award_type");
    case v1::DIMENSION_AWARD_NAME:
      return std::string("f.award_name");
    case v1::DIMENSION_RECIPIENT_KIND:
      return std::string("'RECIPIENT_KIND_' || f.recipient_kind");
    case v1::DIMENSION_EVENT_KIND:
      return std::string("'EVENT_KIND_' || f.event_kind");
    case v1::DIMENSION_YEAR:
      return std::string("CASE WHEN f.award_year > 0 THEN f.award_year::TEXT ELSE '' END");
    case v1::DIMENSION_QUARTER:
      return std::string(
          "CASE WHEN f.award_year > 0 AND f.award_month > 0 "
          "THEN f.award_year || '-Q' || ((f.award_month + 2) / 3) ELSE '' END");
    case v1::DIMENSION_MONTH:
      return std::string(
          "CASE WHEN f.award_year > 0 AND f.award_month > 0 "
          "THEN f.award_year || '-' || to_char(f.award_month, 'FM00') ELSE '' END");
    case v1::DIMENSION_MOVEMENT:
      return std::string("f.movement");
    case v1::DIMENSION_ORGANIZER:
      return std::string("f.organizer");
    case v1::DIMENSION_SOURCE:
      return std::string("f.source");
    default:
      return WithErrorDetails(
          absl::InvalidArgumentError(absl::StrCat("group_by[", index, "] is not a dimension (",
                                                  static_cast<int>(dimension), ")")),
          "INVALID_DIMENSION", absl::StrCat("group_by[", index, "]"));
  }
}

constexpr char kMetrics[] =
    "count(*), COALESCE(sum(recipient_count), 0), "
    "COALESCE(sum(recipient_count) FILTER (WHERE recipient_kind = 'COLLECTIVE'), 0), "
    "COALESCE(sum(recipient_count) FILTER (WHERE recipient_kind = 'INDIVIDUAL'), 0), "
    "count(DISTINCT event_id), count(DISTINCT article_id)";

}  // namespace

absl::StatusOr<StatisticsSql> BuildStatisticsSql(const v1::GetAwardStatisticsRequest& request) {
  auto filter = FilterConditions(request.filter(), FilterTarget::kAwards);
  if (!filter.ok()) return filter.status();

  std::vector<std::string> keys;
  absl::flat_hash_set<int> seen;
  for (int i = 0; i < request.group_by_size(); ++i) {
    auto expression = DimensionExpression(request.group_by(i), i);
    if (!expression.ok()) return expression.status();
    if (!seen.insert(request.group_by(i)).second) {
      return WithErrorDetails(
          absl::InvalidArgumentError(absl::StrCat("group_by[", i, "] repeats a dimension")),
          "INVALID_DIMENSION", absl::StrCat("group_by[", i, "]"));
    }
    keys.push_back(absl::StrCat(*expression, " AS k", i));
  }

  StatisticsSql result;
  result.key_count = static_cast<int>(keys.size());
  result.params = std::move(filter->params);
  const std::string facts =
      absl::StrCat("SELECT ", absl::StrJoin(keys, ", "), keys.empty() ? "" : ", ",
                   "f.recipient_count, f.recipient_kind, f.event_id, f.article_id FROM award_facts f ",
                   filter->WhereClause());
  if (keys.empty()) {
    result.sql = absl::StrCat("SELECT ", kMetrics, ", TRUE FROM (", facts, ") facts");
    return result;
  }
  std::vector<std::string> key_names;
  for (int i = 0; i < result.key_count; ++i) key_names.push_back(absl::StrCat("k", i));
  const std::string key_list = absl::StrJoin(key_names, ", ");
  // One pass yields the groups and the total: GROUPING() is non-zero only on the () grouping set.
  result.sql = absl::StrCat("SELECT ", key_list, ", ", kMetrics, ", GROUPING(", key_list,
                            ") <> 0 AS is_total FROM (", facts, ") facts GROUP BY GROUPING SETS ((",
                            key_list, "), ()) ORDER BY is_total, ", key_list);
  return result;
}

}  // namespace laurel::query

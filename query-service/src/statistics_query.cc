#include "query-service/src/statistics_query.h"

#include <set>

#include "absl/container/flat_hash_set.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "common/grpc_status.h"
#include "common/rollups.h"
#include "query-service/src/record_filter.h"

namespace laurel::query {
namespace {

// A dimension's key as an expression over award_facts or a rollup (alias f), and the columns it
// reads. Enum keys carry the protobuf value name, so clients can parse them back; unknown values
// are "".
struct DimensionKey {
  std::string expression;
  std::vector<absl::string_view> columns;
};

absl::Status InvalidRequest(absl::string_view reason, absl::string_view field,
                            std::string message) {
  return WithErrorDetails(absl::InvalidArgumentError(std::move(message)), reason, field);
}

absl::StatusOr<DimensionKey> KeyOf(v1::Dimension dimension, int index) {
  const auto column = [](absl::string_view name) {
    return DimensionKey{absl::StrCat("f.", name), {name}};
  };
  const auto code = [](absl::string_view prefix, absl::string_view name) {
    return DimensionKey{absl::StrCat("'", prefix, "' || f.", name), {name}};
  };
  const std::vector<absl::string_view> date = {"award_year", "award_month"};
  switch (dimension) {
    case v1::DIMENSION_PROVINCE:
      return column("province");
    case v1::DIMENSION_CURRENT_PROVINCE:
      return column("current_province");
    case v1::DIMENSION_ISSUER:
      return column("issuer");
    case v1::DIMENSION_ISSUER_LEVEL:
      return code("ISSUER_LEVEL_", "issuer_level");
    case v1::DIMENSION_AWARD_TYPE:
      return code("AWARD_TYPE_", "award_type");
    case v1::DIMENSION_AWARD_NAME:
      return column("award_name");
    case v1::DIMENSION_RECIPIENT_KIND:
      return code("RECIPIENT_KIND_", "recipient_kind");
    case v1::DIMENSION_EVENT_KIND:
      return code("EVENT_KIND_", "event_kind");
    case v1::DIMENSION_YEAR:
      return DimensionKey{"CASE WHEN f.award_year > 0 THEN f.award_year::TEXT ELSE '' END", date};
    case v1::DIMENSION_QUARTER:
      return DimensionKey{
          "CASE WHEN f.award_year > 0 AND f.award_month > 0 "
          "THEN f.award_year || '-Q' || ((f.award_month + 2) / 3) ELSE '' END",
          date};
    case v1::DIMENSION_MONTH:
      return DimensionKey{
          "CASE WHEN f.award_year > 0 AND f.award_month > 0 "
          "THEN f.award_year || '-' || to_char(f.award_month, 'FM00') ELSE '' END",
          date};
    case v1::DIMENSION_MOVEMENT:
      return column("movement");
    case v1::DIMENSION_ORGANIZER:
      return column("organizer");
    case v1::DIMENSION_SOURCE:
      return column("source");
    default:
      return InvalidRequest("INVALID_DIMENSION", absl::StrCat("group_by[", index, "]"),
                            absl::StrCat("group_by[", index, "] is not a dimension (",
                                         static_cast<int>(dimension), ")"));
  }
}

bool IsTimeDimension(int dimension) {
  return dimension == v1::DIMENSION_YEAR || dimension == v1::DIMENSION_QUARTER ||
         dimension == v1::DIMENSION_MONTH;
}

// The smallest rollup that holds exactly `needed`: the same award-level columns (summing over one
// would count an event once per value) and every other column among its keys. nullptr when none
// does, or when a condition can only be tested on the stored records.
const Rollup* CoveringRollup(const std::set<absl::string_view>& needed,
                             const std::vector<FilterCondition>& conditions) {
  for (const FilterCondition& condition : conditions) {
    if (condition.Columns().empty()) return nullptr;
    const bool by_date = condition.kind == FilterCondition::Kind::kDateFrom ||
                         condition.kind == FilterCondition::Kind::kDateTo;
    if (by_date && !condition.whole_months) return nullptr;
  }
  for (const Rollup& rollup : Rollups()) {
    const std::set<absl::string_view> keys(rollup.key_columns.begin(), rollup.key_columns.end());
    bool covers = true;
    for (absl::string_view column : needed) covers &= keys.count(column) > 0;
    for (absl::string_view key : keys) covers &= !IsAwardLevelColumn(key) || needed.count(key) > 0;
    if (covers) return &rollup;
  }
  return nullptr;
}

// "WHERE ..." for `conditions` on alias f, binding into `sql` (which may already hold other parts'
// parameters).
std::string WhereClause(const std::vector<FilterCondition>& conditions, SqlConditions& sql,
                        bool by_month) {
  std::vector<std::string> rendered;
  for (const FilterCondition& condition : conditions) {
    rendered.push_back(condition.Render(sql, "f", by_month));
  }
  return rendered.empty() ? "" : absl::StrCat("WHERE ", absl::StrJoin(rendered, " AND "));
}

// The metric columns (m0 ... m5) of the groups and the total, read from a rollup.
std::string RollupMetrics() {
  std::vector<std::string> sums;
  for (int i = 0; i < 6; ++i) {
    sums.push_back(absl::StrCat("COALESCE(sum(f.", kRollupMetrics[i], "), 0) AS m", i));
  }
  return absl::StrJoin(sums, ", ");
}

// The metrics of award_facts rows `facts` grouped by `keys` (may be empty: one total row), counting
// each distinct event (or record without one) once, with its article reports.
std::string StoredRecordMetrics(absl::string_view facts, absl::string_view keys) {
  const std::string key_list = keys.empty() ? "" : absl::StrCat(keys, ", ");
  return absl::StrCat(
      "SELECT ", key_list,
      "COALESCE(sum(n), 0) AS m0, COALESCE(sum(r), 0) AS m1, COALESCE(sum(c), 0) AS m2, "
      "COALESCE(sum(i), 0) AS m3, count(*) FILTER (WHERE is_event) AS m4, "
      "COALESCE(sum(mentions), 0) AS m5 FROM (SELECT ",
      key_list,
      "bool_or(is_event) AS is_event, max(mentions) AS mentions, count(*) AS n, "
      "COALESCE(sum(recipient_count), 0) AS r, "
      "COALESCE(sum(recipient_count) FILTER (WHERE recipient_kind = 'COLLECTIVE'), 0) AS c, "
      "COALESCE(sum(recipient_count) FILTER (WHERE recipient_kind = 'INDIVIDUAL'), 0) AS i FROM ",
      facts, " GROUP BY ", key_list, "unit) units",
      keys.empty() ? "" : absl::StrCat(" GROUP BY ", keys));
}

}  // namespace

absl::StatusOr<StatisticsSql> BuildStatisticsSql(const v1::GetAwardStatisticsRequest& request,
                                                 StatisticsSource source) {
  auto conditions = ReadFilter(request.filter());
  if (!conditions.ok()) return conditions.status();

  std::vector<std::string> keys;       // "expression AS k0"
  std::vector<std::string> key_names;  // "k0"
  std::set<absl::string_view> filter_columns, group_columns;
  absl::flat_hash_set<int> seen;
  int time_dimensions = 0;
  for (int i = 0; i < request.group_by_size(); ++i) {
    auto key = KeyOf(request.group_by(i), i);
    if (!key.ok()) return key.status();
    if (!seen.insert(request.group_by(i)).second) {
      return InvalidRequest("INVALID_DIMENSION", absl::StrCat("group_by[", i, "]"),
                            absl::StrCat("group_by[", i, "] repeats a dimension"));
    }
    time_dimensions += IsTimeDimension(request.group_by(i));
    keys.push_back(absl::StrCat(key->expression, " AS k", i));
    key_names.push_back(absl::StrCat("k", i));
    group_columns.insert(key->columns.begin(), key->columns.end());
  }
  const v1::Metric metric = request.order_by().metric();
  if (!v1::Metric_IsValid(metric)) {
    return InvalidRequest("INVALID_ORDER", "order_by.metric",
                          absl::StrCat("order_by.metric has unknown value ", metric));
  }
  if (request.limit() < 0) {
    return InvalidRequest("INVALID_LIMIT", "limit", "limit must not be negative");
  }
  if (request.fill_time_gaps() && time_dimensions != 1) {
    return InvalidRequest("INVALID_TIME_SERIES", "fill_time_gaps",
                          "fill_time_gaps needs exactly one of DIMENSION_YEAR, DIMENSION_QUARTER "
                          "and DIMENSION_MONTH in group_by");
  }
  for (const FilterCondition& condition : *conditions) {
    for (absl::string_view column : condition.Columns()) filter_columns.insert(column);
  }
  std::set<absl::string_view> group_needed = filter_columns;
  group_needed.insert(group_columns.begin(), group_columns.end());

  StatisticsSql result;
  result.key_count = static_cast<int>(keys.size());
  result.ordered = !request.fill_time_gaps();
  const Rollup* groups_rollup = nullptr;
  const Rollup* total_rollup = nullptr;
  if (source == StatisticsSource::kRollupsWhenPossible) {
    groups_rollup = CoveringRollup(group_needed, *conditions);
    total_rollup = CoveringRollup(filter_columns, *conditions);
  }
  SqlConditions sql;
  const std::string key_list = absl::StrJoin(key_names, ", ");
  std::string groups;  // SELECT k0..., m0..m5 (no order)
  std::string total;   // SELECT m0..m5
  if (groups_rollup != nullptr && total_rollup != nullptr) {
    result.served_from = std::string(groups_rollup->table);
    if (!keys.empty()) {
      groups = absl::StrCat("SELECT ", absl::StrJoin(keys, ", "), ", ", RollupMetrics(), " FROM ",
                            groups_rollup->table, " f ", WhereClause(*conditions, sql, true),
                            " GROUP BY ", key_list);
    }
    total = absl::StrCat("SELECT ", RollupMetrics(), " FROM ", total_rollup->table, " f ",
                         WhereClause(*conditions, sql, true));
  } else {
    result.served_from = "award_facts";
    // Each record's unit: its distinct event, or (given at no event) its article.
    const std::string facts = absl::StrCat(
        "(SELECT ", absl::StrJoin(keys, ", "), keys.empty() ? "" : ", ",
        "COALESCE(f.distinct_event_id, -f.article_id) AS unit, f.distinct_event_id IS NOT NULL "
        "AS is_event, f.mentions, f.recipient_count, f.recipient_kind FROM award_facts f ",
        WhereClause(*conditions, sql, false), ") facts");
    if (!keys.empty()) groups = StoredRecordMetrics(facts, key_list);
    total = StoredRecordMetrics(facts, "");
  }
  result.params = std::move(sql.params);

  std::vector<std::string> order;
  if (metric != v1::METRIC_UNSPECIFIED) {
    order.push_back(absl::StrCat("m", metric - 1, request.order_by().descending() ? " DESC" : ""));
  }
  for (const std::string& name : key_names) order.push_back(absl::StrCat(name, " COLLATE \"C\""));
  std::vector<std::string> nulls;
  for (size_t i = 0; i < key_names.size(); ++i) nulls.push_back("NULL::TEXT");
  const std::string total_row =
      absl::StrCat("SELECT ", absl::StrJoin(nulls, ", "), nulls.empty() ? "" : ", ",
                   "m0, m1, m2, m3, m4, m5, TRUE FROM (", total, ") t");
  if (keys.empty()) {
    result.sql = total_row;
    return result;
  }
  std::string page = absl::StrCat("SELECT *, FALSE AS is_total FROM (", groups, ") g");
  if (result.ordered) {
    absl::StrAppend(&page, " ORDER BY ", absl::StrJoin(order, ", "));
    if (request.limit() > 0) absl::StrAppend(&page, " LIMIT ", request.limit());
  }
  result.sql =
      absl::StrCat("SELECT * FROM ((", page, ") UNION ALL (", total_row, ")) u ORDER BY is_total",
                   result.ordered ? absl::StrCat(", ", absl::StrJoin(order, ", ")) : "");
  return result;
}

}  // namespace laurel::query

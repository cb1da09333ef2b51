#pragma once

#include <string>
#include <vector>

#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"
#include "laurel/v1/query_service.pb.h"

namespace laurel::query {

// SQL conditions and the parameters they bind. Values never enter the SQL text: each one is a $n
// placeholder numbered after the parameters already bound.
struct SqlConditions {
  std::vector<std::string> conditions;  // to be joined with AND
  std::vector<std::string> params;

  // "WHERE a AND b", or "" when there is no condition.
  std::string WhereClause() const;
  // Binds `value` and returns its placeholder ("$3").
  std::string Bind(std::string value);
};

// Which records a filter field describes: the award record itself, its event, or its article.
enum class FilterLevel { kAward, kEvent, kArticle };

// One set field of a RecordFilter, as a condition on the columns of award_facts (which event_facts
// and the rollup tables share).
struct FilterCondition {
  enum class Kind {
    kEquals,         // column = value
    kDateFrom,       // award date on or after year-month-day
    kDateTo,         // award date on or before year-month-day
    kYear,           // award_year = number
    kQuarter,        // quarter of award_month = number
    kMonth,          // award_month = number
    kPublishedFrom,  // published_at >= instant (microseconds)
    kPublishedTo,    // published_at < instant (microseconds)
  };
  Kind kind = Kind::kEquals;
  FilterLevel level = FilterLevel::kAward;
  std::string column;  // kEquals
  std::string value;   // kEquals: the value; kYear/kQuarter/kMonth: the number; published: micros
  int year = 0, month = 0, day = 0;  // date bounds, completed ({2020} → 2020-01-01 or 2020-12-31)
  bool whole_months = false;         // a date bound that starts or ends a month

  // The award_facts columns this condition reads; empty when only the base tables can answer it.
  std::vector<absl::string_view> Columns() const;
  // The condition on the relation aliased `alias`, its values bound into `sql`. `by_month` compares
  // dates by month only, as a rollup keyed by (award_year, award_month) must (exact for
  // whole_months).
  std::string Render(SqlConditions& sql, absl::string_view alias, bool by_month = false) const;
};

// The set fields of `filter`. INVALID_ARGUMENT (naming the field) for an impossible date, quarter
// or month, a publication instant outside google.protobuf.Timestamp's range, or an enum value this
// server does not know.
absl::StatusOr<std::vector<FilterCondition>> ReadFilter(const v1::RecordFilter& filter);

// What a listing's filter is applied to. Each has its own view or table, aliased `f`; fields that
// are not columns of it are tested through the award records that belong to it.
enum class FilterTarget {
  kAwards,    // award_facts: every field is a column
  kEvents,    // event_facts: award fields are tested on the event's awards
  kArticles,  // articles: every field but source and publication range is tested on the records it
              // reports
};

// Conditions selecting the records of `target` that `filter` keeps.
absl::StatusOr<SqlConditions> FilterConditions(const v1::RecordFilter& filter, FilterTarget target);

}  // namespace laurel::query

#pragma once

#include <string>
#include <vector>

#include "absl/status/statusor.h"
#include "laurel/v1/query_service.pb.h"

namespace laurel::query {

// SQL conditions and the parameters they bind. Values never enter the SQL text: each one is a $n placeholder
// numbered after the parameters already bound.
struct SqlConditions {
  std::vector<std::string> conditions;  // to be joined with AND
  std::vector<std::string> params;

  // "WHERE a AND b", or "" when there is no condition.
  std::string WhereClause() const;
  // Binds `value` and returns its placeholder ("$3").
  std::string Bind(std::string value);
};

// What a filter is applied to. Each has its own view or table, aliased `f`; fields that are not columns of it
// are tested through the award records that belong to it.
enum class FilterTarget {
  kAwards,    // award_facts: every field is a column
  kEvents,    // event_facts: award fields are tested on the event's awards
  kArticles,  // articles: every field but source and publication range is tested on its awards
};

// Conditions selecting the records of `target` that `filter` keeps. INVALID_ARGUMENT (naming the field) for
// an impossible date or an enum value this server does not know.
absl::StatusOr<SqlConditions> FilterConditions(const v1::RecordFilter& filter, FilterTarget target);

}  // namespace laurel::query

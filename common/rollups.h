#pragma once

#include <string>
#include <vector>

#include "absl/strings/string_view.h"

// The rollup tables statistics are served from
// (deploy/migrations/0002_distinct_events_and_rollups.sql creates them): each sums the rows of the
// rollup_contributions view by its key columns, which are columns of award_facts. The ingest
// service keeps them current in every write transaction; the query service answers from the
// smallest one that covers a request.
namespace laurel {

struct Rollup {
  absl::string_view table;
  std::vector<absl::string_view> key_columns;
};

// Every rollup, smallest (fewest expected rows) first.
const std::vector<Rollup>& Rollups();

// Columns whose values differ between the award records of one event (issuer, award type, ...).
// Summing a rollup over such a column would count an event (and its articles) once per value, so a
// rollup is only used when a request names exactly its award-level key columns.
bool IsAwardLevelColumn(absl::string_view column);

// The metric columns of every rollup, in StatisticsRow order.
inline constexpr const char* kRollupMetrics[] = {
    "award_records",         "recipients", "collective_recipients",
    "individual_recipients", "events",     "articles"};

// The SQL that adds `sign` (+1 or -1) times the contributions of the articles `article_ids_sql` (a
// subquery yielding article ids) to every rollup, in one statement. Rows are upserted in key order,
// rollup by rollup, so concurrent writers lock them in the same order.
std::string RollupMaintenanceSql(absl::string_view article_ids_sql, int sign);

// Removes rollup rows that subtraction emptied.
std::string RollupCleanupSql();

}  // namespace laurel

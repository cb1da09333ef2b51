#include "common/rollups.h"

#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"

namespace laurel {

const std::vector<Rollup>& Rollups() {
  static const auto* const kRollups = new std::vector<Rollup>{
      {"rollup_province", {"province", "current_province"}},
      {"rollup_month", {"award_year", "award_month"}},
      {"rollup_issuer", {"issuer"}},
      {"rollup_recipient_kind_month", {"recipient_kind", "award_year", "award_month"}},
      {"rollup_issuer_level_month", {"issuer_level", "award_year", "award_month"}},
      {"rollup_award_type_province", {"award_type", "province", "current_province"}},
      {"rollup_award_type_month", {"award_type", "award_year", "award_month"}},
      {"rollup_province_month", {"province", "current_province", "award_year", "award_month"}},
      {"rollup_issuer_month", {"issuer", "award_year", "award_month"}},
  };
  return *kRollups;
}

bool IsAwardLevelColumn(absl::string_view column) {
  return column == "issuer" || column == "issuer_level" || column == "award_type" ||
         column == "award_name" || column == "recipient_kind";
}

std::string RollupMaintenanceSql(absl::string_view article_ids_sql, int sign) {
  // What one rollup row gains from the contributions `c` it groups: the award part counts records,
  // recipients and distinct events; the report part counts distinct (article, event) reports.
  const std::string aggregates =
      absl::StrCat(sign, " * count(*) FILTER (WHERE part = 'A'), ", sign,
                   " * COALESCE(sum(recipient_count) FILTER (WHERE part = 'A'), 0), ", sign,
                   " * COALESCE(sum(recipient_count) FILTER (WHERE part = 'A' AND recipient_kind = "
                   "'COLLECTIVE'), 0), ",
                   sign,
                   " * COALESCE(sum(recipient_count) FILTER (WHERE part = 'A' AND recipient_kind = "
                   "'INDIVIDUAL'), 0), ",
                   sign, " * count(DISTINCT unit) FILTER (WHERE part = 'A'), ", sign,
                   " * count(DISTINCT (article_id, unit)) FILTER (WHERE part = 'R')");
  std::vector<std::string> updates;
  for (const char* metric : kRollupMetrics) {
    updates.push_back(absl::StrCat(metric, " = r.", metric, " + EXCLUDED.", metric));
  }
  std::string sql = absl::StrCat(
      // "= ANY (ARRAY(...))" rather than "IN (...)": a restriction the planner pushes into each
      // branch of the view, so contributions are found by index whatever the size of the tables.
      "WITH c AS MATERIALIZED (SELECT * FROM rollup_contributions WHERE article_id = ANY (ARRAY(",
      article_ids_sql, ")))");
  int index = 0;
  for (const Rollup& rollup : Rollups()) {
    const std::string keys = absl::StrJoin(rollup.key_columns, ", ");
    absl::StrAppend(&sql, ", u", index++, " AS (INSERT INTO ", rollup.table, " AS r (", keys, ", ",
                    absl::StrJoin(kRollupMetrics, ", "), ") SELECT ", keys, ", ", aggregates,
                    " FROM c GROUP BY ", keys, " ORDER BY ", keys, " ON CONFLICT (", keys,
                    ") DO UPDATE SET ", absl::StrJoin(updates, ", "), ")");
  }
  absl::StrAppend(&sql, " SELECT 1");
  return sql;
}

std::string RollupCleanupSql() {
  std::vector<std::string> statements;
  for (const Rollup& rollup : Rollups()) {
    statements.push_back(absl::StrCat("DELETE FROM ", rollup.table, " WHERE award_records = 0"));
  }
  return absl::StrJoin(statements, "; ");
}

}  // namespace laurel

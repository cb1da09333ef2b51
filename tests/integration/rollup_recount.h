#pragma once

#include <string>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "common/rollups.h"
#include "gtest/gtest.h"
#include "pqxx/pqxx"

namespace laurel::testing {

// Checks that every rollup table holds exactly what aggregating all stored contributions from
// scratch gives: whatever sequence of writes led here, incremental maintenance must land on the
// full recount.
inline void ExpectRollupsMatchRecount(const std::string& database_url) {
  pqxx::connection connection(database_url);
  pqxx::read_transaction transaction(connection);
  for (const Rollup& rollup : Rollups()) {
    const std::string keys = absl::StrJoin(rollup.key_columns, ", ");
    const std::string recount =
        absl::StrCat("SELECT ", keys,
                     ", count(*) FILTER (WHERE part = 'A'), "
                     "COALESCE(sum(recipient_count) FILTER (WHERE part = 'A'), 0), "
                     "COALESCE(sum(recipient_count) FILTER (WHERE part = 'A' AND recipient_kind = "
                     "'COLLECTIVE'), 0), "
                     "COALESCE(sum(recipient_count) FILTER (WHERE part = 'A' AND recipient_kind = "
                     "'INDIVIDUAL'), 0), "
                     "count(DISTINCT unit) FILTER (WHERE part = 'A'), "
                     "count(DISTINCT (article_id, unit)) FILTER (WHERE part = 'R') "
                     "FROM rollup_contributions GROUP BY ",
                     keys);
    const std::string stored =
        absl::StrCat("SELECT ", keys, ", ", absl::StrJoin(kRollupMetrics, ", "), " FROM ",
                     rollup.table, " WHERE award_records <> 0");
    const pqxx::row differences = transaction.exec1(
        absl::StrCat("SELECT (SELECT count(*) FROM (", stored, " EXCEPT ", recount,
                     ") a), (SELECT count(*) FROM (", recount, " EXCEPT ", stored, ") b)"));
    EXPECT_EQ(differences[0].as<int64_t>(), 0) << rollup.table << " has rows a recount lacks";
    EXPECT_EQ(differences[1].as<int64_t>(), 0) << rollup.table << " lacks rows a recount has";
  }
}

}  // namespace laurel::testing

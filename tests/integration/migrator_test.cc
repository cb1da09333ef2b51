#include "common/migrator.h"

#include <thread>
#include <vector>

#include "common/migration.h"
#include "gtest/gtest.h"
#include "tests/integration/rollup_recount.h"
#include "tests/support/test_database.h"

namespace laurel {
namespace {

TEST(Migrator, EmptyDatabaseIsAtVersionZero) {
  auto database = testing::TestDatabase::Create();
  ASSERT_TRUE(database.ok()) << database.status();
  pqxx::connection connection((*database)->url());
  EXPECT_EQ(*AppliedSchemaVersion(connection), 0);
}

TEST(Migrator, AppliesEverythingOnceAndIsIdempotent) {
  auto database = testing::TestDatabase::Create();
  ASSERT_TRUE(database.ok()) << database.status();
  pqxx::connection connection((*database)->url());
  ASSERT_TRUE(ApplyMigrations(connection).ok());
  EXPECT_EQ(*AppliedSchemaVersion(connection), EmbeddedSchemaVersion());
  ASSERT_TRUE(ApplyMigrations(connection).ok());
  pqxx::read_transaction transaction(connection);
  // One row per migration; versions may have gaps (a number taken by a branch not merged yet).
  EXPECT_EQ(transaction.exec1("SELECT count(*) FROM schema_migrations")[0].as<size_t>(),
            EmbeddedMigrations().size());
}

TEST(Migrator, ConcurrentServicesMigrateOnce) {
  auto database = testing::TestDatabase::Create();
  ASSERT_TRUE(database.ok()) << database.status();
  const std::string url = (*database)->url();
  std::vector<absl::Status> results(4);
  std::vector<std::thread> threads;
  for (auto& result : results) {
    threads.emplace_back([&result, &url] {
      pqxx::connection connection(url);
      result = ApplyMigrations(connection);
    });
  }
  for (auto& thread : threads) thread.join();
  for (const auto& result : results) EXPECT_TRUE(result.ok()) << result;
  pqxx::connection connection(url);
  EXPECT_EQ(*AppliedSchemaVersion(connection), EmbeddedSchemaVersion());
}

// A deployment at schema version 1, with articles (two of them reporting one ceremony), upgrades in
// place: every report is matched up, restated awards stop counting and the rollups hold the stored
// records.
TEST(Migrator, UpgradesAVersionOneDatabaseWithItsData) {
  auto database = testing::TestDatabase::Create();
  ASSERT_TRUE(database.ok()) << database.status();
  pqxx::connection connection((*database)->url());
  ASSERT_TRUE(ApplyMigrations(connection, /*target_version=*/1).ok());
  ASSERT_EQ(*AppliedSchemaVersion(connection), 1);
  {
    pqxx::work transaction(connection);
    transaction.exec(R"sql(
      INSERT INTO articles (url, source, identity_hash, text, parser_version, published_at)
      VALUES ('https://a.example/1', 'Báo A', '', 'một', 1, '2020-06-05 08:00+07'),
             ('https://b.example/1', 'Báo B', '', 'hai', 1, '2020-06-06 08:00+07'),
             ('https://c.example/1', 'Báo C', '', 'ba', 1, '2021-01-02 08:00+07');
      INSERT INTO events (article_id, ordinal, kind, date_year, date_month, date_day, province,
                          current_province, organizer, span_begin, span_end, confidence)
      VALUES (1, 0, 'CONFERENCE', 2020, 6, 5, 'Khánh Hòa', 'Khánh Hòa', 'UBND tỉnh Khánh Hòa', 0, 1, 1),
             (2, 0, 'CEREMONY', 2020, 6, 5, 'Khánh Hòa', 'Khánh Hòa', 'UBND tỉnh Khánh Hòa', 0, 1, 1);
      INSERT INTO awards (article_id, event_id, ordinal, award_type, issuer, recipient_kind,
                          recipient_count, span_begin, span_end, confidence)
      VALUES (1, 1, 0, 'CERTIFICATE_OF_MERIT', 'UBND tỉnh Khánh Hòa', 'COLLECTIVE', 21, 0, 1, 1),
             (1, 1, 1, 'CERTIFICATE_OF_MERIT', 'UBND tỉnh Khánh Hòa', 'INDIVIDUAL', 90, 0, 1, 1),
             (2, 2, 0, 'CERTIFICATE_OF_MERIT', 'UBND tỉnh Khánh Hòa', 'INDIVIDUAL', 90, 0, 1, 1),
             (2, 2, 1, 'CERTIFICATE_OF_MERIT', 'UBND tỉnh Khánh Hòa', 'COLLECTIVE', 21, 0, 1, 1),
             (3, NULL, 0, 'OTHER', '', 'UNSPECIFIED', NULL, 0, 1, 1);
    )sql");
    transaction.commit();
  }
  ASSERT_TRUE(ApplyMigrations(connection).ok());
  EXPECT_EQ(*AppliedSchemaVersion(connection), EmbeddedSchemaVersion());
  {
    pqxx::read_transaction transaction(connection);
    EXPECT_EQ(transaction.exec1("SELECT count(*) FROM distinct_events")[0].as<int>(), 1);
    EXPECT_EQ(transaction.exec1("SELECT mention_count FROM distinct_events")[0].as<int>(), 2);
    EXPECT_EQ(transaction.exec1("SELECT count(*) FROM awards WHERE counted")[0].as<int>(), 3);
    const pqxx::row total = transaction.exec1(
        "SELECT sum(award_records), sum(recipients), sum(events), sum(articles) FROM rollup_month");
    EXPECT_EQ(total[0].as<int>(), 3);
    EXPECT_EQ(total[1].as<int>(), 111);
    EXPECT_EQ(total[2].as<int>(), 1);
    EXPECT_EQ(total[3].as<int>(), 3);  // two reports of the ceremony, one article without an event
  }
  testing::ExpectRollupsMatchRecount((*database)->url());
}

}  // namespace
}  // namespace laurel

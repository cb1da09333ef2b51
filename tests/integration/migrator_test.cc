#include "common/migrator.h"

#include <thread>
#include <vector>

#include "common/migration.h"
#include "gtest/gtest.h"
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

}  // namespace
}  // namespace laurel

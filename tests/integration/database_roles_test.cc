// deploy/roles.sql: the query service's role can read everything the ingest service's role creates,
// and change nothing.
#include "common/migrator.h"
#include "gtest/gtest.h"
#include "pqxx/pqxx"
#include "tests/support/test_database.h"

namespace laurel {
namespace {

class DatabaseRolesTest : public ::testing::Test {
 protected:
  void SetUp() override {
    auto database = testing::TestDatabase::Create();
    ASSERT_TRUE(database.ok()) << database.status();
    database_ = std::move(*database);
    ASSERT_TRUE(database_->CreateRoles().ok());
    ASSERT_TRUE(database_->CreateRoles().ok()) << "re-running roles.sql must be safe";
    pqxx::connection ingest(database_->UrlAs("laurel_ingest"));
    const absl::Status migrated = ApplyMigrations(ingest);
    ASSERT_TRUE(migrated.ok()) << migrated;
    pqxx::work work(ingest);
    work.exec(
        "INSERT INTO articles (text, identity_hash, parser_version) VALUES ('x', '\\x00', 1)");
    work.commit();
  }

  // What `sql` does as laurel_query: "denied", "" when it succeeds, else the error.
  std::string AsQueryRole(const std::string& sql) {
    pqxx::connection query(database_->UrlAs("laurel_query"));
    try {
      pqxx::work work(query);
      work.exec(sql);
      work.commit();
      return "";
    } catch (const pqxx::insufficient_privilege&) {
      // libpqxx 6 throws this class for SQLSTATE 42501 without filling in sqlstate().
      return "denied";
    } catch (const pqxx::sql_error& error) {
      return error.what();
    }
  }

  std::unique_ptr<testing::TestDatabase> database_;
};

TEST_F(DatabaseRolesTest, QueryRoleReadsEveryTableAndView) {
  pqxx::connection admin(database_->url());
  pqxx::nontransaction work(admin);
  const pqxx::result relations = work.exec(
      "SELECT c.relname FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace "
      "WHERE n.nspname = 'public' AND c.relkind IN ('r', 'v')");
  ASSERT_GE(relations.size(), 4u);
  for (const auto& row : relations) {
    const std::string name = row[0].as<std::string>();
    EXPECT_EQ(AsQueryRole("SELECT * FROM " + name + " LIMIT 1"), "") << name;
  }
}

TEST_F(DatabaseRolesTest, QueryRoleChangesNothing) {
  for (const char* sql : {
           "INSERT INTO articles (text, identity_hash, parser_version) VALUES ('y', '\\x01', 1)",
           "UPDATE articles SET text = 'changed'",
           "DELETE FROM articles",
           "TRUNCATE awards",
           "CREATE TABLE intruder (id int)",
           "DROP TABLE events",
           "ALTER TABLE articles ADD COLUMN intruder int",
           "DELETE FROM schema_migrations",
       }) {
    EXPECT_EQ(AsQueryRole(sql), "denied") << sql;
  }
  pqxx::connection admin(database_->url());
  pqxx::nontransaction work(admin);
  EXPECT_EQ(work.exec1("SELECT text FROM articles")[0].as<std::string>(), "x");
}

}  // namespace
}  // namespace laurel

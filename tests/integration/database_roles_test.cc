// deploy/roles.sql: the query service's role can read everything the ingest service's role creates,
// and change nothing.
#include <set>
#include <string>

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

// The tables and views of the schema, as its administrator sees them.
std::set<std::string> Relations(const std::string& admin_url) {
  pqxx::connection admin(admin_url);
  pqxx::nontransaction work(admin);
  std::set<std::string> names;
  for (const auto& row :
       work.exec("SELECT c.relname FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace "
                 "WHERE n.nspname = 'public' AND c.relkind IN ('r', 'v')")) {
    names.insert(row[0].as<std::string>());
  }
  return names;
}

// Some relations of each migration, so the test cannot pass on a schema that lost one.
const std::set<std::string> kExpected = {
    "articles",        "events",       "awards",        "distinct_events",     "award_facts",
    "article_reports", "rollup_month", "rollup_issuer", "rollup_contributions"};

TEST_F(DatabaseRolesTest, QueryRoleReadsEveryTableAndView) {
  const std::set<std::string> relations = Relations(database_->url());
  for (const std::string& name : kExpected) EXPECT_TRUE(relations.contains(name)) << name;
  for (const std::string& name : relations) {
    EXPECT_EQ(AsQueryRole("SELECT * FROM " + name + " LIMIT 1"), "") << name;
  }
}

// A deployment older than the roles: its administrator created the schema at version 1, then ran
// roles.sql, and the ingest service applies every later migration as laurel_ingest. The query role
// reads what those create as well (default privileges).
TEST(DatabaseRolesUpgrade, QueryRoleReadsWhatLaterMigrationsCreate) {
  auto database = testing::TestDatabase::Create();
  ASSERT_TRUE(database.ok()) << database.status();
  {
    pqxx::connection admin((*database)->url());
    ASSERT_TRUE(ApplyMigrations(admin, /*target_version=*/1).ok());
  }
  ASSERT_TRUE((*database)->CreateRoles().ok());
  pqxx::connection ingest((*database)->UrlAs("laurel_ingest"));
  const absl::Status migrated = ApplyMigrations(ingest);
  ASSERT_TRUE(migrated.ok()) << migrated;
  EXPECT_EQ(*AppliedSchemaVersion(ingest), EmbeddedSchemaVersion());
  const std::set<std::string> relations = Relations((*database)->url());
  pqxx::connection query((*database)->UrlAs("laurel_query"));
  for (const std::string& name : relations) {
    pqxx::read_transaction read(query);
    EXPECT_NO_THROW(read.exec("SELECT * FROM " + name + " LIMIT 1")) << name;
  }
  for (const std::string& name : kExpected) EXPECT_TRUE(relations.contains(name)) << name;
}

// A deployment at the newest schema, created by its administrator before the roles existed:
// roles.sql hands every table, view and function to laurel_ingest, so the next migration may alter
// or replace them (CREATE OR REPLACE FUNCTION needs the owner).
TEST(DatabaseRolesUpgrade, IngestRoleOwnsWhatAnAdministratorCreated) {
  auto database = testing::TestDatabase::Create();
  ASSERT_TRUE(database.ok()) << database.status();
  pqxx::connection admin((*database)->url());
  ASSERT_TRUE(ApplyMigrations(admin).ok());
  ASSERT_TRUE((*database)->CreateRoles().ok());
  pqxx::nontransaction work(admin);
  EXPECT_EQ(work.exec1("SELECT count(*) FROM pg_class c JOIN pg_namespace n ON n.oid = "
                       "c.relnamespace WHERE n.nspname = 'public' AND c.relkind IN ('r', 'v') "
                       "AND pg_get_userbyid(c.relowner) <> 'laurel_ingest'")[0]
                .as<int>(),
            0);
  EXPECT_GE(work.exec1("SELECT count(*) FROM pg_proc p JOIN pg_namespace n ON n.oid = "
                       "p.pronamespace WHERE n.nspname = 'public' AND "
                       "pg_get_userbyid(p.proowner) = 'laurel_ingest'")[0]
                .as<int>(),
            2);
  pqxx::connection ingest((*database)->UrlAs("laurel_ingest"));
  pqxx::work replace(ingest);
  EXPECT_NO_THROW(replace.exec(
      "CREATE OR REPLACE FUNCTION award_group_key(award_type TEXT, award_name TEXT, issuer TEXT, "
      "recipient_kind TEXT, recipient_count BIGINT) RETURNS TEXT LANGUAGE sql IMMUTABLE AS "
      "$$ SELECT award_type $$"));
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

#include "tests/support/test_database.h"

#include <unistd.h>

#include <atomic>
#include <cstdlib>

#include "absl/strings/str_cat.h"
#include "common/migrator.h"
#include "gtest/gtest.h"
#include "pqxx/pqxx"
#include "tests/support/source_tree.h"

namespace laurel::testing {
namespace {

// `url` with its database path replaced by `database`; the query string is kept.
std::string WithDatabase(const std::string& url, const std::string& database) {
  const size_t scheme = url.find("://");
  const size_t path = url.find('/', scheme == std::string::npos ? 0 : scheme + 3);
  const size_t query = url.find('?');
  const std::string base = url.substr(0, std::min(path, query));
  const std::string rest = query == std::string::npos ? "" : url.substr(query);
  return absl::StrCat(base, "/", database, rest);
}

}  // namespace

absl::Status TestDatabase::CreateRoles() const {
  auto sql = ReadFile(SourcePath("deploy/roles.sql"));
  if (!sql.ok()) return sql.status();
  try {
    pqxx::connection admin(url_);
    pqxx::nontransaction session(admin);
    session.exec(*sql);
  } catch (const std::exception& error) {
    return absl::InternalError(absl::StrCat("deploy/roles.sql failed: ", error.what()));
  }
  return absl::OkStatus();
}

std::string TestDatabase::UrlAs(const std::string& role) const {
  // postgresql://USER@HOST... or postgresql://HOST...: the user, if any, sits before the '@'.
  const size_t authority = url_.find("://") + 3;
  const size_t at = url_.find('@', authority);
  const size_t host =
      at == std::string::npos || at > url_.find('/', authority) ? authority : at + 1;
  return absl::StrCat(url_.substr(0, authority), role, "@", url_.substr(host));
}

absl::StatusOr<std::unique_ptr<TestDatabase>> TestDatabase::Create() {
  const char* admin_url = std::getenv("LAUREL_TEST_DATABASE_URL");
  if (admin_url == nullptr || *admin_url == '\0') {
    return absl::FailedPreconditionError(
        "LAUREL_TEST_DATABASE_URL is not set: run the tests through scripts/test.sh, which starts "
        "a PostgreSQL server for them");
  }
  return Create(admin_url);
}

absl::StatusOr<std::unique_ptr<TestDatabase>> TestDatabase::Create(const std::string& admin_url) {
  static std::atomic<int> counter{0};
  const std::string name = absl::StrCat("laurel_test_", getpid(), "_", counter++);
  try {
    pqxx::connection admin(admin_url);
    pqxx::nontransaction session(admin);
    session.exec(absl::StrCat("DROP DATABASE IF EXISTS ", name));
    session.exec(absl::StrCat("CREATE DATABASE ", name));
  } catch (const std::exception& error) {
    return absl::UnavailableError(absl::StrCat("cannot create test database: ", error.what()));
  }
  return std::unique_ptr<TestDatabase>(
      new TestDatabase(admin_url, name, WithDatabase(admin_url, name)));
}

TestDatabase::~TestDatabase() {
  try {
    pqxx::connection admin(admin_url_);
    pqxx::nontransaction session(admin);
    session.exec(absl::StrCat("DROP DATABASE IF EXISTS ", name_, " WITH (FORCE)"));
  } catch (const std::exception&) {
    // A leftover test database is harmless; the next run of the same pid drops it.
  }
}

std::string MigratedDatabaseUrl(std::unique_ptr<TestDatabase>& holder) {
  auto database = TestDatabase::Create();
  if (!database.ok()) {
    ADD_FAILURE() << database.status();
    return "";
  }
  holder = std::move(*database);
  pqxx::connection connection(holder->url());
  const absl::Status migrated = ApplyMigrations(connection);
  EXPECT_TRUE(migrated.ok()) << migrated;
  return holder->url();
}

int64_t SelectNumber(const std::string& url, const std::string& sql) {
  pqxx::connection connection(url);
  pqxx::nontransaction session(connection);
  return session.exec1(sql)[0].as<int64_t>();
}

}  // namespace laurel::testing

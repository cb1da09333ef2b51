#pragma once

#include <cstdint>
#include <memory>
#include <string>

#include "absl/status/statusor.h"

namespace laurel::testing {

// A fresh, empty database on the test PostgreSQL server, dropped again when this object goes. The
// server is named by LAUREL_TEST_DATABASE_URL (scripts/test.sh starts one and sets it): a URL whose
// role may create databases. Each test gets its own database, so tests never see each other's rows.
class TestDatabase {
 public:
  static absl::StatusOr<std::unique_ptr<TestDatabase>> Create();
  // The same on the server of `admin_url` (a private PostgreSQL of a fault test).
  static absl::StatusOr<std::unique_ptr<TestDatabase>> Create(const std::string& admin_url);
  ~TestDatabase();

  // libpq URL of the fresh database, as the administrator.
  const std::string& url() const { return url_; }

  // Runs deploy/roles.sql on the database, as an operator does before the services first start.
  absl::Status CreateRoles() const;

  // The URL of the database for `role` (laurel_ingest, laurel_query) instead of the administrator.
  std::string UrlAs(const std::string& role) const;

 private:
  TestDatabase(std::string admin_url, std::string name, std::string url)
      : admin_url_(std::move(admin_url)), name_(std::move(name)), url_(std::move(url)) {}

  const std::string admin_url_;
  const std::string name_;
  const std::string url_;
};

// The URL of a fresh database, migrated to the newest schema, for the current test; fails the test
// (and returns "") when the test server is missing.
std::string MigratedDatabaseUrl(std::unique_ptr<TestDatabase>& holder);

// The one number `sql` (e.g. a count) selects in the database at `url`, on a connection of its own.
int64_t SelectNumber(const std::string& url, const std::string& sql);

}  // namespace laurel::testing

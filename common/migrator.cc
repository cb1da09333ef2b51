#include "common/migrator.h"

#include <string>

#include "absl/strings/str_cat.h"
#include "common/json_log.h"
#include "common/migration.h"
#include "common/pg_pool.h"

namespace laurel {
namespace {

// Arbitrary but fixed: every Laurel process contends for this advisory lock key while migrating.
constexpr int64_t kMigrationLockKey = 0x4c617572656c;  // "Laurel"

constexpr char kCreateMigrationsTable[] = R"sql(
CREATE TABLE IF NOT EXISTS schema_migrations (
  version    INTEGER PRIMARY KEY,
  name       TEXT NOT NULL,
  applied_at TIMESTAMPTZ NOT NULL DEFAULT now()
))sql";

}  // namespace

int EmbeddedSchemaVersion() {
  const auto& migrations = EmbeddedMigrations();
  return migrations.empty() ? 0 : migrations.back().version;
}

absl::StatusOr<int> AppliedSchemaVersion(pqxx::connection& connection) {
  try {
    pqxx::read_transaction transaction(connection);
    const pqxx::row exists =
        transaction.exec1("SELECT to_regclass('schema_migrations') IS NOT NULL");
    if (!exists[0].as<bool>()) return 0;
    return transaction.exec1("SELECT COALESCE(max(version), 0) FROM schema_migrations")[0]
        .as<int>();
  } catch (const std::exception& error) {
    return StatusFromDatabaseException(error);
  }
}

absl::Status ApplyMigrations(pqxx::connection& connection, int target_version) {
  // libpqxx allows one transaction object per connection at a time, hence the short-lived ones
  // below. The advisory lock belongs to the session, so it spans them all (and dies with the
  // connection).
  const auto run_outside_transaction = [&connection](const std::string& sql) {
    pqxx::nontransaction session(connection);
    session.exec(sql);
  };
  try {
    run_outside_transaction(absl::StrCat("SELECT pg_advisory_lock(", kMigrationLockKey, ")"));
    absl::Status status;
    try {
      run_outside_transaction(kCreateMigrationsTable);
      for (const Migration& migration : EmbeddedMigrations()) {
        if (migration.version > target_version) break;
        pqxx::work transaction(connection);
        if (!transaction
                 .exec_params("SELECT 1 FROM schema_migrations WHERE version = $1",
                              migration.version)
                 .empty()) {
          continue;
        }
        transaction.exec(std::string(migration.sql));
        transaction.exec_params("INSERT INTO schema_migrations (version, name) VALUES ($1, $2)",
                                migration.version, std::string(migration.name));
        transaction.commit();
        log::Info("migration_applied",
                  {{"version", migration.version}, {"name", std::string(migration.name)}});
      }
    } catch (const std::exception& error) {
      status = StatusFromDatabaseException(error);
    }
    run_outside_transaction(absl::StrCat("SELECT pg_advisory_unlock(", kMigrationLockKey, ")"));
    return status;
  } catch (const std::exception& error) {
    return StatusFromDatabaseException(error);
  }
}

}  // namespace laurel

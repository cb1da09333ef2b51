#pragma once

#include <limits>

#include "absl/status/statusor.h"
#include "pqxx/pqxx"

namespace laurel {

// Brings the database schema up to the newest embedded migration (or only up to `target_version`,
// as an older release would leave it). Safe to run from several processes at once: they serialise
// on a PostgreSQL advisory lock, and each migration commits with its record in schema_migrations,
// so a crash leaves the schema at a whole version.
absl::Status ApplyMigrations(pqxx::connection& connection,
                             int target_version = std::numeric_limits<int>::max());

// The newest migration version applied to the database; 0 when none is.
absl::StatusOr<int> AppliedSchemaVersion(pqxx::connection& connection);

// The newest migration version compiled into this binary.
int EmbeddedSchemaVersion();

}  // namespace laurel

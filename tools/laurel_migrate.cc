// laurel-migrate: brings the database schema up to the version compiled into this build, then exits
// — the one-shot migration step of a deployment (compose service, Kubernetes init container), run
// before new service versions start. ingest-service applies the same migrations at start; both take
// the same advisory lock, so running them together is safe.
#include <cstdlib>

#include "absl/flags/flag.h"
#include "absl/time/clock.h"
#include "absl/time/time.h"
#include "common/database_flags.h"
#include "common/env_flags.h"
#include "common/json_log.h"
#include "common/migrator.h"
#include "common/pg_pool.h"

ABSL_FLAG(absl::Duration, wait, absl::Seconds(60),
          "Keep retrying this long while the database is unreachable (it may still be starting).");

int main(int argc, char** argv) {
  laurel::ParseFlagsWithEnvironment(
      argc, argv,
      "laurel-migrate --database_url=URL [--wait=60s]\n"
      "Every flag may also be set as LAUREL_<FLAG> in the environment.");
  laurel::PgPool pool(laurel::PgPoolOptionsFromFlags("laurel-migrate"));
  const absl::Time deadline = absl::Now() + absl::GetFlag(FLAGS_wait);
  while (true) {
    const absl::Status status = pool.WithConnection(
        [](pqxx::connection& connection) { return laurel::ApplyMigrations(connection); });
    if (status.ok()) {
      laurel::log::Info("schema_ready", {{"version", laurel::EmbeddedSchemaVersion()}});
      return EXIT_SUCCESS;
    }
    // Only an unreachable database is worth waiting for; a failing migration fails the same way
    // every time.
    if (!absl::IsUnavailable(status) || absl::Now() >= deadline) {
      laurel::log::Error("migration_failed", {{"error", status.ToString()}});
      return EXIT_FAILURE;
    }
    laurel::log::Warning("database_unavailable", {{"error", status.ToString()}});
    absl::SleepFor(absl::Seconds(1));
  }
}

#include "common/database_flags.h"

#include "absl/flags/flag.h"

ABSL_FLAG(std::string, database_url, "postgresql://localhost:5432/laurel",
          "libpq connection URL of the Laurel database.");
ABSL_FLAG(int, db_pool_size, 8, "Most database connections held open at once.");
ABSL_FLAG(absl::Duration, db_connect_timeout, absl::Seconds(5),
          "How long opening a database connection may take.");
ABSL_FLAG(absl::Duration, db_statement_timeout, absl::Seconds(15),
          "statement_timeout set on every database connection.");
ABSL_FLAG(absl::Duration, db_acquire_timeout, absl::Seconds(5),
          "How long a call waits for a free database connection before RESOURCE_EXHAUSTED.");
ABSL_FLAG(int, db_max_waiting, 32,
          "Most calls waiting for a database connection at once; one more gets RESOURCE_EXHAUSTED "
          "at once.");

namespace laurel {

PgPoolOptions PgPoolOptionsFromFlags(std::string application_name) {
  PgPoolOptions options;
  options.url = absl::GetFlag(FLAGS_database_url);
  options.size = absl::GetFlag(FLAGS_db_pool_size);
  options.connect_timeout = absl::GetFlag(FLAGS_db_connect_timeout);
  options.statement_timeout = absl::GetFlag(FLAGS_db_statement_timeout);
  options.acquire_timeout = absl::GetFlag(FLAGS_db_acquire_timeout);
  options.max_waiting = absl::GetFlag(FLAGS_db_max_waiting);
  options.application_name = std::move(application_name);
  return options;
}

}  // namespace laurel

#pragma once

#include <string>

#include "absl/flags/declare.h"
#include "absl/time/time.h"
#include "common/pg_pool.h"

ABSL_DECLARE_FLAG(std::string, database_url);
ABSL_DECLARE_FLAG(int, db_pool_size);
ABSL_DECLARE_FLAG(absl::Duration, db_connect_timeout);
ABSL_DECLARE_FLAG(absl::Duration, db_statement_timeout);
ABSL_DECLARE_FLAG(absl::Duration, db_acquire_timeout);
ABSL_DECLARE_FLAG(int, db_max_waiting);

namespace laurel {

// Pool options from the --database_url and --db_* flags.
PgPoolOptions PgPoolOptionsFromFlags(std::string application_name);

}  // namespace laurel

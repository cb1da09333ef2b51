#include "ingest-service/src/rollup_lag_metrics.h"

#include "absl/time/clock.h"
#include "common/pg_pool.h"

namespace laurel::ingest {
namespace {

constexpr char kCountStale[] = "SELECT count(*) FROM articles WHERE parser_version < $1";
constexpr char kBoundedWait[] =
    "SET LOCAL lock_timeout = '100ms'; SET LOCAL statement_timeout = '2s'";

}  // namespace

RollupLagMetrics::RollupLagMetrics(prometheus::Registry& registry, int parser_version,
                                   absl::Duration interval)
    : lag_articles_(prometheus::BuildGauge()
                        .Name("laurel_rollup_lag_articles")
                        .Help("Stored articles whose records, and so their share of the "
                              "statistics, come from an older parser than this service's.")
                        .Register(registry)
                        .Add({})),
      parser_version_(parser_version),
      interval_(interval) {}

absl::Status RollupLagMetrics::Refresh(pqxx::connection& connection) {
  const absl::Time now = absl::Now();
  if (now - last_refresh_ < interval_) return absl::OkStatus();
  try {
    pqxx::read_transaction transaction(connection);
    // The count shares the readiness check's turn and connection: it must not hold them up, neither
    // behind a lock on articles (a migration, an operator's LOCK TABLE) nor on a huge table. A
    // count that gives up leaves the gauge at its last value and is tried again next time.
    transaction.exec(kBoundedWait);
    lag_articles_.Set(transaction.exec_params1(kCountStale, parser_version_)[0].as<double>());
    last_refresh_ = now;
    return absl::OkStatus();
  } catch (const std::exception& error) {
    return StatusFromDatabaseException(error);
  }
}

}  // namespace laurel::ingest

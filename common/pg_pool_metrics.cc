#include "common/pg_pool_metrics.h"

namespace laurel {
namespace {

// An idle pool hands out connections in microseconds; waits past the acquire timeout (5s by
// default) end in RESOURCE_EXHAUSTED.
const prometheus::Histogram::BucketBoundaries& WaitBuckets() {
  static const auto* const buckets = new prometheus::Histogram::BucketBoundaries{
      0.0001, 0.0005, 0.001, 0.005, 0.01, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10};
  return *buckets;
}

}  // namespace

PgPoolMetrics::PgPoolMetrics(prometheus::Registry& registry, int pool_size)
    : in_use_(prometheus::BuildGauge()
                  .Name("laurel_db_pool_connections_in_use")
                  .Help("Database connections lent out to calls right now.")
                  .Register(registry)
                  .Add({})),
      open_(prometheus::BuildGauge()
                .Name("laurel_db_pool_connections_open")
                .Help("Database connections open right now, in use or idle.")
                .Register(registry)
                .Add({})),
      wait_(prometheus::BuildHistogram()
                .Name("laurel_db_pool_wait_seconds")
                .Help("How long calls waited for a free database connection.")
                .Register(registry)
                .Add({}, WaitBuckets())),
      timeouts_(prometheus::BuildCounter()
                    .Name("laurel_db_pool_acquire_timeouts_total")
                    .Help("Calls that got no database connection: they waited past the "
                          "acquire timeout or their deadline, or too many waited already.")
                    .Register(registry)
                    .Add({})) {
  prometheus::BuildGauge()
      .Name("laurel_db_pool_max_connections")
      .Help("Most database connections the pool opens (--db_pool_size).")
      .Register(registry)
      .Add({})
      .Set(pool_size);
}

void PgPoolMetrics::AcquireFinished(absl::Duration waited, bool acquired) {
  wait_.Observe(absl::ToDoubleSeconds(waited));
  if (!acquired) timeouts_.Increment();
}

void PgPoolMetrics::UsageChanged(int in_use, int open) {
  in_use_.Set(in_use);
  open_.Set(open);
}

}  // namespace laurel

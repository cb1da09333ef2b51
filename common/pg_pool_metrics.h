#pragma once

#include "common/pg_pool.h"
#include "prometheus/counter.h"
#include "prometheus/gauge.h"
#include "prometheus/histogram.h"
#include "prometheus/registry.h"

namespace laurel {

// A PgPool's use as Prometheus metrics: connections lent out and open against the pool's size, and
// how long calls wait for a connection (the first sign that the pool or the database is too small).
class PgPoolMetrics : public PgPoolObserver {
 public:
  PgPoolMetrics(prometheus::Registry& registry, int pool_size);

  void AcquireFinished(absl::Duration waited, bool acquired) override;
  void UsageChanged(int in_use, int open) override;

 private:
  prometheus::Gauge& in_use_;
  prometheus::Gauge& open_;
  prometheus::Histogram& wait_;
  prometheus::Counter& timeouts_;
};

}  // namespace laurel

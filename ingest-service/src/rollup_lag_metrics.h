#pragma once

#include "absl/status/status.h"
#include "absl/time/time.h"
#include "pqxx/pqxx"
#include "prometheus/gauge.h"
#include "prometheus/registry.h"

namespace laurel::ingest {

// How far the statistics trail this ingest service's parser. The rollups are kept current in every
// write's own transaction, so they never trail the stored records; what can trail is the parsing:
// articles stored by an older parser keep contributing what that parser read until they are parsed
// again. The gauge counts those articles — after a parser upgrade, the backlog a reparse works off.
class RollupLagMetrics {
 public:
  // Counts articles older than `parser_version`, at most once per `interval`.
  RollupLagMetrics(prometheus::Registry& registry, int parser_version, absl::Duration interval);

  // Recounts unless the last count is younger than the interval.
  absl::Status Refresh(pqxx::connection& connection);

 private:
  prometheus::Gauge& lag_articles_;
  const int parser_version_;
  const absl::Duration interval_;
  absl::Time last_refresh_ = absl::InfinitePast();
};

}  // namespace laurel::ingest

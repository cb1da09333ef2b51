#pragma once

#include <map>
#include <set>
#include <string>

#include "absl/status/statusor.h"

namespace laurel::testing {

// A scrape in the Prometheus text format: every sample by its series, `name{label="value",...}`
// with labels sorted by name (as prometheus-cpp writes them), or the bare name when it has none.
struct Scrape {
  std::map<std::string, double> samples;
  // Names declared by `# TYPE` lines: the metric families.
  std::set<std::string> families;

  // The sample's value, 0 when the series is absent (a counter nobody incremented yet).
  double Value(const std::string& series) const;
};

// Parses the text format; INVALID_ARGUMENT on a line that is not a comment or `series value`.
absl::StatusOr<Scrape> ParsePrometheusText(const std::string& text);

// `name{k1="v1",k2="v2"}` from labels sorted by name.
std::string Series(const std::string& name, const std::map<std::string, std::string>& labels = {});

}  // namespace laurel::testing

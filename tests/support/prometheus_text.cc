#include "tests/support/prometheus_text.h"

#include <vector>

#include "absl/strings/ascii.h"
#include "absl/strings/match.h"
#include "absl/strings/numbers.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_split.h"

namespace laurel::testing {

double Scrape::Value(const std::string& series) const {
  auto found = samples.find(series);
  return found == samples.end() ? 0 : found->second;
}

absl::StatusOr<Scrape> ParsePrometheusText(const std::string& text) {
  Scrape scrape;
  for (absl::string_view line : absl::StrSplit(text, '\n', absl::SkipWhitespace())) {
    if (absl::StartsWith(line, "# TYPE ")) {
      const std::vector<absl::string_view> parts = absl::StrSplit(line, ' ');
      if (parts.size() >= 3) scrape.families.emplace(parts[2]);
      continue;
    }
    if (absl::StartsWith(line, "#")) continue;
    const size_t space = line.rfind(' ');
    double value = 0;
    if (space == absl::string_view::npos) {
      return absl::InvalidArgumentError(absl::StrCat("not a sample: ", line));
    }
    const absl::string_view number = line.substr(space + 1);
    if (!absl::SimpleAtod(number, &value) && number != "Nan") {
      return absl::InvalidArgumentError(absl::StrCat("bad value in: ", line));
    }
    scrape.samples[std::string(absl::StripAsciiWhitespace(line.substr(0, space)))] = value;
  }
  return scrape;
}

std::string Series(const std::string& name, const std::map<std::string, std::string>& labels) {
  if (labels.empty()) return name;
  std::string series = absl::StrCat(name, "{");
  for (const auto& [key, value] : labels) {
    absl::StrAppend(&series, series.back() == '{' ? "" : ",", key, "=\"", value, "\"");
  }
  return series + "}";
}

}  // namespace laurel::testing

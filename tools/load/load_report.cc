#include "tools/load/load_report.h"

#include <algorithm>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_format.h"
#include "common/json_log.h"

namespace laurel::load {
namespace {

double PerSecond(int64_t count, absl::Duration elapsed) {
  const double seconds = absl::ToDoubleSeconds(elapsed);
  return seconds > 0 ? count / seconds : 0;
}

}  // namespace

void LoadReport::Rejected(Rejection rejection) {
  absl::MutexLock lock(&mutex_);
  rejections_.push_back(std::move(rejection));
  rejected_.fetch_add(1, std::memory_order_relaxed);
}

LoadCounts LoadReport::counts() const {
  return {.total = total_,
          .created = created_.load(std::memory_order_relaxed),
          .duplicates = duplicates_.load(std::memory_order_relaxed),
          .rejected = rejected_.load(std::memory_order_relaxed)};
}

std::vector<Rejection> LoadReport::rejections() const {
  absl::MutexLock lock(&mutex_);
  std::vector<Rejection> sorted = rejections_;
  std::sort(sorted.begin(), sorted.end(),
            [](const Rejection& a, const Rejection& b) { return a.origin < b.origin; });
  return sorted;
}

std::string TextSummary(const std::string& target, const LoadCounts& counts,
                        const std::vector<Rejection>& rejections, const LoadEnding& ending) {
  std::string out = absl::StrFormat(
      "%d of %d articles loaded into %s in %.1f s (%.0f articles/s)\n", counts.done(), counts.total,
      target, absl::ToDoubleSeconds(ending.elapsed), PerSecond(counts.done(), ending.elapsed));
  absl::StrAppendFormat(&out, "  created     %d\n  duplicates  %d\n  rejected    %d\n",
                        counts.created, counts.duplicates, counts.rejected);
  const int64_t left = counts.total - counts.done();
  if (left > 0) absl::StrAppendFormat(&out, "  not loaded  %d\n", left);
  for (const Rejection& rejection : rejections) {
    absl::StrAppend(&out, "rejected ", rejection.origin, ": ", rejection.reason,
                    rejection.reason.empty() ? "" : ": ", rejection.message, "\n");
  }
  if (ending.interrupted) {
    absl::StrAppend(&out,
                    "interrupted: run the same command again to load the rest (nothing is stored "
                    "twice)\n");
  }
  if (!ending.error.empty()) absl::StrAppend(&out, "stopped: ", ending.error, "\n");
  return out;
}

std::string JsonSummary(const std::string& target, const LoadCounts& counts,
                        const std::vector<Rejection>& rejections, const LoadEnding& ending) {
  std::string out = "{\"target\":";
  log::AppendJsonString(target, out);
  absl::StrAppendFormat(
      &out,
      ",\"articles\":%d,\"created\":%d,\"duplicates\":%d,\"rejected\":%d,"
      "\"not_loaded\":%d,\"seconds\":%.3f,\"articles_per_second\":%.1f,"
      "\"interrupted\":%s,\"error\":",
      counts.total, counts.created, counts.duplicates, counts.rejected,
      std::max<int64_t>(0, counts.total - counts.done()), absl::ToDoubleSeconds(ending.elapsed),
      PerSecond(counts.done(), ending.elapsed), ending.interrupted ? "true" : "false");
  if (ending.error.empty()) {
    out += "null";
  } else {
    log::AppendJsonString(ending.error, out);
  }
  out += ",\"rejections\":[";
  for (size_t i = 0; i < rejections.size(); ++i) {
    if (i > 0) out += ',';
    out += "{\"input\":";
    log::AppendJsonString(rejections[i].origin, out);
    out += ",\"reason\":";
    log::AppendJsonString(rejections[i].reason, out);
    out += ",\"message\":";
    log::AppendJsonString(rejections[i].message, out);
    out += '}';
  }
  return out + "]}\n";
}

}  // namespace laurel::load

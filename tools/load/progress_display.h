#pragma once

#include <cstdio>
#include <deque>
#include <string>
#include <thread>
#include <utility>

#include "absl/base/thread_annotations.h"
#include "absl/synchronization/mutex.h"
#include "absl/time/time.h"
#include "tools/load/load_report.h"

namespace laurel::load {

enum class ProgressStyle {
  kNone,
  // A bar redrawn in place ten times a second, for a terminal.
  kBar,
  // A plain line every interval, for logs and pipes.
  kLines,
};

// Shows how a load is going on `out` (stderr) while it runs: done/total, rate, ETA and the counts,
// from a thread of its own. Notes (rejections, retries) are printed above the bar.
class ProgressDisplay {
 public:
  ProgressDisplay(ProgressStyle style, const LoadReport& report, std::FILE* out,
                  absl::Duration line_interval);
  // Stops the thread; the bar, if any, is erased so the summary stands alone.
  ~ProgressDisplay();
  ProgressDisplay(const ProgressDisplay&) = delete;
  ProgressDisplay& operator=(const ProgressDisplay&) = delete;

  // Prints one line of news without garbling the bar.
  void Note(const std::string& line);

  // The lines shown for `counts` at `rate` articles per second; the bar fitted to `columns`.
  static std::string BarLine(const LoadCounts& counts, double rate, int columns);
  static std::string PlainLine(const LoadCounts& counts, double rate);

 private:
  void Run();
  void Draw() ABSL_EXCLUSIVE_LOCKS_REQUIRED(mutex_);
  // Articles per second over the last few seconds.
  double Rate(int64_t done) ABSL_EXCLUSIVE_LOCKS_REQUIRED(mutex_);

  const ProgressStyle style_;
  const LoadReport& report_;
  std::FILE* const out_;
  const absl::Duration interval_;
  absl::Mutex mutex_;
  bool stopping_ ABSL_GUARDED_BY(mutex_) = false;
  std::deque<std::pair<absl::Time, int64_t>> samples_ ABSL_GUARDED_BY(mutex_);
  std::thread thread_;
};

}  // namespace laurel::load

#pragma once

#include <atomic>
#include <cstdint>
#include <string>
#include <vector>

#include "absl/base/thread_annotations.h"
#include "absl/synchronization/mutex.h"
#include "absl/time/time.h"

namespace laurel::load {

// An article that was not stored, and why.
struct Rejection {
  std::string origin;   // "dir/a.txt", "feed.jsonl:12"
  std::string reason;   // ErrorInfo reason, e.g. EMPTY_TEXT
  std::string message;  // what is wrong, for a person
};

// Counts so far, as the progress display and the summary show them.
struct LoadCounts {
  int64_t total = 0;  // articles in the input
  int64_t created = 0;
  int64_t duplicates = 0;
  int64_t rejected = 0;
  int64_t done() const { return created + duplicates + rejected; }
};

// What a load has done so far: counters the loader bumps and the progress display reads from other
// threads, and the rejections for the summary.
class LoadReport {
 public:
  explicit LoadReport(int64_t total) : total_(total) {}

  void Created() { created_.fetch_add(1, std::memory_order_relaxed); }
  void Duplicate() { duplicates_.fetch_add(1, std::memory_order_relaxed); }
  void Rejected(Rejection rejection);

  LoadCounts counts() const;
  std::vector<Rejection> rejections() const;

 private:
  const int64_t total_;
  std::atomic<int64_t> created_ = 0;
  std::atomic<int64_t> duplicates_ = 0;
  std::atomic<int64_t> rejected_ = 0;
  mutable absl::Mutex mutex_;
  std::vector<Rejection> rejections_ ABSL_GUARDED_BY(mutex_);
};

// How a load ended, for the summary.
struct LoadEnding {
  absl::Duration elapsed;
  // Set when the load stopped before the end of the input.
  bool interrupted = false;
  // Why the load could not finish (the service unreachable or failing), empty when it did.
  std::string error;
};

// The summary people read: counts, rate, then each rejected article.
std::string TextSummary(const std::string& target, const LoadCounts& counts,
                        const std::vector<Rejection>& rejections, const LoadEnding& ending);

// The same as one JSON object, for scripts.
std::string JsonSummary(const std::string& target, const LoadCounts& counts,
                        const std::vector<Rejection>& rejections, const LoadEnding& ending);

}  // namespace laurel::load

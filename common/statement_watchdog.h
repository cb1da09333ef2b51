#pragma once

#include <cstdint>
#include <map>
#include <thread>

#include "absl/base/thread_annotations.h"
#include "absl/synchronization/mutex.h"
#include "absl/time/time.h"
#include "common/call_scope.h"
#include "pqxx/pqxx"

namespace laurel {

// Cancels the running statement of a call whose client has stopped waiting (cancelled, or past its
// deadline), so the call hands its connection back at once instead of holding it until the
// statement finishes or statement_timeout fires. One thread, polling only while something is
// watched.
class StatementWatchdog {
 public:
  explicit StatementWatchdog(absl::Duration period = absl::Milliseconds(50));
  ~StatementWatchdog();
  StatementWatchdog(const StatementWatchdog&) = delete;
  StatementWatchdog& operator=(const StatementWatchdog&) = delete;

  // While a Watch lives, the statement running on `connection` is cancelled once `call` ends.
  class Watch {
   public:
    Watch(StatementWatchdog& watchdog, pqxx::connection& connection, const CallLimits& call);
    ~Watch();
    Watch(const Watch&) = delete;
    Watch& operator=(const Watch&) = delete;

   private:
    StatementWatchdog& watchdog_;
    const int64_t id_;
  };

 private:
  struct Watched {
    pqxx::connection* connection;
    const CallLimits* call;
    bool cancel_sent = false;
    bool cancelling = false;  // a cancel request is being sent, without the lock
  };
  void Run();

  const absl::Duration period_;
  absl::Mutex mutex_;
  std::map<int64_t, Watched> watched_ ABSL_GUARDED_BY(mutex_);
  int64_t next_id_ ABSL_GUARDED_BY(mutex_) = 0;
  bool stopping_ ABSL_GUARDED_BY(mutex_) = false;
  std::thread thread_;
};

}  // namespace laurel

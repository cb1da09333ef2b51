#include "common/statement_watchdog.h"

#include "absl/time/clock.h"
#include "common/json_log.h"

namespace laurel {

StatementWatchdog::StatementWatchdog(absl::Duration period)
    : period_(period), thread_([this] { Run(); }) {}

StatementWatchdog::~StatementWatchdog() {
  {
    absl::MutexLock lock(&mutex_);
    stopping_ = true;
  }
  thread_.join();
}

StatementWatchdog::Watch::Watch(StatementWatchdog& watchdog, pqxx::connection& connection,
                                const CallLimits& call)
    : watchdog_(watchdog), id_([&] {
        absl::MutexLock lock(&watchdog.mutex_);
        const int64_t id = watchdog.next_id_++;
        watchdog.watched_.emplace(id, Watched{&connection, &call});
        return id;
      }()) {}

StatementWatchdog::Watch::~Watch() {
  // Removing the entry under the lock guarantees the watchdog is not cancelling on this connection
  // any more when the pool takes it back.
  absl::MutexLock lock(&watchdog_.mutex_);
  watchdog_.watched_.erase(id_);
}

void StatementWatchdog::Run() {
  absl::MutexLock lock(&mutex_);
  const auto busy_or_stopping = [this]() ABSL_EXCLUSIVE_LOCKS_REQUIRED(mutex_) {
    return stopping_ || !watched_.empty();
  };
  while (true) {
    mutex_.Await(absl::Condition(&busy_or_stopping));
    if (stopping_) return;
    const absl::Time now = absl::Now();
    for (auto& [id, watched] : watched_) {
      if (watched.cancel_sent || (now < watched.call->deadline && !watched.call->cancelled())) {
        continue;
      }
      watched.cancel_sent = true;
      try {
        // PQcancel asks the server over a connection of its own; it does not touch the busy one.
        watched.connection->cancel_query();
      } catch (const std::exception& error) {
        log::Warning("statement_cancel_failed", {{"error", error.what()}});
      }
    }
    mutex_.AwaitWithTimeout(absl::Condition(&stopping_), period_);
    if (stopping_) return;
  }
}

}  // namespace laurel

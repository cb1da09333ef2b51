#include "common/statement_watchdog.h"

#include <vector>

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
  // Once the entry is gone the watchdog no longer touches the connection, so the pool may take it
  // back; a cancel request already on its way is waited for.
  absl::MutexLock lock(&watchdog_.mutex_);
  Watched& watched = watchdog_.watched_.at(id_);
  watchdog_.mutex_.Await(absl::Condition(
      +[](Watched* entry) { return !entry->cancelling; }, &watched));
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
    std::vector<Watched*> due;
    for (auto& [id, watched] : watched_) {
      if (watched.cancel_sent || (now < watched.call->deadline && !watched.call->cancelled())) {
        continue;
      }
      watched.cancel_sent = watched.cancelling = true;
      due.push_back(&watched);
    }
    // A cancel request opens a connection of its own to the server, which can be slow when the
    // network is: sent without the lock, so other calls come and go meanwhile.
    mutex_.Unlock();
    for (Watched* watched : due) {
      try {
        watched->connection->cancel_query();
      } catch (const std::exception& error) {
        log::Warning("statement_cancel_failed", {{"error", error.what()}});
      }
    }
    mutex_.Lock();
    for (Watched* watched : due) watched->cancelling = false;
    mutex_.AwaitWithTimeout(absl::Condition(&stopping_), period_);
    if (stopping_) return;
  }
}

}  // namespace laurel

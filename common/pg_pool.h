#pragma once

#include <functional>
#include <memory>
#include <string>
#include <vector>

#include "absl/base/thread_annotations.h"
#include "absl/status/statusor.h"
#include "absl/synchronization/mutex.h"
#include "absl/time/time.h"
#include "common/call_scope.h"
#include "common/statement_watchdog.h"
#include "pqxx/pqxx"

namespace laurel {

// Told how the pool is used, so it can be watched (metrics) without the pool knowing how. Called
// with the pool's lock held: implementations must be quick and must not call back into the pool.
class PgPoolObserver {
 public:
  virtual ~PgPoolObserver() = default;
  // A caller waited `waited` for a connection and got one, or gave up (`acquired` false).
  virtual void AcquireFinished(absl::Duration waited, bool acquired) = 0;
  // Connections lent out and connections open (lent out or idle), after every change.
  virtual void UsageChanged(int in_use, int open) = 0;
};

struct PgPoolOptions {
  // libpq connection URL, e.g. postgresql://laurel@db:5432/laurel.
  std::string url;
  // Upper bound on open connections: what a slow database can tie up is bounded by it.
  int size = 8;
  // How long opening a connection may take before the database counts as unreachable.
  absl::Duration connect_timeout = absl::Seconds(5);
  // Set on every connection, so no statement outlives a request by much.
  absl::Duration statement_timeout = absl::Seconds(15);
  // How long a caller waits for a free connection before RESOURCE_EXHAUSTED.
  absl::Duration acquire_timeout = absl::Seconds(5);
  // How many callers may wait for a connection at once; one more gets RESOURCE_EXHAUSTED at once,
  // so a slow database cannot pile up waiting calls without bound.
  int max_waiting = 32;
  // Shown in pg_stat_activity.
  std::string application_name = "laurel";
  // Not owned; may be null. Must outlive the pool.
  PgPoolObserver* observer = nullptr;
};

// A bounded pool of libpq connections, opened lazily and reopened after the database comes back, so
// a service survives database restarts without restarting itself. Inside a CallScope, waits end at
// the call's deadline and a statement is cancelled as soon as its caller stops waiting for it.
class PgPool {
 public:
  explicit PgPool(PgPoolOptions options);
  ~PgPool();
  PgPool(const PgPool&) = delete;
  PgPool& operator=(const PgPool&) = delete;

  // Runs `body` with a connection of its own. Database errors thrown by libpqxx become a Status
  // (UNAVAILABLE when the connection broke: the call is safe to retry), and a broken connection is
  // dropped instead of returned to the pool. RESOURCE_EXHAUSTED when no connection frees up in
  // time or too many callers wait already; DEADLINE_EXCEEDED or CANCELLED when the call of the
  // current CallScope ends first.
  absl::Status WithConnection(const std::function<absl::Status(pqxx::connection&)>& body);

  // Runs `body` in one transaction that commits when it returns OK and rolls back otherwise.
  absl::Status InTransaction(const std::function<absl::Status(pqxx::work&)>& body);

  const PgPoolOptions& options() const { return options_; }

 private:
  struct Acquired {
    std::unique_ptr<pqxx::connection> connection;
    bool reused;  // taken from the idle list rather than opened for this call
  };
  absl::StatusOr<Acquired> Acquire(const CallLimits* call);
  void Release(std::unique_ptr<pqxx::connection> connection, bool healthy);
  // `status` of a statement that failed, restated as the end of `call` when that is why it failed.
  static absl::Status ExplainedByCall(absl::Status status, const CallLimits* call);
  absl::StatusOr<std::unique_ptr<pqxx::connection>> Open() const;
  void ReportUsage() ABSL_EXCLUSIVE_LOCKS_REQUIRED(mutex_);
  void ReportAcquire(absl::Time start, bool acquired) ABSL_EXCLUSIVE_LOCKS_REQUIRED(mutex_);

  const PgPoolOptions options_;
  absl::Mutex mutex_;
  std::vector<std::unique_ptr<pqxx::connection>> idle_ ABSL_GUARDED_BY(mutex_);
  int open_ ABSL_GUARDED_BY(mutex_) = 0;
  int in_use_ ABSL_GUARDED_BY(mutex_) = 0;
  int waiting_ ABSL_GUARDED_BY(mutex_) = 0;
  StatementWatchdog watchdog_;
};

// The Status for an exception thrown by libpqxx (or anything else) while talking to the database.
absl::Status StatusFromDatabaseException(const std::exception& error);

}  // namespace laurel

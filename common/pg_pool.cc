#include "common/pg_pool.h"

#include <optional>
#include <utility>

#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "absl/time/clock.h"
#include "common/json_log.h"

namespace laurel {
namespace {

// The connection URL with a connect timeout, unless the operator already chose one.
std::string WithConnectTimeout(const std::string& url, absl::Duration timeout) {
  if (absl::StrContains(url, "connect_timeout=")) return url;
  const char* separator = absl::StrContains(url, "?") ? "&" : "?";
  const int64_t seconds = std::max<int64_t>(1, absl::ToInt64Seconds(timeout));
  // Key=value connection strings take the parameter space-separated; URLs as a query parameter.
  if (!absl::StrContains(url, "://")) return absl::StrCat(url, " connect_timeout=", seconds);
  return absl::StrCat(url, separator, "connect_timeout=", seconds);
}

}  // namespace

absl::Status StatusFromDatabaseException(const std::exception& error) {
  if (dynamic_cast<const pqxx::broken_connection*>(&error) != nullptr) {
    return absl::UnavailableError(absl::StrCat("database unreachable: ", error.what()));
  }
  if (const auto* sql = dynamic_cast<const pqxx::sql_error*>(&error)) {
    const std::string& state = sql->sqlstate();
    if (state == "57014") return absl::DeadlineExceededError("database statement timed out");
    if (state == "40001" || state == "40P01") {
      return absl::AbortedError(absl::StrCat("transaction conflict, retry: ", error.what()));
    }
    if (state == "23505") return absl::AlreadyExistsError(error.what());
    // Undefined table: the schema is not migrated yet, which passes once ingest-service migrates
    // it.
    if (state == "42P01") {
      return absl::UnavailableError("database schema is not ready yet (migrations pending); retry");
    }
    // Class 08 (connection exception) and 57P0x (server shutting down): the database is going away.
    if (absl::StartsWith(state, "08") || absl::StartsWith(state, "57P")) {
      return absl::UnavailableError(absl::StrCat("database unavailable: ", error.what()));
    }
    return absl::InternalError(absl::StrCat("database error ", state, ": ", error.what()));
  }
  if (dynamic_cast<const pqxx::in_doubt_error*>(&error) != nullptr) {
    return absl::UnavailableError(absl::StrCat(
        "connection lost during commit; retry with the same request_id: ", error.what()));
  }
  return absl::InternalError(absl::StrCat("database error: ", error.what()));
}

PgPool::PgPool(PgPoolOptions options) : options_(std::move(options)) {}

PgPool::~PgPool() = default;

absl::StatusOr<std::unique_ptr<pqxx::connection>> PgPool::Open() const {
  try {
    auto connection = std::make_unique<pqxx::connection>(
        WithConnectTimeout(options_.url, options_.connect_timeout));
    pqxx::nontransaction setup(*connection);
    setup.exec(absl::StrCat("SET statement_timeout = ",
                            absl::ToInt64Milliseconds(options_.statement_timeout)));
    setup.exec(absl::StrCat("SET application_name = ", setup.quote(options_.application_name)));
    // Laurel's statements are short, and JIT compilation is paid on every execution: the batch
    // write's estimates (events and awards looked up by a non-unique id index since the Citus keys)
    // cross jit_above_cost, and compiling its plan took 1.3 s of a 1.4 s transaction (measured with
    // auto_explain; bulk writes ran at 2,200 articles/s with JIT, 7,700 without).
    setup.exec("SET jit = off");
    setup.commit();
    return connection;
  } catch (const std::exception& error) {
    return StatusFromDatabaseException(error);
  }
}

void PgPool::ReportUsage() {
  if (options_.observer != nullptr) options_.observer->UsageChanged(in_use_, open_);
}

void PgPool::ReportAcquire(absl::Time start, bool acquired) {
  if (options_.observer == nullptr) return;
  options_.observer->AcquireFinished(absl::Now() - start, acquired);
}

absl::StatusOr<PgPool::Acquired> PgPool::Acquire(const CallLimits* call) {
  const absl::Time start = absl::Now();
  {
    absl::MutexLock lock(&mutex_);
    auto available = [this]() ABSL_EXCLUSIVE_LOCKS_REQUIRED(mutex_) {
      return !idle_.empty() || open_ < options_.size;
    };
    if (!available()) {
      if (waiting_ >= options_.max_waiting) {
        ReportAcquire(start, /*acquired=*/false);
        return absl::ResourceExhaustedError(
            absl::StrCat("all ", options_.size, " database connections are busy and ", waiting_,
                         " calls wait for one already; retry later"));
      }
      absl::Duration wait = options_.acquire_timeout;
      const bool call_ends_first =
          call != nullptr && call->deadline - absl::Now() < options_.acquire_timeout;
      if (call_ends_first) wait = call->deadline - absl::Now();
      ++waiting_;
      const bool acquired = mutex_.AwaitWithTimeout(absl::Condition(&available), wait);
      --waiting_;
      if (!acquired) {
        ReportAcquire(start, /*acquired=*/false);
        if (call_ends_first) {
          return absl::DeadlineExceededError(
              "the call's deadline passed while it waited for a "
              "database connection");
        }
        return absl::ResourceExhaustedError(
            absl::StrCat("all ", options_.size, " database connections are busy; retry later"));
      }
    }
    ReportAcquire(start, /*acquired=*/true);
    ++in_use_;
    if (!idle_.empty()) {
      Acquired taken{std::move(idle_.back()), /*reused=*/true};
      idle_.pop_back();
      ReportUsage();
      return taken;
    }
    ++open_;  // Reserve the slot; the connection is opened without holding the lock.
    ReportUsage();
  }
  auto opened = Open();
  if (!opened.ok()) {
    absl::MutexLock lock(&mutex_);
    --open_;
    --in_use_;
    ReportUsage();
    return opened.status();
  }
  return Acquired{std::move(*opened), /*reused=*/false};
}

void PgPool::Release(std::unique_ptr<pqxx::connection> connection, bool healthy) {
  absl::MutexLock lock(&mutex_);
  --in_use_;
  if (healthy && connection->is_open()) {
    idle_.push_back(std::move(connection));
    ReportUsage();
    return;
  }
  --open_;
  // A lost connection mostly means the server went away, and every idle connection opened before
  // went with it: dropping them now spares the next callers a failure each.
  if (!healthy) {
    open_ -= static_cast<int>(idle_.size());
    idle_.clear();
  }
  ReportUsage();
}

absl::Status PgPool::ExplainedByCall(absl::Status status, const CallLimits* call) {
  // A cancelled statement reads as a statement timeout (SQLSTATE 57014); say which end it was.
  if (call == nullptr || !absl::IsDeadlineExceeded(status)) return status;
  if (absl::Now() >= call->deadline) {
    return absl::DeadlineExceededError("the call's deadline passed; its statement was cancelled");
  }
  if (call->cancelled()) {
    return absl::CancelledError("the call was cancelled; its statement was cancelled");
  }
  return status;
}

absl::Status PgPool::WithConnection(const std::function<absl::Status(pqxx::connection&)>& body) {
  const CallLimits* call = CallScope::Current();
  if (call != nullptr && call->cancelled()) {
    return absl::CancelledError("the call ended before it reached the database");
  }
  // An idle connection may have died with a database restart since its last use; such a failure
  // says nothing about the database now, so it earns one retry on a freshly opened connection
  // (Release drops the other idle ones).
  for (int attempt = 0;; ++attempt) {
    auto acquired = Acquire(call);
    if (!acquired.ok()) return acquired.status();
    auto& [connection, reused] = *acquired;
    std::optional<StatementWatchdog::Watch> watch;
    if (call != nullptr) watch.emplace(watchdog_, *connection, *call);
    try {
      absl::Status status = body(*connection);
      watch.reset();
      Release(std::move(connection), /*healthy=*/true);
      return ExplainedByCall(std::move(status), call);
    } catch (const pqxx::broken_connection& error) {
      watch.reset();
      Release(std::move(connection), /*healthy=*/false);
      log::Warning("database_connection_lost", {{"error", error.what()}});
      if (!reused || attempt > 0) return StatusFromDatabaseException(error);
    } catch (const std::exception& error) {
      watch.reset();
      absl::Status status = StatusFromDatabaseException(error);
      Release(std::move(connection), /*healthy=*/!absl::IsUnavailable(status));
      return ExplainedByCall(std::move(status), call);
    }
  }
}

absl::Status PgPool::InTransaction(const std::function<absl::Status(pqxx::work&)>& body) {
  return WithConnection([&](pqxx::connection& connection) {
    pqxx::work transaction(connection);
    absl::Status status = body(transaction);
    if (status.ok()) transaction.commit();
    return status;  // Leaving scope without commit() rolls back.
  });
}

}  // namespace laurel

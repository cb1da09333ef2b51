// PgPool against a real PostgreSQL: bounded waits, statements that end with their call, recovery
// from lost connections.
#include "common/pg_pool.h"

#include <atomic>
#include <thread>
#include <vector>

#include "absl/time/clock.h"
#include "gtest/gtest.h"
#include "tests/support/test_database.h"

namespace laurel {
namespace {

class PgPoolTest : public ::testing::Test {
 protected:
  void SetUp() override {
    auto database = testing::TestDatabase::Create();
    ASSERT_TRUE(database.ok()) << database.status();
    database_ = std::move(*database);
  }

  PgPoolOptions Options() {
    PgPoolOptions options;
    options.url = database_->url();
    options.size = 2;
    options.acquire_timeout = absl::Seconds(30);
    options.statement_timeout = absl::Seconds(60);
    return options;
  }

  static absl::Status Sleep(PgPool& pool, int seconds) {
    return pool.WithConnection([seconds](pqxx::connection& connection) {
      pqxx::nontransaction work(connection);
      work.exec(absl::StrCat("SELECT pg_sleep(", seconds, ")"));
      return absl::OkStatus();
    });
  }

  // How many statements of this test's database are running right now.
  int RunningStatements() {
    pqxx::connection connection(database_->url());
    pqxx::nontransaction work(connection);
    return work
        .exec1(absl::StrCat("SELECT count(*) FROM pg_stat_activity WHERE datname = ",
                            work.quote(connection.dbname()),
                            " AND state = 'active' AND pid <> pg_backend_pid()"))[0]
        .as<int>();
  }

  // A setting as the pool's connections see it.
  static std::string Setting(PgPool& pool, const std::string& name) {
    std::string value;
    const absl::Status status = pool.WithConnection([&](pqxx::connection& connection) {
      pqxx::nontransaction work(connection);
      value = work.exec1("SHOW " + name)[0].as<std::string>();
      return absl::OkStatus();
    });
    EXPECT_TRUE(status.ok()) << status;
    return value;
  }

  std::unique_ptr<testing::TestDatabase> database_;
};

TEST_F(PgPoolTest, EveryConnectionHasTheStatementTimeout) {
  PgPool pool(Options());
  EXPECT_EQ(Setting(pool, "statement_timeout"), "1min");
}

// Whatever the server's default: compiling a write's plan cost more than running it.
TEST_F(PgPoolTest, EveryConnectionRunsWithoutJit) {
  PgPool pool(Options());
  EXPECT_EQ(Setting(pool, "jit"), "off");
}

TEST_F(PgPoolTest, StatementEndsWithItsCallsDeadline) {
  PgPool pool(Options());
  const CallScope call(CallLimits{.deadline = absl::Now() + absl::Milliseconds(300)});
  const absl::Time start = absl::Now();
  const absl::Status status = Sleep(pool, 30);
  EXPECT_TRUE(absl::IsDeadlineExceeded(status)) << status;
  // Not a timing test: the statement would otherwise have slept 30 s, twice the bound.
  EXPECT_LT(absl::Now() - start, absl::Seconds(15));
  EXPECT_EQ(RunningStatements(), 0);
}

TEST_F(PgPoolTest, StatementEndsWhenTheClientCancels) {
  PgPool pool(Options());
  std::atomic<bool> cancelled{false};
  std::thread client([&cancelled] {
    absl::SleepFor(absl::Milliseconds(300));
    cancelled = true;
  });
  {
    const CallScope call(CallLimits{.cancelled = [&cancelled] { return cancelled.load(); }});
    const absl::Status status = Sleep(pool, 30);
    EXPECT_TRUE(absl::IsCancelled(status)) << status;
  }
  client.join();
  EXPECT_EQ(RunningStatements(), 0);
  // The connection went back to the pool in working order, for the next call.
  EXPECT_TRUE(pool.WithConnection([](pqxx::connection& connection) {
                    pqxx::nontransaction(connection).exec("SELECT 1");
                    return absl::OkStatus();
                  })
                  .ok());
}

TEST_F(PgPoolTest, CancelledCallNeverReachesTheDatabase) {
  PgPool pool(Options());
  const CallScope call(CallLimits{.cancelled = [] { return true; }});
  bool ran = false;
  const absl::Status status = pool.WithConnection([&ran](pqxx::connection&) {
    ran = true;
    return absl::OkStatus();
  });
  EXPECT_TRUE(absl::IsCancelled(status)) << status;
  EXPECT_FALSE(ran);
}

// Holds `connections` connections of `pool`, each in a 1.5 s pg_sleep, on threads of their own.
std::vector<std::thread> OccupyPool(PgPool& pool, int connections, std::atomic<int>& started) {
  std::vector<std::thread> holders;
  for (int i = 0; i < connections; ++i) {
    holders.emplace_back([&pool, &started] {
      (void)pool.WithConnection([&started](pqxx::connection& connection) {
        ++started;
        pqxx::nontransaction(connection).exec("SELECT pg_sleep(1.5)");
        return absl::OkStatus();
      });
    });
  }
  while (started < connections) absl::SleepFor(absl::Milliseconds(10));
  return holders;
}

TEST_F(PgPoolTest, FullPoolAnswersResourceExhaustedAfterTheAcquireTimeout) {
  PgPoolOptions options = Options();
  options.acquire_timeout = absl::Milliseconds(200);
  PgPool pool(options);
  std::atomic<int> started{0};
  auto holders = OccupyPool(pool, 2, started);
  const absl::Status status = Sleep(pool, 0);
  EXPECT_TRUE(absl::IsResourceExhausted(status)) << status;
  for (auto& holder : holders) holder.join();
}

TEST_F(PgPoolTest, CallDeadlineShorterThanTheAcquireTimeoutEndsTheWait) {
  PgPool pool(Options());  // 30 s acquire timeout
  std::atomic<int> started{0};
  auto holders = OccupyPool(pool, 2, started);
  const CallScope call(CallLimits{.deadline = absl::Now() + absl::Milliseconds(200)});
  const absl::Status status = Sleep(pool, 0);
  EXPECT_TRUE(absl::IsDeadlineExceeded(status)) << status;
  for (auto& holder : holders) holder.join();
}

TEST_F(PgPoolTest, QueueOfWaitersIsBounded) {
  PgPoolOptions options = Options();
  options.max_waiting = 1;
  PgPool pool(options);
  std::atomic<int> started{0};
  auto holders = OccupyPool(pool, 2, started);
  // One caller may wait; it gets the first connection freed.
  std::thread waiter([&pool] { EXPECT_TRUE(Sleep(pool, 0).ok()); });
  absl::SleepFor(absl::Milliseconds(200));
  const absl::Status status = Sleep(pool, 0);
  EXPECT_TRUE(absl::IsResourceExhausted(status)) << status;
  EXPECT_NE(status.message().find("wait"), absl::string_view::npos) << status;
  waiter.join();
  for (auto& holder : holders) holder.join();
}

// What the pool's metrics are made of: every acquire, refusals included, and the connections lent
// out and open after every change.
class CountingObserver : public PgPoolObserver {
 public:
  void AcquireFinished(absl::Duration /*waited*/, bool acquired) override {
    ++(acquired ? acquired_ : refused_);
  }
  void UsageChanged(int in_use, int open) override {
    in_use_ = in_use;
    open_ = open;
  }

  std::atomic<int> acquired_{0}, refused_{0}, in_use_{-1}, open_{-1};
};

TEST_F(PgPoolTest, ObserverSeesEveryAcquireAndRefusal) {
  CountingObserver observer;
  PgPoolOptions options = Options();
  options.max_waiting = 0;  // a caller finding no free connection is refused at once
  options.observer = &observer;
  PgPool pool(options);
  std::atomic<int> started{0};
  auto holders = OccupyPool(pool, 2, started);
  EXPECT_EQ(observer.in_use_, 2);
  EXPECT_TRUE(absl::IsResourceExhausted(Sleep(pool, 0)));
  for (auto& holder : holders) holder.join();
  EXPECT_EQ(observer.acquired_, 2);
  EXPECT_EQ(observer.refused_, 1);
  EXPECT_EQ(observer.in_use_, 0);
  EXPECT_EQ(observer.open_, 2);
}

TEST_F(PgPoolTest, ConnectionsKilledBehindItsBackAreReplacedWithoutAFailedCall) {
  PgPoolOptions options = Options();
  options.size = 4;
  options.application_name = "laurel-pool-test";
  PgPool pool(options);
  // Four idle connections.
  std::atomic<int> started{0};
  {
    std::vector<std::thread> users;
    for (int i = 0; i < 4; ++i) {
      users.emplace_back([&pool, &started] {
        (void)pool.WithConnection([&started](pqxx::connection& connection) {
          ++started;
          while (started < 4) absl::SleepFor(absl::Milliseconds(5));
          pqxx::nontransaction(connection).exec("SELECT 1");
          return absl::OkStatus();
        });
      });
    }
    for (auto& user : users) user.join();
  }
  // What a database restart does to them.
  {
    pqxx::connection admin(database_->url());
    pqxx::nontransaction work(admin);
    EXPECT_EQ(work.exec("SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE "
                        "application_name = 'laurel-pool-test'")
                  .size(),
              4u);
  }
  for (int i = 0; i < 4; ++i) {
    const absl::Status status = Sleep(pool, 0);
    EXPECT_TRUE(status.ok()) << "call " << i << ": " << status;
  }
}

}  // namespace
}  // namespace laurel

// A database that stops answering (a table locked by someone else) must not pile up work in the
// service: writes wait in groups on a bounded number of connections, calls beyond the server's
// threads get RESOURCE_EXHAUSTED, and a call's statement ends with the call's deadline rather than
// at statement_timeout, on every path: unary and bulk writes, rollup statistics and re-parses. (The
// pool's bounded queue is tested in pg_pool_test.)
#include <map>
#include <thread>
#include <vector>

#include "absl/strings/str_cat.h"
#include "absl/synchronization/mutex.h"
#include "absl/time/clock.h"
#include "grpcpp/grpcpp.h"
#include "gtest/gtest.h"
#include "laurel/v1/admin_service.grpc.pb.h"
#include "laurel/v1/ingest_service.grpc.pb.h"
#include "laurel/v1/query_service.grpc.pb.h"
#include "pqxx/pqxx"
#include "tests/support/running_services.h"

namespace laurel {
namespace {

using grpc::StatusCode;

v1::IngestArticleRequest ArticleRequest(absl::string_view marker) {
  v1::IngestArticleRequest request;
  request.set_text(absl::StrCat("10:00, 12/03/2021\n\nTin ", marker,
                                "\n\nUBND tỉnh Nghệ An tặng bằng khen cho 5 tập thể."));
  return request;
}

// Sends `calls` ingests at once, each with a 2 s deadline, and counts their answers by status.
std::map<StatusCode, int> IngestAtOnce(v1::IngestService::Stub& stub, int calls) {
  absl::Mutex mutex;
  std::map<StatusCode, int> answers;
  std::vector<std::thread> clients;
  for (int i = 0; i < calls; ++i) {
    clients.emplace_back([&, i] {
      grpc::ClientContext context;
      context.set_deadline(std::chrono::system_clock::now() + std::chrono::seconds(2));
      v1::IngestArticleResponse response;
      const grpc::Status status =
          stub.IngestArticle(&context, ArticleRequest(absl::StrCat(i)), &response);
      absl::MutexLock hold(&mutex);
      ++answers[status.error_code()];
    });
  }
  for (auto& client : clients) client.join();
  return answers;
}

// The services started with `options`, and a table of their database that can be locked as
// someone else's long transaction would lock it: every statement touching it waits.
struct LockedDatabase {
  explicit LockedDatabase(const testing::ServicesOptions& options) {
    auto started = testing::RunningServices::Start(options);
    EXPECT_TRUE(started.ok()) << started.status();
    if (!started.ok()) return;
    services = std::move(*started);
    stub = v1::IngestService::NewStub(testing::TestChannel(services->ingest_address()));
  }

  static testing::ServicesOptions IngestArgs(std::vector<std::string> ingest_args) {
    testing::ServicesOptions options;
    options.ingest_args = std::move(ingest_args);
    return options;
  }

  void Lock(const std::string& table) {
    locker = std::make_unique<pqxx::connection>(services->database_url());
    lock = std::make_unique<pqxx::work>(*locker);
    lock->exec("LOCK TABLE " + table + " IN ACCESS EXCLUSIVE MODE");
  }

  // No statement of either service still waits for the lock, which is still held: they ended with
  // their calls, not at statement_timeout. (Only this database: other tests share the server.)
  void ExpectNoStatementWaits() {
    pqxx::connection observer(services->database_url());
    pqxx::nontransaction watch(observer);
    int waiting = 0;
    for (int attempt = 0; attempt < 20; ++attempt) {
      waiting = watch
                    .exec1(
                        "SELECT count(*) FROM pg_stat_activity WHERE datname = current_database() "
                        "AND application_name IN ('laurel-ingest', 'laurel-query') "
                        "AND wait_event_type = 'Lock'")[0]
                    .as<int>();
      if (waiting == 0) break;
      absl::SleepFor(absl::Milliseconds(100));
    }
    EXPECT_EQ(waiting, 0) << "statements outlived their calls";
  }

  // Releases the lock; the service must then store an article as usual, once the calls that
  // gave up have handed their threads back.
  void ExpectFineAfterwards() {
    lock->abort();
    const v1::IngestArticleRequest request = ArticleRequest("afterwards");
    grpc::Status status;
    for (int attempt = 0; attempt < 100; ++attempt) {
      grpc::ClientContext context;
      v1::IngestArticleResponse response;
      status = stub->IngestArticle(&context, request, &response);
      if (status.error_code() != StatusCode::RESOURCE_EXHAUSTED) break;
      absl::SleepFor(absl::Milliseconds(100));
    }
    EXPECT_TRUE(status.ok()) << status.error_code() << " " << status.error_message();
  }

  std::unique_ptr<testing::RunningServices> services;
  std::unique_ptr<v1::IngestService::Stub> stub;
  std::unique_ptr<pqxx::connection> locker;
  std::unique_ptr<pqxx::work> lock;
};

TEST(SlowDatabase, WritesHeldUpByALockEndWithTheirCalls) {
  LockedDatabase database(
      LockedDatabase::IngestArgs({"--db_pool_size=2", "--db_max_waiting=2",
                                  "--db_acquire_timeout=300ms", "--db_statement_timeout=60s"}));
  ASSERT_NE(database.services, nullptr);
  database.Lock("articles");
  constexpr int kCalls = 8;
  std::map<StatusCode, int> answers = IngestAtOnce(*database.stub, kCalls);
  // IngestArticle calls write in groups (GroupCommit) on one connection (--unary_writers): the
  // articles of all eight wait in the group the lock holds up, not in the pool's queue, and every
  // call ends at its deadline.
  EXPECT_EQ(answers[StatusCode::DEADLINE_EXCEEDED], kCalls);

  // Their statements ended with them, while the lock is still held (statement_timeout is 60 s).
  database.ExpectNoStatementWaits();
  database.ExpectFineAfterwards();
}

TEST(SlowDatabase, ThreadLimitAnswersResourceExhaustedInsteadOfQueueing) {
  // Connections to spare: the only limit met is the server's threads.
  LockedDatabase database(LockedDatabase::IngestArgs(
      {"--max_threads=4", "--db_pool_size=20", "--db_acquire_timeout=10s"}));
  ASSERT_NE(database.services, nullptr);
  database.Lock("articles");
  std::map<StatusCode, int> answers = IngestAtOnce(*database.stub, 8);
  EXPECT_GE(answers[StatusCode::RESOURCE_EXHAUSTED], 1);
  EXPECT_EQ(answers[StatusCode::OK], 0);
  database.ExpectFineAfterwards();
}

// A locked rollup table stops the rollup paths: the write's set-based round trip after its COPYs
// (unary and bulk), the prepared statistics statement that reads the rollup, and a re-parse's
// rollup maintenance. Each call's statement ends at the call's deadline, its transaction rolled
// back.
TEST(SlowDatabase, RollupStatementsEndWithTheirCalls) {
  testing::ServicesOptions options;
  options.ingest_args = options.query_args = {"--db_statement_timeout=60s"};
  LockedDatabase database(options);
  ASSERT_NE(database.services, nullptr);
  v1::IngestArticleResponse stored;
  {
    grpc::ClientContext context;
    ASSERT_TRUE(database.stub->IngestArticle(&context, ArticleRequest("first"), &stored).ok());
  }
  auto query = v1::QueryService::NewStub(testing::TestChannel(database.services->query_address()));
  auto admin = v1::AdminService::NewStub(testing::TestChannel(database.services->ingest_address()));
  v1::GetAwardStatisticsRequest by_province;
  by_province.add_group_by(v1::DIMENSION_PROVINCE);
  v1::GetAwardStatisticsResponse before;
  {
    grpc::ClientContext context;
    ASSERT_TRUE(query->GetAwardStatistics(&context, by_province, &before).ok());
    ASSERT_EQ(before.served_from(), "rollup_province");
  }
  database.Lock("rollup_province");

  const auto within_a_second = [](grpc::ClientContext& context) {
    context.set_deadline(std::chrono::system_clock::now() + std::chrono::seconds(1));
  };
  {
    grpc::ClientContext context;
    within_a_second(context);
    v1::IngestArticleResponse response;
    EXPECT_EQ(
        database.stub->IngestArticle(&context, ArticleRequest("second"), &response).error_code(),
        StatusCode::DEADLINE_EXCEEDED);
  }
  {
    grpc::ClientContext context;
    within_a_second(context);
    v1::GetAwardStatisticsResponse response;
    EXPECT_EQ(query->GetAwardStatistics(&context, by_province, &response).error_code(),
              StatusCode::DEADLINE_EXCEEDED);
  }
  {
    grpc::ClientContext context;
    within_a_second(context);
    v1::ReparseArticlesRequest request;
    request.set_include_current_version(true);
    v1::ReparseArticlesResponse response;
    EXPECT_EQ(admin->ReparseArticles(&context, request, &response).error_code(),
              StatusCode::DEADLINE_EXCEEDED);
  }
  {
    // A bulk stream's transaction: its writer runs within the stream's call.
    grpc::ClientContext context;
    within_a_second(context);
    auto stream = database.stub->IngestArticles(&context);
    v1::IngestArticlesRequest message;
    *message.add_articles() = ArticleRequest("streamed");
    EXPECT_TRUE(stream->Write(message));
    stream->WritesDone();
    v1::IngestArticlesResponse response;
    while (stream->Read(&response)) {
      EXPECT_EQ(response.outcomes_size(), 0) << "an article was answered while the table is locked";
    }
    EXPECT_EQ(stream->Finish().error_code(), StatusCode::DEADLINE_EXCEEDED);
  }
  database.ExpectNoStatementWaits();

  // Nothing of the abandoned calls was kept, and the prepared statement serves again.
  database.lock->abort();
  v1::GetAwardStatisticsResponse after;
  {
    grpc::ClientContext context;
    ASSERT_TRUE(query->GetAwardStatistics(&context, by_province, &after).ok());
  }
  EXPECT_EQ(after.DebugString(), before.DebugString());
  pqxx::connection observer(database.services->database_url());
  pqxx::nontransaction read(observer);
  EXPECT_EQ(read.exec1("SELECT count(*) FROM articles")[0].as<int>(), 1);
  database.ExpectFineAfterwards();
}

}  // namespace
}  // namespace laurel

// A database that stops answering (a table locked by someone else) must not pile up work in the
// service: calls queue for a bounded number of connections, the queue is bounded too
// (RESOURCE_EXHAUSTED beyond), and a call's statement ends with the call's deadline rather than at
// statement_timeout.
#include <map>
#include <thread>
#include <vector>

#include "absl/strings/str_cat.h"
#include "absl/synchronization/mutex.h"
#include "absl/time/clock.h"
#include "grpcpp/grpcpp.h"
#include "gtest/gtest.h"
#include "laurel/v1/ingest_service.grpc.pb.h"
#include "pqxx/pqxx"
#include "tests/support/running_services.h"

namespace laurel {
namespace {

using grpc::StatusCode;

// Sends `calls` ingests at once, each with a 2 s deadline, and counts their answers by status.
std::map<StatusCode, int> IngestAtOnce(v1::IngestService::Stub& stub, int calls) {
  absl::Mutex mutex;
  std::map<StatusCode, int> answers;
  std::vector<std::thread> clients;
  for (int i = 0; i < calls; ++i) {
    clients.emplace_back([&, i] {
      grpc::ClientContext context;
      context.set_deadline(std::chrono::system_clock::now() + std::chrono::seconds(2));
      v1::IngestArticleRequest request;
      request.set_text(absl::StrCat("10:00, 12/03/2021\n\nTin ", i,
                                    "\n\nUBND tỉnh Nghệ An tặng bằng khen cho 5 tập thể."));
      v1::IngestArticleResponse response;
      const grpc::Status status = stub.IngestArticle(&context, request, &response);
      absl::MutexLock hold(&mutex);
      ++answers[status.error_code()];
    });
  }
  for (auto& client : clients) client.join();
  return answers;
}

// Starts the services with `ingest_args` and locks the articles table in their database, as
// someone else's long transaction would: every insert waits for the lock.
struct LockedDatabase {
  explicit LockedDatabase(std::vector<std::string> ingest_args) {
    testing::ServicesOptions options;
    options.ingest_args = std::move(ingest_args);
    auto started = testing::RunningServices::Start(options);
    EXPECT_TRUE(started.ok()) << started.status();
    if (!started.ok()) return;
    services = std::move(*started);
    stub = v1::IngestService::NewStub(testing::TestChannel(services->ingest_address()));
    locker = std::make_unique<pqxx::connection>(services->database_url());
    lock = std::make_unique<pqxx::work>(*locker);
    lock->exec("LOCK TABLE articles IN ACCESS EXCLUSIVE MODE");
  }

  // Releases the lock; the service must then store an article as usual, once the calls that
  // gave up have handed their threads back.
  void ExpectFineAfterwards() {
    lock->abort();
    v1::IngestArticleRequest request;
    request.set_text("10:00, 12/03/2021\n\nTin\n\nUBND tỉnh Nghệ An tặng bằng khen cho 5 tập thể.");
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

TEST(SlowDatabase, BoundedQueueAndStatementsEndWithTheirCalls) {
  LockedDatabase database({"--db_pool_size=2", "--db_max_waiting=2", "--db_acquire_timeout=300ms",
                           "--db_statement_timeout=60s"});
  ASSERT_NE(database.lock, nullptr);
  constexpr int kCalls = 8;
  std::map<StatusCode, int> answers = IngestAtOnce(*database.stub, kCalls);
  // The calls that got one of the two connections (two, or one while the readiness probe held
  // the other) held it until their deadline; the others found the queue full or gave up waiting.
  EXPECT_GE(answers[StatusCode::DEADLINE_EXCEEDED], 1);
  EXPECT_LE(answers[StatusCode::DEADLINE_EXCEEDED], 2);
  EXPECT_EQ(answers[StatusCode::DEADLINE_EXCEEDED] + answers[StatusCode::RESOURCE_EXHAUSTED],
            kCalls);

  // Their statements ended with them, while the lock is still held (statement_timeout is 60 s).
  pqxx::connection observer(database.services->database_url());
  pqxx::nontransaction watch(observer);
  int waiting = 0;
  for (int attempt = 0; attempt < 20; ++attempt) {
    waiting = watch
                  .exec1(
                      "SELECT count(*) FROM pg_stat_activity WHERE application_name = "
                      "'laurel-ingest' AND wait_event_type = 'Lock'")[0]
                  .as<int>();
    if (waiting == 0) break;
    absl::SleepFor(absl::Milliseconds(100));
  }
  EXPECT_EQ(waiting, 0) << "statements outlived their calls";
  database.ExpectFineAfterwards();
}

TEST(SlowDatabase, ThreadLimitAnswersResourceExhaustedInsteadOfQueueing) {
  // Connections to spare: the only limit met is the server's threads.
  LockedDatabase database({"--max_threads=4", "--db_pool_size=20", "--db_acquire_timeout=10s"});
  ASSERT_NE(database.lock, nullptr);
  std::map<StatusCode, int> answers = IngestAtOnce(*database.stub, 8);
  EXPECT_GE(answers[StatusCode::RESOURCE_EXHAUSTED], 1);
  EXPECT_EQ(answers[StatusCode::OK], 0);
  database.ExpectFineAfterwards();
}

}  // namespace
}  // namespace laurel

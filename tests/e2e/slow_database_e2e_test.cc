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

TEST(SlowDatabase, BoundedQueueAndStatementsEndWithTheirCalls) {
  testing::ServicesOptions options;
  options.ingest_args = {"--db_pool_size=2", "--db_max_waiting=2", "--db_acquire_timeout=300ms",
                         "--db_statement_timeout=60s"};
  auto services = testing::RunningServices::Start(options);
  ASSERT_TRUE(services.ok()) << services.status();
  auto stub = v1::IngestService::NewStub(testing::TestChannel((*services)->ingest_address()));

  // Someone else holds the articles table: every insert waits for the lock.
  pqxx::connection locker((*services)->database_url());
  pqxx::work lock(locker);
  lock.exec("LOCK TABLE articles IN ACCESS EXCLUSIVE MODE");

  constexpr int kCalls = 8;
  absl::Mutex mutex;
  std::map<StatusCode, int> answers;
  std::vector<std::thread> clients;
  for (int i = 0; i < kCalls; ++i) {
    clients.emplace_back([&, i] {
      grpc::ClientContext context;
      context.set_deadline(std::chrono::system_clock::now() + std::chrono::seconds(2));
      v1::IngestArticleRequest request;
      request.set_text(absl::StrCat("10:00, 12/03/2021\n\nTin ", i,
                                    "\n\nUBND tỉnh Nghệ An tặng bằng khen cho 5 tập thể."));
      v1::IngestArticleResponse response;
      const grpc::Status status = stub->IngestArticle(&context, request, &response);
      absl::MutexLock hold(&mutex);
      ++answers[status.error_code()];
    });
  }
  for (auto& client : clients) client.join();
  // The calls that got one of the two connections (two, or one while the readiness probe held
  // the other) held it until their deadline; the others found the queue full or gave up waiting.
  EXPECT_GE(answers[StatusCode::DEADLINE_EXCEEDED], 1);
  EXPECT_LE(answers[StatusCode::DEADLINE_EXCEEDED], 2);
  EXPECT_EQ(answers[StatusCode::DEADLINE_EXCEEDED] + answers[StatusCode::RESOURCE_EXHAUSTED],
            kCalls);

  // Their statements ended with them, while the lock is still held (statement_timeout is 60 s).
  pqxx::connection observer((*services)->database_url());
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
  lock.abort();

  // And the service is fine afterwards.
  grpc::ClientContext context;
  v1::IngestArticleRequest request;
  request.set_text("10:00, 12/03/2021\n\nTin\n\nUBND tỉnh Nghệ An tặng bằng khen cho 5 tập thể.");
  v1::IngestArticleResponse response;
  EXPECT_TRUE(stub->IngestArticle(&context, request, &response).ok());
}

}  // namespace
}  // namespace laurel

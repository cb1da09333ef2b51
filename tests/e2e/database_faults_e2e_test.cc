// Database faults under load: PostgreSQL restarted, or cut off for a while, as a loader streams
// articles. Each test runs its own PostgreSQL (never the shared test server). During the outage
// clients get UNAVAILABLE and health says NOT_SERVING; afterwards the services serve again without
// being restarted, and every acknowledged article is stored exactly once, retries included.
#include <atomic>
#include <map>
#include <thread>

#include "absl/strings/str_cat.h"
#include "absl/synchronization/mutex.h"
#include "absl/time/clock.h"
#include "grpcpp/grpcpp.h"
#include "gtest/gtest.h"
#include "laurel/v1/ingest_service.grpc.pb.h"
#include "laurel/v1/query_service.grpc.pb.h"
#include "pqxx/pqxx"
#include "tests/support/private_postgres.h"
#include "tests/support/running_services.h"
#include "tests/support/tcp_proxy.h"

namespace laurel {
namespace {

using grpc::StatusCode;
using grpc::health::v1::HealthCheckResponse;

constexpr int kArticles = 150;

std::string RequestId(int i) { return absl::StrCat("load-", i); }

// Sends kArticles distinct articles one after another, as a loader does, retrying each on a
// retryable status with the same request_id until it is acknowledged.
class Loader {
 public:
  explicit Loader(const std::string& address)
      : stub_(v1::IngestService::NewStub(testing::TestChannel(address))),
        thread_([this] { Run(); }) {}
  // A test that fails half-way stops the loader rather than wait for it.
  ~Loader() {
    stop_ = true;
    Join();
  }

  int acknowledged() {
    absl::MutexLock lock(&mutex_);
    return static_cast<int>(acknowledged_.size());
  }
  // Until `count` articles are acknowledged, or the loader has stopped.
  void WaitUntilAcknowledged(int count) {
    while (acknowledged() < count && !done_) absl::SleepFor(absl::Milliseconds(10));
  }
  void Join() {
    if (thread_.joinable()) thread_.join();
  }

  // request_id → the article name its acknowledgement carried.
  std::map<std::string, std::string> Acknowledged() {
    absl::MutexLock lock(&mutex_);
    return acknowledged_;
  }
  int unavailable() const { return unavailable_; }
  // Statuses no retry should meet (anything but UNAVAILABLE, DEADLINE_EXCEEDED, ABORTED).
  std::vector<std::string> failures() {
    absl::MutexLock lock(&mutex_);
    return failures_;
  }

 private:
  void Run() {
    for (int i = 0; i < kArticles && !stop_; ++i) {
      v1::IngestArticleRequest request;
      request.set_request_id(RequestId(i));
      request.set_text(absl::StrCat("10:00, 12/03/2021\n\nTin số ", i, "\n\nSáng 12-3, UBND tỉnh ",
                                    "Nghệ An tặng bằng khen cho ", i + 1, " tập thể."));
      for (int attempt = 0;; ++attempt) {
        grpc::ClientContext context;
        context.set_deadline(std::chrono::system_clock::now() + std::chrono::seconds(5));
        v1::IngestArticleResponse response;
        const grpc::Status status = stub_->IngestArticle(&context, request, &response);
        if (status.ok()) {
          absl::MutexLock lock(&mutex_);
          acknowledged_[request.request_id()] = response.article().name();
          break;
        }
        if (status.error_code() == StatusCode::UNAVAILABLE) ++unavailable_;
        const bool retryable = status.error_code() == StatusCode::UNAVAILABLE ||
                               status.error_code() == StatusCode::DEADLINE_EXCEEDED ||
                               status.error_code() == StatusCode::ABORTED;
        if (stop_) break;
        if (!retryable || attempt > 600) {
          absl::MutexLock lock(&mutex_);
          failures_.push_back(absl::StrCat(request.request_id(), ": ", status.error_code(), " ",
                                           status.error_message()));
          break;
        }
        absl::SleepFor(absl::Milliseconds(50));
      }
    }
    done_ = true;
  }

  std::unique_ptr<v1::IngestService::Stub> stub_;
  absl::Mutex mutex_;
  std::map<std::string, std::string> acknowledged_ ABSL_GUARDED_BY(mutex_);
  std::vector<std::string> failures_ ABSL_GUARDED_BY(mutex_);
  std::atomic<int> unavailable_{0};
  std::atomic<bool> done_{false};
  std::atomic<bool> stop_{false};
  std::thread thread_;
};

class DatabaseFaultsTest : public ::testing::Test {
 protected:
  void SetUp() override {
    auto postgres = testing::PrivatePostgres::Start();
    ASSERT_TRUE(postgres.ok()) << postgres.status();
    postgres_ = std::move(*postgres);
  }

  void StartServices(const std::string& database_address) {
    testing::ServicesOptions options;
    options.admin_url = postgres_->admin_url();
    options.database_address = database_address;
    // Short waits, so an outage shows within a readiness interval.
    for (auto* args : {&options.ingest_args, &options.query_args}) {
      *args = {"--db_connect_timeout=1s", "--db_acquire_timeout=1s"};
    }
    auto services = testing::RunningServices::Start(options);
    ASSERT_TRUE(services.ok()) << services.status();
    services_ = std::move(*services);
    query_ = v1::QueryService::NewStub(testing::TestChannel(services_->query_address()));
  }

  // While the database is gone: both services NOT_SERVING, calls UNAVAILABLE.
  void ExpectOutageSeen() {
    for (const std::string& address : {services_->ingest_address(), services_->query_address()}) {
      EXPECT_TRUE(
          testing::WaitForHealth(address, HealthCheckResponse::NOT_SERVING, absl::Seconds(10)).ok())
          << address;
    }
    auto ingest = v1::IngestService::NewStub(testing::TestChannel(services_->ingest_address()));
    grpc::ClientContext ingest_context;
    v1::IngestArticleRequest request;
    request.set_text("10:00, 12/03/2021\n\nTin\n\nUBND tỉnh Nghệ An tặng bằng khen cho 1 tập thể.");
    v1::IngestArticleResponse response;
    EXPECT_EQ(ingest->IngestArticle(&ingest_context, request, &response).error_code(),
              StatusCode::UNAVAILABLE);
    grpc::ClientContext query_context;
    v1::ListArticlesResponse articles;
    EXPECT_EQ(
        query_->ListArticles(&query_context, v1::ListArticlesRequest(), &articles).error_code(),
        StatusCode::UNAVAILABLE);
  }

  // After the outage: serving again without a restart, every acknowledged article stored once.
  void ExpectRecoveredWithNothingLostOrDoubled(Loader& loader) {
    for (const std::string& address : {services_->ingest_address(), services_->query_address()}) {
      EXPECT_TRUE(
          testing::WaitForHealth(address, HealthCheckResponse::SERVING, absl::Seconds(20)).ok())
          << address;
    }
    loader.Join();
    EXPECT_TRUE(loader.failures().empty()) << loader.failures().front();
    EXPECT_GT(loader.unavailable(), 0) << "the loader never met the outage";
    const auto acknowledged = loader.Acknowledged();
    EXPECT_EQ(acknowledged.size(), static_cast<size_t>(kArticles));

    pqxx::connection connection(services_->database_url());
    pqxx::nontransaction work(connection);
    EXPECT_EQ(work.exec1("SELECT count(*) FROM articles")[0].as<int>(), kArticles);
    EXPECT_EQ(
        work.exec("SELECT request_id FROM articles GROUP BY request_id HAVING count(*) > 1").size(),
        0u);
    for (const auto& [request_id, name] : acknowledged) {
      const auto row = work.exec1("SELECT 'articles/' || id FROM articles WHERE request_id = " +
                                  work.quote(request_id));
      EXPECT_EQ(row[0].as<std::string>(), name) << request_id;
    }
    // Sending everything again with the same request_ids stores nothing new.
    auto ingest = v1::IngestService::NewStub(testing::TestChannel(services_->ingest_address()));
    for (const auto& [request_id, name] : acknowledged) {
      grpc::ClientContext context;
      v1::IngestArticleRequest request;
      request.set_request_id(request_id);
      request.set_text("a retry carries the same request_id, whatever its text");
      v1::IngestArticleResponse response;
      ASSERT_TRUE(ingest->IngestArticle(&context, request, &response).ok());
      EXPECT_FALSE(response.created());
      EXPECT_EQ(response.article().name(), name);
    }
    EXPECT_EQ(work.exec1("SELECT count(*) FROM articles")[0].as<int>(), kArticles);
    // The query service reads again too.
    grpc::ClientContext context;
    v1::GetAwardStatisticsResponse statistics;
    ASSERT_TRUE(
        query_->GetAwardStatistics(&context, v1::GetAwardStatisticsRequest(), &statistics).ok());
    EXPECT_EQ(statistics.total().articles(), kArticles);
  }

  std::unique_ptr<testing::PrivatePostgres> postgres_;
  std::unique_ptr<testing::RunningServices> services_;
  std::unique_ptr<v1::QueryService::Stub> query_;
};

TEST_F(DatabaseFaultsTest, PostgresRestartedUnderLoad) {
  StartServices("");
  Loader loader(services_->ingest_address());
  loader.WaitUntilAcknowledged(30);
  ASSERT_TRUE(postgres_->Stop().ok());
  ExpectOutageSeen();
  EXPECT_LT(loader.acknowledged(), kArticles) << "the load ended before the outage";
  ASSERT_TRUE(postgres_->Restart().ok());
  ExpectRecoveredWithNothingLostOrDoubled(loader);
}

TEST_F(DatabaseFaultsTest, PostgresUnreachableForAWhileUnderLoad) {
  auto proxy = testing::TcpProxy::Start(std::stoi(postgres_->address().substr(10)));
  ASSERT_TRUE(proxy.ok()) << proxy.status();
  StartServices((*proxy)->address());
  Loader loader(services_->ingest_address());
  loader.WaitUntilAcknowledged(30);
  (*proxy)->Cut();
  ExpectOutageSeen();
  absl::SleepFor(absl::Seconds(2));  // a while: the loader keeps knocking
  EXPECT_LT(loader.acknowledged(), kArticles) << "the load ended before the outage";
  (*proxy)->Restore();
  ExpectRecoveredWithNothingLostOrDoubled(loader);
}

}  // namespace
}  // namespace laurel

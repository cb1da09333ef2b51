// What an operator sees with `curl` on the metrics ports while the services work: every counter and
// histogram moves by exactly the load sent.
#include <filesystem>
#include <set>
#include <string>
#include <vector>

#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "absl/time/clock.h"
#include "grpcpp/grpcpp.h"
#include "gtest/gtest.h"
#include "laurel/v1/ingest_service.grpc.pb.h"
#include "laurel/v1/query_service.grpc.pb.h"
#include "pqxx/pqxx"
#include "tests/support/buf_curl.h"
#include "tests/support/markdown.h"
#include "tests/support/prometheus_text.h"
#include "tests/support/running_services.h"
#include "tests/support/source_tree.h"

namespace laurel {
namespace {

using testing::Scrape;
using testing::Series;

std::unique_ptr<grpc::ClientContext> Context() {
  auto context = std::make_unique<grpc::ClientContext>();
  context->set_deadline(std::chrono::system_clock::now() + std::chrono::seconds(20));
  return context;
}

std::string Handled(const std::string& service, const std::string& method,
                    const std::string& code) {
  return Series("laurel_grpc_server_handled_total",
                {{"grpc_service", service}, {"grpc_method", method}, {"grpc_code", code}});
}

std::string LatencyCount(const std::string& service, const std::string& method,
                         const std::string& code) {
  return Series("laurel_grpc_server_handling_seconds_count",
                {{"grpc_service", service}, {"grpc_method", method}, {"grpc_code", code}});
}

class MetricsTest : public ::testing::Test {
 protected:
  void SetUp() override {
    auto services = testing::RunningServices::Start();
    ASSERT_TRUE(services.ok()) << services.status();
    services_ = std::move(*services);
    ingest_ = services_->IngestStub();
    query_ = services_->QueryStub();
  }

  // One scrape with curl, as Prometheus or an operator makes it.
  static Scrape ScrapeOf(const testing::ServiceProcess& service) {
    const testing::CommandResult curl = testing::Curl(service.metrics_address());
    EXPECT_EQ(curl.exit_code, 0) << curl.output;
    auto scrape = testing::ParsePrometheusText(curl.output);
    EXPECT_TRUE(scrape.ok()) << scrape.status();
    return scrape.ok() ? *scrape : Scrape{};
  }

  grpc::Status Ingest(const std::string& text, v1::IngestArticleResponse* response) {
    v1::IngestArticleRequest request;
    request.set_text(text);
    return ingest_->IngestArticle(Context().get(), request, response);
  }

  std::unique_ptr<testing::RunningServices> services_;
  std::unique_ptr<v1::IngestService::Stub> ingest_;
  std::unique_ptr<v1::QueryService::Stub> query_;
};

TEST_F(MetricsTest, IngestCountersMoveByExactlyTheArticlesSent) {
  const Scrape before = ScrapeOf(services_->ingest());

  std::vector<std::string> texts;
  for (const auto& entry :
       std::filesystem::directory_iterator(testing::SourcePath("samples/articles"))) {
    auto text = testing::ReadFile(entry.path());
    ASSERT_TRUE(text.ok()) << text.status();
    texts.push_back(*text);
  }
  ASSERT_FALSE(texts.empty());
  int events = 0, awards = 0, recipients = 0;
  for (const std::string& text : texts) {
    v1::IngestArticleResponse response;
    ASSERT_TRUE(Ingest(text, &response).ok());
    ASSERT_TRUE(response.created());
    events += response.events_size();
    awards += response.awards_size();
    for (const auto& award : response.awards()) recipients += award.count();
  }
  v1::IngestArticleResponse duplicate;
  ASSERT_TRUE(Ingest(texts.front(), &duplicate).ok());
  for (int i = 0; i < 3; ++i) {
    v1::IngestArticleResponse rejected;
    EXPECT_EQ(Ingest("   ", &rejected).error_code(), grpc::StatusCode::INVALID_ARGUMENT);
  }
  v1::IngestArticleResponse rejected;
  EXPECT_EQ(Ingest("Tin \xff ngắn", &rejected).error_code(), grpc::StatusCode::INVALID_ARGUMENT);

  const Scrape after = ScrapeOf(services_->ingest());
  const auto delta = [&](const std::string& series) {
    return after.Value(series) - before.Value(series);
  };
  const double stored = texts.size();
  EXPECT_EQ(delta(Series("laurel_ingest_articles_total", {{"result", "created"}})), stored);
  EXPECT_EQ(delta(Series("laurel_ingest_articles_total", {{"result", "duplicate"}})), 1);
  EXPECT_EQ(delta("laurel_ingest_events_total"), events);
  EXPECT_EQ(delta("laurel_ingest_awards_total"), awards);
  EXPECT_EQ(delta("laurel_ingest_recipients_total"), recipients);
  EXPECT_GT(awards, 0);
  EXPECT_EQ(delta(Series("laurel_ingest_rejections_total", {{"reason", "EMPTY_TEXT"}})), 3);
  EXPECT_EQ(delta(Series("laurel_ingest_rejections_total", {{"reason", "INVALID_UTF8"}})), 1);

  const std::string service = "laurel.v1.IngestService";
  EXPECT_EQ(delta(Handled(service, "IngestArticle", "OK")), stored + 1);
  EXPECT_EQ(delta(Handled(service, "IngestArticle", "INVALID_ARGUMENT")), 4);
  EXPECT_EQ(delta(LatencyCount(service, "IngestArticle", "OK")), stored + 1);
  EXPECT_EQ(delta(LatencyCount(service, "IngestArticle", "INVALID_ARGUMENT")), 4);
  // Every stored article took a database connection; rejected ones never reached the database.
  EXPECT_GE(delta("laurel_db_pool_wait_seconds_count"), stored + 1);
  EXPECT_GE(after.Value("laurel_db_pool_connections_open"), 1);
  EXPECT_EQ(after.Value("laurel_db_pool_connections_in_use"), 0) << "a connection was not returned";
}

TEST_F(MetricsTest, AStreamIsOneCallAndCountsEachOfItsArticles) {
  const Scrape before = ScrapeOf(services_->ingest());
  v1::IngestArticlesRequest message;
  for (const auto& entry :
       std::filesystem::directory_iterator(testing::SourcePath("samples/articles"))) {
    auto text = testing::ReadFile(entry.path());
    ASSERT_TRUE(text.ok()) << text.status();
    message.add_articles()->set_text(*text);
  }
  const int stored = message.articles_size();
  ASSERT_GT(stored, 0);
  *message.add_articles() = message.articles(0);  // a duplicate within the stream
  message.add_articles()->set_text("   ");
  message.add_articles()->set_text("   ");
  {
    const auto context = Context();
    auto stream = ingest_->IngestArticles(context.get());
    ASSERT_TRUE(stream->Write(message));
    stream->WritesDone();
    v1::IngestArticlesResponse response;
    while (stream->Read(&response)) {
    }
    ASSERT_TRUE(stream->Finish().ok());
  }

  const Scrape after = ScrapeOf(services_->ingest());
  const auto delta = [&](const std::string& series) {
    return after.Value(series) - before.Value(series);
  };
  EXPECT_EQ(delta(Series("laurel_ingest_articles_total", {{"result", "created"}})), stored);
  EXPECT_EQ(delta(Series("laurel_ingest_articles_total", {{"result", "duplicate"}})), 1);
  EXPECT_EQ(delta(Series("laurel_ingest_rejections_total", {{"reason", "EMPTY_TEXT"}})), 2);
  pqxx::connection connection(services_->database_url());
  pqxx::read_transaction read(connection);
  const pqxx::row rows = read.exec1(
      "SELECT (SELECT count(*) FROM events), count(*), COALESCE(sum(recipient_count), 0) "
      "FROM awards");
  EXPECT_EQ(delta("laurel_ingest_events_total"), rows[0].as<double>());
  EXPECT_EQ(delta("laurel_ingest_awards_total"), rows[1].as<double>());
  EXPECT_EQ(delta("laurel_ingest_recipients_total"), rows[2].as<double>());
  EXPECT_GT(rows[1].as<int>(), 0);
  const std::string service = "laurel.v1.IngestService";
  EXPECT_EQ(delta(Handled(service, "IngestArticles", "OK")), 1);
  EXPECT_EQ(delta(LatencyCount(service, "IngestArticles", "OK")), 1);
}

TEST_F(MetricsTest, QueryLatencyHistogramsCountEveryCallByStatus) {
  const Scrape before = ScrapeOf(services_->query());
  constexpr int kCalls = 25;
  for (int i = 0; i < kCalls; ++i) {
    v1::GetAwardStatisticsRequest request;
    request.add_group_by(v1::DIMENSION_PROVINCE);
    v1::GetAwardStatisticsResponse response;
    ASSERT_TRUE(query_->GetAwardStatistics(Context().get(), request, &response).ok());
  }
  for (int i = 0; i < 2; ++i) {
    v1::GetArticleRequest request;
    request.set_name("articles/999999");
    v1::GetArticleResponse response;
    EXPECT_EQ(query_->GetArticle(Context().get(), request, &response).error_code(),
              grpc::StatusCode::NOT_FOUND);
  }

  const Scrape after = ScrapeOf(services_->query());
  const auto delta = [&](const std::string& series) {
    return after.Value(series) - before.Value(series);
  };
  const std::string service = "laurel.v1.QueryService";
  EXPECT_EQ(delta(Handled(service, "GetAwardStatistics", "OK")), kCalls);
  EXPECT_EQ(delta(Handled(service, "GetArticle", "NOT_FOUND")), 2);
  EXPECT_EQ(delta(LatencyCount(service, "GetAwardStatistics", "OK")), kCalls);
  EXPECT_GT(
      delta(Series(
          "laurel_grpc_server_handling_seconds_sum",
          {{"grpc_service", service}, {"grpc_method", "GetAwardStatistics"}, {"grpc_code", "OK"}})),
      0);
  // Buckets are cumulative and the last one holds every call.
  const std::map<std::string, std::string> labels = {
      {"grpc_service", service}, {"grpc_method", "GetAwardStatistics"}, {"grpc_code", "OK"}};
  double previous = 0;
  for (const char* bound : {"0.001", "0.01", "0.1", "1", "10", "+Inf"}) {
    auto with_le = labels;
    with_le["le"] = bound;
    const double count = after.Value(Series("laurel_grpc_server_handling_seconds_bucket", with_le));
    EXPECT_GE(count, previous) << bound;
    previous = count;
  }
  EXPECT_EQ(previous, after.Value(LatencyCount(service, "GetAwardStatistics", "OK")));
  EXPECT_GE(delta("laurel_db_pool_wait_seconds_count"), kCalls);
  EXPECT_EQ(after.Value("laurel_db_pool_max_connections"), 8);
  EXPECT_EQ(after.Value("laurel_db_pool_connections_in_use"), 0);
}

TEST_F(MetricsTest, RollupLagCountsArticlesStoredByAnOlderParser) {
  for (const char* sample : {"samples/articles/01-nghe-an-dai-hoi-thi-dua.txt",
                             "samples/articles/02-quang-ninh-huan-chuong-lao-dong.txt"}) {
    auto text = testing::ReadFile(testing::SourcePath(sample));
    ASSERT_TRUE(text.ok());
    v1::IngestArticleResponse response;
    ASSERT_TRUE(Ingest(*text, &response).ok());
  }
  const auto lag_becomes = [&](double wanted) {
    double lag = -1;
    for (int attempt = 0; attempt < 100 && lag != wanted; ++attempt) {
      absl::SleepFor(absl::Milliseconds(100));
      lag = ScrapeOf(services_->ingest()).Value("laurel_rollup_lag_articles");
    }
    return lag;
  };
  EXPECT_EQ(lag_becomes(0), 0);
  // As if one article had been stored before the current parser was deployed.
  pqxx::connection connection(services_->database_url());
  pqxx::work downgrade(connection);
  downgrade.exec(
      "UPDATE articles SET parser_version = parser_version - 1 WHERE id = "
      "(SELECT min(id) FROM articles)");
  downgrade.commit();
  EXPECT_EQ(lag_becomes(1), 1);
}

TEST_F(MetricsTest, EveryExportedMetricIsDocumentedAndViceVersa) {
  // One stored article and one rejection, so every labelled family has a series.
  v1::IngestArticleResponse response;
  auto text =
      testing::ReadFile(testing::SourcePath("samples/articles/01-nghe-an-dai-hoi-thi-dua.txt"));
  ASSERT_TRUE(text.ok());
  ASSERT_TRUE(Ingest(*text, &response).ok());
  Ingest("", &response);

  std::set<std::string> exported;
  for (const Scrape& scrape : {ScrapeOf(services_->ingest()), ScrapeOf(services_->query())}) {
    for (const std::string& family : scrape.families) {
      if (absl::StartsWith(family, "laurel_")) exported.insert(family);
    }
  }
  auto readme = testing::ReadFile(testing::SourcePath("README.md"));
  ASSERT_TRUE(readme.ok());
  std::set<std::string> documented;
  for (const auto& row : testing::TableRows(testing::MarkdownSection(*readme, "### Metrics"))) {
    documented.insert(row.front());
  }
  EXPECT_EQ(exported, documented);
}

TEST_F(MetricsTest, HealthProbesAreCountedToo) {
  const Scrape scrape = ScrapeOf(services_->query());
  // RunningServices waited for SERVING through grpc.health.v1, so at least one check was made.
  EXPECT_GE(scrape.Value(Handled("grpc.health.v1.Health", "Check", "OK")), 1);
}

}  // namespace
}  // namespace laurel

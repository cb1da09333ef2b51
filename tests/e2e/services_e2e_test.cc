// End to end: the two service binaries over gRPC against a real PostgreSQL.
#include "absl/strings/str_cat.h"
#include "absl/time/clock.h"
#include "bench/synthetic/article_generator.h"
#include "bench/synthetic/ingest_request.h"
#include "common/grpc_server.h"
#include "grpcpp/grpcpp.h"
#include "gtest/gtest.h"
#include "laurel/v1/admin_service.grpc.pb.h"
#include "laurel/v1/ingest_service.grpc.pb.h"
#include "laurel/v1/query_service.grpc.pb.h"
#include "tests/parser/gold_corpus.h"
#include "tests/support/error_reason.h"
#include "tests/support/running_services.h"

namespace laurel {
namespace {

using grpc::health::v1::HealthCheckResponse;
using testing::RunningServices;

std::unique_ptr<grpc::ClientContext> Context() {
  auto context = std::make_unique<grpc::ClientContext>();
  context->set_deadline(std::chrono::system_clock::now() + std::chrono::seconds(20));
  return context;
}

class ServicesTest : public ::testing::Test {
 protected:
  void SetUp() override {
    auto services = RunningServices::Start();
    ASSERT_TRUE(services.ok()) << services.status();
    services_ = std::move(*services);
    ingest_ = v1::IngestService::NewStub(
        grpc::CreateChannel(services_->ingest_address(), grpc::InsecureChannelCredentials()));
    query_ = v1::QueryService::NewStub(
        grpc::CreateChannel(services_->query_address(), grpc::InsecureChannelCredentials()));
  }

  grpc::Status Ingest(const std::string& text, v1::IngestArticleResponse* response) {
    v1::IngestArticleRequest request;
    request.set_text(text);
    return ingest_->IngestArticle(Context().get(), request, response);
  }

  v1::GetAwardStatisticsResponse Statistics(std::vector<v1::Dimension> group_by) {
    v1::GetAwardStatisticsRequest request;
    for (const auto dimension : group_by) request.add_group_by(dimension);
    v1::GetAwardStatisticsResponse response;
    const grpc::Status status = query_->GetAwardStatistics(Context().get(), request, &response);
    EXPECT_TRUE(status.ok()) << status.error_message();
    return response;
  }

  std::unique_ptr<RunningServices> services_;
  std::unique_ptr<v1::IngestService::Stub> ingest_;
  std::unique_ptr<v1::QueryService::Stub> query_;
};

TEST_F(ServicesTest, SeedArticleIsOneEventAndTwoAwardsCountedOnce) {
  const std::string corpus = parser::testing::CorpusDir();
  if (corpus.empty()) GTEST_SKIP() << "corpus not found: set LAUREL_CORPUS_DIR";
  const std::string seed = parser::testing::ReadFile(corpus + "/articles/seed.txt");

  v1::IngestArticleResponse first;
  const grpc::Status status = Ingest(seed, &first);
  ASSERT_TRUE(status.ok()) << status.error_message();
  EXPECT_TRUE(first.created());
  EXPECT_EQ(first.article().author(), "THANH TRÚC");
  EXPECT_EQ(first.article().published_at().seconds(), 1591293960);  // 2020-06-05T01:06:00+07:00
  ASSERT_EQ(first.events_size(), 1);
  EXPECT_EQ(first.events(0).kind(), v1::EVENT_KIND_CONFERENCE);
  EXPECT_EQ(first.events(0).province(), "Khánh Hòa");
  EXPECT_EQ(first.events(0).organizer(), "Công an tỉnh Khánh Hòa");
  EXPECT_EQ(first.events(0).movement(), "Vì an ninh Tổ quốc");
  EXPECT_EQ(first.events(0).period_start_year(), 2015);
  EXPECT_EQ(first.events(0).period_end_year(), 2020);
  ASSERT_EQ(first.awards_size(), 2);
  for (const auto& award : first.awards()) {
    EXPECT_EQ(award.award_type(), v1::AWARD_TYPE_CERTIFICATE_OF_MERIT);
    EXPECT_EQ(award.issuer(), "UBND tỉnh Khánh Hòa");
    EXPECT_EQ(award.event(), first.events(0).name());
  }

  const auto expect_statistics = [this] {
    const auto statistics = Statistics({v1::DIMENSION_RECIPIENT_KIND});
    ASSERT_EQ(statistics.rows_size(), 2);
    EXPECT_EQ(statistics.rows(0).keys(0), "RECIPIENT_KIND_COLLECTIVE");
    EXPECT_EQ(statistics.rows(0).recipients(), 21);
    EXPECT_EQ(statistics.rows(1).keys(0), "RECIPIENT_KIND_INDIVIDUAL");
    EXPECT_EQ(statistics.rows(1).recipients(), 90);
    EXPECT_EQ(statistics.total().recipients(), 111);
    EXPECT_EQ(statistics.total().collective_recipients(), 21);
    EXPECT_EQ(statistics.total().individual_recipients(), 90);
    EXPECT_EQ(statistics.total().award_records(), 2);
    EXPECT_EQ(statistics.total().events(), 1);
    EXPECT_EQ(statistics.total().articles(), 1);
  };
  expect_statistics();

  v1::IngestArticleResponse second;
  ASSERT_TRUE(Ingest(seed, &second).ok());
  EXPECT_FALSE(second.created());
  EXPECT_EQ(second.article().name(), first.article().name());
  EXPECT_EQ(second.awards_size(), 2);
  expect_statistics();
}

TEST_F(ServicesTest, BadTextIsRejectedWithAReasonAndWritesNothing) {
  const std::pair<std::string, std::string> cases[] = {
      {"", "EMPTY_TEXT"},
      {" \n\t  ", "EMPTY_TEXT"},
      {"Sáng 5-6 \xff\xfe trao bằng khen", "INVALID_UTF8"},
  };
  for (const auto& [text, reason] : cases) {
    v1::IngestArticleResponse response;
    const grpc::Status status = Ingest(text, &response);
    EXPECT_EQ(status.error_code(), grpc::StatusCode::INVALID_ARGUMENT) << reason;
    EXPECT_EQ(testing::ErrorReason(status), reason);
    EXPECT_FALSE(status.error_message().empty());
  }
  EXPECT_EQ(Statistics({}).total().award_records(), 0);
  v1::ListArticlesResponse articles;
  ASSERT_TRUE(query_->ListArticles(Context().get(), v1::ListArticlesRequest(), &articles).ok());
  EXPECT_EQ(articles.articles_size(), 0);
}

TEST_F(ServicesTest, ReadsBackTheArticleItsRecordsAndTheirSpans) {
  const std::string text =
      "10:00, 12/03/2021\n\nHội nghị tổng kết\n\nSáng 12-3, UBND tỉnh Nghệ An tổ chức hội nghị "
      "tổng "
      "kết phong trào thi đua. Dịp này, UBND tỉnh đã tặng bằng khen cho 5 tập thể.\n\nMINH AN";
  v1::IngestArticleResponse stored;
  ASSERT_TRUE(Ingest(text, &stored).ok());

  v1::GetArticleRequest request;
  request.set_name(stored.article().name());
  v1::GetArticleResponse article;
  ASSERT_TRUE(query_->GetArticle(Context().get(), request, &article).ok());
  EXPECT_EQ(article.article().text(), text);
  ASSERT_EQ(article.awards_size(), stored.awards_size());
  for (int i = 0; i < article.awards_size(); ++i) {
    EXPECT_EQ(article.awards(i).name(), stored.awards(i).name());
    EXPECT_LT(article.awards(i).source_span().begin(), article.awards(i).source_span().end());
  }

  request.set_name("articles/999999");
  const grpc::Status missing = query_->GetArticle(Context().get(), request, &article);
  EXPECT_EQ(missing.error_code(), grpc::StatusCode::NOT_FOUND);
  request.set_name("bogus");
  EXPECT_EQ(query_->GetArticle(Context().get(), request, &article).error_code(),
            grpc::StatusCode::INVALID_ARGUMENT);
}

TEST_F(ServicesTest, SigtermStopsBothServicesCleanly) {
  auto ingest_exit = services_->ingest().Terminate();
  ASSERT_TRUE(ingest_exit.ok()) << ingest_exit.status();
  EXPECT_EQ(*ingest_exit, 0) << services_->ingest().logs();
  auto query_exit = services_->query().Terminate();
  ASSERT_TRUE(query_exit.ok()) << query_exit.status();
  EXPECT_EQ(*query_exit, 0) << services_->query().logs();
}

TEST(ServiceStartup, QueryServiceWaitsForTheSchemaThenServes) {
  auto database = testing::TestDatabase::Create();
  ASSERT_TRUE(database.ok()) << database.status();
  const std::string query_address = absl::StrCat("127.0.0.1:", testing::FreePort());
  const std::string ingest_address = absl::StrCat("127.0.0.1:", testing::FreePort());
  // Configured through the environment alone, as a container is.
  auto query = testing::ServiceProcess::Start(
      testing::QueryServiceBinary(), {"--readiness_interval=200ms"},
      {{"LAUREL_LISTEN", query_address}, {"LAUREL_DATABASE_URL", (*database)->url()}});
  ASSERT_TRUE(query.ok());
  ASSERT_TRUE(testing::WaitForHealth(query_address, HealthCheckResponse::NOT_SERVING).ok())
      << (*query)->logs();
  absl::SleepFor(absl::Seconds(1));
  EXPECT_EQ(*testing::CheckHealth(query_address), HealthCheckResponse::NOT_SERVING);

  auto ingest = testing::ServiceProcess::Start(
      testing::IngestServiceBinary(), {"--readiness_interval=200ms"},
      {{"LAUREL_LISTEN", ingest_address}, {"LAUREL_DATABASE_URL", (*database)->url()}});
  ASSERT_TRUE(ingest.ok());
  EXPECT_TRUE(testing::WaitForHealth(ingest_address, HealthCheckResponse::SERVING).ok())
      << (*ingest)->logs();
  EXPECT_TRUE(testing::WaitForHealth(query_address, HealthCheckResponse::SERVING).ok())
      << (*query)->logs();
  EXPECT_EQ(*testing::CheckHealth(query_address, "laurel.v1.QueryService"),
            HealthCheckResponse::SERVING);
}

TEST(ServiceStartup, LivenessServesWhileTheDatabaseIsDown) {
  const std::string address = absl::StrCat("127.0.0.1:", testing::FreePort());
  // Nobody listens on this port: the database is "down" for as long as the test runs.
  const std::string unreachable =
      absl::StrCat("postgresql://postgres@127.0.0.1:", testing::FreePort(), "/laurel");
  auto query = testing::ServiceProcess::Start(
      testing::QueryServiceBinary(),
      {absl::StrCat("--listen=", address), absl::StrCat("--database_url=", unreachable),
       "--readiness_interval=200ms"});
  ASSERT_TRUE(query.ok());
  ASSERT_TRUE(testing::WaitForHealth(address, HealthCheckResponse::NOT_SERVING).ok())
      << (*query)->logs();
  // Readiness says "send no traffic"; liveness says "do not restart me".
  EXPECT_EQ(*testing::CheckHealth(address, kLivenessHealthName), HealthCheckResponse::SERVING);
  EXPECT_EQ(*testing::CheckHealth(address, "laurel.v1.QueryService"),
            HealthCheckResponse::NOT_SERVING);
}

// Read-your-writes: once IngestArticle returns, the statistics the query service serves include it.
TEST_F(ServicesTest, StatisticsIncludeAnArticleAsSoonAsItsIngestReturns) {
  const synthetic::ArticleGenerator generator({.seed = 11, .ordinary_percent = 0});
  int64_t recipients = 0;
  for (int i = 0; i < 15; ++i) {
    const synthetic::SyntheticArticle article = generator.Generate(i);
    v1::IngestArticleRequest request;
    request.set_text(article.text);
    request.set_url(article.url);
    v1::IngestArticleResponse stored;
    ASSERT_TRUE(ingest_->IngestArticle(Context().get(), request, &stored).ok());
    for (const auto& award : stored.awards()) recipients += award.counted() ? award.count() : 0;
    const v1::GetAwardStatisticsResponse by_province = Statistics({v1::DIMENSION_PROVINCE});
    EXPECT_EQ(by_province.served_from(), "rollup_province");
    EXPECT_EQ(by_province.total().recipients(), recipients) << "after article " << i;
  }
}

TEST_F(ServicesTest, ReparseArticlesRereadsStoredArticles) {
  for (int i = 0; i < 3; ++i) {
    v1::IngestArticleResponse stored;
    ASSERT_TRUE(Ingest(absl::StrCat("Tin số ", i, ": UBND tỉnh Nghệ An trao Bằng khen cho ", i + 1,
                                    " tập thể."),
                       &stored)
                    .ok());
  }
  const v1::GetAwardStatisticsResponse before = Statistics({v1::DIMENSION_ISSUER});
  auto admin = v1::AdminService::NewStub(
      grpc::CreateChannel(services_->ingest_address(), grpc::InsecureChannelCredentials()));
  v1::ReparseArticlesRequest request;
  v1::ReparseArticlesResponse response;
  ASSERT_TRUE(admin->ReparseArticles(Context().get(), request, &response).ok());
  EXPECT_EQ(response.reparsed_articles(), 0);  // every article is at the current version
  EXPECT_EQ(response.remaining_articles(), 0);
  request.set_include_current_version(true);
  ASSERT_TRUE(admin->ReparseArticles(Context().get(), request, &response).ok());
  EXPECT_EQ(response.reparsed_articles(), 3);
  EXPECT_EQ(response.changed_articles(), 0);
  EXPECT_TRUE(response.next_page_token().empty());
  EXPECT_EQ(Statistics({v1::DIMENSION_ISSUER}).DebugString(), before.DebugString());
  request.set_max_articles(-1);
  const grpc::Status bad = admin->ReparseArticles(Context().get(), request, &response);
  EXPECT_EQ(bad.error_code(), grpc::StatusCode::INVALID_ARGUMENT);
  EXPECT_EQ(testing::ErrorReason(bad), "INVALID_MAX_ARTICLES");
}

}  // namespace
}  // namespace laurel

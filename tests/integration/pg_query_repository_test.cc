#include "query-service/src/pg_query_repository.h"

#include <map>
#include <set>

#include "common/resource_names.h"
#include "gtest/gtest.h"
#include "ingest-service/src/pg_article_repository.h"
#include "tests/integration/records_fixture.h"
#include "tests/support/test_database.h"

namespace laurel::query {
namespace {

using testing::AwardSpec;
using testing::EventSpec;
using testing::MakeArticle;

class PgQueryRepositoryTest : public ::testing::Test {
 protected:
  void SetUp() override {
    const std::string url = testing::MigratedDatabaseUrl(database_);
    ASSERT_FALSE(url.empty());
    pool_ = std::make_unique<PgPool>(PgPoolOptions{.url = url});
    articles_ = std::make_unique<ingest::PgArticleRepository>(*pool_);
    queries_ = std::make_unique<PgQueryRepository>(*pool_);
  }

  v1::IngestArticleResponse Store(const ingest::NewArticle& article) {
    auto stored = testing::StoreOne(*articles_, article);
    EXPECT_TRUE(stored.ok()) << stored.status();
    return stored.ok() ? *stored : v1::IngestArticleResponse();
  }

  std::unique_ptr<testing::TestDatabase> database_;
  std::unique_ptr<PgPool> pool_;
  std::unique_ptr<ingest::PgArticleRepository> articles_;
  std::unique_ptr<PgQueryRepository> queries_;
};

TEST_F(PgQueryRepositoryTest, GroupsByProvinceAndCountsRecipients) {
  Store(MakeArticle(
      "a", {EventSpec{}},
      {AwardSpec{.count = 21}, AwardSpec{.kind = v1::RECIPIENT_KIND_INDIVIDUAL, .count = 90}}));
  Store(MakeArticle("b", {EventSpec{.province = "Nghệ An", .year = 2021}},
                    {AwardSpec{.issuer = "UBND tỉnh Nghệ An", .count = 4}}));

  v1::GetAwardStatisticsRequest request;
  request.add_group_by(v1::DIMENSION_PROVINCE);
  auto statistics = queries_->GetAwardStatistics(request);
  ASSERT_TRUE(statistics.ok()) << statistics.status();
  ASSERT_EQ(statistics->rows_size(), 2);
  const v1::StatisticsRow& khanh_hoa = statistics->rows(0);
  EXPECT_EQ(khanh_hoa.keys(0), "Khánh Hòa");
  EXPECT_EQ(khanh_hoa.award_records(), 2);
  EXPECT_EQ(khanh_hoa.recipients(), 111);
  EXPECT_EQ(khanh_hoa.collective_recipients(), 21);
  EXPECT_EQ(khanh_hoa.individual_recipients(), 90);
  EXPECT_EQ(khanh_hoa.events(), 1);
  EXPECT_EQ(khanh_hoa.articles(), 1);
  EXPECT_EQ(statistics->rows(1).keys(0), "Nghệ An");
  EXPECT_EQ(statistics->total().recipients(), 115);
  EXPECT_EQ(statistics->total().articles(), 2);
}

TEST_F(PgQueryRepositoryTest, EveryDimensionAndFilterAgreesWithACountInTheTest) {
  struct Fact {
    std::string province;
    int year;
    v1::RecipientKind kind;
    int64_t count;
  };
  std::vector<Fact> facts;
  const char* provinces[] = {"Khánh Hòa", "Nghệ An", "Cần Thơ"};
  for (int i = 0; i < 12; ++i) {
    const EventSpec event{.province = provinces[i % 3], .year = 2018 + i % 4, .month = 1 + i % 12};
    const AwardSpec collective{.count = i + 1};
    const AwardSpec individual{.kind = v1::RECIPIENT_KIND_INDIVIDUAL, .count = 2 * i};
    Store(MakeArticle("bài " + std::to_string(i), {event}, {collective, individual}));
    facts.push_back({event.province, event.year, v1::RECIPIENT_KIND_COLLECTIVE, i + 1});
    facts.push_back({event.province, event.year, v1::RECIPIENT_KIND_INDIVIDUAL, 2 * i});
  }
  v1::GetAwardStatisticsRequest request;
  request.add_group_by(v1::DIMENSION_YEAR);
  request.add_group_by(v1::DIMENSION_RECIPIENT_KIND);
  request.mutable_filter()->set_province("Nghệ An");
  auto statistics = queries_->GetAwardStatistics(request);
  ASSERT_TRUE(statistics.ok()) << statistics.status();

  std::map<std::pair<std::string, std::string>, int64_t> expected;
  int64_t expected_total = 0;
  for (const Fact& fact : facts) {
    if (fact.province != "Nghệ An") continue;
    expected[{std::to_string(fact.year), v1::RecipientKind_Name(fact.kind)}] += fact.count;
    expected_total += fact.count;
  }
  std::map<std::pair<std::string, std::string>, int64_t> actual;
  for (const auto& row : statistics->rows()) actual[{row.keys(0), row.keys(1)}] = row.recipients();
  EXPECT_EQ(actual, expected);
  EXPECT_EQ(statistics->total().recipients(), expected_total);
}

TEST_F(PgQueryRepositoryTest, DateRangeTakesPartialDates) {
  Store(
      MakeArticle("x", {EventSpec{.year = 2019, .month = 12, .day = 31}}, {AwardSpec{.count = 3}}));
  Store(MakeArticle("y", {EventSpec{.year = 2020, .month = 1, .day = 1}}, {AwardSpec{.count = 5}}));
  v1::GetAwardStatisticsRequest request;
  request.mutable_filter()->mutable_date_from()->set_year(2020);
  request.mutable_filter()->mutable_date_to()->set_year(2020);
  auto statistics = queries_->GetAwardStatistics(request);
  ASSERT_TRUE(statistics.ok()) << statistics.status();
  EXPECT_EQ(statistics->total().recipients(), 5);
}

TEST_F(PgQueryRepositoryTest, PagesSeeEveryAwardOnceWhileArticlesArrive) {
  for (int i = 0; i < 5; ++i) Store(MakeArticle("p" + std::to_string(i), {}, {AwardSpec{}}));
  std::set<std::string> seen;
  PageRequest page{.size = 2};
  v1::RecordFilter filter;
  int pages = 0;
  while (true) {
    auto listing = queries_->ListAwards(filter, page);
    ASSERT_TRUE(listing.ok()) << listing.status();
    for (const auto& award : listing->awards()) EXPECT_TRUE(seen.insert(award.name()).second);
    if (++pages == 1) Store(MakeArticle("late", {}, {AwardSpec{}}));
    if (listing->next_page_token().empty()) break;
    auto next = ReadPageRequest(2, listing->next_page_token(), filter);
    ASSERT_TRUE(next.ok());
    page = *next;
  }
  EXPECT_EQ(seen.size(), 6u);
}

TEST_F(PgQueryRepositoryTest, ListsEventsAndArticlesByAwardFields) {
  Store(MakeArticle("k", {EventSpec{}}, {AwardSpec{.issuer = "Chủ tịch nước"}}));
  Store(MakeArticle("l", {EventSpec{.province = "Nghệ An"}}, {AwardSpec{}}));
  v1::RecordFilter filter;
  filter.set_issuer("Chủ tịch nước");
  auto events = queries_->ListEvents(filter, PageRequest{});
  ASSERT_TRUE(events.ok()) << events.status();
  ASSERT_EQ(events->events_size(), 1);
  EXPECT_EQ(events->events(0).province(), "Khánh Hòa");
  auto articles = queries_->ListArticles(filter, PageRequest{});
  ASSERT_TRUE(articles.ok()) << articles.status();
  ASSERT_EQ(articles->articles_size(), 1);
  filter.Clear();
  filter.set_province("Nghệ An");
  articles = queries_->ListArticles(filter, PageRequest{});
  ASSERT_TRUE(articles.ok());
  EXPECT_EQ(articles->articles_size(), 1);
}

TEST_F(PgQueryRepositoryTest, GetArticleReturnsTextAndSpans) {
  const auto stored = Store(MakeArticle("toàn văn bài báo", {EventSpec{}}, {AwardSpec{}}));
  auto id = ParseResourceName(kArticles, stored.article().name(), "name");
  ASSERT_TRUE(id.ok());
  auto article = queries_->GetArticle(*id);
  ASSERT_TRUE(article.ok() && article->has_value());
  EXPECT_EQ((*article)->article().text(), "toàn văn bài báo");
  EXPECT_EQ((*article)->awards(0).source_span().end(), 40);
  EXPECT_FALSE(queries_->GetArticle(*id + 100)->has_value());
}

}  // namespace
}  // namespace laurel::query

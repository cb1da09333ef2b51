#include "ingest-service/src/pg_article_repository.h"

#include <thread>
#include <vector>

#include "gtest/gtest.h"
#include "tests/integration/records_fixture.h"
#include "tests/integration/rollup_recount.h"
#include "tests/support/test_database.h"

namespace laurel::ingest {
namespace {

using testing::AwardSpec;
using testing::EventSpec;
using testing::MakeArticle;
using testing::StoreOne;

class PgArticleRepositoryTest : public ::testing::Test {
 protected:
  void SetUp() override {
    const std::string url = testing::MigratedDatabaseUrl(database_);
    ASSERT_FALSE(url.empty());
    pool_ = std::make_unique<PgPool>(PgPoolOptions{.url = url});
    repository_ = std::make_unique<PgArticleRepository>(*pool_);
  }

  int64_t Count(const std::string& table) { return Query("SELECT count(*) FROM " + table); }

  int64_t Query(const std::string& sql) { return testing::SelectNumber(database_->url(), sql); }

  std::unique_ptr<testing::TestDatabase> database_;
  std::unique_ptr<PgPool> pool_;
  std::unique_ptr<PgArticleRepository> repository_;
};

TEST_F(PgArticleRepositoryTest, StoresArticleEventsAndAwardsWithLinks) {
  auto stored = StoreOne(
      *repository_, MakeArticle("bài một", {EventSpec{}},
                                {AwardSpec{.count = 21},
                                 AwardSpec{.kind = v1::RECIPIENT_KIND_INDIVIDUAL, .count = 90}}));
  ASSERT_TRUE(stored.ok()) << stored.status();
  EXPECT_TRUE(stored->created());
  EXPECT_EQ(stored->article().name().rfind("articles/", 0), 0u);
  ASSERT_EQ(stored->events_size(), 1);
  ASSERT_EQ(stored->awards_size(), 2);
  EXPECT_EQ(stored->awards(0).event(), stored->events(0).name());
  EXPECT_EQ(stored->awards(1).count(), 90);
  EXPECT_EQ(stored->awards(1).article(), stored->article().name());
  EXPECT_EQ(Count("articles"), 1);
  EXPECT_EQ(Count("events"), 1);
  EXPECT_EQ(Count("awards"), 2);
}

TEST_F(PgArticleRepositoryTest, AnswerMatchesWhatIsReadBack) {
  auto stored = StoreOne(*repository_, MakeArticle("bài hai", {EventSpec{}}, {AwardSpec{}}));
  ASSERT_TRUE(stored.ok()) << stored.status();
  ArticleKeys keys;
  keys.identity_hash = ArticleIdentityHash("bài hai");
  auto found = repository_->FindExisting(keys);
  ASSERT_TRUE(found.ok() && found->has_value());
  v1::IngestArticleResponse expected = *stored;
  expected.set_created(false);
  EXPECT_EQ((*found)->DebugString(), expected.DebugString());
}

TEST_F(PgArticleRepositoryTest, SameUrlOrRequestIdIsTheSameArticle) {
  NewArticle first = MakeArticle("bản đầu", {}, {}, "https://bao.example/1");
  first.keys.request_id = "req-1";
  auto stored = StoreOne(*repository_, first);
  ASSERT_TRUE(stored.ok());

  auto same_url = StoreOne(*repository_, MakeArticle("bản sửa", {}, {}, "https://bao.example/1"));
  ASSERT_TRUE(same_url.ok());
  EXPECT_FALSE(same_url->created());
  EXPECT_EQ(same_url->article().name(), stored->article().name());

  NewArticle replay = MakeArticle("khác hẳn", {}, {}, "https://bao.example/2");
  replay.keys.request_id = "req-1";
  auto same_request = StoreOne(*repository_, replay);
  ASSERT_TRUE(same_request.ok());
  EXPECT_FALSE(same_request->created());
  EXPECT_EQ(same_request->article().name(), stored->article().name());
  EXPECT_EQ(Count("articles"), 1);
}

TEST_F(PgArticleRepositoryTest, SameTextWithoutUrlIsTheSameArticle) {
  ASSERT_TRUE(StoreOne(*repository_, MakeArticle("cùng một bài", {}, {AwardSpec{}})).ok());
  auto again = StoreOne(*repository_, MakeArticle("cùng một bài", {}, {AwardSpec{}}));
  ASSERT_TRUE(again.ok());
  EXPECT_FALSE(again->created());
  EXPECT_EQ(again->awards_size(), 1);
  EXPECT_EQ(Count("awards"), 1);
}

TEST_F(PgArticleRepositoryTest, AFailingRecordLeavesNothingBehind) {
  // A year beyond SMALLINT makes the records statement fail after the article row was inserted.
  NewArticle broken = MakeArticle("bài lỗi", {EventSpec{.year = 99999}}, {AwardSpec{}});
  auto stored = StoreOne(*repository_, broken);
  EXPECT_FALSE(stored.ok());
  EXPECT_EQ(Count("articles"), 0);
  EXPECT_EQ(Count("events"), 0);
  EXPECT_EQ(Count("awards"), 0);
}

TEST_F(PgArticleRepositoryTest, ConcurrentDuplicatesStoreOneArticle) {
  std::vector<absl::StatusOr<v1::IngestArticleResponse>> results(8, absl::UnknownError("unset"));
  std::vector<std::thread> threads;
  for (auto& result : results) {
    threads.emplace_back([this, &result] {
      result = StoreOne(*repository_, MakeArticle("đua nhau", {EventSpec{}}, {AwardSpec{}}));
    });
  }
  for (auto& thread : threads) thread.join();
  int created = 0;
  for (const auto& result : results) {
    ASSERT_TRUE(result.ok()) << result.status();
    created += result->created();
    EXPECT_EQ(result->article().name(), results[0]->article().name());
  }
  EXPECT_EQ(created, 1);
  EXPECT_EQ(Count("awards"), 1);
}

TEST_F(PgArticleRepositoryTest, BatchAnswersEveryArticleAndStoresEachOnce) {
  auto before =
      StoreOne(*repository_, MakeArticle("đã có", {}, {AwardSpec{}}, "https://bao.example/old"));
  ASSERT_TRUE(before.ok());
  std::vector<NewArticle> batch;
  batch.push_back(
      MakeArticle("bài A", {EventSpec{}}, {AwardSpec{.count = 3}}, "https://bao.example/a"));
  batch.push_back(MakeArticle("bài B", {}, {AwardSpec{.count = 4}}));
  batch.push_back(
      MakeArticle("bài A sửa", {}, {AwardSpec{}}, "https://bao.example/a"));  // same url
  batch.push_back(MakeArticle("bài B", {}, {AwardSpec{.count = 4}}));         // same text
  batch.push_back(MakeArticle("bài cũ", {}, {}, "https://bao.example/old"));  // stored before
  batch.push_back(MakeArticle("bài C", {}, {AwardSpec{.count = 5}}, "https://bao.example/c"));
  batch.back().keys.request_id = "req-c";
  batch.push_back(MakeArticle("bài D", {}, {}, "https://bao.example/d"));
  batch.back().keys.request_id = "req-c";  // same request as C

  auto stored = repository_->InsertBatch(batch);
  ASSERT_TRUE(stored.ok()) << stored.status();
  ASSERT_EQ(stored->size(), batch.size());
  const std::vector<bool> created = {true, true, false, false, false, true, false};
  for (size_t i = 0; i < batch.size(); ++i) EXPECT_EQ((*stored)[i].created, created[i]) << i;
  EXPECT_EQ((*stored)[2].name, (*stored)[0].name);
  EXPECT_EQ((*stored)[3].name, (*stored)[1].name);
  EXPECT_EQ((*stored)[4].name, before->article().name());
  EXPECT_EQ((*stored)[6].name, (*stored)[5].name);
  EXPECT_EQ(Count("articles"), 4);
  EXPECT_EQ(Query("SELECT sum(recipient_count) FROM awards"), 1 + 3 + 4 + 5);
  testing::ExpectRollupsMatchRecount(database_->url());

  auto again = repository_->InsertBatch(batch);
  ASSERT_TRUE(again.ok()) << again.status();
  for (size_t i = 0; i < batch.size(); ++i) {
    EXPECT_FALSE((*again)[i].created);
    EXPECT_EQ((*again)[i].name, (*stored)[i].name);
  }
  EXPECT_EQ(Count("articles"), 4);
  testing::ExpectRollupsMatchRecount(database_->url());
}

TEST_F(PgArticleRepositoryTest, TheSameCeremonyReportedTwiceIsOneEventWithTwoMentions) {
  const std::vector<AwardSpec> awards = {
      AwardSpec{.count = 12}, AwardSpec{.kind = v1::RECIPIENT_KIND_INDIVIDUAL, .count = 18}};
  auto first = StoreOne(*repository_, MakeArticle("báo một đưa tin", {EventSpec{}}, awards));
  auto second = StoreOne(*repository_, MakeArticle("báo hai đưa tin", {EventSpec{}}, awards));
  // Another day is another ceremony.
  auto other = StoreOne(*repository_, MakeArticle("hôm sau", {EventSpec{.day = 6}}, awards));
  ASSERT_TRUE(first.ok() && second.ok() && other.ok());
  EXPECT_EQ(first->events(0).mention_count(), 1);  // as it was when stored
  EXPECT_EQ(second->events(0).mention_count(), 2);
  EXPECT_EQ(second->events(0).first_report(), first->events(0).name());
  EXPECT_TRUE(first->awards(0).counted());
  EXPECT_FALSE(second->awards(0).counted());
  EXPECT_FALSE(second->awards(1).counted());
  EXPECT_TRUE(other->awards(0).counted());
  EXPECT_EQ(Count("distinct_events"), 2);
  EXPECT_EQ(Query("SELECT award_records FROM rollup_province"), 4);
  EXPECT_EQ(Query("SELECT recipients FROM rollup_province"), 2 * 30);
  EXPECT_EQ(Query("SELECT events FROM rollup_province"), 2);
  EXPECT_EQ(Query("SELECT articles FROM rollup_province"), 3);
  testing::ExpectRollupsMatchRecount(database_->url());
}

TEST_F(PgArticleRepositoryTest, ConcurrentBatchesKeepRollupsExact) {
  std::vector<std::thread> threads;
  std::vector<absl::Status> results(4);
  for (int t = 0; t < 4; ++t) {
    threads.emplace_back([this, t, &results] {
      std::vector<NewArticle> batch;
      for (int i = 0; i < 30; ++i) {
        // Every thread reports the same ceremonies (i % 5) and some articles of the others.
        const int article = (t * 30 + i) % 70;
        batch.push_back(MakeArticle(absl::StrCat("bài số ", article), {EventSpec{.day = 1 + i % 5}},
                                    {AwardSpec{.count = 1 + i % 5}}));
      }
      results[t] = repository_->InsertBatch(batch).status();
    });
  }
  for (auto& thread : threads) thread.join();
  for (const absl::Status& result : results) EXPECT_TRUE(result.ok()) << result;
  EXPECT_EQ(Count("articles"), 70);
  EXPECT_EQ(Count("distinct_events"), 5);
  EXPECT_EQ(Query("SELECT sum(mention_count) FROM distinct_events"), 70);
  EXPECT_EQ(Query("SELECT count(*) FROM awards WHERE counted"), 5);
  testing::ExpectRollupsMatchRecount(database_->url());
}

}  // namespace
}  // namespace laurel::ingest

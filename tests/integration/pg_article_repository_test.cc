#include "ingest-service/src/pg_article_repository.h"

#include <thread>
#include <vector>

#include "gtest/gtest.h"
#include "tests/integration/records_fixture.h"
#include "tests/support/test_database.h"

namespace laurel::ingest {
namespace {

using testing::AwardSpec;
using testing::EventSpec;
using testing::MakeArticle;

class PgArticleRepositoryTest : public ::testing::Test {
 protected:
  void SetUp() override {
    const std::string url = testing::MigratedDatabaseUrl(database_);
    ASSERT_FALSE(url.empty());
    pool_ = std::make_unique<PgPool>(PgPoolOptions{.url = url});
    repository_ = std::make_unique<PgArticleRepository>(*pool_);
  }

  int64_t Count(const std::string& table) {
    pqxx::connection connection(database_->url());
    pqxx::read_transaction transaction(connection);
    return transaction.exec1("SELECT count(*) FROM " + table)[0].as<int64_t>();
  }

  std::unique_ptr<testing::TestDatabase> database_;
  std::unique_ptr<PgPool> pool_;
  std::unique_ptr<PgArticleRepository> repository_;
};

TEST_F(PgArticleRepositoryTest, StoresArticleEventsAndAwardsWithLinks) {
  auto stored = repository_->Insert(MakeArticle(
      "bài một", {EventSpec{}},
      {AwardSpec{.count = 21}, AwardSpec{.kind = v1::RECIPIENT_KIND_INDIVIDUAL, .count = 90}}));
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
  auto stored = repository_->Insert(MakeArticle("bài hai", {EventSpec{}}, {AwardSpec{}}));
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
  auto stored = repository_->Insert(first);
  ASSERT_TRUE(stored.ok());

  auto same_url = repository_->Insert(MakeArticle("bản sửa", {}, {}, "https://bao.example/1"));
  ASSERT_TRUE(same_url.ok());
  EXPECT_FALSE(same_url->created());
  EXPECT_EQ(same_url->article().name(), stored->article().name());

  NewArticle replay = MakeArticle("khác hẳn", {}, {}, "https://bao.example/2");
  replay.keys.request_id = "req-1";
  auto same_request = repository_->Insert(replay);
  ASSERT_TRUE(same_request.ok());
  EXPECT_FALSE(same_request->created());
  EXPECT_EQ(same_request->article().name(), stored->article().name());
  EXPECT_EQ(Count("articles"), 1);
}

TEST_F(PgArticleRepositoryTest, SameTextWithoutUrlIsTheSameArticle) {
  ASSERT_TRUE(repository_->Insert(MakeArticle("cùng một bài", {}, {AwardSpec{}})).ok());
  auto again = repository_->Insert(MakeArticle("cùng một bài", {}, {AwardSpec{}}));
  ASSERT_TRUE(again.ok());
  EXPECT_FALSE(again->created());
  EXPECT_EQ(again->awards_size(), 1);
  EXPECT_EQ(Count("awards"), 1);
}

TEST_F(PgArticleRepositoryTest, AFailingRecordLeavesNothingBehind) {
  // A year beyond SMALLINT makes the records statement fail after the article row was inserted.
  NewArticle broken = MakeArticle("bài lỗi", {EventSpec{.year = 99999}}, {AwardSpec{}});
  auto stored = repository_->Insert(broken);
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
      result = repository_->Insert(MakeArticle("đua nhau", {EventSpec{}}, {AwardSpec{}}));
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

}  // namespace
}  // namespace laurel::ingest

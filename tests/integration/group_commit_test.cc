// GroupCommit on PostgreSQL: concurrent calls share a transaction, each article all or nothing.
#include "ingest-service/src/group_commit.h"

#include <optional>
#include <set>
#include <string>
#include <thread>
#include <vector>

#include "absl/strings/str_cat.h"
#include "absl/synchronization/mutex.h"
#include "absl/time/clock.h"
#include "gtest/gtest.h"
#include "ingest-service/src/pg_article_repository.h"
#include "tests/integration/records_fixture.h"
#include "tests/integration/rollup_recount.h"
#include "tests/support/test_database.h"

namespace laurel::ingest {
namespace {

using testing::AwardSpec;
using testing::EventSpec;
using testing::MakeArticle;

// The real repository, whose batches wait at a gate until the test opens it, and which records the
// size of each batch.
class GatedRepository final : public ArticleRepository {
 public:
  explicit GatedRepository(ArticleRepository& real) : real_(real) {}

  absl::StatusOr<std::vector<StoredArticle>> InsertBatch(
      const std::vector<NewArticle>& articles) override {
    {
      absl::MutexLock lock(&mutex_);
      batches_.push_back(articles.size());
      mutex_.Await(absl::Condition(&open_));
    }
    return real_.InsertBatch(articles);
  }
  absl::StatusOr<std::optional<v1::IngestArticleResponse>> FindExisting(
      const ArticleKeys& keys) override {
    return real_.FindExisting(keys);
  }
  absl::StatusOr<std::optional<v1::IngestArticleResponse>> Load(int64_t id) override {
    return real_.Load(id);
  }
  absl::StatusOr<ReparseOutcome> Reparse(const ReparseSelection& selection,
                                         const TextParser& parse) override {
    return real_.Reparse(selection, parse);
  }

  void Open() {
    absl::MutexLock lock(&mutex_);
    open_ = true;
  }
  // Waits until `count` batches have reached the gate.
  void AwaitBatches(size_t count) {
    absl::MutexLock lock(&mutex_);
    const auto reached = [this, count]() ABSL_EXCLUSIVE_LOCKS_REQUIRED(mutex_) {
      return batches_.size() >= count;
    };
    mutex_.Await(absl::Condition(&reached));
  }
  std::vector<size_t> batches() {
    absl::MutexLock lock(&mutex_);
    return batches_;
  }

 private:
  ArticleRepository& real_;
  absl::Mutex mutex_;
  bool open_ ABSL_GUARDED_BY(mutex_) = false;
  std::vector<size_t> batches_ ABSL_GUARDED_BY(mutex_);
};

class GroupCommitTest : public ::testing::Test {
 protected:
  void SetUp() override {
    url_ = testing::MigratedDatabaseUrl(database_);
    ASSERT_FALSE(url_.empty());
    pool_ = std::make_unique<PgPool>(PgPoolOptions{.url = url_});
    real_ = std::make_unique<PgArticleRepository>(*pool_);
    gated_ = std::make_unique<GatedRepository>(*real_);
    writes_ = std::make_unique<GroupCommit>(*gated_, GroupCommitOptions{.writers = 1});
  }
  void TearDown() override {
    if (gated_ != nullptr) gated_->Open();
    writes_.reset();
  }

  // Stores `article` on a thread of its own into `result`.
  std::thread StoreAsync(NewArticle article, absl::StatusOr<StoredArticle>& result) {
    return std::thread([this, article = std::move(article), &result]() mutable {
      result = writes_->Store(std::move(article));
    });
  }
  // Starts storing a first article, into `first`, and waits until its group has reached the gate:
  // the writer is busy, and the articles stored next wait for the following group.
  std::thread BusyWriter(absl::StatusOr<StoredArticle>& first) {
    std::thread call = StoreAsync(MakeArticle("bài đầu", {}, {AwardSpec{}}), first);
    gated_->AwaitBatches(1);
    return call;
  }
  // Waits until `count` articles wait for a group.
  void AwaitWaiting(int count) {
    while (writes_->Waiting() < count) absl::SleepFor(absl::Milliseconds(5));
  }

  int64_t Count(const std::string& sql) { return testing::SelectNumber(url_, sql); }

  std::unique_ptr<testing::TestDatabase> database_;
  std::string url_;
  std::unique_ptr<PgPool> pool_;
  std::unique_ptr<PgArticleRepository> real_;
  std::unique_ptr<GatedRepository> gated_;
  std::unique_ptr<GroupCommit> writes_;
};

TEST_F(GroupCommitTest, CallsArrivingDuringATransactionShareTheNextOne) {
  std::vector<absl::StatusOr<StoredArticle>> results(6, absl::UnknownError("unset"));
  std::vector<std::thread> calls;
  calls.push_back(BusyWriter(results[0]));
  for (int i = 1; i < 6; ++i) {
    calls.push_back(StoreAsync(
        MakeArticle(absl::StrCat("bài ", i), {EventSpec{.day = i}}, {AwardSpec{.count = i}}),
        results[i]));
  }
  AwaitWaiting(5);
  gated_->Open();
  for (std::thread& call : calls) call.join();
  EXPECT_EQ(gated_->batches(), (std::vector<size_t>{1, 5}));
  std::set<std::string> names;
  for (const auto& result : results) {
    ASSERT_TRUE(result.ok()) << result.status();
    EXPECT_TRUE(result->created);
    names.insert(result->name);
  }
  EXPECT_EQ(names.size(), 6u);
  EXPECT_EQ(Count("SELECT count(*) FROM articles"), 6);
  testing::ExpectRollupsMatchRecount(url_);
}

TEST_F(GroupCommitTest, ABadArticleFailsAloneAndLeavesNothingBehind) {
  absl::StatusOr<StoredArticle> first = absl::UnknownError("unset");
  std::thread blocker = BusyWriter(first);
  std::vector<absl::StatusOr<StoredArticle>> results(3, absl::UnknownError("unset"));
  std::vector<std::thread> calls;
  calls.push_back(StoreAsync(MakeArticle("bài tốt một", {EventSpec{}}, {AwardSpec{}}), results[0]));
  // A year beyond SMALLINT: the database refuses this article's event.
  calls.push_back(
      StoreAsync(MakeArticle("bài lỗi", {EventSpec{.year = 99999}}, {AwardSpec{}}), results[1]));
  calls.push_back(
      StoreAsync(MakeArticle("bài tốt hai", {EventSpec{.day = 9}}, {AwardSpec{}}), results[2]));
  AwaitWaiting(3);
  gated_->Open();
  blocker.join();
  for (std::thread& call : calls) call.join();
  ASSERT_TRUE(first.ok()) << first.status();
  ASSERT_TRUE(results[0].ok()) << results[0].status();
  EXPECT_FALSE(results[1].ok());
  ASSERT_TRUE(results[2].ok()) << results[2].status();
  EXPECT_EQ(Count("SELECT count(*) FROM articles"), 3);
  EXPECT_EQ(Count("SELECT count(*) FROM articles WHERE text = 'bài lỗi'"), 0);
  EXPECT_EQ(Count("SELECT count(*) FROM events"), 2);
  EXPECT_EQ(Count("SELECT count(*) FROM awards"), 3);
  testing::ExpectRollupsMatchRecount(url_);
}

TEST_F(GroupCommitTest, ACallThatEndsBeforeItsArticleIsTakenLeavesItUnstored) {
  absl::StatusOr<StoredArticle> first = absl::UnknownError("unset");
  std::thread blocker = BusyWriter(first);
  absl::StatusOr<StoredArticle> late = absl::UnknownError("unset");
  {
    const CallScope call(CallLimits{.deadline = absl::Now() + absl::Milliseconds(200)});
    late = writes_->Store(MakeArticle("bài trễ", {}, {AwardSpec{}}));
  }
  EXPECT_TRUE(absl::IsDeadlineExceeded(late.status())) << late.status();
  EXPECT_EQ(writes_->Waiting(), 0);
  gated_->Open();
  blocker.join();
  ASSERT_TRUE(first.ok()) << first.status();
  EXPECT_EQ(gated_->batches(), (std::vector<size_t>{1}));
  EXPECT_EQ(Count("SELECT count(*) FROM articles"), 1);
}

}  // namespace
}  // namespace laurel::ingest

#include "ingest-service/src/ingest_pipeline.h"

#include <map>

#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "absl/synchronization/notification.h"
#include "common/grpc_status.h"
#include "gtest/gtest.h"
#include "ingest-service/src/pg_article_repository.h"
#include "tests/support/test_database.h"

namespace laurel::ingest {
namespace {

using Result = v1::IngestArticleOutcome;

std::string Article(int n, int filler = 0) {
  std::string text =
      absl::StrCat("08:00, 12/03/2021\n\nHội nghị số ", n,
                   "\n\nSáng 12-3, UBND tỉnh Nghệ An tặng bằng khen cho ", n + 2, " tập thể.");
  for (int i = 0; i < filler; ++i) absl::StrAppend(&text, " Các đơn vị hoàn thành nhiệm vụ.");
  return text;
}

v1::IngestArticlesRequest Message(const std::vector<std::string>& texts) {
  v1::IngestArticlesRequest message;
  for (const std::string& text : texts) message.add_articles()->set_text(text);
  return message;
}

// A client of one pipeline: offers messages only while the pipeline has room, as the gRPC reactor
// reads them, and reads the outcomes back at once.
class Client {
 public:
  Client(ArticleRepository& repository, WorkerPool& parsers, BulkIngestOptions options)
      : pipeline_(repository, parsers, RequestLimits{}, options,
                  {.deliver =
                       [this](std::vector<ArticleOutcome> outcomes, int64_t bytes) {
                         absl::MutexLock lock(&mutex_);
                         for (ArticleOutcome& outcome : outcomes) {
                           ++answers_[outcome.index];
                           outcomes_[outcome.index] = std::move(outcome);
                         }
                         delivered_.push_back(bytes);
                       },
                   .resume =
                       [this] {
                         absl::MutexLock lock(&mutex_);
                         paused_ = false;
                       },
                   .finish =
                       [this](const absl::Status& status, const v1::IngestArticlesTotals& totals) {
                         status_ = status;
                         totals_ = totals;
                         finished_.Notify();
                       }}) {}

  // Offers every message and closes the input; returns when the pipeline has finished. Hands the
  // window back for delivered outcomes only between offers, so the pipeline must stop the client
  // itself when the window is full.
  void Run(std::vector<v1::IngestArticlesRequest> messages) {
    for (v1::IngestArticlesRequest& message : messages) {
      WaitForRoom();
      const int64_t size = static_cast<int64_t>(message.ByteSizeLong());
      held_ += size;
      max_held_ = std::max(max_held_, held_);
      const bool room = pipeline_.Offer(message);
      absl::MutexLock lock(&mutex_);
      paused_ = !room;
      times_paused_ += !room;
    }
    pipeline_.CloseInput();
    while (!finished_.WaitForNotificationWithTimeout(absl::Milliseconds(5))) ReturnWindow();
  }

  std::map<int64_t, ArticleOutcome> outcomes() {
    absl::MutexLock lock(&mutex_);
    return outcomes_;
  }
  // How many outcomes each index received.
  std::map<int64_t, int> answers() {
    absl::MutexLock lock(&mutex_);
    return answers_;
  }
  const absl::Status& status() const { return status_; }
  const v1::IngestArticlesTotals& totals() const { return totals_; }
  int64_t max_held() const { return max_held_; }
  int times_paused() const { return times_paused_; }

 private:
  void WaitForRoom() {
    for (;;) {
      ReturnWindow();
      absl::MutexLock lock(&mutex_);
      if (!paused_) return;
      mutex_.AwaitWithTimeout(absl::Condition(
                                  +[](bool* paused) { return !*paused; }, &paused_),
                              absl::Milliseconds(5));
      if (!paused_) return;
    }
  }
  void ReturnWindow() {
    std::vector<int64_t> delivered;
    {
      absl::MutexLock lock(&mutex_);
      delivered.swap(delivered_);
    }
    for (int64_t bytes : delivered) {
      held_ -= bytes;
      pipeline_.Delivered(bytes);
    }
  }

  absl::Mutex mutex_;
  std::map<int64_t, ArticleOutcome> outcomes_ ABSL_GUARDED_BY(mutex_);
  std::map<int64_t, int> answers_ ABSL_GUARDED_BY(mutex_);
  std::vector<int64_t> delivered_ ABSL_GUARDED_BY(mutex_);
  bool paused_ ABSL_GUARDED_BY(mutex_) = false;
  int times_paused_ = 0;
  int64_t held_ = 0;  // offered, and not handed back
  int64_t max_held_ = 0;
  absl::Status status_;
  v1::IngestArticlesTotals totals_;
  absl::Notification finished_;
  IngestPipeline pipeline_;  // last: its writer thread calls back into the members above
};

class IngestPipelineTest : public ::testing::Test {
 protected:
  void SetUp() override {
    url_ = testing::MigratedDatabaseUrl(database_);
    ASSERT_FALSE(url_.empty());
    pool_ = std::make_unique<PgPool>(PgPoolOptions{.url = url_});
    repository_ = std::make_unique<PgArticleRepository>(*pool_);
  }

  int64_t Count(const std::string& sql) { return testing::SelectNumber(url_, sql); }

  std::unique_ptr<testing::TestDatabase> database_;
  std::string url_;
  std::unique_ptr<PgPool> pool_;
  std::unique_ptr<PgArticleRepository> repository_;
  WorkerPool parsers_{2};
};

TEST_F(IngestPipelineTest, AnswersEveryArticleOnceAndStoresTheGoodOnes) {
  Client client(*repository_, parsers_, {});
  client.Run({Message({Article(1), Article(2)}), Message({" \n ", Article(3), Article(1)})});

  ASSERT_TRUE(client.status().ok()) << client.status();
  const auto outcomes = client.outcomes();
  ASSERT_EQ(outcomes.size(), 5u);
  for (const auto& [index, answers] : client.answers()) EXPECT_EQ(answers, 1) << index;
  EXPECT_EQ(outcomes.at(0).result, Result::RESULT_CREATED);
  EXPECT_EQ(outcomes.at(1).result, Result::RESULT_CREATED);
  EXPECT_EQ(outcomes.at(2).result, Result::RESULT_REJECTED);
  EXPECT_EQ(ErrorReason(outcomes.at(2).error), "EMPTY_TEXT");
  EXPECT_EQ(outcomes.at(3).result, Result::RESULT_CREATED);
  // The same text again is the same article.
  EXPECT_EQ(outcomes.at(4).result, Result::RESULT_DUPLICATE);
  EXPECT_EQ(outcomes.at(4).article, outcomes.at(0).article);
  EXPECT_NE(outcomes.at(0).article, outcomes.at(1).article);

  EXPECT_EQ(client.totals().articles(), 5);
  EXPECT_EQ(client.totals().created(), 3);
  EXPECT_EQ(client.totals().duplicates(), 1);
  EXPECT_EQ(client.totals().rejected(), 1);
  EXPECT_EQ(Count("SELECT count(*) FROM articles"), 3);
}

TEST_F(IngestPipelineTest, AResentRequestIdIsAnsweredAsTheFirstTime) {
  auto message = [](const std::string& request_id) {
    v1::IngestArticlesRequest message;
    v1::IngestArticleRequest& article = *message.add_articles();
    article.set_text(Article(7));
    article.set_url("https://bao.example/7");
    article.set_request_id(request_id);
    return message;
  };
  Client first(*repository_, parsers_, {});
  first.Run({message("load-a-1")});
  Client retry(*repository_, parsers_, {});
  retry.Run({message("load-a-1")});  // the same sending, its answer lost
  Client rerun(*repository_, parsers_, {});
  rerun.Run({message("load-b-1")});  // another load of the same input

  ASSERT_EQ(first.outcomes().at(0).result, Result::RESULT_CREATED);
  EXPECT_EQ(retry.outcomes().at(0).result, Result::RESULT_CREATED);
  EXPECT_EQ(retry.outcomes().at(0).article, first.outcomes().at(0).article);
  EXPECT_EQ(rerun.outcomes().at(0).result, Result::RESULT_DUPLICATE);
  EXPECT_EQ(rerun.outcomes().at(0).article, first.outcomes().at(0).article);
  EXPECT_EQ(Count("SELECT count(*) FROM articles"), 1);
}

TEST_F(IngestPipelineTest, StopsReadingWhileTheWindowIsFull) {
  BulkIngestOptions options;
  options.window_bytes = 16 << 10;
  options.transaction_articles = 3;
  std::vector<v1::IngestArticlesRequest> messages;
  int64_t largest = 0;
  for (int n = 0; n < 40; ++n) {
    messages.push_back(Message({Article(n, 60)}));  // ~2 KB each
    largest = std::max<int64_t>(largest, messages.back().ByteSizeLong());
  }
  Client client(*repository_, parsers_, options);
  client.Run(messages);

  ASSERT_TRUE(client.status().ok()) << client.status();
  EXPECT_EQ(client.outcomes().size(), 40u);
  EXPECT_GT(client.times_paused(), 0);
  // The message that fills the window is taken whole; nothing after it until there is room.
  EXPECT_LE(client.max_held(), options.window_bytes + largest);
  EXPECT_EQ(Count("SELECT count(*) FROM articles"), 40);
}

TEST_F(IngestPipelineTest, ArticleTheDatabaseRefusesIsRejectedAloneAndTheRestLand) {
  {
    pqxx::connection connection(url_);
    pqxx::nontransaction session(connection);
    session.exec(R"sql(
      CREATE FUNCTION refuse_poison() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF NEW.text LIKE '%THUỐC ĐỘC%' THEN RAISE EXCEPTION 'poisoned article'; END IF;
        RETURN NEW;
      END $$;
      CREATE TRIGGER refuse_poison BEFORE INSERT ON articles
        FOR EACH ROW EXECUTE FUNCTION refuse_poison())sql");
  }
  std::vector<std::string> texts;
  for (int n = 0; n < 9; ++n) texts.push_back(Article(n));
  texts.insert(texts.begin() + 5, Article(99) + " THUỐC ĐỘC");
  Client client(*repository_, parsers_, {});
  client.Run({Message(texts)});

  ASSERT_TRUE(client.status().ok()) << client.status();
  const auto outcomes = client.outcomes();
  ASSERT_EQ(outcomes.size(), 10u);
  for (const auto& [index, outcome] : outcomes) {
    EXPECT_EQ(outcome.result, index == 5 ? Result::RESULT_REJECTED : Result::RESULT_CREATED)
        << index;
  }
  EXPECT_TRUE(absl::StrContains(outcomes.at(5).error.message(), "poisoned article"))
      << outcomes.at(5).error;
  EXPECT_EQ(Count("SELECT count(*) FROM articles"), 9);
}

TEST_F(IngestPipelineTest, AMessageOverTheLimitEndsTheStream) {
  BulkIngestOptions options;
  options.max_articles_per_message = 2;
  Client client(*repository_, parsers_, options);
  client.Run({Message({Article(1)}), Message({Article(2), Article(3), Article(4)})});

  EXPECT_TRUE(absl::IsInvalidArgument(client.status())) << client.status();
  EXPECT_EQ(ErrorReason(client.status()), "TOO_MANY_ARTICLES");
  EXPECT_EQ(Count("SELECT count(*) FROM articles WHERE text LIKE '%số 3%'"), 0);
}

}  // namespace
}  // namespace laurel::ingest

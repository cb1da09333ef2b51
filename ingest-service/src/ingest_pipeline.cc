#include "ingest-service/src/ingest_pipeline.h"

#include <algorithm>
#include <utility>

#include "absl/strings/str_cat.h"
#include "absl/time/clock.h"
#include "common/grpc_status.h"
#include "ingest-service/src/ingestor.h"

namespace laurel::ingest {

using Result = v1::IngestArticleOutcome;

IngestPipeline::IngestPipeline(ArticleRepository& repository, WorkerPool& parsers,
                               const RequestLimits& limits, const BulkIngestOptions& options,
                               Callbacks callbacks, IngestObserver* observer, CallLimits call)
    : repository_(repository),
      parsers_(parsers),
      limits_(limits),
      options_(options),
      callbacks_(std::move(callbacks)),
      observer_(observer),
      call_(std::move(call)) {
  absl::MutexLock lock(&mutex_);
  writing_ = std::max(1, options_.writers);
  for (int i = 0; i < writing_; ++i) writers_.emplace_back([this] { Write(); });
}

IngestPipeline::~IngestPipeline() {
  Stop(absl::CancelledError("the stream was abandoned"));
  for (std::thread& writer : writers_) writer.join();
}

bool IngestPipeline::Offer(v1::IngestArticlesRequest& message) {
  absl::MutexLock lock(&mutex_);
  if (!stop_.ok() || input_closed_) return false;
  if (message.articles_size() > options_.max_articles_per_message) {
    stop_ =
        WithErrorDetails(absl::InvalidArgumentError(absl::StrCat(
                             "a message carries ", message.articles_size(), " articles; at most ",
                             options_.max_articles_per_message, " are accepted per message")),
                         "TOO_MANY_ARTICLES", "articles");
    return false;
  }
  for (v1::IngestArticleRequest& article : *message.mutable_articles()) {
    const int64_t index = next_index_++;
    const auto bytes = static_cast<int64_t>(article.ByteSizeLong());
    held_bytes_ += bytes;
    ++preparing_;
    parsers_.Submit(
        [this, index, bytes, request = std::move(article)] { Prepare(index, bytes, request); });
  }
  reading_paused_ = held_bytes_ >= options_.window_bytes;
  return !reading_paused_;
}

void IngestPipeline::CloseInput() {
  absl::MutexLock lock(&mutex_);
  input_closed_ = true;
}

void IngestPipeline::Delivered(int64_t bytes) {
  bool resume = false;
  {
    absl::MutexLock lock(&mutex_);
    held_bytes_ -= bytes;
    if (reading_paused_ && held_bytes_ < options_.window_bytes && stop_.ok()) {
      reading_paused_ = false;
      resume = true;
    }
  }
  if (resume) callbacks_.resume();
}

void IngestPipeline::Stop(absl::Status status) {
  absl::MutexLock lock(&mutex_);
  if (stop_.ok()) stop_ = std::move(status);
}

void IngestPipeline::Prepare(int64_t index, int64_t bytes,
                             const v1::IngestArticleRequest& request) {
  {
    absl::MutexLock lock(&mutex_);
    if (!stop_.ok()) {  // nobody will store it: spare the CPU
      --preparing_;
      return;
    }
  }
  auto article = PrepareArticle(request, limits_);
  absl::MutexLock lock(&mutex_);
  --preparing_;
  if (!article.ok()) {
    rejected_.push_back({index, Result::RESULT_REJECTED, "", article.status()});
    rejected_bytes_ += bytes;
    return;
  }
  prepared_bytes_ += bytes;
  prepared_.push_back({index, bytes, absl::Now(), std::move(*article)});
}

void IngestPipeline::Write() {
  const CallScope call(call_);
  for (bool done = false; !done;) {
    std::vector<Prepared> batch;
    std::vector<ArticleOutcome> rejected;
    int64_t rejected_bytes = 0;
    bool last = false;
    absl::Status stopped;
    {
      absl::MutexLock lock(&mutex_);
      AwaitWork();
      if (!stop_.ok()) {
        stopped = stop_;
      } else {
        rejected.swap(rejected_);
        rejected_bytes = std::exchange(rejected_bytes_, 0);
        if (!prepared_.empty() &&
            (BatchFull() || Drained() ||
             absl::Now() >= prepared_.front().prepared_at + options_.linger)) {
          int64_t batch_bytes = 0;
          while (!prepared_.empty() &&
                 static_cast<int>(batch.size()) < options_.transaction_articles &&
                 (batch.empty() ||
                  batch_bytes + prepared_.front().bytes <= options_.transaction_bytes)) {
            batch_bytes += prepared_.front().bytes;
            batch.push_back(std::move(prepared_.front()));
            prepared_.pop_front();
          }
          prepared_bytes_ -= batch_bytes;
        }
        last = Drained() && prepared_.empty();
      }
    }
    // Parsing finishes out of order; stored in stream order, the first of two submissions of one
    // article is the one created.
    std::sort(batch.begin(), batch.end(),
              [](const Prepared& a, const Prepared& b) { return a.index < b.index; });
    if (stopped.ok()) stopped = Commit(batch, rejected, rejected_bytes);
    done = !stopped.ok() || last;
  }
  // The last writer out reports the end, after every outcome of the others.
  bool finish = false;
  {
    absl::MutexLock lock(&mutex_);
    finish = --writing_ == 0;
  }
  if (finish) Finish();
}

bool IngestPipeline::BatchFull() const {
  return static_cast<int>(prepared_.size()) >= options_.transaction_articles ||
         prepared_bytes_ >= options_.transaction_bytes;
}

bool IngestPipeline::Drained() const { return input_closed_ && preparing_ == 0; }

void IngestPipeline::AwaitWork() {
  auto work = [this]() ABSL_EXCLUSIVE_LOCKS_REQUIRED(mutex_) {
    return !stop_.ok() || !rejected_.empty() || BatchFull() || Drained();
  };
  auto work_or_prepared = [&]() ABSL_EXCLUSIVE_LOCKS_REQUIRED(mutex_) {
    return work() || !prepared_.empty();
  };
  while (!work()) {
    if (prepared_.empty()) {
      mutex_.Await(absl::Condition(&work_or_prepared));
    } else if (!mutex_.AwaitWithDeadline(absl::Condition(&work),
                                         prepared_.front().prepared_at + options_.linger)) {
      return;  // the oldest prepared article has waited long enough
    }
  }
}

void IngestPipeline::Finish() {
  absl::Status status;
  v1::IngestArticlesTotals totals;
  {
    absl::MutexLock lock(&mutex_);
    // Parse tasks hold `this`: the writers, and so the pipeline, outlive them.
    auto idle = [this]() ABSL_EXCLUSIVE_LOCKS_REQUIRED(mutex_) { return preparing_ == 0; };
    mutex_.Await(absl::Condition(&idle));
    totals_.set_articles(next_index_);
    status = stop_;
    totals = totals_;
  }
  callbacks_.finish(status, totals);
}

absl::Status IngestPipeline::Commit(std::vector<Prepared>& batch,
                                    std::vector<ArticleOutcome>& rejected, int64_t rejected_bytes) {
  std::vector<ArticleOutcome> outcomes = std::move(rejected);
  const size_t first_stored = outcomes.size();
  int64_t bytes = rejected_bytes;
  std::vector<NewArticle> articles;
  if (!batch.empty()) {
    articles.reserve(batch.size());
    for (Prepared& prepared : batch) articles.push_back(std::move(prepared.article));
    auto stored = StoreBatch(repository_, articles, options_.store);
    if (!stored.ok()) {
      Stop(stored.status());
      return stored.status();
    }
    for (size_t i = 0; i < batch.size(); ++i) {
      ArticleOutcome& outcome = outcomes.emplace_back();
      outcome.index = batch[i].index;
      bytes += batch[i].bytes;
      const absl::StatusOr<StoredArticle>& result = (*stored)[i];
      if (!result.ok()) {
        outcome.result = Result::RESULT_REJECTED;
        outcome.error = result.status();
      } else {
        outcome.result =
            result->created || result->replayed ? Result::RESULT_CREATED : Result::RESULT_DUPLICATE;
        outcome.created = result->created;
        outcome.article = result->name;
      }
    }
  }
  if (!outcomes.empty()) {
    Count(outcomes);
    if (observer_ != nullptr) Observe(outcomes, first_stored, articles);
    callbacks_.deliver(std::move(outcomes), bytes);
  }
  return absl::OkStatus();
}

void IngestPipeline::Observe(const std::vector<ArticleOutcome>& outcomes, size_t first,
                             const std::vector<NewArticle>& articles) {
  for (size_t i = 0; i < outcomes.size(); ++i) {
    const ArticleOutcome& outcome = outcomes[i];
    if (outcome.result == Result::RESULT_REJECTED) {
      // As for IngestArticle: what the article holds, not a failure of the database.
      if (absl::IsInvalidArgument(outcome.error))
        observer_->ArticleRejected(ErrorReason(outcome.error));
      continue;
    }
    // The records as stored, for the counts; a replayed article was created by an earlier stream.
    v1::IngestArticleResponse stored;
    const NewArticle& article = articles[i - first];
    stored.set_created(outcome.created);
    if (outcome.created) {
      for (const v1::Event& event : article.records.events) *stored.add_events() = event;
      for (const UnstoredAward& award : article.records.awards) *stored.add_awards() = award.award;
    }
    observer_->ArticleStored(stored);
  }
}

void IngestPipeline::Count(const std::vector<ArticleOutcome>& outcomes) {
  absl::MutexLock lock(&mutex_);
  for (const ArticleOutcome& outcome : outcomes) {
    switch (outcome.result) {
      case Result::RESULT_CREATED:
        totals_.set_created(totals_.created() + 1);
        break;
      case Result::RESULT_DUPLICATE:
        totals_.set_duplicates(totals_.duplicates() + 1);
        break;
      default:
        totals_.set_rejected(totals_.rejected() + 1);
        break;
    }
  }
}

}  // namespace laurel::ingest

#pragma once

#include <cstdint>
#include <deque>
#include <functional>
#include <string>
#include <thread>
#include <vector>

#include "absl/base/thread_annotations.h"
#include "absl/status/status.h"
#include "absl/synchronization/mutex.h"
#include "absl/time/time.h"
#include "common/call_scope.h"
#include "ingest-service/src/article_repository.h"
#include "ingest-service/src/batch_store.h"
#include "ingest-service/src/ingest_observer.h"
#include "ingest-service/src/request_validation.h"
#include "ingest-service/src/worker_pool.h"
#include "laurel/v1/ingest_service.pb.h"

namespace laurel::ingest {

struct BulkIngestOptions {
  // Bytes of articles one stream may hold from reading them until the client has their outcomes;
  // reading pauses above it. With the number of streams, it bounds what bulk ingest keeps in
  // memory.
  int64_t window_bytes = 16 << 20;
  // Most articles, and most bytes of articles, stored in one transaction: large enough that what a
  // transaction costs whatever its size (round trips, planning, the commit's flush, the rollup
  // rows every transaction updates and concurrent writers take turns at) is spread thin — 2000
  // small articles a transaction loaded 40% faster than 500 on the benchmark —, small enough that
  // several fit in the window so parsing never waits for a commit.
  int transaction_articles = 2000;
  int64_t transaction_bytes = 4 << 20;
  // Transactions one stream keeps in flight at once, each on a thread and a connection of its own:
  // while one commits, the next is copied in, and the database can use more than one core.
  int writers = 2;
  // How long a parsed article waits for a fuller transaction when articles arrive slower than the
  // database stores them: fewer, larger transactions cost the database less per article.
  absl::Duration linger = absl::Milliseconds(100);
  // Most articles one IngestArticles message may carry.
  int max_articles_per_message = 1000;
  BatchStoreOptions store;
};

// What became of one article of a stream.
struct ArticleOutcome {
  int64_t index = 0;
  v1::IngestArticleOutcome::Result result = v1::IngestArticleOutcome::RESULT_UNSPECIFIED;
  std::string article;   // resource name, CREATED and DUPLICATE
  absl::Status error;    // REJECTED
  bool created = false;  // stored by this stream (CREATED and not a replay)
};

// One IngestArticles stream, free of gRPC: articles are offered as they arrive, parsed on the
// shared worker pool while earlier ones are written, gathered into transactions on a writer thread
// of the stream's own, and their outcomes handed back once committed. Memory is bounded by the
// window: Offer says when to stop reading, and reading resumes once the client has received
// outcomes of enough articles to make room.
class IngestPipeline {
 public:
  struct Callbacks {
    // Outcomes that became final and the window bytes their articles held; hand the bytes back to
    // Delivered once the client has the outcomes. Called from the writer thread, one call at a
    // time.
    std::function<void(std::vector<ArticleOutcome> outcomes, int64_t bytes)> deliver;
    // There is room again after Offer returned false. Called from any thread, no lock held.
    std::function<void()> resume;
    // The end, called once from the writer thread after the last `deliver`: OK with the totals when
    // the input was closed and every article has its outcome; otherwise why the stream stopped
    // early.
    std::function<void(const absl::Status& status, const v1::IngestArticlesTotals& totals)> finish;
  };

  // `observer` (may be null) hears of every article stored or rejected. The writers run within
  // `call` (CallScope): once the client cancels or its deadline passes, the statement in progress
  // is cancelled and its transaction rolled back.
  IngestPipeline(ArticleRepository& repository, WorkerPool& parsers, const RequestLimits& limits,
                 const BulkIngestOptions& options, Callbacks callbacks,
                 IngestObserver* observer = nullptr, CallLimits call = {});
  // Cancels what is left and waits for the writer threads.
  ~IngestPipeline();
  IngestPipeline(const IngestPipeline&) = delete;
  IngestPipeline& operator=(const IngestPipeline&) = delete;

  // Takes the articles of one message. True while there is room for the next message; false when
  // the caller should wait for `resume` (or `finish`). A message over the per-message limit ends
  // the stream with INVALID_ARGUMENT.
  bool Offer(v1::IngestArticlesRequest& message);
  // The client sent its last message.
  void CloseInput();
  // The client has the outcomes of a `deliver` call holding `bytes`.
  void Delivered(int64_t bytes);
  // Ends the stream early with `status`, after the transaction in progress.
  void Stop(absl::Status status);

 private:
  struct Prepared {
    int64_t index;
    int64_t bytes;
    absl::Time prepared_at;
    NewArticle article;
  };

  void Prepare(int64_t index, int64_t bytes, const v1::IngestArticleRequest& request);
  void Write();
  // Waits until the writer has something to do: the stream stopped, rejections to send, a full
  // transaction, the end of the input, or the oldest prepared article waited `linger`.
  void AwaitWork() ABSL_EXCLUSIVE_LOCKS_REQUIRED(mutex_);
  bool BatchFull() const ABSL_EXCLUSIVE_LOCKS_REQUIRED(mutex_);
  // The client closed its side and every article is parsed.
  bool Drained() const ABSL_EXCLUSIVE_LOCKS_REQUIRED(mutex_);
  // Stores `batch` and delivers the outcomes of it and of `rejected`; an error ends the stream.
  absl::Status Commit(std::vector<Prepared>& batch, std::vector<ArticleOutcome>& rejected,
                      int64_t rejected_bytes);
  // Waits for the parse tasks still running, then reports the end.
  void Finish();
  void Count(const std::vector<ArticleOutcome>& outcomes);
  // Tells the observer about `outcomes`; `articles[i]` is the article of `outcomes[first + i]`.
  void Observe(const std::vector<ArticleOutcome>& outcomes, size_t first,
               const std::vector<NewArticle>& articles);

  ArticleRepository& repository_;
  WorkerPool& parsers_;
  const RequestLimits limits_;
  const BulkIngestOptions options_;
  const Callbacks callbacks_;
  IngestObserver* const observer_;
  const CallLimits call_;

  absl::Mutex mutex_;
  int64_t next_index_ ABSL_GUARDED_BY(mutex_) = 0;
  int64_t held_bytes_ ABSL_GUARDED_BY(mutex_) = 0;  // offered and not yet Delivered
  bool reading_paused_ ABSL_GUARDED_BY(mutex_) = false;
  int64_t preparing_ ABSL_GUARDED_BY(mutex_) = 0;  // parse tasks not yet finished
  std::deque<Prepared> prepared_ ABSL_GUARDED_BY(mutex_);
  int64_t prepared_bytes_ ABSL_GUARDED_BY(mutex_) = 0;
  std::vector<ArticleOutcome> rejected_ ABSL_GUARDED_BY(mutex_);
  int64_t rejected_bytes_ ABSL_GUARDED_BY(mutex_) = 0;
  bool input_closed_ ABSL_GUARDED_BY(mutex_) = false;
  absl::Status stop_ ABSL_GUARDED_BY(mutex_);

  v1::IngestArticlesTotals totals_ ABSL_GUARDED_BY(mutex_);
  int writing_ ABSL_GUARDED_BY(mutex_) = 0;  // writer threads still running
  std::vector<std::thread> writers_;
};

}  // namespace laurel::ingest

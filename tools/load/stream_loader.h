#pragma once

#include <cstdint>
#include <functional>
#include <map>
#include <memory>
#include <string>
#include <vector>

#include "absl/base/thread_annotations.h"
#include "absl/status/status.h"
#include "absl/synchronization/mutex.h"
#include "absl/time/time.h"
#include "grpcpp/grpcpp.h"
#include "laurel/v1/ingest_service.grpc.pb.h"
#include "tools/load/article_input.h"
#include "tools/load/load_report.h"

namespace laurel::load {

struct StreamOptions {
  // Bytes of articles sent and not yet answered. Bounds the loader's memory (unanswered articles
  // are kept for resending) and is well above what the service holds per stream, so the service
  // never waits for the loader.
  int64_t window_bytes = 64 << 20;
  // Articles are packed into messages of about this size (one larger article goes alone), which
  // saves per-message overhead without making any message large.
  int64_t message_bytes = 256 << 10;
  // At most this many per message; halved, stream after stream, while the service refuses that many
  // (its --max_articles_per_message).
  int max_articles_per_message = 100;
  // Failed attempts in a row (an attempt that gets any outcome resets the count) before giving up.
  int attempts = 8;
  // How long to wait for the service to accept a connection on each attempt.
  absl::Duration connect_timeout = absl::Seconds(30);
  absl::Duration first_backoff = absl::Milliseconds(250);
  absl::Duration max_backoff = absl::Seconds(10);
  // Idempotency keys are "<prefix>-<n>" for the n-th article of the run: a resent article carries
  // the key of its first sending, so the service recognises it (AIP-155).
  std::string request_id_prefix;
};

// Sends every article of an ArticleInput to IngestService/IngestArticles and records each outcome
// in a LoadReport. When a stream breaks it opens another, with backoff, and resends the articles
// that have no outcome yet under their first idempotency keys; the service answers those it had
// stored as CREATED, so nothing is stored or counted twice.
class StreamLoader {
 public:
  // `on_retry` is told about each failed attempt and the pause before the next one.
  StreamLoader(std::shared_ptr<grpc::Channel> channel, ArticleInput& input, LoadReport& report,
               StreamOptions options,
               std::function<void(const absl::Status&, absl::Duration)> on_retry);

  // OK when every article has its outcome; CANCELLED after Interrupt; otherwise the error that
  // outlasted the retries.
  absl::Status Run();

  // Ends Run at once. Articles sent and not yet answered may or may not be stored: loading again
  // settles them without storing anything twice. Any thread.
  void Interrupt();

 private:
  struct Unanswered {
    InputArticle article;
    int64_t bytes;
  };
  using Stream =
      grpc::ClientReaderWriterInterface<v1::IngestArticlesRequest, v1::IngestArticlesResponse>;

  // One stream: sends (on a thread of its own) what is unanswered then new articles, and records
  // outcomes until the stream ends. Sets `progressed` when any outcome arrived.
  absl::Status Attempt(bool& progressed);
  void Send(Stream& stream);
  void Record(const v1::IngestArticleOutcome& outcome, const Unanswered& article);
  // Waits for the service to accept connections; false when it did not in time or we stopped.
  bool Connect();

  const std::shared_ptr<grpc::Channel> channel_;
  const std::unique_ptr<v1::IngestService::Stub> stub_;
  ArticleInput& input_;  // read by the sending thread only
  LoadReport& report_;
  const StreamOptions options_;
  const std::function<void(const absl::Status&, absl::Duration)> on_retry_;
  // Halved when the service refuses a message as carrying too many articles.
  int articles_per_message_;  // read by the sending thread; changed between streams

  absl::Mutex mutex_;
  std::map<int64_t, Unanswered> unanswered_ ABSL_GUARDED_BY(mutex_);  // by article number
  int64_t unanswered_bytes_ ABSL_GUARDED_BY(mutex_) = 0;
  int64_t next_article_ ABSL_GUARDED_BY(mutex_) = 0;
  bool input_done_ ABSL_GUARDED_BY(mutex_) = false;
  bool interrupted_ ABSL_GUARDED_BY(mutex_) = false;
  // The stream in progress: its context (for Interrupt), whether it has ended (the sender stops),
  // and the article number of each index sent on it.
  grpc::ClientContext* context_ ABSL_GUARDED_BY(mutex_) = nullptr;
  bool stream_over_ ABSL_GUARDED_BY(mutex_) = false;
  std::vector<int64_t> sent_ ABSL_GUARDED_BY(mutex_);
};

}  // namespace laurel::load

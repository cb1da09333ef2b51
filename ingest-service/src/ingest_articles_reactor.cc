#include "ingest-service/src/ingest_articles_reactor.h"

#include <utility>

#include "common/grpc_status.h"
#include "ingest-service/src/error_domain.h"

namespace laurel::ingest {

IngestArticlesReactor::IngestArticlesReactor(BulkIngestor& bulk,
                                             const grpc::CallbackServerContext& context,
                                             std::function<void()> on_finished)
    : on_finished_(std::move(on_finished)) {
  pipeline_ = bulk.NewStream(
      {
          .deliver = [this](std::vector<ArticleOutcome> outcomes,
                            int64_t bytes) { Deliver(std::move(outcomes), bytes); },
          .resume = [this] { StartRead(&request_); },
          .finish = [this](const absl::Status& status,
                           const v1::IngestArticlesTotals& totals) { Finished(status, totals); },
      },
      LimitsOf(context));
  StartRead(&request_);
}

void IngestArticlesReactor::OnReadDone(bool ok) {
  if (!ok) {
    pipeline_->CloseInput();
    return;
  }
  // The pipeline may ask for the next read (`resume`) before Offer returns: it must find request_
  // free.
  v1::IngestArticlesRequest message;
  message.Swap(&request_);
  if (pipeline_->Offer(message)) StartRead(&request_);
}

void IngestArticlesReactor::Deliver(std::vector<ArticleOutcome> outcomes, int64_t bytes) {
  Pending pending{.bytes = bytes};
  for (ArticleOutcome& outcome : outcomes) {
    v1::IngestArticleOutcome& out = *pending.response.add_outcomes();
    out.set_index(outcome.index);
    out.set_result(outcome.result);
    out.set_article(std::move(outcome.article));
    if (!outcome.error.ok()) *out.mutable_error() = ToRpcStatus(outcome.error, kErrorDomain);
  }
  absl::MutexLock lock(&mutex_);
  writes_.push_back(std::move(pending));
  WriteNext();
}

void IngestArticlesReactor::Finished(const absl::Status& status,
                                     const v1::IngestArticlesTotals& totals) {
  on_finished_();
  absl::MutexLock lock(&mutex_);
  if (status.ok()) {
    Pending last{.bytes = 0};
    *last.response.mutable_totals() = totals;
    writes_.push_back(std::move(last));
  }
  finish_ = ToGrpcStatus(status, kErrorDomain);
  WriteNext();
}

void IngestArticlesReactor::WriteNext() {
  if (writing_ || finished_) return;
  if (!writes_.empty()) {
    writing_ = true;
    StartWrite(&writes_.front().response);
  } else if (finish_.has_value()) {
    finished_ = true;
    Finish(*finish_);
  }
}

void IngestArticlesReactor::OnWriteDone(bool ok) {
  int64_t bytes = 0;
  {
    absl::MutexLock lock(&mutex_);
    bytes = writes_.front().bytes;
    writes_.pop_front();
    writing_ = false;
    WriteNext();
  }
  // A failed write means the call is gone; the outcomes will never arrive and need no room.
  if (!ok) pipeline_->Stop(absl::CancelledError("the client went away"));
  pipeline_->Delivered(bytes);
}

void IngestArticlesReactor::OnCancel() {
  pipeline_->Stop(absl::CancelledError("the client cancelled the stream"));
}

void IngestArticlesReactor::OnDone() { delete this; }

}  // namespace laurel::ingest

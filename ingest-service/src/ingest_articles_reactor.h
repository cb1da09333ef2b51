#pragma once

#include <deque>
#include <functional>
#include <memory>
#include <optional>

#include "absl/base/thread_annotations.h"
#include "absl/synchronization/mutex.h"
#include "grpcpp/grpcpp.h"
#include "ingest-service/src/bulk_ingestor.h"
#include "laurel/v1/ingest_service.pb.h"

namespace laurel::ingest {

// One IngestArticles call on gRPC's callback API: reads messages only while the pipeline has room
// (so HTTP/2 flow control holds a fast client back), writes outcomes one message at a time, and
// hands a message's window back to the pipeline once gRPC has sent it. Deletes itself when the call
// is done.
class IngestArticlesReactor final
    : public grpc::ServerBidiReactor<v1::IngestArticlesRequest, v1::IngestArticlesResponse> {
 public:
  // `on_finished` runs once the pipeline has finished, before the status goes to the client: a
  // client that starts its next stream as soon as this one ends must find its slot free.
  IngestArticlesReactor(BulkIngestor& bulk, const grpc::CallbackServerContext& context,
                        std::function<void()> on_finished);

  void OnReadDone(bool ok) override;
  void OnWriteDone(bool ok) override;
  void OnCancel() override;
  void OnDone() override;

 private:
  struct Pending {
    v1::IngestArticlesResponse response;
    int64_t bytes;  // window held by the articles whose outcomes `response` carries
  };

  void Deliver(std::vector<ArticleOutcome> outcomes, int64_t bytes);
  void Finished(const absl::Status& status, const v1::IngestArticlesTotals& totals);
  // Starts the next write, or the Finish once every write is done.
  void WriteNext() ABSL_EXCLUSIVE_LOCKS_REQUIRED(mutex_);

  const std::function<void()> on_finished_;
  v1::IngestArticlesRequest request_;
  absl::Mutex mutex_;
  std::deque<Pending> writes_ ABSL_GUARDED_BY(mutex_);  // the front one is being written
  bool writing_ ABSL_GUARDED_BY(mutex_) = false;
  std::optional<grpc::Status> finish_ ABSL_GUARDED_BY(mutex_);
  bool finished_ ABSL_GUARDED_BY(mutex_) = false;
  // Last: destroyed first, so its writer thread is gone before what its callbacks touch.
  std::unique_ptr<IngestPipeline> pipeline_;
};

}  // namespace laurel::ingest

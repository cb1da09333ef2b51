#pragma once

#include <memory>

#include "ingest-service/src/article_repository.h"
#include "ingest-service/src/ingest_pipeline.h"
#include "ingest-service/src/request_validation.h"
#include "ingest-service/src/worker_pool.h"

namespace laurel::ingest {

// What all IngestArticles streams share: the repository, the request limits and the parser threads,
// so that however many streams run, parsing uses at most `parse_threads` cores.
class BulkIngestor {
 public:
  // `observer` (not owned, may be null) hears of every article stored or rejected.
  BulkIngestor(ArticleRepository& repository, RequestLimits limits, BulkIngestOptions options,
               int parse_threads, IngestObserver* observer = nullptr)
      : repository_(repository),
        limits_(limits),
        options_(options),
        observer_(observer),
        parsers_(parse_threads) {}

  // The pipeline of a new stream; its writes end when `call` does.
  std::unique_ptr<IngestPipeline> NewStream(IngestPipeline::Callbacks callbacks,
                                            CallLimits call = {}) {
    return std::make_unique<IngestPipeline>(repository_, parsers_, limits_, options_,
                                            std::move(callbacks), observer_, std::move(call));
  }

 private:
  ArticleRepository& repository_;
  const RequestLimits limits_;
  const BulkIngestOptions options_;
  IngestObserver* const observer_;
  WorkerPool parsers_;
};

}  // namespace laurel::ingest

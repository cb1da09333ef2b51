#pragma once

#include <atomic>

#include "ingest-service/src/bulk_ingestor.h"
#include "ingest-service/src/ingestor.h"
#include "laurel/v1/ingest_service.grpc.pb.h"

namespace laurel::ingest {

// laurel.v1.IngestService over gRPC: hands each call to the Ingestor (IngestArticle) or to a
// pipeline of the BulkIngestor (IngestArticles) and maps their Status at the edge. IngestArticles
// is served on the callback API, so a stream waiting for room holds no thread.
class IngestGrpcService final
    : public v1::IngestService::WithCallbackMethod_IngestArticles<v1::IngestService::Service> {
 public:
  // At most `max_streams` IngestArticles calls run at once; more are refused with
  // RESOURCE_EXHAUSTED, which bounds the memory bulk ingest can take.
  IngestGrpcService(const Ingestor& ingestor, BulkIngestor& bulk, int max_streams)
      : ingestor_(ingestor), bulk_(bulk), max_streams_(max_streams) {}

  grpc::Status IngestArticle(grpc::ServerContext* context, const v1::IngestArticleRequest* request,
                             v1::IngestArticleResponse* response) override;

  grpc::ServerBidiReactor<v1::IngestArticlesRequest, v1::IngestArticlesResponse>* IngestArticles(
      grpc::CallbackServerContext* context) override;

 private:
  const Ingestor& ingestor_;
  BulkIngestor& bulk_;
  const int max_streams_;
  std::atomic<int> streams_ = 0;
};

}  // namespace laurel::ingest

#pragma once

#include "ingest-service/src/ingestor.h"
#include "laurel/v1/ingest_service.grpc.pb.h"

namespace laurel::ingest {

// laurel.v1.IngestService over gRPC: hands each call to the Ingestor and maps its Status at the
// edge.
class IngestGrpcService final : public v1::IngestService::Service {
 public:
  explicit IngestGrpcService(const Ingestor& ingestor) : ingestor_(ingestor) {}

  grpc::Status IngestArticle(grpc::ServerContext* context, const v1::IngestArticleRequest* request,
                             v1::IngestArticleResponse* response) override;

 private:
  const Ingestor& ingestor_;
};

}  // namespace laurel::ingest

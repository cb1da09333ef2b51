#include "ingest-service/src/ingest_grpc_service.h"

#include "common/call_scope.h"
#include "common/grpc_status.h"

namespace laurel::ingest {
namespace {

constexpr char kErrorDomain[] = "ingest.laurel.v1";

}  // namespace

grpc::Status IngestGrpcService::IngestArticle(grpc::ServerContext* context,
                                              const v1::IngestArticleRequest* request,
                                              v1::IngestArticleResponse* response) {
  const CallScope call(*context);
  auto result = ingestor_.Ingest(*request);
  if (!result.ok()) return ToGrpcStatus(result.status(), kErrorDomain);
  *response = std::move(*result);
  return grpc::Status::OK;
}

}  // namespace laurel::ingest

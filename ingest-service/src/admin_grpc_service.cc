#include "ingest-service/src/admin_grpc_service.h"

#include "common/call_scope.h"
#include "common/grpc_status.h"

namespace laurel::ingest {
namespace {

constexpr char kErrorDomain[] = "admin.laurel.v1";

}  // namespace

grpc::Status AdminGrpcService::ReparseArticles(grpc::ServerContext* context,
                                               const v1::ReparseArticlesRequest* request,
                                               v1::ReparseArticlesResponse* response) {
  const CallScope call(*context);
  auto result = reparser_.Reparse(*request);
  if (!result.ok()) return ToGrpcStatus(result.status(), kErrorDomain);
  *response = std::move(*result);
  return grpc::Status::OK;
}

}  // namespace laurel::ingest

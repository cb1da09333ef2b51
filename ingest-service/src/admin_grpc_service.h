#pragma once

#include "ingest-service/src/reparser.h"
#include "laurel/v1/admin_service.grpc.pb.h"

namespace laurel::ingest {

// laurel.v1.AdminService over gRPC: hands each call to its domain object and maps Status at the
// edge.
class AdminGrpcService final : public v1::AdminService::Service {
 public:
  explicit AdminGrpcService(const Reparser& reparser) : reparser_(reparser) {}

  grpc::Status ReparseArticles(grpc::ServerContext* context,
                               const v1::ReparseArticlesRequest* request,
                               v1::ReparseArticlesResponse* response) override;

 private:
  const Reparser& reparser_;
};

}  // namespace laurel::ingest

#pragma once

#include "laurel/v1/query_service.grpc.pb.h"
#include "query-service/src/query_repository.h"

namespace laurel::query {

// laurel.v1.QueryService over gRPC: reads names and page tokens, asks the repository, maps Status
// at the edge.
class QueryGrpcService final : public v1::QueryService::Service {
 public:
  explicit QueryGrpcService(QueryRepository& repository) : repository_(repository) {}

  grpc::Status GetAwardStatistics(grpc::ServerContext* context,
                                  const v1::GetAwardStatisticsRequest* request,
                                  v1::GetAwardStatisticsResponse* response) override;
  grpc::Status GetArticle(grpc::ServerContext* context, const v1::GetArticleRequest* request,
                          v1::GetArticleResponse* response) override;
  grpc::Status ListArticles(grpc::ServerContext* context, const v1::ListArticlesRequest* request,
                            v1::ListArticlesResponse* response) override;
  grpc::Status ListEvents(grpc::ServerContext* context, const v1::ListEventsRequest* request,
                          v1::ListEventsResponse* response) override;
  grpc::Status ListAwards(grpc::ServerContext* context, const v1::ListAwardsRequest* request,
                          v1::ListAwardsResponse* response) override;

 private:
  QueryRepository& repository_;
};

}  // namespace laurel::query

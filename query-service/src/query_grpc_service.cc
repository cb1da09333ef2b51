#include "query-service/src/query_grpc_service.h"

#include "absl/strings/str_cat.h"
#include "common/call_scope.h"
#include "common/grpc_status.h"
#include "common/resource_names.h"
#include "query-service/src/paging.h"

namespace laurel::query {
namespace {

constexpr char kErrorDomain[] = "query.laurel.v1";

template <typename Response>
grpc::Status Answer(absl::StatusOr<Response> result, Response* response) {
  if (!result.ok()) return ToGrpcStatus(result.status(), kErrorDomain);
  *response = std::move(*result);
  return grpc::Status::OK;
}

// Reads the page of a List request and asks `list` for it.
template <typename Request, typename Response, typename List>
grpc::Status AnswerListing(const Request& request, Response* response, List list) {
  auto page = ReadPageRequest(request.page_size(), request.page_token(), request.filter());
  if (!page.ok()) return ToGrpcStatus(page.status(), kErrorDomain);
  return Answer(list(request.filter(), *page), response);
}

}  // namespace

grpc::Status QueryGrpcService::GetAwardStatistics(grpc::ServerContext* context,
                                                  const v1::GetAwardStatisticsRequest* request,
                                                  v1::GetAwardStatisticsResponse* response) {
  const CallScope call(*context);
  return Answer(repository_.GetAwardStatistics(*request), response);
}

grpc::Status QueryGrpcService::GetArticle(grpc::ServerContext* context,
                                          const v1::GetArticleRequest* request,
                                          v1::GetArticleResponse* response) {
  const CallScope call(*context);
  auto id = ParseResourceName(kArticles, request->name(), "name");
  if (!id.ok()) return ToGrpcStatus(id.status(), kErrorDomain);
  auto article = repository_.GetArticle(*id);
  if (!article.ok()) return ToGrpcStatus(article.status(), kErrorDomain);
  if (!article->has_value()) {
    return ToGrpcStatus(
        WithErrorDetails(absl::NotFoundError(absl::StrCat(request->name(), " does not exist")),
                         "ARTICLE_NOT_FOUND"),
        kErrorDomain);
  }
  *response = std::move(**article);
  return grpc::Status::OK;
}

grpc::Status QueryGrpcService::ListArticles(grpc::ServerContext* context,
                                            const v1::ListArticlesRequest* request,
                                            v1::ListArticlesResponse* response) {
  const CallScope call(*context);
  return AnswerListing(*request, response, [this](const auto& filter, const auto& page) {
    return repository_.ListArticles(filter, page);
  });
}

grpc::Status QueryGrpcService::ListEvents(grpc::ServerContext* context,
                                          const v1::ListEventsRequest* request,
                                          v1::ListEventsResponse* response) {
  const CallScope call(*context);
  return AnswerListing(*request, response, [this](const auto& filter, const auto& page) {
    return repository_.ListEvents(filter, page);
  });
}

grpc::Status QueryGrpcService::ListAwards(grpc::ServerContext* context,
                                          const v1::ListAwardsRequest* request,
                                          v1::ListAwardsResponse* response) {
  const CallScope call(*context);
  return AnswerListing(*request, response, [this](const auto& filter, const auto& page) {
    return repository_.ListAwards(filter, page);
  });
}

}  // namespace laurel::query

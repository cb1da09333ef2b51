#include "ingest-service/src/ingest_grpc_service.h"

#include "absl/strings/str_cat.h"
#include "common/call_scope.h"
#include "common/grpc_status.h"
#include "ingest-service/src/error_domain.h"
#include "ingest-service/src/ingest_articles_reactor.h"

namespace laurel::ingest {
namespace {

// Ends a stream at once with `status`.
class Refusal final
    : public grpc::ServerBidiReactor<v1::IngestArticlesRequest, v1::IngestArticlesResponse> {
 public:
  explicit Refusal(const grpc::Status& status) { Finish(status); }
  void OnDone() override { delete this; }
};

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

grpc::ServerBidiReactor<v1::IngestArticlesRequest, v1::IngestArticlesResponse>*
IngestGrpcService::IngestArticles(grpc::CallbackServerContext* context) {
  if (streams_.fetch_add(1) >= max_streams_) {
    streams_.fetch_sub(1);
    return new Refusal(ToGrpcStatus(
        WithErrorDetails(absl::ResourceExhaustedError(absl::StrCat(
                             "already running ", max_streams_,
                             " IngestArticles streams, the most this server allows; retry later")),
                         "TOO_MANY_STREAMS"),
        kErrorDomain));
  }
  return new IngestArticlesReactor(bulk_, *context, [this] { streams_.fetch_sub(1); });
}

}  // namespace laurel::ingest

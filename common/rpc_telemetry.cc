#include "common/rpc_telemetry.h"

#include <utility>
#include <vector>

#include "absl/random/random.h"
#include "absl/status/status.h"
#include "absl/strings/match.h"
#include "absl/strings/str_format.h"
#include "absl/strings/str_split.h"
#include "absl/time/clock.h"
#include "absl/time/time.h"
#include "common/json_log.h"
#include "grpcpp/server_context.h"

namespace laurel {
namespace {

using grpc::experimental::InterceptionHookPoints;

// Wide enough for a database-bound call that waits out a busy pool (seconds) and fine enough for a
// cached lookup (sub-millisecond).
const prometheus::Histogram::BucketBoundaries& LatencyBuckets() {
  static const auto* const buckets = new prometheus::Histogram::BucketBoundaries{
      0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10};
  return *buckets;
}

// Request ids from clients end up in every log line of the call; a bound keeps one from bloating
// them.
constexpr size_t kMaxRequestIdLength = 128;

std::string NewRequestId() {
  thread_local absl::BitGen random;
  return absl::StrFormat("%016x%016x", absl::Uniform<uint64_t>(random),
                         absl::Uniform<uint64_t>(random));
}

std::string CodeName(grpc::StatusCode code) {
  return absl::StatusCodeToString(static_cast<absl::StatusCode>(code));
}

// Probes and tooling: counted like everything else, logged only when debugging.
bool IsInfrastructure(absl::string_view method) {
  return absl::StartsWith(method, "/grpc.health.") ||
         absl::StartsWith(method, "/grpc.reflection.") ||
         absl::StartsWith(method, "/grpc.channelz.");
}

log::Level LevelFor(absl::string_view method, grpc::StatusCode code) {
  switch (code) {
    case grpc::StatusCode::INTERNAL:
    case grpc::StatusCode::UNKNOWN:
    case grpc::StatusCode::DATA_LOSS:
      return log::Level::kError;
    case grpc::StatusCode::UNAVAILABLE:
    case grpc::StatusCode::DEADLINE_EXCEEDED:
    case grpc::StatusCode::RESOURCE_EXHAUSTED:
      return log::Level::kWarning;
    default:
      return IsInfrastructure(method) ? log::Level::kDebug : log::Level::kInfo;
  }
}

// One call: when it started, which request it is, and whether its end was recorded yet.
class RpcTelemetryInterceptor : public grpc::experimental::Interceptor {
 public:
  RpcTelemetryInterceptor(RpcTelemetry& telemetry, grpc::experimental::ServerRpcInfo* info)
      : telemetry_(telemetry), info_(info), start_(absl::Now()), request_id_(NewRequestId()) {}

  ~RpcTelemetryInterceptor() override {
    // A call whose client went away can end without the server ever sending a status.
    if (!recorded_) {
      telemetry_.Record(
          info_->method(), request_id_, peer_,
          grpc::Status(grpc::StatusCode::CANCELLED, "the call ended without a status"),
          absl::ToDoubleSeconds(absl::Now() - start_));
    }
  }

  void Intercept(grpc::experimental::InterceptorBatchMethods* methods) override {
    if (methods->QueryInterceptionHookPoint(InterceptionHookPoints::POST_RECV_INITIAL_METADATA)) {
      peer_ = info_->server_context()->peer();
      const auto* metadata = methods->GetRecvInitialMetadata();
      if (auto found = metadata->find(kRequestIdHeader); found != metadata->end()) {
        if (found->second.size() > 0) {
          request_id_.assign(found->second.data(),
                             std::min(found->second.size(), kMaxRequestIdLength));
        }
      }
    }
    if (methods->QueryInterceptionHookPoint(InterceptionHookPoints::PRE_SEND_INITIAL_METADATA)) {
      methods->GetSendInitialMetadata()->emplace(kRequestIdHeader, request_id_);
    }
    if (methods->QueryInterceptionHookPoint(InterceptionHookPoints::PRE_SEND_STATUS)) {
      recorded_ = true;
      telemetry_.Record(info_->method(), request_id_, peer_, methods->GetSendStatus(),
                        absl::ToDoubleSeconds(absl::Now() - start_));
    }
    methods->Proceed();
  }

 private:
  RpcTelemetry& telemetry_;
  grpc::experimental::ServerRpcInfo* const info_;
  const absl::Time start_;
  std::string request_id_;
  std::string peer_;
  bool recorded_ = false;
};

}  // namespace

RpcTelemetry::RpcTelemetry(prometheus::Registry& registry)
    : handled_(prometheus::BuildCounter()
                   .Name("laurel_grpc_server_handled_total")
                   .Help("RPCs completed, by service, method and gRPC status code.")
                   .Register(registry)),
      latency_(prometheus::BuildHistogram()
                   .Name("laurel_grpc_server_handling_seconds")
                   .Help("Time from the start of an RPC to its status, by service, method and "
                         "gRPC status code.")
                   .Register(registry)) {}

grpc::experimental::Interceptor* RpcTelemetry::CreateServerInterceptor(
    grpc::experimental::ServerRpcInfo* info) {
  return new RpcTelemetryInterceptor(*this, info);
}

void RpcTelemetry::Record(absl::string_view method, const std::string& request_id,
                          const std::string& peer, const grpc::Status& status, double seconds) {
  // "/laurel.v1.QueryService/GetArticle" → service "laurel.v1.QueryService", method "GetArticle".
  const std::pair<std::string, std::string> names =
      absl::StrSplit(absl::StripPrefix(method, "/"), absl::MaxSplits('/', 1));
  const std::string code = CodeName(status.error_code());
  const prometheus::Labels labels = {
      {"grpc_service", names.first}, {"grpc_method", names.second}, {"grpc_code", code}};
  handled_.Add(labels).Increment();
  latency_.Add(labels, LatencyBuckets()).Observe(seconds);

  const log::Level level = LevelFor(method, status.error_code());
  if (!log::Enabled(level)) return;
  std::vector<log::Field> fields = {{"request_id", request_id},
                                    {"method", method},
                                    {"code", code},
                                    {"duration_ms", seconds * 1000},
                                    {"peer", peer}};
  if (!status.error_message().empty()) fields.emplace_back("error", status.error_message());
  log::Write(level, "rpc", fields);
}

}  // namespace laurel

#pragma once

#include <memory>
#include <string>

#include "absl/strings/string_view.h"
#include "grpcpp/support/server_interceptor.h"
#include "prometheus/counter.h"
#include "prometheus/family.h"
#include "prometheus/histogram.h"
#include "prometheus/registry.h"

namespace laurel {

// The metadata key that carries a call's request id, in both directions: a client may send one to
// correlate its own logs; otherwise the server makes one up. Either way the response's initial
// metadata carries it back.
inline constexpr char kRequestIdHeader[] = "x-request-id";

// Watches every RPC a server handles and, when it ends, counts it and its latency by method and
// status code in Prometheus and writes one JSON log line with request id, method, status and
// duration. Health checks and reflection are logged at debug level only: probes run every few
// seconds and would drown the lines that matter.
class RpcTelemetry : public grpc::experimental::ServerInterceptorFactoryInterface {
 public:
  explicit RpcTelemetry(prometheus::Registry& registry);

  grpc::experimental::Interceptor* CreateServerInterceptor(
      grpc::experimental::ServerRpcInfo* info) override;

  // Records one finished call of `method` ("/package.Service/Method").
  void Record(absl::string_view method, const std::string& request_id, const std::string& peer,
              const grpc::Status& status, double seconds);

 private:
  prometheus::Family<prometheus::Counter>& handled_;
  prometheus::Family<prometheus::Histogram>& latency_;
};

}  // namespace laurel

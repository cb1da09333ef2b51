#pragma once

#include <functional>
#include <memory>
#include <string>
#include <vector>

#include "absl/status/statusor.h"
#include "common/bearer_token_auth.h"
#include "common/metrics_server.h"
#include "common/pg_pool.h"
#include "common/pg_pool_metrics.h"
#include "grpcpp/support/server_interceptor.h"
#include "prometheus/registry.h"

namespace laurel {

// What every service watches about itself, set up once: a Prometheus registry served over HTTP,
// metrics and a JSON log line for every RPC, and metrics of the database pool. Must outlive the
// gRPC server and the pool it watches.
class ServiceTelemetry {
 public:
  // Serves /metrics on `metrics_listen` (HOST:PORT).
  static absl::StatusOr<std::unique_ptr<ServiceTelemetry>> Start(const std::string& metrics_listen);

  // Where a service registers metrics of its own.
  prometheus::Registry& registry() { return *registry_; }

  // `options`, reporting to this service's pool metrics.
  PgPoolOptions WatchPool(PgPoolOptions options);

  // For ApplyServerFlags: counts and logs the calls refused for their token, which never reach the
  // interceptor below (gRPC refuses them before matching a method). The counts of `services` (the
  // server's API) start at zero, so that rates work from the first refusal on.
  RefusalObserver AuthRefusals(const std::vector<std::string>& services);

  // For GrpcServerOptions::interceptors: metrics and a log line per RPC.
  std::function<std::unique_ptr<grpc::experimental::ServerInterceptorFactoryInterface>()>
  RpcInterceptor();

  int metrics_port() const { return server_->port(); }

 private:
  ServiceTelemetry(std::shared_ptr<prometheus::Registry> registry,
                   std::unique_ptr<MetricsServer> server)
      : registry_(std::move(registry)), server_(std::move(server)) {}

  const std::shared_ptr<prometheus::Registry> registry_;
  const std::unique_ptr<MetricsServer> server_;
  std::unique_ptr<PgPoolMetrics> pool_metrics_;
};

}  // namespace laurel

#include "common/service_telemetry.h"

#include <utility>

#include "common/rpc_telemetry.h"

namespace laurel {

absl::StatusOr<std::unique_ptr<ServiceTelemetry>> ServiceTelemetry::Start(
    const std::string& metrics_listen) {
  auto registry = std::make_shared<prometheus::Registry>();
  auto server = MetricsServer::Start(metrics_listen, registry);
  if (!server.ok()) return server.status();
  return std::unique_ptr<ServiceTelemetry>(
      new ServiceTelemetry(std::move(registry), std::move(*server)));
}

PgPoolOptions ServiceTelemetry::WatchPool(PgPoolOptions options) {
  pool_metrics_ = std::make_unique<PgPoolMetrics>(*registry_, options.size);
  options.observer = pool_metrics_.get();
  return options;
}

std::function<std::unique_ptr<grpc::experimental::ServerInterceptorFactoryInterface>()>
ServiceTelemetry::RpcInterceptor() {
  return
      [registry =
           registry_]() -> std::unique_ptr<grpc::experimental::ServerInterceptorFactoryInterface> {
        return std::make_unique<RpcTelemetry>(*registry);
      };
}

}  // namespace laurel

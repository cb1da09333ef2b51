#include "common/service_telemetry.h"

#include <utility>

#include "common/json_log.h"
#include "common/rpc_telemetry.h"
#include "prometheus/counter.h"

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

RefusalObserver ServiceTelemetry::AuthRefusals(const std::vector<std::string>& services) {
  prometheus::Family<prometheus::Counter>& refused =
      prometheus::BuildCounter()
          .Name("laurel_grpc_server_auth_refused_total")
          .Help(
              "Calls refused for their token before reaching a method: UNAUTHENTICATED (none or "
              "unknown) or PERMISSION_DENIED (lacks the service's scope).")
          .Register(*registry_);
  for (const std::string& service : services) {
    for (const absl::StatusCode code :
         {absl::StatusCode::kUnauthenticated, absl::StatusCode::kPermissionDenied}) {
      refused.Add({{"grpc_service", service}, {"grpc_code", absl::StatusCodeToString(code)}});
    }
  }
  return [&refused](absl::string_view service, const absl::Status& refusal) {
    const std::string code = absl::StatusCodeToString(refusal.code());
    const std::string label = service.empty() ? "other" : std::string(service);
    refused.Add({{"grpc_service", label}, {"grpc_code", code}}).Increment();
    log::Info("rpc_refused", {{"service", label}, {"code", code}, {"error", refusal.message()}});
  };
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

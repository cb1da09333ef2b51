#pragma once

#include <memory>
#include <string>

#include "absl/status/statusor.h"
#include "prometheus/registry.h"

namespace prometheus {
class Exposer;
}  // namespace prometheus

namespace laurel {

// Prometheus text exposition at http://HOST:PORT/metrics. It has a port of its own, apart from
// gRPC, so that scrapers need no gRPC client and the two can be exposed and firewalled apart.
class MetricsServer {
 public:
  // Serves `registry` on `listen` (HOST:PORT; port 0 picks a free one). UNAVAILABLE when the
  // address cannot be bound.
  static absl::StatusOr<std::unique_ptr<MetricsServer>> Start(
      const std::string& listen, std::shared_ptr<prometheus::Registry> registry);
  ~MetricsServer();

  // The port actually bound.
  int port() const { return port_; }

 private:
  MetricsServer(std::unique_ptr<prometheus::Exposer> exposer,
                std::shared_ptr<prometheus::Registry> registry, int port);

  std::unique_ptr<prometheus::Exposer> exposer_;
  // The exposer only holds a weak reference.
  std::shared_ptr<prometheus::Registry> registry_;
  const int port_;
};

}  // namespace laurel

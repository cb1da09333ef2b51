#pragma once

#include <functional>
#include <memory>
#include <string>
#include <thread>
#include <vector>

#include "absl/status/statusor.h"
#include "absl/synchronization/mutex.h"
#include "absl/synchronization/notification.h"
#include "absl/time/time.h"
#include "common/server_credentials.h"
#include "grpcpp/grpcpp.h"
#include "grpcpp/security/auth_metadata_processor.h"
#include "grpcpp/support/server_interceptor.h"

namespace laurel {

// The grpc.health.v1 entry that is SERVING for as long as the process answers at all, whatever the
// database does: what a liveness probe asks, so an outage of the database makes pods unready
// rather than restarting them.
inline constexpr char kLivenessHealthName[] = "liveness";

struct GrpcServerOptions {
  // HOST:PORT to listen on; port 0 picks a free port (see GrpcServer::port).
  std::string listen;
  // The services to serve; not owned, must outlive the server.
  std::vector<grpc::Service*> services;
  // Fully qualified names reported through grpc.health.v1 besides the overall "" entry.
  std::vector<std::string> health_names;
  // Each makes one interceptor factory, in order (metrics, logs, ...). A function rather than the
  // factory itself because the server builder takes ownership of what it is given.
  std::vector<
      std::function<std::unique_ptr<grpc::experimental::ServerInterceptorFactoryInterface>()>>
      interceptors;
  // Largest request accepted; larger ones fail with RESOURCE_EXHAUSTED before reaching a handler.
  int max_receive_message_bytes = 4 << 20;
  // Most threads serving calls at once; a call beyond gets RESOURCE_EXHAUSTED rather than a queue
  // that grows as long as the database is slow.
  int max_threads = 64;
  // TLS (and mutual TLS); plaintext when tls.cert_file is empty.
  TlsFiles tls;
  // Runs on every call before any handler and may refuse it (BearerTokenAuthenticator); none:
  // every call goes through. Without TLS it needs a loopback `listen` (see MakeServerCredentials).
  std::shared_ptr<grpc::AuthMetadataProcessor> authenticator;
  // How long to keep answering (while health says NOT_SERVING) after SIGTERM, so load balancers
  // notice before connections close.
  absl::Duration drain_delay = absl::Seconds(1);
  // How long in-flight calls may run on after the drain before they are cancelled.
  absl::Duration shutdown_deadline = absl::Seconds(10);
};

// A gRPC server with health (grpc.health.v1), server reflection and channelz, readiness driven by a
// check function, and a graceful stop on SIGTERM or SIGINT.
class GrpcServer {
 public:
  // Blocks SIGTERM and SIGINT in the calling thread (and so in every thread started after), so that
  // WaitForTermination can take them; call before starting any thread.
  static void BlockTerminationSignals();

  static absl::StatusOr<std::unique_ptr<GrpcServer>> Start(const GrpcServerOptions& options);
  ~GrpcServer();

  // The port actually bound.
  int port() const { return port_; }

  // Calls `check` every `interval` (and once at once) until shutdown; health reports SERVING
  // exactly while the last check returned OK. Each change is logged.
  void MonitorReadiness(std::function<absl::Status()> check, absl::Duration interval);

  // Blocks until SIGTERM or SIGINT, then stops: NOT_SERVING, drain delay, Shutdown(deadline).
  void WaitForTermination();

  // Stops as WaitForTermination does after its signal.
  void Stop();

 private:
  GrpcServer(const GrpcServerOptions& options, std::unique_ptr<grpc::Server> server, int port);
  void SetServing(bool serving);

  const GrpcServerOptions options_;
  std::unique_ptr<grpc::Server> server_;
  const int port_;
  absl::Notification stopping_;
  // Held while health changes, so a readiness check finishing during Stop cannot report SERVING
  // again.
  absl::Mutex serving_mutex_;
  int serving_ ABSL_GUARDED_BY(serving_mutex_) = -1;  // -1 before the first readiness check
  std::thread readiness_thread_;
};

}  // namespace laurel

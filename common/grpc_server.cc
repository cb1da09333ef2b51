#include "common/grpc_server.h"

#include <csignal>
#include <utility>

#include "absl/strings/str_cat.h"
#include "common/json_log.h"
#include "grpc/health/v1/health.pb.h"
#include "grpcpp/ext/channelz_service_plugin.h"
#include "grpcpp/ext/proto_server_reflection_plugin.h"
#include "grpcpp/generic/async_generic_service.h"
#include "grpcpp/health_check_service_interface.h"
#include "grpcpp/impl/server_builder_option.h"
#include "grpcpp/impl/server_builder_plugin.h"

namespace laurel {
namespace {

sigset_t TerminationSignals() {
  sigset_t signals;
  sigemptyset(&signals);
  sigaddset(&signals, SIGTERM);
  sigaddset(&signals, SIGINT);
  return signals;
}

// Drops the plugins every server builder takes from the process-wide list (reflection, channelz):
// the health port serves grpc.health.v1 alone.
class WithoutPlugins : public grpc::ServerBuilderOption {
 public:
  void UpdateArguments(grpc::ChannelArguments*) override {}
  void UpdatePlugins(std::vector<std::unique_ptr<grpc::ServerBuilderPlugin>>* plugins) override {
    plugins->clear();
  }
};

// The plaintext health port: the default health service (enabled process-wide in Start) and
// nothing else, no interceptors, no authentication. `unimplemented` answers every other method
// with UNIMPLEMENTED; the builder also needs it to start at all, because the health service is
// only added once the server starts. Null when `listen` cannot be bound.
std::unique_ptr<grpc::Server> StartHealthServer(const std::string& listen,
                                                grpc::CallbackGenericService* unimplemented,
                                                int* port) {
  grpc::ServerBuilder builder;
  builder.RegisterCallbackGenericService(unimplemented);
  builder.AddListeningPort(listen, grpc::InsecureServerCredentials(), port);
  builder.SetOption(std::make_unique<WithoutPlugins>());
  // gRPC shares ports (SO_REUSEPORT) by default: a health port on a taken port, the main one
  // included, would silently split its connections with the other listener instead of failing.
  builder.AddChannelArgument(GRPC_ARG_ALLOW_REUSEPORT, 0);
  // A health request is a service name; nothing bigger needs to reach an open port.
  builder.SetMaxReceiveMessageSize(4096);
  std::unique_ptr<grpc::Server> server = builder.BuildAndStart();
  if (server == nullptr || *port == 0) return nullptr;
  return server;
}

}  // namespace

void GrpcServer::BlockTerminationSignals() {
  const sigset_t signals = TerminationSignals();
  pthread_sigmask(SIG_BLOCK, &signals, nullptr);
}

absl::StatusOr<std::unique_ptr<GrpcServer>> GrpcServer::Start(const GrpcServerOptions& options) {
  // gRPC's built-in health service encodes its messages by hand; touching the generated descriptor
  // links health.proto into the binary, without which reflection lists grpc.health.v1.Health but
  // cannot describe it (and grpcurl cannot call it).
  grpc::health::v1::HealthCheckRequest::descriptor();
  grpc::EnableDefaultHealthCheckService(true);
  grpc::reflection::InitProtoReflectionServerBuilderPlugin();
  grpc::channelz::experimental::InitChannelzService();

  auto credentials = MakeServerCredentials(options.tls, options.authenticator, options.listen);
  if (!credentials.ok()) return credentials.status();
  grpc::ServerBuilder builder;
  int port = 0;
  builder.AddListeningPort(options.listen, *credentials, &port);
  builder.SetMaxReceiveMessageSize(options.max_receive_message_bytes);
  grpc::ResourceQuota quota("laurel-server");
  quota.SetMaxThreads(options.max_threads);
  builder.SetResourceQuota(quota);
  builder.AddChannelArgument(GRPC_ARG_ENABLE_CHANNELZ, 1);
  for (grpc::Service* service : options.services) builder.RegisterService(service);
  std::vector<std::unique_ptr<grpc::experimental::ServerInterceptorFactoryInterface>> interceptors;
  for (const auto& make_interceptor : options.interceptors) {
    interceptors.push_back(make_interceptor());
  }
  builder.experimental().SetInterceptorCreators(std::move(interceptors));
  std::unique_ptr<grpc::Server> server = builder.BuildAndStart();
  if (server == nullptr || port == 0) {
    return absl::UnavailableError(absl::StrCat("cannot listen on ", options.listen));
  }
  std::unique_ptr<grpc::CallbackGenericService> health_unimplemented;
  std::unique_ptr<grpc::Server> health_server;
  int health_port = 0;
  if (!options.health_listen.empty()) {
    health_unimplemented = std::make_unique<grpc::CallbackGenericService>();
    health_server =
        StartHealthServer(options.health_listen, health_unimplemented.get(), &health_port);
    if (health_server == nullptr) {
      return absl::UnavailableError(absl::StrCat("cannot serve health on ", options.health_listen));
    }
  }
  auto wrapped = std::unique_ptr<GrpcServer>(new GrpcServer(options, std::move(server), port,
                                                            std::move(health_unimplemented),
                                                            std::move(health_server), health_port));
  wrapped->SetServing(false);
  wrapped->SetHealth(kLivenessHealthName, true);
  log::Info("listening", {{"address", options.listen},
                          {"port", port},
                          {"tls", !options.tls.cert_file.empty()},
                          {"mutual_tls", !options.tls.client_ca_file.empty()},
                          {"tokens", options.authenticator != nullptr}});
  if (health_port != 0) {
    log::Info("health_listening", {{"address", options.health_listen}, {"port", health_port}});
  }
  return wrapped;
}

GrpcServer::GrpcServer(const GrpcServerOptions& options, std::unique_ptr<grpc::Server> server,
                       int port, std::unique_ptr<grpc::CallbackGenericService> health_unimplemented,
                       std::unique_ptr<grpc::Server> health_server, int health_port)
    : options_(options),
      server_(std::move(server)),
      port_(port),
      health_unimplemented_(std::move(health_unimplemented)),
      health_server_(std::move(health_server)),
      health_port_(health_port) {}

GrpcServer::~GrpcServer() {
  Stop();
  if (readiness_thread_.joinable()) readiness_thread_.join();
}

void GrpcServer::SetHealth(const std::string& name, bool serving) {
  server_->GetHealthCheckService()->SetServingStatus(name, serving);
  if (health_server_ != nullptr) {
    health_server_->GetHealthCheckService()->SetServingStatus(name, serving);
  }
}

void GrpcServer::SetServing(bool serving) {
  SetHealth("", serving);
  for (const std::string& name : options_.health_names) SetHealth(name, serving);
}

void GrpcServer::MonitorReadiness(std::function<absl::Status()> check, absl::Duration interval) {
  readiness_thread_ = std::thread([this, check = std::move(check), interval] {
    do {
      const absl::Status status = check();
      const int serving = status.ok() ? 1 : 0;
      absl::MutexLock lock(&serving_mutex_);
      if (stopping_.HasBeenNotified()) break;
      if (serving_ != serving) {
        serving_ = serving;
        SetServing(serving == 1);
        if (serving == 1) {
          log::Info("serving");
        } else {
          log::Warning("not_serving", {{"reason", status.ToString()}});
        }
      }
    } while (!stopping_.WaitForNotificationWithTimeout(interval));
  });
}

void GrpcServer::WaitForTermination() {
  const sigset_t signals = TerminationSignals();
  int signal_number = 0;
  sigwait(&signals, &signal_number);
  log::Info("stopping", {{"signal", signal_number == SIGTERM ? "SIGTERM" : "SIGINT"}});
  Stop();
}

void GrpcServer::Stop() {
  {
    absl::MutexLock lock(&serving_mutex_);
    if (stopping_.HasBeenNotified()) return;
    stopping_.Notify();
    SetServing(false);
  }
  absl::SleepFor(options_.drain_delay);
  server_->Shutdown(std::chrono::system_clock::now() +
                    absl::ToChronoMilliseconds(options_.shutdown_deadline));
  // Nothing on the health port is worth waiting for: open Watch streams end at once.
  if (health_server_ != nullptr) health_server_->Shutdown(std::chrono::system_clock::now());
  log::Info("stopped");
}

}  // namespace laurel

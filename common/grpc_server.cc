#include "common/grpc_server.h"

#include <csignal>
#include <utility>

#include "absl/strings/str_cat.h"
#include "common/json_log.h"
#include "grpc/health/v1/health.pb.h"
#include "grpcpp/ext/channelz_service_plugin.h"
#include "grpcpp/ext/proto_server_reflection_plugin.h"
#include "grpcpp/health_check_service_interface.h"

namespace laurel {
namespace {

sigset_t TerminationSignals() {
  sigset_t signals;
  sigemptyset(&signals);
  sigaddset(&signals, SIGTERM);
  sigaddset(&signals, SIGINT);
  return signals;
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
  auto wrapped = std::unique_ptr<GrpcServer>(new GrpcServer(options, std::move(server), port));
  wrapped->SetServing(false);
  wrapped->server_->GetHealthCheckService()->SetServingStatus(kLivenessHealthName, true);
  log::Info("listening", {{"address", options.listen},
                          {"port", port},
                          {"tls", !options.tls.cert_file.empty()},
                          {"mutual_tls", !options.tls.client_ca_file.empty()},
                          {"tokens", options.authenticator != nullptr}});
  return wrapped;
}

GrpcServer::GrpcServer(const GrpcServerOptions& options, std::unique_ptr<grpc::Server> server,
                       int port)
    : options_(options), server_(std::move(server)), port_(port) {}

GrpcServer::~GrpcServer() {
  Stop();
  if (readiness_thread_.joinable()) readiness_thread_.join();
}

void GrpcServer::SetServing(bool serving) {
  auto* health = server_->GetHealthCheckService();
  health->SetServingStatus("", serving);
  for (const std::string& name : options_.health_names) health->SetServingStatus(name, serving);
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
  log::Info("stopped");
}

}  // namespace laurel

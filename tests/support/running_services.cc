#include "tests/support/running_services.h"

#include "absl/strings/str_cat.h"
#include "grpcpp/grpcpp.h"

namespace laurel::testing {
namespace {

// `url` with its HOST:PORT replaced by `address`.
std::string WithAddress(const std::string& url, const std::string& address) {
  const size_t authority =
      url.find('@') != std::string::npos ? url.find('@') + 1 : url.find("://") + 3;
  return absl::StrCat(url.substr(0, authority), address, url.substr(url.find('/', authority)));
}

}  // namespace

std::string IngestServiceBinary() { return LAUREL_INGEST_BINARY; }
std::string QueryServiceBinary() { return LAUREL_QUERY_BINARY; }
std::string ToolBinary(const std::string& name) {
  return absl::StrCat(LAUREL_TOOLS_DIR, "/", name);
}

std::shared_ptr<grpc::ChannelCredentials> RunningServices::ChannelCredentials() const {
  return credentials_ != nullptr ? credentials_ : grpc::InsecureChannelCredentials();
}

std::unique_ptr<v1::IngestService::Stub> RunningServices::IngestStub() const {
  return v1::IngestService::NewStub(grpc::CreateChannel(ingest_address_, ChannelCredentials()));
}

std::unique_ptr<v1::QueryService::Stub> RunningServices::QueryStub() const {
  return v1::QueryService::NewStub(grpc::CreateChannel(query_address_, ChannelCredentials()));
}

absl::StatusOr<std::unique_ptr<RunningServices>> RunningServices::Start(ServicesOptions options) {
  auto services = std::unique_ptr<RunningServices>(new RunningServices());
  auto database =
      options.admin_url.empty() ? TestDatabase::Create() : TestDatabase::Create(options.admin_url);
  if (!database.ok()) return database.status();
  services->database_ = std::move(*database);
  services->credentials_ = options.credentials;
  if (absl::Status roles = services->database_->CreateRoles(); !roles.ok()) return roles;
  services->ingest_address_ = absl::StrCat("127.0.0.1:", FreePort());
  services->query_address_ = absl::StrCat("127.0.0.1:", FreePort());

  struct Service {
    std::string binary;
    std::string address;
    std::string role;
    // Tests watching the rollup lag gauge should not wait the production interval for it.
    std::vector<std::string> own_args;
    const std::vector<std::string>* extra_args;
    std::unique_ptr<ServiceProcess>* process;
  };
  for (const Service& service : {Service{IngestServiceBinary(),
                                         services->ingest_address_,
                                         "laurel_ingest",
                                         {"--rollup_lag_interval=200ms"},
                                         &options.ingest_args,
                                         &services->ingest_},
                                 Service{QueryServiceBinary(),
                                         services->query_address_,
                                         "laurel_query",
                                         {},
                                         &options.query_args,
                                         &services->query_}}) {
    std::string url = services->database_->UrlAs(service.role);
    if (!options.database_address.empty()) url = WithAddress(url, options.database_address);
    std::vector<std::string> args = {absl::StrCat("--listen=", service.address),
                                     absl::StrCat("--database_url=", url),
                                     "--readiness_interval=200ms", "--log_level=warning"};
    args.insert(args.end(), service.own_args.begin(), service.own_args.end());
    args.insert(args.end(), service.extra_args->begin(), service.extra_args->end());
    auto process = ServiceProcess::Start(service.binary, args, options.environment);
    if (!process.ok()) return process.status();
    *service.process = std::move(*process);
  }

  for (const auto& [address, process] :
       {std::pair(services->ingest_address_, services->ingest_.get()),
        std::pair(services->query_address_, services->query_.get())}) {
    if (absl::Status status = WaitForHealth(address, grpc::health::v1::HealthCheckResponse::SERVING,
                                            absl::Seconds(20), options.credentials);
        !status.ok()) {
      return absl::UnavailableError(absl::StrCat(status.message(), "\n", process->logs()));
    }
  }
  return services;
}

}  // namespace laurel::testing

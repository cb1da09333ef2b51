#include "tests/support/running_services.h"

#include "absl/strings/str_cat.h"

namespace laurel::testing {

std::string IngestServiceBinary() { return LAUREL_INGEST_BINARY; }
std::string QueryServiceBinary() { return LAUREL_QUERY_BINARY; }

absl::StatusOr<std::unique_ptr<RunningServices>> RunningServices::Start(
    const std::vector<std::string>& ingest_flags) {
  auto services = std::unique_ptr<RunningServices>(new RunningServices());
  auto database = TestDatabase::Create();
  if (!database.ok()) return database.status();
  services->database_ = std::move(*database);
  services->ingest_address_ = absl::StrCat("127.0.0.1:", FreePort());
  services->query_address_ = absl::StrCat("127.0.0.1:", FreePort());
  const std::string database_flag = absl::StrCat("--database_url=", services->database_->url());
  const std::vector<std::string> fast_readiness = {"--readiness_interval=200ms",
                                                   "--log_level=warning"};

  std::vector<std::string> args = {absl::StrCat("--listen=", services->ingest_address_),
                                   database_flag};
  args.insert(args.end(), fast_readiness.begin(), fast_readiness.end());
  args.insert(args.end(), ingest_flags.begin(), ingest_flags.end());
  auto ingest = ServiceProcess::Start(IngestServiceBinary(), args);
  if (!ingest.ok()) return ingest.status();
  services->ingest_ = std::move(*ingest);

  args = {absl::StrCat("--listen=", services->query_address_), database_flag};
  args.insert(args.end(), fast_readiness.begin(), fast_readiness.end());
  auto query = ServiceProcess::Start(QueryServiceBinary(), args);
  if (!query.ok()) return query.status();
  services->query_ = std::move(*query);

  for (const auto& [address, process] :
       {std::pair(services->ingest_address_, services->ingest_.get()),
        std::pair(services->query_address_, services->query_.get())}) {
    if (absl::Status status =
            WaitForHealth(address, grpc::health::v1::HealthCheckResponse::SERVING);
        !status.ok()) {
      return absl::UnavailableError(absl::StrCat(status.message(), "\n", process->logs()));
    }
  }
  return services;
}

}  // namespace laurel::testing

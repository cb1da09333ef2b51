#pragma once

#include <memory>
#include <string>

#include "absl/status/statusor.h"
#include "laurel/v1/ingest_service.grpc.pb.h"
#include "laurel/v1/query_service.grpc.pb.h"
#include "tests/support/service_process.h"
#include "tests/support/test_database.h"

namespace laurel::testing {

// The built ingest-service and query-service binaries.
std::string IngestServiceBinary();
std::string QueryServiceBinary();
// A built command-line tool: "laurel-health", "laurel-migrate", ...
std::string ToolBinary(const std::string& name);

// Both services running as processes on free loopback ports against a fresh database they migrate
// themselves, SERVING before Start returns.
class RunningServices {
 public:
  static absl::StatusOr<std::unique_ptr<RunningServices>> Start();

  const std::string& ingest_address() const { return ingest_address_; }
  const std::string& query_address() const { return query_address_; }
  ServiceProcess& ingest() { return *ingest_; }
  ServiceProcess& query() { return *query_; }
  const std::string& database_url() const { return database_->url(); }

  // Clients of the two services.
  std::unique_ptr<v1::IngestService::Stub> IngestStub() const;
  std::unique_ptr<v1::QueryService::Stub> QueryStub() const;

 private:
  RunningServices() = default;

  std::unique_ptr<TestDatabase> database_;
  std::string ingest_address_;
  std::string query_address_;
  std::unique_ptr<ServiceProcess> ingest_;
  std::unique_ptr<ServiceProcess> query_;
};

}  // namespace laurel::testing

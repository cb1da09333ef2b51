#pragma once

#include <memory>
#include <string>
#include <utility>
#include <vector>

#include "absl/status/statusor.h"
#include "grpcpp/grpcpp.h"
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

// How RunningServices starts the services; the defaults suit most tests.
struct ServicesOptions {
  // Extra flags of each service, after the test's own.
  std::vector<std::string> ingest_args;
  std::vector<std::string> query_args;
  // Extra environment of both services.
  std::vector<std::pair<std::string, std::string>> environment;
  // How the test reaches the services (for the readiness wait too); plaintext when null.
  std::shared_ptr<grpc::ChannelCredentials> credentials;
  // The PostgreSQL server to create the database on; LAUREL_TEST_DATABASE_URL when empty.
  std::string admin_url;
  // HOST:PORT the services reach the database at, when not the server's own (a proxy between them).
  std::string database_address;
};

// Both services running as processes on free loopback ports against a fresh database, set up as an
// operator would (deploy/roles.sql): ingest-service connects as laurel_ingest and migrates,
// query-service as laurel_query, which may only read. SERVING before Start returns.
class RunningServices {
 public:
  static absl::StatusOr<std::unique_ptr<RunningServices>> Start(ServicesOptions options = {});

  const std::string& ingest_address() const { return ingest_address_; }
  const std::string& query_address() const { return query_address_; }
  ServiceProcess& ingest() { return *ingest_; }
  ServiceProcess& query() { return *query_; }
  // The database as its administrator.
  const std::string& database_url() const { return database_->url(); }

  // Clients of the two services, with the options' credentials.
  std::unique_ptr<v1::IngestService::Stub> IngestStub() const;
  std::unique_ptr<v1::QueryService::Stub> QueryStub() const;

 private:
  RunningServices() = default;
  std::shared_ptr<grpc::ChannelCredentials> ChannelCredentials() const;

  std::unique_ptr<TestDatabase> database_;
  std::shared_ptr<grpc::ChannelCredentials> credentials_;
  std::string ingest_address_;
  std::string query_address_;
  std::unique_ptr<ServiceProcess> ingest_;
  std::unique_ptr<ServiceProcess> query_;
};

}  // namespace laurel::testing

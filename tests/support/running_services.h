#pragma once

#include <memory>
#include <string>
#include <vector>

#include "absl/status/statusor.h"
#include "tests/support/service_process.h"
#include "tests/support/test_database.h"

namespace laurel::testing {

// The built ingest-service and query-service binaries.
std::string IngestServiceBinary();
std::string QueryServiceBinary();

// Both services running as processes on free loopback ports against a fresh database they migrate
// themselves, SERVING before Start returns.
class RunningServices {
 public:
  // `ingest_flags` are passed to ingest-service on top of the address and database.
  static absl::StatusOr<std::unique_ptr<RunningServices>> Start(
      const std::vector<std::string>& ingest_flags = {});

  const std::string& ingest_address() const { return ingest_address_; }
  const std::string& query_address() const { return query_address_; }
  ServiceProcess& ingest() { return *ingest_; }
  ServiceProcess& query() { return *query_; }
  const std::string& database_url() const { return database_->url(); }

 private:
  RunningServices() = default;

  std::unique_ptr<TestDatabase> database_;
  std::string ingest_address_;
  std::string query_address_;
  std::unique_ptr<ServiceProcess> ingest_;
  std::unique_ptr<ServiceProcess> query_;
};

}  // namespace laurel::testing

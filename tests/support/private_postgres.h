#pragma once

#include <sys/types.h>

#include <memory>
#include <string>

#include "absl/status/status.h"
#include "absl/status/statusor.h"

namespace laurel::testing {

// A PostgreSQL server of the test's own, in a temporary directory on a free port, for tests that
// stop, restart or cut off the database: the shared test server must never be disturbed. Runs as
// the postgres user when the test runs as root (PostgreSQL refuses root). Removed with this object.
class PrivatePostgres {
 public:
  static absl::StatusOr<std::unique_ptr<PrivatePostgres>> Start();
  ~PrivatePostgres();

  // postgresql://postgres@127.0.0.1:PORT/postgres
  std::string admin_url() const;
  // 127.0.0.1:PORT
  std::string address() const;

  // Stops the server the hard way (immediate shutdown, as a crash would look to clients), or starts
  // it again; Restart returns once it accepts connections.
  absl::Status Stop();
  absl::Status Restart();

 private:
  PrivatePostgres(std::string dir, int port) : dir_(std::move(dir)), port_(port) {}

  const std::string dir_;
  const int port_;
  pid_t pid_ = 0;  // the postmaster, while it runs
};

}  // namespace laurel::testing

#pragma once

#include <sys/types.h>

#include <memory>
#include <string>
#include <utility>
#include <vector>

#include "absl/status/statusor.h"
#include "absl/time/time.h"
#include "grpc/health/v1/health.pb.h"
#include "grpcpp/grpcpp.h"

namespace laurel::testing {

// A port nobody listens on right now, for a service under test.
int FreePort();

// A channel to a service under test: plaintext when `credentials` is null. TLS servers under test
// present a certificate for "localhost".
std::shared_ptr<grpc::Channel> TestChannel(
    const std::string& address, std::shared_ptr<grpc::ChannelCredentials> credentials = nullptr);

// Asks grpc.health.v1.Health/Check at `address` about `service` ("" is the whole server).
absl::StatusOr<grpc::health::v1::HealthCheckResponse::ServingStatus> CheckHealth(
    const std::string& address, const std::string& service = "",
    std::shared_ptr<grpc::ChannelCredentials> credentials = nullptr);

// Polls CheckHealth until it reports `wanted`; DEADLINE_EXCEEDED after `timeout`.
absl::Status WaitForHealth(const std::string& address,
                           grpc::health::v1::HealthCheckResponse::ServingStatus wanted,
                           absl::Duration timeout = absl::Seconds(20),
                           std::shared_ptr<grpc::ChannelCredentials> credentials = nullptr);

// How a ServiceProcess is started beyond its arguments and environment.
struct ProcessOptions {
  // Start with exactly the given environment, inheriting nothing (a container's view).
  bool clean_environment = false;
  // Run as this user and group (the test must be root to switch); -1 keeps the test's own.
  int uid = -1;
  int gid = -1;
};

// A service binary run as its own process, the way an operator runs it: flags, environment,
// signals.
class ServiceProcess {
 public:
  // Starts `binary` with `args` and, on top of this process's environment, `environment`. Its
  // stdout and stderr go to a log file, readable through logs(). Unless `args` or `environment`
  // choose one, the service serves metrics on a free loopback port (not on its default, which
  // services started by tests running in parallel would fight over).
  static absl::StatusOr<std::unique_ptr<ServiceProcess>> Start(
      const std::string& binary, const std::vector<std::string>& args,
      const std::vector<std::pair<std::string, std::string>>& environment = {},
      const ProcessOptions& options = {});
  ~ServiceProcess();  // kills the process if it still runs

  // Sends SIGTERM and waits for the exit; returns the exit code (128 + signal when killed by one).
  absl::StatusOr<int> Terminate(absl::Duration timeout = absl::Seconds(20));

  // Waits for the process to exit by itself; returns the exit code as Terminate does.
  absl::StatusOr<int> Wait(absl::Duration timeout = absl::Seconds(20));

  pid_t pid() const { return pid_; }

  // Everything the process wrote so far.
  std::string logs() const;

  // Where a scraper reaches its metrics, HOST:PORT.
  const std::string& metrics_address() const { return metrics_address_; }

 private:
  ServiceProcess(pid_t pid, std::string log_path, std::string metrics_address)
      : pid_(pid), log_path_(std::move(log_path)), metrics_address_(std::move(metrics_address)) {}

  pid_t pid_;
  const std::string log_path_;
  const std::string metrics_address_;
};

}  // namespace laurel::testing

// laurel-health: exits 0 when a server reports SERVING over grpc.health.v1 — for container health
// checks, scripts waiting for start-up, and humans.
#include <cstdio>
#include <string>

#include "absl/flags/flag.h"
#include "absl/time/clock.h"
#include "absl/time/time.h"
#include "common/env_flags.h"
#include "grpc/health/v1/health.grpc.pb.h"
#include "grpcpp/grpcpp.h"
#include "tools/client_connection.h"

ABSL_FLAG(std::string, target, "127.0.0.1:50051", "Server address, HOST:PORT.");
ABSL_FLAG(std::string, service, "", "Service to ask about; empty for the whole server.");
ABSL_FLAG(absl::Duration, wait, absl::ZeroDuration(),
          "Keep asking until SERVING or this much time has passed; 0 asks once.");

int main(int argc, char** argv) {
  laurel::ParseFlagsWithEnvironment(
      argc, argv, "laurel-health --target=HOST:PORT [--service=NAME] [--wait=30s]");
  auto stub =
      grpc::health::v1::Health::NewStub(laurel::tools::ClientChannel(absl::GetFlag(FLAGS_target)));
  grpc::health::v1::HealthCheckRequest request;
  request.set_service(absl::GetFlag(FLAGS_service));
  const absl::Time deadline = absl::Now() + absl::GetFlag(FLAGS_wait);
  std::string last;
  do {
    grpc::health::v1::HealthCheckResponse response;
    const grpc::Status status =
        stub->Check(laurel::tools::CallContext(absl::Seconds(2)).get(), request, &response);
    if (status.ok() && response.status() == grpc::health::v1::HealthCheckResponse::SERVING) {
      std::printf("SERVING\n");
      return 0;
    }
    last = status.ok()
               ? grpc::health::v1::HealthCheckResponse::ServingStatus_Name(response.status())
               : status.error_message();
    absl::SleepFor(absl::Milliseconds(250));
  } while (absl::Now() < deadline);
  std::fprintf(stderr, "%s\n", last.c_str());
  return 1;
}

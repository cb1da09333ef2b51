// query-service: statistics and listings over the articles stored by ingest-service.
#include <cstdlib>
#include <string>

#include "absl/flags/flag.h"
#include "absl/strings/str_cat.h"
#include "common/bearer_token_auth.h"
#include "common/database_flags.h"
#include "common/env_flags.h"
#include "common/grpc_server.h"
#include "common/json_log.h"
#include "common/migrator.h"
#include "common/pg_pool.h"
#include "common/server_flags.h"
#include "common/service_telemetry.h"
#include "query-service/src/pg_query_repository.h"
#include "query-service/src/query_grpc_service.h"

ABSL_FLAG(std::string, listen, "0.0.0.0:50052", "HOST:PORT to serve gRPC on.");
ABSL_FLAG(std::string, metrics_listen, "0.0.0.0:9452",
          "HOST:PORT to serve Prometheus metrics on, at /metrics.");
ABSL_FLAG(absl::Duration, readiness_interval, absl::Seconds(2),
          "How often the database and its schema are checked for health.");

int main(int argc, char** argv) {
  laurel::GrpcServer::BlockTerminationSignals();
  laurel::ParseFlagsWithEnvironment(
      argc, argv,
      "query-service --listen=HOST:PORT --database_url=URL\n"
      "Every flag may also be set as LAUREL_<FLAG> in the environment.");

  auto telemetry = laurel::ServiceTelemetry::Start(absl::GetFlag(FLAGS_metrics_listen));
  if (!telemetry.ok()) {
    laurel::log::Error("start_failed", {{"error", telemetry.status().ToString()}});
    return EXIT_FAILURE;
  }
  laurel::PgPool pool((*telemetry)->WatchPool(laurel::PgPoolOptionsFromFlags("laurel-query")));
  laurel::query::PgQueryRepository repository(pool);
  laurel::query::QueryGrpcService service(repository);

  laurel::GrpcServerOptions options;
  options.listen = absl::GetFlag(FLAGS_listen);
  options.services = {&service};
  options.interceptors = {(*telemetry)->RpcInterceptor()};
  options.health_names = {"laurel.v1.QueryService"};
  if (absl::Status status =
          laurel::ApplyServerFlags({{"laurel.v1.QueryService", laurel::kQueryScope}}, options,
                                   (*telemetry)->AuthRefusals(options.health_names));
      !status.ok()) {
    laurel::log::Error("bad_configuration", {{"error", status.ToString()}});
    return EXIT_FAILURE;
  }
  auto server = laurel::GrpcServer::Start(options);
  if (!server.ok()) {
    laurel::log::Error("start_failed", {{"error", server.status().ToString()}});
    return EXIT_FAILURE;
  }
  // The ingest service owns migrations; this one serves once the schema it was built for is there.
  (*server)->MonitorReadiness(
      [&pool] {
        return pool.WithConnection([](pqxx::connection& connection) -> absl::Status {
          auto applied = laurel::AppliedSchemaVersion(connection);
          if (!applied.ok()) return applied.status();
          if (*applied < laurel::EmbeddedSchemaVersion()) {
            return absl::UnavailableError(
                absl::StrCat("database schema is at version ", *applied, "; waiting for version ",
                             laurel::EmbeddedSchemaVersion(), " (applied by ingest-service)"));
          }
          return absl::OkStatus();
        });
      },
      absl::GetFlag(FLAGS_readiness_interval));
  (*server)->WaitForTermination();
  return EXIT_SUCCESS;
}

// ingest-service: accepts articles over gRPC, parses them and stores them in PostgreSQL.
#include <cstdlib>
#include <string>
#include <thread>

#include "absl/flags/flag.h"
#include "common/bearer_token_auth.h"
#include "common/database_flags.h"
#include "common/env_flags.h"
#include "common/grpc_server.h"
#include "common/json_log.h"
#include "common/migrator.h"
#include "common/pg_pool.h"
#include "common/server_flags.h"
#include "common/service_telemetry.h"
#include "ingest-service/src/admin_grpc_service.h"
#include "ingest-service/src/bulk_ingestor.h"
#include "ingest-service/src/group_commit.h"
#include "ingest-service/src/ingest_grpc_service.h"
#include "ingest-service/src/ingest_metrics.h"
#include "ingest-service/src/ingestor.h"
#include "ingest-service/src/parser/parse_article.h"
#include "ingest-service/src/pg_article_repository.h"
#include "ingest-service/src/reparser.h"
#include "ingest-service/src/rollup_lag_metrics.h"

ABSL_FLAG(std::string, listen, "0.0.0.0:50051", "HOST:PORT to serve gRPC on.");
ABSL_FLAG(std::string, metrics_listen, "0.0.0.0:9451",
          "HOST:PORT to serve Prometheus metrics on, at /metrics.");
ABSL_FLAG(int64_t, max_article_bytes, 1 << 20, "Largest article text accepted, in bytes.");
ABSL_FLAG(
    int64_t, bulk_window_bytes, 16 << 20,
    "Bytes of articles one IngestArticles stream may hold between reading them and the client "
    "receiving their outcomes; reading pauses above it.");
ABSL_FLAG(int, bulk_transaction_articles, 2000,
          "Most articles an IngestArticles stream stores in one transaction.");
ABSL_FLAG(int64_t, bulk_transaction_bytes, 4 << 20,
          "Most bytes of articles an IngestArticles stream stores in one transaction.");
ABSL_FLAG(int, bulk_writers, 2,
          "Transactions one IngestArticles stream keeps in flight at once (a database connection "
          "each).");
ABSL_FLAG(int, max_articles_per_message, 1000,
          "Most articles one IngestArticles message may carry.");
ABSL_FLAG(int, max_bulk_streams, 4,
          "Most IngestArticles streams served at once; more are refused with RESOURCE_EXHAUSTED.");
ABSL_FLAG(int, parse_threads, 0,
          "Threads parsing the articles of IngestArticles streams; 0 means one per core.");
ABSL_FLAG(
    int, unary_writers, 1,
    "Transactions IngestArticle calls share at once (a database connection each); the articles "
    "of calls arriving meanwhile wait for the next one (group commit).");
ABSL_FLAG(int, unary_transaction_articles, 64,
          "Most articles of IngestArticle calls stored in one transaction.");
ABSL_FLAG(absl::Duration, readiness_interval, absl::Seconds(2),
          "How often database reachability is checked for health.");
ABSL_FLAG(absl::Duration, rollup_lag_interval, absl::Seconds(15),
          "How often the articles stored by an older parser are counted for metrics.");

int main(int argc, char** argv) {
  laurel::GrpcServer::BlockTerminationSignals();
  laurel::ParseFlagsWithEnvironment(
      argc, argv,
      "ingest-service --listen=HOST:PORT --database_url=URL\n"
      "Every flag may also be set as LAUREL_<FLAG> in the environment.");

  auto telemetry = laurel::ServiceTelemetry::Start(absl::GetFlag(FLAGS_metrics_listen));
  if (!telemetry.ok()) {
    laurel::log::Error("start_failed", {{"error", telemetry.status().ToString()}});
    return EXIT_FAILURE;
  }
  laurel::PgPool pool((*telemetry)->WatchPool(laurel::PgPoolOptionsFromFlags("laurel-ingest")));
  laurel::ingest::PgArticleRepository repository(pool);
  laurel::ingest::RequestLimits limits;
  limits.max_text_bytes = absl::GetFlag(FLAGS_max_article_bytes);
  laurel::ingest::IngestMetrics ingest_metrics((*telemetry)->registry());
  laurel::ingest::GroupCommit unary_writes(
      repository, {.writers = absl::GetFlag(FLAGS_unary_writers),
                   .max_articles = absl::GetFlag(FLAGS_unary_transaction_articles)});
  laurel::ingest::Ingestor ingestor(repository, unary_writes, limits, &ingest_metrics);
  laurel::ingest::BulkIngestOptions bulk_options;
  bulk_options.window_bytes = absl::GetFlag(FLAGS_bulk_window_bytes);
  bulk_options.transaction_articles = absl::GetFlag(FLAGS_bulk_transaction_articles);
  bulk_options.transaction_bytes = absl::GetFlag(FLAGS_bulk_transaction_bytes);
  bulk_options.writers = absl::GetFlag(FLAGS_bulk_writers);
  bulk_options.max_articles_per_message = absl::GetFlag(FLAGS_max_articles_per_message);
  const int parse_threads = absl::GetFlag(FLAGS_parse_threads);
  laurel::ingest::BulkIngestor bulk(
      repository, limits, bulk_options,
      parse_threads > 0 ? parse_threads : static_cast<int>(std::thread::hardware_concurrency()),
      &ingest_metrics);
  laurel::ingest::IngestGrpcService service(ingestor, bulk, absl::GetFlag(FLAGS_max_bulk_streams));
  laurel::ingest::Reparser reparser(repository);
  laurel::ingest::AdminGrpcService admin(reparser);

  laurel::GrpcServerOptions options;
  options.listen = absl::GetFlag(FLAGS_listen);
  options.services = {&service, &admin};
  options.interceptors = {(*telemetry)->RpcInterceptor()};
  options.health_names = {"laurel.v1.IngestService", "laurel.v1.AdminService"};
  if (absl::Status status =
          laurel::ApplyServerFlags({{"laurel.v1.IngestService", laurel::kIngestScope},
                                    {"laurel.v1.AdminService", laurel::kAdminScope}},
                                   options, (*telemetry)->AuthRefusals(options.health_names));
      !status.ok()) {
    laurel::log::Error("bad_configuration", {{"error", status.ToString()}});
    return EXIT_FAILURE;
  }
  auto server = laurel::GrpcServer::Start(options);
  if (!server.ok()) {
    laurel::log::Error("start_failed", {{"error", server.status().ToString()}});
    return EXIT_FAILURE;
  }
  // Serving needs the schema: migrate as soon as the database answers (retrying until it does),
  // then keep checking that it still answers.
  // The same loop keeps the rollup lag gauge current; a failed count is logged, not a reason to
  // stop serving.
  bool migrated = false;
  laurel::ingest::RollupLagMetrics rollup_lag((*telemetry)->registry(),
                                              laurel::parser::kParserVersion,
                                              absl::GetFlag(FLAGS_rollup_lag_interval));
  (*server)->MonitorReadiness(
      [&pool, &migrated, &rollup_lag] {
        return pool.WithConnection([&migrated, &rollup_lag](pqxx::connection& connection) {
          if (!migrated) {
            if (absl::Status status = laurel::ApplyMigrations(connection); !status.ok()) {
              return status;
            }
            migrated = true;
          }
          {
            pqxx::nontransaction probe(connection);
            probe.exec("SELECT 1");
          }
          if (absl::Status counted = rollup_lag.Refresh(connection); !counted.ok()) {
            laurel::log::Warning("rollup_lag_unknown", {{"error", counted.ToString()}});
          }
          return absl::OkStatus();
        });
      },
      absl::GetFlag(FLAGS_readiness_interval));
  (*server)->WaitForTermination();
  return EXIT_SUCCESS;
}

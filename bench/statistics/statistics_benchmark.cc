// laurel-bench-statistics: times typical GetAwardStatistics calls against a running query-service
// and, in the same run, the same questions as SQL sent straight to PostgreSQL: the SELECT the
// service runs on its rollup table, and the question asked of the stored records (award_facts over
// the base tables). Prints one table row per question.
#include <algorithm>
#include <cstdio>
#include <functional>
#include <string>
#include <vector>

#include "absl/flags/flag.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_format.h"
#include "absl/time/clock.h"
#include "common/env_flags.h"
#include "grpcpp/grpcpp.h"
#include "laurel/v1/query_service.grpc.pb.h"
#include "pqxx/pqxx"
#include "query-service/src/statistics_query.h"

ABSL_FLAG(std::string, target, "127.0.0.1:50052", "query-service address, HOST:PORT.");
ABSL_FLAG(std::string, database_url, "", "The database the query-service reads (libpq URL).");
ABSL_FLAG(int, iterations, 300, "Timed calls per question (after warm-up), RPC and rollup SQL.");
ABSL_FLAG(int, base_iterations, 5, "Timed runs of each question against the stored records.");

namespace {

using laurel::v1::GetAwardStatisticsRequest;

struct Question {
  std::string name;
  GetAwardStatisticsRequest request;
};

std::vector<Question> Questions() {
  std::vector<Question> questions;
  const auto add = [&](std::string name,
                       const std::function<void(GetAwardStatisticsRequest&)>& set) {
    Question question{std::move(name), {}};
    set(question.request);
    questions.push_back(std::move(question));
  };
  using namespace laurel::v1;  // NOLINT: enum values read better unqualified here
  add("group by province", [](auto& r) { r.add_group_by(DIMENSION_PROVINCE); });
  add("total (no grouping)", [](auto&) {});
  add("current province, 2024", [](auto& r) {
    r.add_group_by(DIMENSION_CURRENT_PROVINCE);
    r.mutable_filter()->mutable_date_from()->set_year(2024);
    r.mutable_filter()->mutable_date_to()->set_year(2024);
  });
  add("province x award type", [](auto& r) {
    r.add_group_by(DIMENSION_PROVINCE);
    r.add_group_by(DIMENSION_AWARD_TYPE);
  });
  add("top 10 issuers by recipients", [](auto& r) {
    r.add_group_by(DIMENSION_ISSUER);
    r.mutable_order_by()->set_metric(METRIC_RECIPIENTS);
    r.mutable_order_by()->set_descending(true);
    r.set_limit(10);
  });
  add("monthly series, Hà Nội, 2023-24", [](auto& r) {
    r.add_group_by(DIMENSION_MONTH);
    r.mutable_filter()->set_province("Hà Nội");
    r.mutable_filter()->mutable_date_from()->set_year(2023);
    r.mutable_filter()->mutable_date_to()->set_year(2024);
    r.set_fill_time_gaps(true);
  });
  add("issuer level x year", [](auto& r) {
    r.add_group_by(DIMENSION_ISSUER_LEVEL);
    r.add_group_by(DIMENSION_YEAR);
  });
  add("award types in Nghệ An", [](auto& r) {
    r.add_group_by(DIMENSION_AWARD_TYPE);
    r.mutable_filter()->set_province("Nghệ An");
  });
  add("organizers, one movement (no rollup)", [](auto& r) {
    r.add_group_by(DIMENSION_ORGANIZER);
    r.mutable_filter()->set_movement("Vì an ninh Tổ quốc");
  });
  return questions;
}

struct Timing {
  double p50 = 0, p99 = 0;
};

// p50 and p99 in milliseconds of `runs` timed calls of `call`, after `warmup` untimed ones.
Timing Time(int warmup, int runs, const std::function<void()>& call) {
  for (int i = 0; i < warmup; ++i) call();
  std::vector<double> samples;
  for (int i = 0; i < runs; ++i) {
    const absl::Time start = absl::Now();
    call();
    samples.push_back(absl::ToDoubleMilliseconds(absl::Now() - start));
  }
  std::sort(samples.begin(), samples.end());
  const auto at = [&](double q) {
    return samples[std::min(samples.size() - 1, static_cast<size_t>(q * samples.size()))];
  };
  return {at(0.50), at(0.99)};
}

// A direct SELECT: one statement, no transaction block, as a client of the database would send it;
// with `prepared`, as a prepared statement (planned once), the way the service sends rollup
// queries.
void RunSql(pqxx::connection& connection, const laurel::query::StatisticsSql& sql, bool prepared) {
  pqxx::nontransaction transaction(connection);
  const auto params = pqxx::prepare::make_dynamic_params(sql.params);
  if (!prepared) {
    transaction.exec_params(sql.sql, params);
    return;
  }
  const std::string name = absl::StrCat("bench_", std::hash<std::string>{}(sql.sql));
  connection.prepare(name, sql.sql);
  transaction.exec_prepared(name, params);
}

}  // namespace

int main(int argc, char** argv) {
  laurel::ParseFlagsWithEnvironment(
      argc, argv, "laurel-bench-statistics --target=HOST:PORT --database_url=URL");
  auto stub = laurel::v1::QueryService::NewStub(
      grpc::CreateChannel(absl::GetFlag(FLAGS_target), grpc::InsecureChannelCredentials()));
  pqxx::connection connection(absl::GetFlag(FLAGS_database_url));
  const int64_t articles =
      pqxx::read_transaction(connection).exec1("SELECT count(*) FROM articles")[0].as<int64_t>();
  const int iterations = absl::GetFlag(FLAGS_iterations);
  const int base_iterations = absl::GetFlag(FLAGS_base_iterations);

  std::printf(
      "GetAwardStatistics on %ld articles: p50 / p99 in ms; %d RPCs and rollup SELECTs, %d "
      "stored-record SELECTs per question\n\n",
      articles, iterations, base_iterations);
  std::printf(
      "| question | served from | RPC p50 | RPC p99 | SELECT p50 | SELECT p99 | prepared SELECT "
      "p50 | prepared SELECT p99 | RPC / SELECT (p50) | RPC / prepared (p50) | base-table SQL p50 "
      "| "
      "base-table SQL p99 |\n");
  std::printf("|---|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|\n");
  for (const Question& question : Questions()) {
    laurel::v1::GetAwardStatisticsResponse response;
    const auto rpc = [&] {
      grpc::ClientContext context;
      const grpc::Status status = stub->GetAwardStatistics(&context, question.request, &response);
      if (!status.ok()) {
        std::fprintf(stderr, "%s: %s\n", question.name.c_str(), status.error_message().c_str());
        std::exit(1);
      }
    };
    auto served = laurel::query::BuildStatisticsSql(question.request);
    auto stored = laurel::query::BuildStatisticsSql(
        question.request, laurel::query::StatisticsSource::kStoredRecords);
    if (!served.ok() || !stored.ok()) {
      std::fprintf(stderr, "%s: cannot build SQL\n", question.name.c_str());
      return 1;
    }
    const bool rollup = served->served_from != "award_facts";
    const int runs = rollup ? iterations : base_iterations;
    const int warmup = rollup ? 30 : 1;
    const Timing rpc_time = Time(warmup, runs, rpc);
    const Timing sql = Time(warmup, runs, [&] { RunSql(connection, *served, false); });
    const Timing prepared =
        rollup ? Time(warmup, runs, [&] { RunSql(connection, *served, true); }) : sql;
    const Timing base = Time(1, base_iterations, [&] { RunSql(connection, *stored, false); });
    std::printf(
        "| %s | %s | %.2f | %.2f | %.2f | %.2f | %.2f | %.2f | %.2f | %.2f | %.1f | %.1f |\n",
        question.name.c_str(), served->served_from.c_str(), rpc_time.p50, rpc_time.p99, sql.p50,
        sql.p99, prepared.p50, prepared.p99, rpc_time.p50 / sql.p50, rpc_time.p50 / prepared.p50,
        base.p50, base.p99);
  }
  return 0;
}

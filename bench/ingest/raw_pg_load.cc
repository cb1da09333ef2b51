// raw_pg_load: PostgreSQL's own speed on Laurel's rows, the ceiling Laurel's ingest is measured
// against (bench/ingest_benchmark.sh). Not product code: it writes the tables directly.
//
//   raw_pg_load --database_url=URL migrate
//       brings an empty database to Laurel's schema (outside any timing).
//   raw_pg_load --database_url=URL --clients=8 transactions DIR
//       stores the rows of DIR/{articles,events,awards}.copy (COPY text format, as `\copy TABLE TO`
//       writes them) one article per transaction, pgbench-style: each of --clients connections
//       takes the next article and runs BEGIN; INSERT the article; INSERT its events; INSERT its
//       awards; COMMIT. Rows the events refer to (distinct_events) must be there already; derived
//       tables (rollups) are left alone: this is the ceiling. Prints: articles=N seconds=S
//       articles_per_s=R
#include <atomic>
#include <cstdio>
#include <fstream>
#include <map>
#include <optional>
#include <string>
#include <thread>
#include <vector>

#include "absl/flags/flag.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_split.h"
#include "absl/time/clock.h"
#include "common/env_flags.h"
#include "common/migrator.h"
#include "pqxx/pqxx"

ABSL_FLAG(std::string, database_url, "", "libpq URL of the database to write.");
ABSL_FLAG(int, clients, 8, "Concurrent connections, one transaction per article each.");

namespace {

using Row = std::vector<std::optional<std::string>>;

// One field of COPY's text format: \N is NULL; backslash escapes as PostgreSQL writes them.
std::optional<std::string> Unescape(absl::string_view field) {
  if (field == "\\N") return std::nullopt;
  std::string out;
  out.reserve(field.size());
  for (size_t i = 0; i < field.size(); ++i) {
    if (field[i] != '\\' || i + 1 == field.size()) {
      out.push_back(field[i]);
      continue;
    }
    const char c = field[++i];
    static constexpr absl::string_view kEscapes = "bfnrtv";
    static constexpr absl::string_view kControls = "\b\f\n\r\t\v";
    if (const size_t escape = kEscapes.find(c); escape != absl::string_view::npos) {
      out.push_back(kControls[escape]);
    } else if (c >= '0' && c <= '7') {
      int value = c - '0';
      for (int k = 0; k < 2 && i + 1 < field.size() && field[i + 1] >= '0' && field[i + 1] <= '7';
           ++k) {
        value = value * 8 + (field[++i] - '0');
      }
      out.push_back(static_cast<char>(value));
    } else {
      out.push_back(c);
    }
  }
  return out;
}

std::vector<Row> ReadCopyFile(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) {
    std::fprintf(stderr, "raw_pg_load: cannot read %s\n", path.c_str());
    std::exit(2);
  }
  std::vector<Row> rows;
  for (std::string line; std::getline(in, line);) {
    Row row;
    for (absl::string_view field : absl::StrSplit(line, '\t')) row.push_back(Unescape(field));
    rows.push_back(std::move(row));
  }
  return rows;
}

// INSERT INTO table VALUES ($1, ...), (...) for `rows` rows of `columns` columns, ids as given.
std::string InsertStatement(const std::string& table, size_t columns, size_t rows) {
  std::string sql = absl::StrCat("INSERT INTO ", table, " OVERRIDING SYSTEM VALUE VALUES ");
  int parameter = 0;
  for (size_t r = 0; r < rows; ++r) {
    absl::StrAppend(&sql, r == 0 ? "(" : ",(");
    for (size_t c = 0; c < columns; ++c) absl::StrAppend(&sql, c == 0 ? "$" : ",$", ++parameter);
    sql += ')';
  }
  return sql;
}

void Insert(pqxx::work& transaction, const std::string& table,
            const std::vector<const Row*>& rows) {
  if (rows.empty()) return;
  std::vector<const char*> values;
  for (const Row* row : rows) {
    for (const auto& field : *row) values.push_back(field.has_value() ? field->c_str() : nullptr);
  }
  transaction.exec_params(InsertStatement(table, rows.front()->size(), rows.size()),
                          pqxx::prepare::make_dynamic_params(values));
}

// Position of `column` in `table`, counting from 0.
size_t ColumnIndex(pqxx::connection& connection, const std::string& table,
                   const std::string& column) {
  pqxx::nontransaction session(connection);
  return session
             .exec_params1(
                 "SELECT ordinal_position FROM information_schema.columns "
                 "WHERE table_name = $1 AND column_name = $2",
                 table, column)[0]
             .as<size_t>() -
         1;
}

int Transactions(const std::string& url, const std::string& dir, int clients) {
  const std::vector<Row> articles = ReadCopyFile(dir + "/articles.copy");
  const std::vector<Row> events = ReadCopyFile(dir + "/events.copy");
  const std::vector<Row> awards = ReadCopyFile(dir + "/awards.copy");
  pqxx::connection probe(url);
  const size_t event_article = ColumnIndex(probe, "events", "article_id");
  const size_t award_article = ColumnIndex(probe, "awards", "article_id");
  std::map<std::string, std::vector<const Row*>> events_of, awards_of;
  for (const Row& row : events) events_of[*row[event_article]].push_back(&row);
  for (const Row& row : awards) awards_of[*row[award_article]].push_back(&row);

  // Read by every thread at once: looked up with find, never operator[], which inserts.
  const auto rows_of = [](const std::map<std::string, std::vector<const Row*>>& index,
                          const std::string& article_id) {
    const auto it = index.find(article_id);
    return it == index.end() ? std::vector<const Row*>() : it->second;
  };

  std::vector<std::unique_ptr<pqxx::connection>> connections;
  for (int i = 0; i < clients; ++i) connections.push_back(std::make_unique<pqxx::connection>(url));
  std::atomic<size_t> next = 0;
  const absl::Time start = absl::Now();
  std::vector<std::thread> threads;
  for (int i = 0; i < clients; ++i) {
    threads.emplace_back([&, connection = connections[i].get()] {
      for (size_t a = next++; a < articles.size(); a = next++) {
        const Row& article = articles[a];
        pqxx::work transaction(*connection);
        Insert(transaction, "articles", {&article});
        Insert(transaction, "events", rows_of(events_of, *article[0]));
        Insert(transaction, "awards", rows_of(awards_of, *article[0]));
        transaction.commit();
      }
    });
  }
  for (std::thread& thread : threads) thread.join();
  const double seconds = absl::ToDoubleSeconds(absl::Now() - start);
  std::printf("articles=%zu seconds=%.2f articles_per_s=%.0f\n", articles.size(), seconds,
              articles.size() / seconds);
  return 0;
}

}  // namespace

int main(int argc, char** argv) {
  const std::vector<char*> arguments = laurel::ParseFlagsWithEnvironment(
      argc, argv,
      "raw_pg_load --database_url=URL migrate | "
      "raw_pg_load --database_url=URL --clients=8 transactions DIR");
  const std::string url = absl::GetFlag(FLAGS_database_url);
  const std::string mode = arguments.size() > 1 ? arguments[1] : "";
  try {
    if (mode == "migrate" && arguments.size() == 2) {
      pqxx::connection connection(url);
      const absl::Status status = laurel::ApplyMigrations(connection);
      if (!status.ok()) std::fprintf(stderr, "raw_pg_load: %s\n", status.ToString().c_str());
      return status.ok() ? 0 : 1;
    }
    if (mode == "transactions" && arguments.size() == 3) {
      return Transactions(url, arguments[2], absl::GetFlag(FLAGS_clients));
    }
  } catch (const std::exception& error) {
    std::fprintf(stderr, "raw_pg_load: %s\n", error.what());
    return 1;
  }
  std::fprintf(stderr, "raw_pg_load: expected `migrate` or `transactions DIR`; see --help\n");
  return 2;
}

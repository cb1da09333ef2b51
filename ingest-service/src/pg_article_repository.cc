#include "ingest-service/src/pg_article_repository.h"

#include <string>

#include "absl/strings/escaping.h"
#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "common/prepared_statements.h"
#include "common/record_rows.h"
#include "common/resource_names.h"
#include "common/rollups.h"
#include "ingest-service/src/batch_duplicates.h"
#include "ingest-service/src/record_staging.h"

namespace laurel::ingest {
namespace {

constexpr char kFindExisting[] = R"sql(
SELECT id FROM (
  SELECT id, 1 AS priority FROM articles WHERE request_id = $1
  UNION ALL
  SELECT id, 2 FROM articles WHERE url = $2
  UNION ALL
  SELECT id, 3 FROM articles WHERE $2 = '' AND url IS NULL AND identity_hash = decode($3, 'hex')
) found
ORDER BY priority, id
LIMIT 1)sql";

// Staged articles into `articles`. ON CONFLICT without a target covers all three natural keys
// (request_id, url, identity for url-less articles); an article that conflicts is answered with the
// stored one (same priority as kFindExisting) and its staged records are dropped.
constexpr char kInsertStagedArticles[] = R"sql(
WITH inserted AS (
  INSERT INTO articles (id, url, source, request_id, identity_hash, title, author, published_at,
                        published_utc_offset_minutes, text, parser_version)
  OVERRIDING SYSTEM VALUE
  SELECT id, url, source, request_id, identity_hash, title, author, to_timestamp(published_seconds),
         published_utc_offset_minutes, text, parser_version
  FROM laurel_staged_articles
  ORDER BY ordinal
  ON CONFLICT DO NOTHING
  RETURNING id
)
UPDATE laurel_staged_articles s SET created = TRUE, stored_id = s.id
FROM inserted WHERE inserted.id = s.id;
UPDATE laurel_staged_articles s SET stored_id = (
  SELECT id FROM (
    SELECT ar.id, 1 AS priority FROM articles ar WHERE ar.request_id = s.request_id
    UNION ALL
    SELECT ar.id, 2 FROM articles ar WHERE ar.url = s.url
    UNION ALL
    SELECT ar.id, 3 FROM articles ar
    WHERE s.url IS NULL AND ar.url IS NULL AND ar.identity_hash = s.identity_hash
  ) found
  ORDER BY priority, id
  LIMIT 1)
WHERE NOT s.created;
DELETE FROM laurel_staged_events e USING laurel_staged_articles s
WHERE s.id = e.article_id AND NOT s.created;
DELETE FROM laurel_staged_awards a USING laurel_staged_articles s
WHERE s.id = a.article_id AND NOT s.created;
)sql";

constexpr char kCreatedArticles[] = "SELECT id FROM laurel_staged_articles WHERE created";

// The third column: the stored article carries this one's request_id (a retry of the write that
// stored it).
constexpr char kStagedOutcome[] = R"sql(
SELECT s.stored_id, s.created, COALESCE(ar.request_id = s.request_id, FALSE)
FROM laurel_staged_articles s LEFT JOIN articles ar ON ar.id = s.stored_id
ORDER BY s.ordinal)sql";

// The stored id of each article, whether this write created it, and whether the stored one has
// its request_id.
struct Outcome {
  int64_t stored_id = 0;
  bool created = false;
  bool same_request = false;
};

// Batches of at most this many articles run the write through a PL/pgSQL function of the
// session, whose statements' plans PostgreSQL caches; larger ones have them planned for their
// size. Planning the write takes ~3.5 ms of PostgreSQL CPU whatever the batch (the rollup
// statement alone 1.7 ms): more than storing one article, nothing next to storing 2000. A cached
// plan is made for the size of the staged tables at the time: one made for a few articles could be
// poor for thousands (nested loops over the staging tables), so bulk transactions keep planning
// theirs. One function call rather than a prepared statement each: small writes wait on round
// trips, not on CPU (measured: 13 statements took ~5 ms of a transaction's ~10).
constexpr size_t kCachedPlanBatchArticles = 64;

// The write after the COPYs, as one script, the outcome query last.
const std::string& WriteScript() {
  static const std::string* const kWrite = new std::string(
      absl::StrCat(kInsertStagedArticles, kFingerprintStagedEvents, kStoreStagedRecords,
                   RollupMaintenanceSql(kCreatedArticles, +1), ";\n", kStagedOutcome));
  return *kWrite;
}

// The session's function running WriteScript: every statement but the last as it is (the rollup
// statement's one row into a variable, which PL/pgSQL wants), the last's rows returned.
const std::string& WriteFunctionDefinition() {
  static const std::string* const kDefinition = [] {
    const std::vector<std::string> statements = SplitStatements(WriteScript());
    std::string body;
    for (size_t i = 0; i + 1 < statements.size(); ++i) {
      const bool returns_row = absl::EndsWith(statements[i], "SELECT 1");
      absl::StrAppend(&body, "  ", statements[i], returns_row ? " INTO done" : "", ";\n");
    }
    return new std::string(absl::StrCat(
        "CREATE FUNCTION pg_temp.laurel_write_staged()\n"
        "RETURNS TABLE (o_stored_id BIGINT, o_created BOOLEAN, o_same_request BOOLEAN)\n"
        "LANGUAGE plpgsql\n"
        // A few staged rows against large tables: every join is a few index look-ups, but the
        // cached plans are made for staging tables without statistics (hundreds of rows assumed),
        // and hash joins over them read all of distinct_events on every write (measured: 5 ms of
        // a 6 ms statement at 10,000 articles, growing with the table).
        "SET enable_hashjoin = off SET enable_mergejoin = off\n"
        "AS $laurel$\n#variable_conflict use_column\nDECLARE done INTEGER;\n"
        "BEGIN\n",
        body, "  RETURN QUERY ", statements.back(), ";\nEND\n$laurel$"));
  }();
  return *kDefinition;
}

// Runs the write of the staged articles through the session's function, created on first use.
pqxx::result WriteThroughFunction(pqxx::transaction_base& transaction) {
  if (ExecPrepared(transaction,
                   "SELECT to_regprocedure('pg_temp.laurel_write_staged()') IS NULL")[0][0]
          .as<bool>()) {
    transaction.exec(WriteFunctionDefinition());
  }
  return ExecPrepared(transaction, "SELECT * FROM pg_temp.laurel_write_staged()");
}

// Writes `articles` (none repeating another) with their records and rollup contributions: a
// large batch in one round trip after the COPYs planned for its size, a small one with cached
// plans.
std::vector<Outcome> WriteArticles(pqxx::transaction_base& transaction,
                                   const std::vector<const NewArticle*>& articles) {
  EnsureStagingTables(transaction);
  const std::vector<int64_t> ids = AllocateArticleIds(transaction, articles.size());
  std::vector<StagedArticle> staged;
  staged.reserve(articles.size());
  for (size_t i = 0; i < articles.size(); ++i) staged.push_back({ids[i], articles[i]});
  StageArticles(transaction, staged);
  pqxx::result rows;
  if (articles.size() <= kCachedPlanBatchArticles) {
    rows = WriteThroughFunction(transaction);
  } else {
    rows = transaction.exec(WriteScript());
  }
  std::vector<Outcome> outcomes;
  outcomes.reserve(articles.size());
  for (const pqxx::row& row : rows) {
    // No stored id: the conflicting article was removed between the insert and the lookup.
    if (row[0].is_null()) throw pqxx::serialization_failure("conflicting article vanished");
    outcomes.push_back({row[0].as<int64_t>(), row[1].as<bool>(), row[2].as<bool>()});
  }
  return outcomes;
}

std::optional<v1::IngestArticleResponse> LoadStored(pqxx::transaction_base& transaction,
                                                    int64_t article_id, bool created) {
  auto stored = LoadArticle(transaction, article_id, /*with_text=*/false);
  if (!stored.has_value()) return std::nullopt;
  v1::IngestArticleResponse response;
  response.set_created(created);
  *response.mutable_article() = std::move(*stored->mutable_article());
  *response.mutable_events() = std::move(*stored->mutable_events());
  *response.mutable_awards() = std::move(*stored->mutable_awards());
  return response;
}

}  // namespace

absl::StatusOr<std::optional<v1::IngestArticleResponse>> PgArticleRepository::FindExisting(
    const ArticleKeys& keys) {
  std::optional<v1::IngestArticleResponse> found;
  absl::Status status = pool_.InTransaction([&](pqxx::work& transaction) {
    const pqxx::result ids = transaction.exec_params(kFindExisting, keys.request_id, keys.url,
                                                     absl::BytesToHexString(keys.identity_hash));
    if (!ids.empty()) found = LoadStored(transaction, ids[0][0].as<int64_t>(), false);
    return absl::OkStatus();
  });
  if (!status.ok()) return status;
  return found;
}

absl::StatusOr<std::optional<v1::IngestArticleResponse>> PgArticleRepository::Load(int64_t id) {
  std::optional<v1::IngestArticleResponse> found;
  absl::Status status = pool_.InTransaction([&](pqxx::work& transaction) {
    found = LoadStored(transaction, id, /*created=*/false);
    return absl::OkStatus();
  });
  if (!status.ok()) return status;
  return found;
}

absl::StatusOr<std::vector<StoredArticle>> PgArticleRepository::InsertBatch(
    const std::vector<NewArticle>& articles) {
  std::vector<StoredArticle> results(articles.size());
  if (articles.empty()) return results;
  const std::vector<size_t> first = FirstOccurrences(articles);
  std::vector<const NewArticle*> leaders;
  std::vector<size_t> leader_of(articles.size());
  for (size_t i = 0; i < articles.size(); ++i) {
    if (first[i] == i) {
      leader_of[i] = leaders.size();
      leaders.push_back(&articles[i]);
    } else {
      leader_of[i] = leader_of[first[i]];
    }
  }
  std::vector<Outcome> outcomes;
  absl::Status status = pool_.InTransaction([&](pqxx::work& transaction) {
    outcomes = WriteArticles(transaction, leaders);
    return absl::OkStatus();
  });
  if (!status.ok()) return status;
  for (size_t i = 0; i < articles.size(); ++i) {
    const Outcome& outcome = outcomes[leader_of[i]];
    results[i].id = outcome.stored_id;
    results[i].name = ResourceName(kArticles, outcome.stored_id);
    results[i].created = outcome.created && first[i] == i;
    results[i].replayed = !outcome.created && outcome.same_request && first[i] == i;
  }
  return results;
}

}  // namespace laurel::ingest

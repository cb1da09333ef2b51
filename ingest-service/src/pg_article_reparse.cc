// PgArticleRepository::Reparse: replaces the records of stored articles with what the current
// parser reads from their texts, and keeps everything derived from records exact on the way.
#include <string>
#include <vector>

#include "absl/strings/str_cat.h"
#include "common/rollups.h"
#include "ingest-service/src/pg_article_repository.h"
#include "ingest-service/src/record_staging.h"

namespace laurel::ingest {
namespace {

// Re-parse calls take turns (transaction-scoped advisory lock): two of them could otherwise both
// recount an article that reports events of both their batches.
constexpr int64_t kReparseLockKey = 0x4c61757265700001;  // "Laurep" + 1

constexpr char kSelectOutdated[] = R"sql(
SELECT id, text, source, COALESCE(url, ''), COALESCE(request_id, ''), identity_hash
FROM articles WHERE parser_version < $1 ORDER BY id LIMIT $2 FOR UPDATE)sql";

constexpr char kSelectAfter[] = R"sql(
SELECT id, text, source, COALESCE(url, ''), COALESCE(request_id, ''), identity_hash
FROM articles WHERE id > $1 ORDER BY id LIMIT $2 FOR UPDATE)sql";

constexpr char kCountOutdated[] = "SELECT count(*) FROM articles WHERE parser_version < $1";
constexpr char kCountAfter[] = "SELECT count(*) FROM articles WHERE id > $1";

// The distinct events the batch reports now, and those its re-read events will join, are locked
// before the scope is read, so an ingest adding a report of one of them either committed before
// (and is in the scope) or waits for this transaction. The scope is every article whose
// contribution to the rollups may change: the batch, and every article reporting one of those
// events (their first report, and so the counted records, may move).
constexpr char kCreateBatch[] =
    "CREATE TEMPORARY TABLE laurel_reparse_batch (article_id BIGINT PRIMARY KEY) ON COMMIT DROP";
constexpr char kFillBatch[] =
    "INSERT INTO laurel_reparse_batch SELECT unnest($1::BIGINT[]) ORDER BY 1";
constexpr char kLockAndScope[] = R"sql(
CREATE TEMPORARY TABLE laurel_reparse_units ON COMMIT DROP AS
SELECT distinct_event_id AS id FROM events
WHERE article_id IN (SELECT article_id FROM laurel_reparse_batch)
UNION
SELECT id FROM distinct_events
WHERE fingerprint IN (SELECT fingerprint FROM laurel_staged_events);
SELECT 1 FROM distinct_events WHERE id IN (SELECT id FROM laurel_reparse_units)
ORDER BY id FOR UPDATE;
CREATE TEMPORARY TABLE laurel_reparse_scope ON COMMIT DROP AS
SELECT article_id FROM laurel_reparse_batch
UNION
SELECT article_id FROM events WHERE distinct_event_id IN (SELECT id FROM laurel_reparse_units);
)sql";

// What a re-parse may change about an article, as one digest per article.
constexpr char kDigests[] = R"sql(
SELECT md5(concat_ws('|', ar.title, ar.author, ar.published_at, ar.published_utc_offset_minutes,
  (SELECT string_agg(concat_ws(',', e.ordinal, e.kind, e.date_year, e.date_month, e.date_day,
                               e.province, e.current_province, e.organizer, e.movement,
                               e.period_start_year, e.period_end_year), ';' ORDER BY e.ordinal)
   FROM events e WHERE e.article_id = ar.id),
  (SELECT string_agg(concat_ws(',', a.ordinal, (SELECT e.ordinal FROM events e WHERE e.id = a.event_id),
                               a.award_type, a.award_name, a.issuer, a.issuer_level,
                               a.recipient_kind, a.recipient_count, a.recipients::TEXT,
                               a.presenter), ';' ORDER BY a.ordinal)
   FROM awards a WHERE a.article_id = ar.id)))
FROM articles ar WHERE ar.id IN (SELECT article_id FROM laurel_reparse_batch) ORDER BY ar.id)sql";

// The batch's records go. Each distinct event they reported keeps its other reports, recounted; one
// nobody reports any more goes. (Which report is first is settled once the new records are in.)
constexpr char kRemoveRecords[] = R"sql(
DELETE FROM awards WHERE article_id IN (SELECT article_id FROM laurel_reparse_batch);
DELETE FROM events WHERE article_id IN (SELECT article_id FROM laurel_reparse_batch);
UPDATE distinct_events d
SET mention_count = r.mentions, first_event_id = r.first_event_id
FROM (SELECT distinct_event_id, count(DISTINCT article_id) AS mentions, min(id) AS first_event_id
      FROM events WHERE distinct_event_id IN (SELECT id FROM laurel_reparse_units)
      GROUP BY distinct_event_id) r
WHERE d.id = r.distinct_event_id;
DELETE FROM distinct_events d
WHERE d.id IN (SELECT id FROM laurel_reparse_units)
  AND NOT EXISTS (SELECT 1 FROM events e WHERE e.distinct_event_id = d.id);
)sql";

// The first report of every event in scope is the earliest article's (as when they were first
// stored, whatever order re-parsing goes in), and exactly its awards count. Events the batch starts
// are first reported by the batch's earliest article already.
constexpr char kSettleFirstReports[] = R"sql(
UPDATE distinct_events d SET first_event_id = f.event_id
FROM (SELECT DISTINCT ON (distinct_event_id) distinct_event_id, id AS event_id FROM events
      WHERE distinct_event_id IN (SELECT id FROM laurel_reparse_units)
      ORDER BY distinct_event_id, article_id, ordinal, id) f
WHERE d.id = f.distinct_event_id AND d.first_event_id <> f.event_id;
UPDATE awards a SET counted = (a.event_id = d.first_event_id)
FROM events e JOIN distinct_events d ON d.id = e.distinct_event_id
WHERE a.event_id = e.id
  AND d.id IN (SELECT id FROM laurel_reparse_units)
  AND a.counted <> (a.event_id = d.first_event_id);
)sql";

// The staged articles are the stored ones: they take the re-read title, byline and date, and the
// parser version; then their records are stored as for a new article.
constexpr char kUpdateArticles[] = R"sql(
UPDATE laurel_staged_articles SET created = TRUE, stored_id = id;
UPDATE articles ar
SET title = s.title, author = s.author, published_at = to_timestamp(s.published_seconds),
    published_utc_offset_minutes = s.published_utc_offset_minutes, parser_version = s.parser_version
FROM laurel_staged_articles s WHERE s.id = ar.id;
)sql";

constexpr char kScope[] = "SELECT article_id FROM laurel_reparse_scope";

std::vector<std::string> Digests(pqxx::transaction_base& transaction) {
  std::vector<std::string> digests;
  for (const pqxx::row& row : transaction.exec(kDigests))
    digests.push_back(row[0].as<std::string>());
  return digests;
}

}  // namespace

absl::StatusOr<ReparseOutcome> PgArticleRepository::Reparse(const ReparseSelection& selection,
                                                            const TextParser& parse) {
  ReparseOutcome outcome;
  absl::Status status = pool_.InTransaction([&](pqxx::work& transaction) -> absl::Status {
    outcome = ReparseOutcome();
    transaction.exec_params("SELECT pg_advisory_xact_lock($1)", kReparseLockKey);
    const pqxx::result selected =
        selection.every_version
            ? transaction.exec_params(kSelectAfter, selection.after_id, selection.limit)
            : transaction.exec_params(kSelectOutdated, selection.parser_version, selection.limit);
    std::vector<NewArticle> articles;
    std::vector<StagedArticle> staged;
    std::string ids = "{";
    articles.reserve(selected.size());
    for (const pqxx::row& row : selected) {
      NewArticle& article = articles.emplace_back();
      article.text = row[1].as<std::string>();
      article.source = row[2].as<std::string>();
      article.keys.url = row[3].as<std::string>();
      article.keys.request_id = row[4].as<std::string>();
      article.keys.identity_hash = pqxx::binarystring(row[5]).str();
      article.parser_version = selection.parser_version;
      auto records = parse(article.text);
      if (!records.ok()) {
        return absl::Status(records.status().code(),
                            absl::StrCat("article ", row[0].as<int64_t>(),
                                         " cannot be re-parsed: ", records.status().message()));
      }
      article.records = std::move(*records);
      absl::StrAppend(&ids, ids.size() > 1 ? "," : "", row[0].as<int64_t>());
      outcome.last_id = row[0].as<int64_t>();
    }
    for (size_t i = 0; i < articles.size(); ++i) {
      staged.push_back({selected[static_cast<int>(i)][0].as<int64_t>(), &articles[i]});
    }
    ids += "}";
    outcome.reparsed = static_cast<int>(articles.size());
    if (!articles.empty()) {
      EnsureStagingTables(transaction);
      StageArticles(transaction, staged);
      transaction.exec(kFingerprintStagedEvents);
      transaction.exec(kCreateBatch);
      transaction.exec_params(kFillBatch, ids);
      transaction.exec(kLockAndScope);
      const std::vector<std::string> before = Digests(transaction);
      transaction.exec(RollupMaintenanceSql(kScope, -1));
      transaction.exec(
          absl::StrCat(kRemoveRecords, kUpdateArticles, kStoreStagedRecords, kSettleFirstReports));
      transaction.exec(RollupMaintenanceSql(kScope, +1));
      transaction.exec(RollupCleanupSql());
      const std::vector<std::string> after = Digests(transaction);
      for (size_t i = 0; i < before.size(); ++i) outcome.changed += before[i] != after[i];
    }
    outcome.remaining =
        (selection.every_version
             ? transaction.exec_params1(kCountAfter,
                                        outcome.last_id > 0 ? outcome.last_id : selection.after_id)
             : transaction.exec_params1(kCountOutdated, selection.parser_version))[0]
            .as<int64_t>();
    return absl::OkStatus();
  });
  if (!status.ok()) return status;
  return outcome;
}

}  // namespace laurel::ingest

#include "ingest-service/src/record_staging.h"

#include <optional>
#include <string>
#include <tuple>

#include "absl/strings/escaping.h"
#include "absl/strings/str_cat.h"
#include "common/enum_codes.h"

namespace laurel::ingest {
namespace {

constexpr char kCreateStagingTables[] = R"sql(
DO $$
BEGIN
  IF to_regclass('pg_temp.laurel_staged_articles') IS NULL THEN
    CREATE TEMPORARY TABLE laurel_staged_articles (
      ordinal INTEGER NOT NULL, id BIGINT NOT NULL, url TEXT, source TEXT NOT NULL, request_id TEXT,
      identity_hash BYTEA NOT NULL, title TEXT NOT NULL, author TEXT NOT NULL,
      published_seconds BIGINT, published_utc_offset_minutes INTEGER, text TEXT NOT NULL,
      parser_version INTEGER NOT NULL, created BOOLEAN NOT NULL DEFAULT FALSE, stored_id BIGINT
    ) ON COMMIT DELETE ROWS;
    CREATE TEMPORARY TABLE laurel_staged_events (
      id BIGINT NOT NULL, article_id BIGINT NOT NULL, ordinal INTEGER NOT NULL, kind TEXT NOT NULL,
      date_year SMALLINT NOT NULL, date_month SMALLINT NOT NULL, date_day SMALLINT NOT NULL,
      province TEXT NOT NULL, current_province TEXT NOT NULL, organizer TEXT NOT NULL,
      movement TEXT NOT NULL, period_start_year SMALLINT NOT NULL, period_end_year SMALLINT NOT NULL,
      span_begin BIGINT NOT NULL, span_end BIGINT NOT NULL, confidence DOUBLE PRECISION NOT NULL,
      fingerprint BYTEA, distinct_event_id BIGINT
    ) ON COMMIT DELETE ROWS;
    CREATE TEMPORARY TABLE laurel_staged_awards (
      id BIGINT NOT NULL, article_id BIGINT NOT NULL, event_id BIGINT, ordinal INTEGER NOT NULL,
      award_type TEXT NOT NULL, award_name TEXT NOT NULL, issuer TEXT NOT NULL,
      issuer_level TEXT NOT NULL, recipient_kind TEXT NOT NULL, recipient_count BIGINT,
      recipients TEXT[] NOT NULL, presenter TEXT NOT NULL, span_begin BIGINT NOT NULL,
      span_end BIGINT NOT NULL, confidence DOUBLE PRECISION NOT NULL
    ) ON COMMIT DELETE ROWS;
  END IF;
END
$$)sql";

std::vector<int64_t> AllocateIds(pqxx::transaction_base& transaction, const char* table,
                                 size_t count) {
  std::vector<int64_t> ids;
  if (count == 0) return ids;
  ids.reserve(count);
  const pqxx::result rows =
      transaction.exec_params(absl::StrCat("SELECT nextval(pg_get_serial_sequence('", table,
                                           "', 'id')) FROM generate_series(1, $1)"),
                              static_cast<int64_t>(count));
  for (const pqxx::row& row : rows) ids.push_back(row[0].as<int64_t>());
  return ids;
}

std::optional<std::string> NullIfEmpty(const std::string& value) {
  if (value.empty()) return std::nullopt;
  return value;
}

// A PostgreSQL text[] literal; stream_to adds COPY's own escaping on top.
std::string TextArray(const google::protobuf::RepeatedPtrField<std::string>& items) {
  std::string literal = "{";
  for (int i = 0; i < items.size(); ++i) {
    if (i > 0) literal.push_back(',');
    literal.push_back('"');
    for (const char ch : items[i]) {
      if (ch == '"' || ch == '\\') literal.push_back('\\');
      literal.push_back(ch);
    }
    literal.push_back('"');
  }
  return literal + "}";
}

}  // namespace

const char kFingerprintStagedEvents[] = R"sql(
UPDATE laurel_staged_events e SET fingerprint = fp.fingerprint
FROM (
  SELECT e.id,
         event_fingerprint(e.date_year, e.date_month, e.date_day, e.province, e.organizer,
                           COALESCE(array_agg(g.key ORDER BY g.key) FILTER (WHERE a.id IS NOT NULL),
                                    '{}')) AS fingerprint
  FROM laurel_staged_events e
  LEFT JOIN laurel_staged_awards a ON a.event_id = e.id
  CROSS JOIN LATERAL (SELECT award_group_key(a.award_type, a.award_name, a.issuer,
                                             a.recipient_kind, a.recipient_count) AS key) g
  GROUP BY e.id, e.date_year, e.date_month, e.date_day, e.province, e.organizer
) fp
WHERE fp.id = e.id;
)sql";

const char kStoreStagedRecords[] = R"sql(WITH upserted AS (
  INSERT INTO distinct_events AS d (fingerprint, first_event_id, mention_count)
  SELECT fingerprint, min(id), count(DISTINCT article_id) FROM laurel_staged_events
  WHERE fingerprint IS NOT NULL
  GROUP BY fingerprint
  ORDER BY fingerprint
  ON CONFLICT (fingerprint) DO UPDATE SET mention_count = d.mention_count + EXCLUDED.mention_count
  RETURNING id, fingerprint
)
UPDATE laurel_staged_events e SET distinct_event_id = upserted.id
FROM upserted WHERE e.fingerprint = upserted.fingerprint;
WITH own AS (
  INSERT INTO distinct_events (first_event_id, mention_count)
  SELECT id, 1 FROM laurel_staged_events WHERE fingerprint IS NULL ORDER BY id
  RETURNING id, first_event_id
)
UPDATE laurel_staged_events e SET distinct_event_id = own.id
FROM own WHERE own.first_event_id = e.id;
INSERT INTO events (id, article_id, ordinal, kind, date_year, date_month, date_day, province,
                    current_province, organizer, movement, period_start_year, period_end_year,
                    span_begin, span_end, confidence, distinct_event_id)
OVERRIDING SYSTEM VALUE
SELECT id, article_id, ordinal, kind, date_year, date_month, date_day, province, current_province,
       organizer, movement, period_start_year, period_end_year, span_begin, span_end, confidence,
       distinct_event_id
FROM laurel_staged_events
ORDER BY id;
INSERT INTO awards (id, article_id, event_id, ordinal, award_type, award_name, issuer, issuer_level,
                    recipient_kind, recipient_count, recipients, presenter, span_begin, span_end,
                    confidence, counted)
OVERRIDING SYSTEM VALUE
SELECT a.id, a.article_id, a.event_id, a.ordinal, a.award_type, a.award_name, a.issuer,
       a.issuer_level, a.recipient_kind, a.recipient_count, a.recipients, a.presenter, a.span_begin,
       a.span_end, a.confidence, a.event_id IS NULL OR d.first_event_id = a.event_id
FROM laurel_staged_awards a
LEFT JOIN laurel_staged_events e ON e.id = a.event_id
LEFT JOIN distinct_events d ON d.id = e.distinct_event_id
ORDER BY a.id;
)sql";

void EnsureStagingTables(pqxx::transaction_base& transaction) {
  transaction.exec(kCreateStagingTables);
}

std::vector<int64_t> AllocateArticleIds(pqxx::transaction_base& transaction, size_t count) {
  return AllocateIds(transaction, "articles", count);
}

void StageArticles(pqxx::transaction_base& transaction,
                   const std::vector<StagedArticle>& articles) {
  size_t event_count = 0;
  size_t award_count = 0;
  for (const StagedArticle& staged : articles) {
    event_count += staged.article->records.events.size();
    award_count += staged.article->records.awards.size();
  }
  const std::vector<int64_t> event_ids = AllocateIds(transaction, "events", event_count);
  const std::vector<int64_t> award_ids = AllocateIds(transaction, "awards", award_count);

  {
    pqxx::stream_to stream(
        transaction, "laurel_staged_articles",
        std::vector<std::string>{"ordinal", "id", "url", "source", "request_id", "identity_hash",
                                 "title", "author", "published_seconds",
                                 "published_utc_offset_minutes", "text", "parser_version"});
    for (size_t i = 0; i < articles.size(); ++i) {
      const NewArticle& article = *articles[i].article;
      const v1::Article& parsed = article.records.article;
      const bool published = parsed.has_published_at();
      stream << std::make_tuple(
          static_cast<int>(i), articles[i].id, NullIfEmpty(article.keys.url), article.source,
          NullIfEmpty(article.keys.request_id),
          absl::StrCat("\\x", absl::BytesToHexString(article.keys.identity_hash)), parsed.title(),
          parsed.author(),
          published ? std::optional<int64_t>(parsed.published_at().seconds()) : std::nullopt,
          published ? std::optional<int>(article.records.published_utc_offset_minutes)
                    : std::nullopt,
          article.text, article.parser_version);
    }
    stream.complete();
  }
  {
    pqxx::stream_to stream(
        transaction, "laurel_staged_events",
        std::vector<std::string>{"id", "article_id", "ordinal", "kind", "date_year", "date_month",
                                 "date_day", "province", "current_province", "organizer",
                                 "movement", "period_start_year", "period_end_year", "span_begin",
                                 "span_end", "confidence"});
    size_t next = 0;
    for (const StagedArticle& staged : articles) {
      const auto& events = staged.article->records.events;
      for (size_t i = 0; i < events.size(); ++i) {
        const v1::Event& event = events[i];
        stream << std::make_tuple(event_ids[next++], staged.id, static_cast<int>(i),
                                  EnumCode(event.kind()), event.date().year(), event.date().month(),
                                  event.date().day(), event.province(), event.current_province(),
                                  event.organizer(), event.movement(), event.period_start_year(),
                                  event.period_end_year(), event.source_span().begin(),
                                  event.source_span().end(), event.confidence());
      }
    }
    stream.complete();
  }
  {
    pqxx::stream_to stream(
        transaction, "laurel_staged_awards",
        std::vector<std::string>{"id", "article_id", "event_id", "ordinal", "award_type",
                                 "award_name", "issuer", "issuer_level", "recipient_kind",
                                 "recipient_count", "recipients", "presenter", "span_begin",
                                 "span_end", "confidence"});
    size_t next_event = 0;
    size_t next_award = 0;
    for (const StagedArticle& staged : articles) {
      const UnstoredRecords& records = staged.article->records;
      for (size_t i = 0; i < records.awards.size(); ++i) {
        const UnstoredAward& unstored = records.awards[i];
        const v1::Award& award = unstored.award;
        const bool has_event = unstored.event_index >= 0 &&
                               unstored.event_index < static_cast<int>(records.events.size());
        stream << std::make_tuple(
            award_ids[next_award++], staged.id,
            has_event ? std::optional<int64_t>(event_ids[next_event + unstored.event_index])
                      : std::nullopt,
            static_cast<int>(i), EnumCode(award.award_type()), award.award_name(), award.issuer(),
            EnumCode(award.issuer_level()), EnumCode(award.recipient_kind()),
            award.has_count() ? std::optional<int64_t>(award.count()) : std::nullopt,
            TextArray(award.recipients()), award.presenter(), award.source_span().begin(),
            award.source_span().end(), award.confidence());
      }
      next_event += records.events.size();
    }
    stream.complete();
  }
}

}  // namespace laurel::ingest

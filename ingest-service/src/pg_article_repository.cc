#include "ingest-service/src/pg_article_repository.h"

#include <string>

#include "absl/strings/escaping.h"
#include "absl/strings/str_cat.h"
#include "common/enum_codes.h"
#include "common/json_log.h"
#include "common/record_rows.h"
#include "common/resource_names.h"
#include "google/protobuf/util/time_util.h"

namespace laurel::ingest {
namespace {

using google::protobuf::util::TimeUtil;

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

// ON CONFLICT without a target covers all three natural keys (request_id, url, identity for
// url-less articles); a conflict returns no row and the caller answers with the article already
// stored.
constexpr char kInsertArticle[] = R"sql(
INSERT INTO articles (url, source, request_id, identity_hash, title, author, published_at,
                      published_utc_offset_minutes, text, parser_version)
VALUES (NULLIF($1, ''), $2, NULLIF($3, ''), decode($4, 'hex'), $5, $6, to_timestamp($7::BIGINT), $8,
        $9, $10)
ON CONFLICT DO NOTHING
RETURNING id, (EXTRACT(EPOCH FROM created_at) * 1000000)::BIGINT)sql";

// Events and awards of one article in a single round trip: the JSON document carries both lists,
// and awards find their event's id by its ordinal among the rows just inserted.
constexpr char kInsertRecords[] = R"sql(
WITH doc AS (SELECT $2::JSONB AS d),
inserted_events AS (
  INSERT INTO events (article_id, ordinal, kind, date_year, date_month, date_day, province,
                      current_province, organizer, movement, period_start_year, period_end_year,
                      span_begin, span_end, confidence)
  SELECT $1, e.ordinal, e.kind, e.date_year, e.date_month, e.date_day, e.province, e.current_province,
         e.organizer, e.movement, e.period_start_year, e.period_end_year, e.span_begin, e.span_end,
         e.confidence
  FROM doc, jsonb_to_recordset(doc.d -> 'events') AS e(
    ordinal INT, kind TEXT, date_year SMALLINT, date_month SMALLINT, date_day SMALLINT, province TEXT,
    current_province TEXT, organizer TEXT, movement TEXT, period_start_year SMALLINT,
    period_end_year SMALLINT, span_begin BIGINT, span_end BIGINT, confidence DOUBLE PRECISION)
  RETURNING id, ordinal
),
inserted_awards AS (
  INSERT INTO awards (article_id, event_id, ordinal, award_type, award_name, issuer, issuer_level,
                      recipient_kind, recipient_count, recipients, presenter, span_begin, span_end,
                      confidence)
  SELECT $1, ev.id, a.ordinal, a.award_type, a.award_name, a.issuer, a.issuer_level, a.recipient_kind,
         a.recipient_count, ARRAY(SELECT jsonb_array_elements_text(a.recipients)), a.presenter,
         a.span_begin, a.span_end, a.confidence
  FROM doc, jsonb_to_recordset(doc.d -> 'awards') AS a(
    ordinal INT, event_ordinal INT, award_type TEXT, award_name TEXT, issuer TEXT, issuer_level TEXT,
    recipient_kind TEXT, recipient_count BIGINT, recipients JSONB, presenter TEXT, span_begin BIGINT,
    span_end BIGINT, confidence DOUBLE PRECISION)
  LEFT JOIN inserted_events ev ON ev.ordinal = a.event_ordinal
  RETURNING id, ordinal
)
SELECT 'event', id, ordinal FROM inserted_events
UNION ALL
SELECT 'award', id, ordinal FROM inserted_awards)sql";

// Builds a JSON object from key/value pairs whose values are already JSON.
class JsonObject {
 public:
  JsonObject& Add(absl::string_view key, absl::string_view json_value) {
    out_.push_back(out_.empty() ? '{' : ',');
    log::AppendJsonString(key, out_);
    out_.push_back(':');
    out_.append(json_value.data(), json_value.size());
    return *this;
  }
  JsonObject& AddString(absl::string_view key, absl::string_view value) {
    std::string quoted;
    log::AppendJsonString(value, quoted);
    return Add(key, quoted);
  }
  JsonObject& AddNumber(absl::string_view key, double value) {
    return Add(key, absl::StrCat(value));
  }
  std::string Close() { return out_.empty() ? "{}" : std::move(out_) + "}"; }

 private:
  std::string out_;
};

std::string RecordsDocument(const UnstoredRecords& records) {
  std::string events = "[";
  for (size_t i = 0; i < records.events.size(); ++i) {
    const v1::Event& event = records.events[i];
    if (i > 0) events.push_back(',');
    events += JsonObject()
                  .AddNumber("ordinal", i)
                  .AddString("kind", EnumCode(event.kind()))
                  .AddNumber("date_year", event.date().year())
                  .AddNumber("date_month", event.date().month())
                  .AddNumber("date_day", event.date().day())
                  .AddString("province", event.province())
                  .AddString("current_province", event.current_province())
                  .AddString("organizer", event.organizer())
                  .AddString("movement", event.movement())
                  .AddNumber("period_start_year", event.period_start_year())
                  .AddNumber("period_end_year", event.period_end_year())
                  .AddNumber("span_begin", event.source_span().begin())
                  .AddNumber("span_end", event.source_span().end())
                  .AddNumber("confidence", event.confidence())
                  .Close();
  }
  std::string awards = "[";
  for (size_t i = 0; i < records.awards.size(); ++i) {
    const v1::Award& award = records.awards[i].award;
    std::string recipients = "[";
    for (int r = 0; r < award.recipients_size(); ++r) {
      if (r > 0) recipients.push_back(',');
      log::AppendJsonString(award.recipients(r), recipients);
    }
    recipients.push_back(']');
    if (i > 0) awards.push_back(',');
    awards += JsonObject()
                  .AddNumber("ordinal", i)
                  .AddNumber("event_ordinal", records.awards[i].event_index)
                  .AddString("award_type", EnumCode(award.award_type()))
                  .AddString("award_name", award.award_name())
                  .AddString("issuer", award.issuer())
                  .AddString("issuer_level", EnumCode(award.issuer_level()))
                  .AddString("recipient_kind", EnumCode(award.recipient_kind()))
                  .Add("recipient_count", award.has_count() ? absl::StrCat(award.count()) : "null")
                  .Add("recipients", recipients)
                  .AddString("presenter", award.presenter())
                  .AddNumber("span_begin", award.source_span().begin())
                  .AddNumber("span_end", award.source_span().end())
                  .AddNumber("confidence", award.confidence())
                  .Close();
  }
  return JsonObject().Add("events", events + "]").Add("awards", awards + "]").Close();
}

std::optional<v1::IngestArticleResponse> LoadStored(pqxx::transaction_base& transaction,
                                                    int64_t article_id) {
  auto stored = LoadArticle(transaction, article_id, /*with_text=*/false);
  if (!stored.has_value()) return std::nullopt;
  v1::IngestArticleResponse response;
  response.set_created(false);
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
    if (!ids.empty()) found = LoadStored(transaction, ids[0][0].as<int64_t>());
    return absl::OkStatus();
  });
  if (!status.ok()) return status;
  return found;
}

absl::StatusOr<v1::IngestArticleResponse> PgArticleRepository::Insert(const NewArticle& article) {
  v1::IngestArticleResponse response;
  bool conflicted = false;
  absl::Status status = pool_.InTransaction([&](pqxx::work& transaction) {
    const v1::Article& parsed = article.records.article;
    const std::string published_seconds =
        parsed.has_published_at() ? absl::StrCat(parsed.published_at().seconds()) : std::string();
    const pqxx::result inserted = transaction.exec_params(
        kInsertArticle, article.keys.url, article.source, article.keys.request_id,
        absl::BytesToHexString(article.keys.identity_hash), parsed.title(), parsed.author(),
        parsed.has_published_at() ? published_seconds.c_str() : nullptr,
        article.records.published_utc_offset_minutes, article.text, article.parser_version);
    if (inserted.empty()) {
      conflicted = true;
      return absl::OkStatus();
    }
    const int64_t article_id = inserted[0][0].as<int64_t>();
    const std::string article_name = ResourceName(kArticles, article_id);

    *response.mutable_article() = parsed;
    response.mutable_article()->set_name(article_name);
    response.mutable_article()->set_url(article.keys.url);
    response.mutable_article()->set_source(article.source);
    response.mutable_article()->set_parser_version(article.parser_version);
    *response.mutable_article()->mutable_create_time() =
        TimeUtil::MicrosecondsToTimestamp(inserted[0][1].as<int64_t>());
    response.set_created(true);
    for (const v1::Event& event : article.records.events) *response.add_events() = event;
    for (const UnstoredAward& award : article.records.awards) *response.add_awards() = award.award;
    if (article.records.events.empty() && article.records.awards.empty()) return absl::OkStatus();

    for (const pqxx::row& row :
         transaction.exec_params(kInsertRecords, article_id, RecordsDocument(article.records))) {
      const int ordinal = row[2].as<int>();
      if (row[0].as<std::string>() == "event") {
        v1::Event& event = *response.mutable_events(ordinal);
        event.set_name(ResourceName(kEvents, row[1].as<int64_t>()));
        event.set_article(article_name);
      } else {
        v1::Award& award = *response.mutable_awards(ordinal);
        award.set_name(ResourceName(kAwards, row[1].as<int64_t>()));
        award.set_article(article_name);
      }
    }
    for (size_t i = 0; i < article.records.awards.size(); ++i) {
      const int event_index = article.records.awards[i].event_index;
      if (event_index >= 0 && event_index < response.events_size()) {
        response.mutable_awards(i)->set_event(response.events(event_index).name());
      }
    }
    return absl::OkStatus();
  });
  if (!status.ok()) return status;
  if (!conflicted) return response;

  auto existing = FindExisting(article.keys);
  if (!existing.ok()) return existing.status();
  if (!existing->has_value()) {
    return absl::AbortedError("the article was stored and removed concurrently; retry");
  }
  return std::move(**existing);
}

}  // namespace laurel::ingest

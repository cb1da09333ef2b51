#pragma once

#include <cstdint>
#include <optional>

#include "laurel/v1/query_service.pb.h"
#include "laurel/v1/records.pb.h"
#include "pqxx/pqxx"

// Reading stored articles, events and awards back into their API messages. Both services answer
// with stored records (the ingest service when an article was already there), so both read them
// through here.
namespace laurel {

// SELECT lists, each matching its *FromRow reader column for column.
inline constexpr char kArticleColumns[] =
    "ar.id, ar.title, ar.author, COALESCE(ar.url, ''), ar.source, "
    "(EXTRACT(EPOCH FROM ar.published_at) * 1000000)::BIGINT, "
    "(EXTRACT(EPOCH FROM ar.created_at) * 1000000)::BIGINT, ar.parser_version";
// kEventColumns reads `events ev` joined with its distinct event `de` (kEventRelation).
inline constexpr char kEventColumns[] =
    "ev.id, ev.article_id, ev.kind, ev.date_year, ev.date_month, ev.date_day, ev.province, "
    "ev.current_province, ev.organizer, ev.movement, ev.period_start_year, ev.period_end_year, "
    "ev.span_begin, ev.span_end, ev.confidence, de.mention_count, de.first_event_id";
inline constexpr char kEventRelation[] =
    "events ev JOIN distinct_events de ON de.id = ev.distinct_event_id";
inline constexpr char kAwardColumns[] =
    "aw.id, aw.article_id, aw.event_id, aw.award_type, aw.award_name, aw.issuer, aw.issuer_level, "
    "aw.recipient_kind, aw.recipient_count, aw.recipients, aw.presenter, aw.span_begin, "
    "aw.span_end, aw.confidence, aw.counted";

v1::Article ArticleFromRow(const pqxx::row& row);
v1::Event EventFromRow(const pqxx::row& row);
v1::Award AwardFromRow(const pqxx::row& row);

// The article with its events and awards in article order; nullopt when no article has that id.
// `with_text` also fills Article.text. Throws libpqxx exceptions like any query.
std::optional<v1::GetArticleResponse> LoadArticle(pqxx::transaction_base& transaction,
                                                  int64_t article_id, bool with_text);

}  // namespace laurel

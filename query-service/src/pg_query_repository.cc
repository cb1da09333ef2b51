#include "query-service/src/pg_query_repository.h"

#include "common/prepared_statements.h"
#include "common/record_rows.h"
#include "query-service/src/record_filter.h"
#include "query-service/src/statistics_query.h"
#include "query-service/src/time_series.h"

namespace laurel::query {
namespace {

void ReadMetrics(const pqxx::row& row, int first, v1::StatisticsRow* out) {
  out->set_award_records(row[first].as<int64_t>());
  out->set_recipients(row[first + 1].as<int64_t>());
  out->set_collective_recipients(row[first + 2].as<int64_t>());
  out->set_individual_recipients(row[first + 3].as<int64_t>());
  out->set_events(row[first + 4].as<int64_t>());
  out->set_articles(row[first + 5].as<int64_t>());
}

}  // namespace

absl::StatusOr<v1::GetAwardStatisticsResponse> PgQueryRepository::GetAwardStatistics(
    const v1::GetAwardStatisticsRequest& request) {
  auto statistics = BuildStatisticsSql(request, source_);
  if (!statistics.ok()) return statistics.status();
  v1::GetAwardStatisticsResponse response;
  const bool from_rollup = statistics->served_from != "award_facts";
  absl::Status status = pool_.WithConnection([&](pqxx::connection& connection) {
    // One statement sees one snapshot; without BEGIN and COMMIT it is one round trip.
    pqxx::nontransaction transaction(connection);
    const auto params = pqxx::prepare::make_dynamic_params(statistics->params);
    // A rollup is read in well under a millisecond, less than planning the query takes: those
    // queries are prepared once per connection (named by their text; a shape of request is one
    // text). Scans of the stored records are planned afresh, for their parameters.
    const std::string name =
        from_rollup ? PreparedStatementName("statistics", statistics->sql) : "";
    if (from_rollup) connection.prepare(name, statistics->sql);
    const pqxx::result rows = from_rollup ? transaction.exec_prepared(name, params)
                                          : transaction.exec_params(statistics->sql, params);
    for (const pqxx::row& row : rows) {
      const bool is_total = row[row.size() - 1].as<bool>();
      v1::StatisticsRow* out = is_total ? response.mutable_total() : response.add_rows();
      if (!is_total) {
        for (int k = 0; k < statistics->key_count; ++k) out->add_keys(row[k].as<std::string>());
      }
      ReadMetrics(row, statistics->key_count, out);
    }
    return absl::OkStatus();
  });
  if (!status.ok()) return status;
  response.mutable_total();  // present even when nothing matched
  response.set_served_from(statistics->served_from);
  if (!statistics->ordered) {
    if (absl::Status filled = FillTimeGaps(request, response); !filled.ok()) return filled;
    OrderAndLimit(request, response);
  }
  return response;
}

absl::StatusOr<std::optional<v1::GetArticleResponse>> PgQueryRepository::GetArticle(int64_t id) {
  std::optional<v1::GetArticleResponse> article;
  absl::Status status = pool_.WithConnection([&](pqxx::connection& connection) {
    pqxx::read_transaction transaction(connection);
    article = LoadArticle(transaction, id, /*with_text=*/true);
    return absl::OkStatus();
  });
  if (!status.ok()) return status;
  return article;
}

namespace {

// A listing's relation (aliased f, so filter conditions apply), its id column and its SELECT list.
struct Listing {
  FilterTarget target;
  const char* relation;
  const char* id_column;
  const char* columns;
};

constexpr Listing kArticleListing{FilterTarget::kArticles,
                                  "articles f JOIN articles ar ON ar.id = f.id", "f.id",
                                  kArticleColumns};
constexpr Listing kEventListing{
    FilterTarget::kEvents,
    "event_facts f JOIN events ev ON ev.article_id = f.article_id AND ev.id = f.event_id "
    "JOIN distinct_events de ON de.id = ev.distinct_event_id",
    "f.event_id", kEventColumns};
constexpr Listing kAwardListing{
    FilterTarget::kAwards,
    "award_facts f JOIN awards aw ON aw.article_id = f.article_id AND aw.id = f.award_id",
    "f.award_id", kAwardColumns};

// One page of `listing` kept by `filter`: each row read by `from_row` into the response's repeated
// field `items`, and next_page_token set when more rows follow.
template <typename Response, typename Item>
absl::StatusOr<Response> ListPage(PgPool& pool, const Listing& listing,
                                  const v1::RecordFilter& filter, const PageRequest& page,
                                  Item (*from_row)(const pqxx::row&),
                                  google::protobuf::RepeatedPtrField<Item>* (Response::*items)()) {
  auto conditions = FilterConditions(filter, listing.target);
  if (!conditions.ok()) return conditions.status();
  conditions->conditions.push_back(
      absl::StrCat(listing.id_column, " > ", conditions->Bind(absl::StrCat(page.after_id))));
  // One row beyond the page tells whether another page follows, so the last page carries no token.
  const std::string sql = absl::StrCat("SELECT ", listing.columns, " FROM ", listing.relation, " ",
                                       conditions->WhereClause(), " ORDER BY ", listing.id_column,
                                       " LIMIT ", conditions->Bind(absl::StrCat(page.size + 1)));
  Response response;
  absl::Status status = pool.WithConnection([&](pqxx::connection& connection) {
    pqxx::read_transaction transaction(connection);
    const pqxx::result rows =
        transaction.exec_params(sql, pqxx::prepare::make_dynamic_params(conditions->params));
    const int served = std::min<int>(rows.size(), page.size);
    for (int i = 0; i < served; ++i) *(response.*items)()->Add() = from_row(rows[i]);
    if (static_cast<int>(rows.size()) > page.size) {
      response.set_next_page_token(NextPageToken(rows[served - 1][0].as<int64_t>(), filter));
    }
    return absl::OkStatus();
  });
  if (!status.ok()) return status;
  return response;
}

}  // namespace

absl::StatusOr<v1::ListArticlesResponse> PgQueryRepository::ListArticles(
    const v1::RecordFilter& filter, const PageRequest& page) {
  return ListPage(pool_, kArticleListing, filter, page, ArticleFromRow,
                  &v1::ListArticlesResponse::mutable_articles);
}

absl::StatusOr<v1::ListEventsResponse> PgQueryRepository::ListEvents(const v1::RecordFilter& filter,
                                                                     const PageRequest& page) {
  return ListPage(pool_, kEventListing, filter, page, EventFromRow,
                  &v1::ListEventsResponse::mutable_events);
}

absl::StatusOr<v1::ListAwardsResponse> PgQueryRepository::ListAwards(const v1::RecordFilter& filter,
                                                                     const PageRequest& page) {
  return ListPage(pool_, kAwardListing, filter, page, AwardFromRow,
                  &v1::ListAwardsResponse::mutable_awards);
}

}  // namespace laurel::query

// Hostile input, one table: every row is a request no client should send (or one that only looks
// dangerous), with the status it must get. Through it all the services stay up, and a rejected
// request writes nothing.
#include <cstdint>
#include <functional>
#include <limits>
#include <optional>
#include <string>
#include <vector>

#include "absl/strings/escaping.h"
#include "absl/strings/str_cat.h"
#include "grpcpp/grpcpp.h"
#include "gtest/gtest.h"
#include "laurel/v1/admin_service.grpc.pb.h"
#include "laurel/v1/ingest_service.grpc.pb.h"
#include "laurel/v1/query_service.grpc.pb.h"
#include "pqxx/pqxx"
#include "tests/support/error_reason.h"
#include "tests/support/running_services.h"

namespace laurel {
namespace {

using grpc::StatusCode;
using grpc::health::v1::HealthCheckResponse;

constexpr char kInjection[] = "'; DROP TABLE articles; SELECT '1' = '1' OR 1=1; --";

// A small article that parses; `marker` makes its text (and so its identity) unique.
std::string Article(absl::string_view marker) {
  return absl::StrCat("10:00, 12/03/2021\n\nTin ", marker,
                      "\n\nSáng 12-3, UBND tỉnh Nghệ An tặng bằng khen cho 5 tập thể. ", marker);
}

v1::IngestArticleRequest Ingest(std::string text) {
  v1::IngestArticleRequest request;
  request.set_text(std::move(text));
  return request;
}

struct Clients {
  v1::IngestService::Stub* ingest;
  v1::QueryService::Stub* query;
  v1::AdminService::Stub* admin;
  std::string sent_text;               // the text of the last IngestArticle
  v1::IngestArticleResponse ingested;  // and its answer
};

struct HostileCase {
  std::string name;
  std::function<grpc::Status(Clients&, grpc::ClientContext*)> call;
  StatusCode expected;
  std::string reason;    // the ErrorInfo reason a rejection carries; "" when it carries none
  bool ingests = false;  // an IngestArticle call, whose text is stored when accepted
};

HostileCase IngestCase(std::string name, v1::IngestArticleRequest request, StatusCode expected,
                       std::string reason = "") {
  return {std::move(name),
          [request = std::move(request)](Clients& clients, grpc::ClientContext* context) {
            clients.sent_text = request.text();
            return clients.ingest->IngestArticle(context, request, &clients.ingested);
          },
          expected, std::move(reason), /*ingests=*/true};
}

// An IngestArticles stream of `messages`. Its status is the stream's when that failed, else the
// error of its first rejected article (so a stream of one hostile article answers as IngestArticle
// would), else OK.
HostileCase StreamCase(std::string name, std::vector<v1::IngestArticlesRequest> messages,
                       StatusCode expected, std::string reason = "") {
  return {std::move(name),
          [messages = std::move(messages)](Clients& clients, grpc::ClientContext* context) {
            auto stream = clients.ingest->IngestArticles(context);
            for (const auto& message : messages) {
              if (!stream->Write(message)) break;
            }
            stream->WritesDone();
            std::optional<grpc::Status> rejected;
            v1::IngestArticlesResponse response;
            while (stream->Read(&response)) {
              for (const auto& outcome : response.outcomes()) {
                if (outcome.result() == v1::IngestArticleOutcome::RESULT_REJECTED && !rejected) {
                  rejected = grpc::Status(static_cast<StatusCode>(outcome.error().code()),
                                          outcome.error().message(),
                                          outcome.error().SerializeAsString());
                }
              }
            }
            const grpc::Status status = stream->Finish();
            return status.ok() && rejected ? *rejected : status;
          },
          expected, std::move(reason)};
}

// One IngestArticles message carrying `articles`.
v1::IngestArticlesRequest Carrying(std::vector<v1::IngestArticleRequest> articles) {
  v1::IngestArticlesRequest message;
  for (auto& article : articles) *message.add_articles() = std::move(article);
  return message;
}

HostileCase StatisticsCase(std::string name, v1::GetAwardStatisticsRequest request,
                           StatusCode expected, std::string reason = "") {
  return {std::move(name),
          [request = std::move(request)](Clients& clients, grpc::ClientContext* context) {
            v1::GetAwardStatisticsResponse response;
            return clients.query->GetAwardStatistics(context, request, &response);
          },
          expected, std::move(reason)};
}

// A call of one of the List RPCs, named by its method on the stub.
template <typename Request, typename Response>
HostileCase ListCase(std::string name, Request request,
                     grpc::Status (v1::QueryService::Stub::*list)(grpc::ClientContext*,
                                                                  const Request&, Response*),
                     StatusCode expected, std::string reason = "") {
  return {std::move(name),
          [request = std::move(request), list](Clients& clients, grpc::ClientContext* context) {
            Response response;
            return (clients.query->*list)(context, request, &response);
          },
          expected, std::move(reason)};
}

HostileCase ListAwardsCase(std::string name, v1::ListAwardsRequest request, StatusCode expected,
                           std::string reason = "") {
  return ListCase(std::move(name), std::move(request), &v1::QueryService::Stub::ListAwards,
                  expected, std::move(reason));
}

HostileCase ReparseCase(std::string name, v1::ReparseArticlesRequest request, StatusCode expected,
                        std::string reason = "") {
  return {std::move(name),
          [request = std::move(request)](Clients& clients, grpc::ClientContext* context) {
            v1::ReparseArticlesResponse response;
            return clients.admin->ReparseArticles(context, request, &response);
          },
          expected, std::move(reason)};
}

HostileCase GetArticleCase(std::string name, std::string article_name, StatusCode expected,
                           std::string reason = "") {
  return {std::move(name),
          [article_name = std::move(article_name)](Clients& clients, grpc::ClientContext* context) {
            v1::GetArticleRequest request;
            request.set_name(article_name);
            v1::GetArticleResponse response;
            return clients.query->GetArticle(context, request, &response);
          },
          expected, std::move(reason)};
}

v1::GetAwardStatisticsRequest StatisticsFiltered(
    const std::function<void(v1::RecordFilter&)>& set) {
  v1::GetAwardStatisticsRequest request;
  set(*request.mutable_filter());
  request.add_group_by(v1::DIMENSION_PROVINCE);
  return request;
}

v1::GetAwardStatisticsRequest StatisticsAsked(
    const std::function<void(v1::GetAwardStatisticsRequest&)>& set) {
  v1::GetAwardStatisticsRequest request;
  request.add_group_by(v1::DIMENSION_PROVINCE);
  set(request);
  return request;
}

v1::ReparseArticlesRequest ReparseAsked(
    const std::function<void(v1::ReparseArticlesRequest&)>& set) {
  v1::ReparseArticlesRequest request;
  set(request);
  return request;
}

v1::Date MakeDate(int32_t year, int32_t month, int32_t day) {
  v1::Date date;
  date.set_year(year);
  date.set_month(month);
  date.set_day(day);
  return date;
}

std::vector<HostileCase> HostileCases() {
  const auto ingest_with = [](const std::function<void(v1::IngestArticleRequest&)>& set) {
    v1::IngestArticleRequest request = Ingest(Article("fields"));
    set(request);
    return request;
  };
  std::string deep_html;
  for (int i = 0; i < 50000; ++i) deep_html += "<div><b>";
  deep_html += Article("deep html");
  for (int i = 0; i < 50000; ++i) deep_html += "</b></div>";
  const std::string nfc = Article("Khánh Hòa ưu tú");
  // The same article in decomposed form (NFD): letters followed by combining marks.
  const std::string nfd = Article("Kha\u0301nh Ho\u0300a u\u031bu tu\u0301");

  std::vector<HostileCase> cases = {
      // Text no parser should see.
      IngestCase("empty text", Ingest(""), StatusCode::INVALID_ARGUMENT, "EMPTY_TEXT"),
      IngestCase("only invisible spaces", Ingest(" \u00a0\u200b\ufeff\u3000\n\t"),
                 StatusCode::INVALID_ARGUMENT, "EMPTY_TEXT"),
      IngestCase("invalid UTF-8", Ingest("UBND t\xff\xfenh trao b\xe1\xbb"),
                 StatusCode::INVALID_ARGUMENT, "INVALID_UTF8"),
      IngestCase("overlong UTF-8 slash",
                 Ingest("a\xc0\xaf"
                        "b"),
                 StatusCode::INVALID_ARGUMENT, "INVALID_UTF8"),
      IngestCase("UTF-8 encoded surrogate",
                 Ingest("a\xed\xa0\x80"
                        "b"),
                 StatusCode::INVALID_ARGUMENT, "INVALID_UTF8"),
      IngestCase("NUL byte in text", Ingest(std::string("Sáng 5-6\0trao bằng khen", 27)),
                 StatusCode::INVALID_ARGUMENT, "NUL_BYTE"),
      IngestCase("NUL byte in url",
                 ingest_with([](auto& r) { r.set_url(std::string("https://x\0y", 11)); }),
                 StatusCode::INVALID_ARGUMENT, "NUL_BYTE"),
      IngestCase("invalid UTF-8 in source",
                 ingest_with([](auto& r) { r.set_source("B\xe1o \xff"); }),
                 StatusCode::INVALID_ARGUMENT, "INVALID_UTF8"),
      IngestCase("request_id of 10 kB",
                 ingest_with([](auto& r) { r.set_request_id(std::string(10000, 'r')); }),
                 StatusCode::INVALID_ARGUMENT, "FIELD_TOO_LONG"),
      IngestCase("url of 100 kB",
                 ingest_with([](auto& r) { r.set_url("https://x/" + std::string(100000, 'u')); }),
                 StatusCode::INVALID_ARGUMENT, "FIELD_TOO_LONG"),
      // Sizes: over the article limit (1 MiB), and over the request limit (4 MiB).
      IngestCase("2 MB article", Ingest(Article("2 MB") + std::string(2 << 20, 'a')),
                 StatusCode::INVALID_ARGUMENT, "FIELD_TOO_LONG"),
      IngestCase("10 MB of one character", Ingest(std::string(10 << 20, 'x')),
                 StatusCode::RESOURCE_EXHAUSTED),
      // Hostile-looking text that is still an article: stored as sent.
      IngestCase("one 900 kB line", Ingest(Article("900 kB") + std::string(900000, 'l')),
                 StatusCode::OK),
      IngestCase("50 000 nested HTML elements", Ingest(deep_html), StatusCode::OK),
      IngestCase("SQL injection in text", Ingest(Article(kInjection)), StatusCode::OK),
      IngestCase("SQL injection in url",
                 ingest_with([](auto& r) { r.set_url(absl::StrCat("https://x/", kInjection)); }),
                 StatusCode::OK),
      IngestCase(
          "SQL injection in source, request_id and text",
          [] {
            v1::IngestArticleRequest request = Ingest(Article("source injection"));
            request.set_source(kInjection);
            request.set_request_id(kInjection);
            return request;
          }(),
          StatusCode::OK),
      IngestCase("emoji", Ingest(Article("🏅🎉👏🏽 👨‍👩‍👧‍👦 🇻🇳")),
                 StatusCode::OK),
      IngestCase("precomposed Vietnamese", Ingest(nfc), StatusCode::OK),
      IngestCase("the same article decomposed (NFD)", Ingest(nfd), StatusCode::OK),
      IngestCase("right-to-left and bidi marks",
                 Ingest(Article("\u202eNghệ An\u202c \u200fمرحبا\u200e \u2067שלום\u2069")),
                 StatusCode::OK),
      IngestCase("mixed scripts and look-alikes", Ingest(Article("Нghệ Аn 慶和省 Κhánh ٥ ５ 𝐁𝐚̆̀𝐧𝐠")),
                 StatusCode::OK),
      IngestCase("numbers overflowing int32 and int64",
                 Ingest("10:00, 01/02/2021\n\nTin\n\nUBND tỉnh Nghệ An tặng bằng khen cho "
                        "2147483648 tập thể và 99999999999999999999999 cá nhân."),
                 StatusCode::OK),
      // Dates inside the text are the parser's to read: it reads no date out of an impossible one.
      IngestCase(
          "date line 31/02",
          Ingest("08:00, 31/02/2021\n\nTin\n\nUBND tỉnh Nghệ An tặng bằng khen cho 5 tập thể."),
          StatusCode::OK),
      IngestCase("terminal escapes and control characters",
                 Ingest(Article("\x1b[31m\x07\x08\x7f\x01 đỏ")), StatusCode::OK),

      // The bulk stream: the per-message request limit, its own per-message article limit, and
      // hostile articles, each rejected alone with the reason IngestArticle gives.
      StreamCase("IngestArticles message of 10 MB", {Carrying({Ingest(std::string(10 << 20, 'x'))})},
                 StatusCode::RESOURCE_EXHAUSTED),
      StreamCase("IngestArticles message of 1001 articles",
                 {Carrying(std::vector<v1::IngestArticleRequest>(1001, Ingest(Article("many"))))},
                 StatusCode::INVALID_ARGUMENT, "TOO_MANY_ARTICLES"),
      StreamCase("IngestArticles article of 2 MB",
                 {Carrying({Ingest(Article("bulk 2 MB") + std::string(2 << 20, 'a'))})},
                 StatusCode::INVALID_ARGUMENT, "FIELD_TOO_LONG"),
      StreamCase("IngestArticles article with invalid UTF-8",
                 {Carrying({Ingest("UBND t\xff\xfenh trao")})}, StatusCode::INVALID_ARGUMENT,
                 "INVALID_UTF8"),
      StreamCase("IngestArticles article with a NUL byte in its url",
                 {Carrying({ingest_with([](auto& r) { r.set_url(std::string("https://x\0y", 11)); })})},
                 StatusCode::INVALID_ARGUMENT, "NUL_BYTE"),
      StreamCase("IngestArticles of empty messages only", {Carrying({}), Carrying({})},
                 StatusCode::OK),
      StreamCase(
          "IngestArticles article with SQL injection in every field",
          {Carrying({[] {
            v1::IngestArticleRequest request = Ingest(Article("bulk injection"));
            request.set_source(kInjection);
            request.set_request_id(kInjection);
            request.set_url(absl::StrCat("https://x/", kInjection));
            return request;
          }()})},
          StatusCode::OK),

      // Every field of every query RPC with an injection in it.
      GetArticleCase("SQL injection in GetArticle.name", absl::StrCat("articles/1", kInjection),
                     StatusCode::INVALID_ARGUMENT, "INVALID_RESOURCE_NAME"),
      GetArticleCase("article id overflowing int64", "articles/99999999999999999999",
                     StatusCode::INVALID_ARGUMENT, "INVALID_RESOURCE_NAME"),
      GetArticleCase("negative article id", "articles/-1", StatusCode::INVALID_ARGUMENT,
                     "INVALID_RESOURCE_NAME"),
      GetArticleCase("article name of 1 MB", "articles/" + std::string(1 << 20, '9'),
                     StatusCode::INVALID_ARGUMENT, "INVALID_RESOURCE_NAME"),
      ListAwardsCase(
          "SQL injection in page_token",
          [] {
            v1::ListAwardsRequest request;
            request.set_page_token(kInjection);
            return request;
          }(),
          StatusCode::INVALID_ARGUMENT, "INVALID_PAGE_TOKEN"),
      ListAwardsCase(
          "negative page_size",
          [] {
            v1::ListAwardsRequest request;
            request.set_page_size(-1);
            return request;
          }(),
          StatusCode::INVALID_ARGUMENT, "INVALID_PAGE_SIZE"),
      ListAwardsCase(
          "largest int32 page_size",
          [] {
            v1::ListAwardsRequest request;
            request.set_page_size(std::numeric_limits<int32_t>::max());
            return request;
          }(),
          StatusCode::OK),
      StatisticsCase(
          "unknown dimension",
          [] {
            v1::GetAwardStatisticsRequest request;
            request.add_group_by(static_cast<v1::Dimension>(999));
            return request;
          }(),
          StatusCode::INVALID_ARGUMENT, "INVALID_DIMENSION"),
      StatisticsCase("unknown recipient kind", StatisticsFiltered([](auto& f) {
                       f.set_recipient_kind(
                           static_cast<v1::RecipientKind>(std::numeric_limits<int32_t>::max()));
                     }),
                     StatusCode::INVALID_ARGUMENT, "INVALID_FILTER"),
      StatisticsCase("date_from 31/02/2021", StatisticsFiltered([](auto& f) {
                       *f.mutable_date_from() = MakeDate(2021, 2, 31);
                     }),
                     StatusCode::INVALID_ARGUMENT, "INVALID_FILTER"),
      StatisticsCase("date_to month 13", StatisticsFiltered([](auto& f) {
                       *f.mutable_date_to() = MakeDate(2021, 13, 1);
                     }),
                     StatusCode::INVALID_ARGUMENT, "INVALID_FILTER"),
      StatisticsCase("date_from year 2147483647", StatisticsFiltered([](auto& f) {
                       *f.mutable_date_from() = MakeDate(std::numeric_limits<int32_t>::max(), 1, 1);
                     }),
                     StatusCode::INVALID_ARGUMENT, "INVALID_FILTER"),
      StatisticsCase("published_from at the end of int64", StatisticsFiltered([](auto& f) {
                       f.mutable_published_from()->set_seconds(std::numeric_limits<int64_t>::max());
                     }),
                     StatusCode::INVALID_ARGUMENT, "INVALID_FILTER"),
      StatisticsCase("published_to with negative nanos",
                     StatisticsFiltered([](auto& f) { f.mutable_published_to()->set_nanos(-1); }),
                     StatusCode::INVALID_ARGUMENT, "INVALID_FILTER"),
      StatisticsCase("filter.year -1", StatisticsFiltered([](auto& f) { f.set_year(-1); }),
                     StatusCode::INVALID_ARGUMENT, "INVALID_FILTER"),
      StatisticsCase("filter.year 2147483647", StatisticsFiltered([](auto& f) {
                       f.set_year(std::numeric_limits<int32_t>::max());
                     }),
                     StatusCode::INVALID_ARGUMENT, "INVALID_FILTER"),
      StatisticsCase("filter.quarter 5", StatisticsFiltered([](auto& f) { f.set_quarter(5); }),
                     StatusCode::INVALID_ARGUMENT, "INVALID_FILTER"),
      StatisticsCase("filter.month -2147483648", StatisticsFiltered([](auto& f) {
                       f.set_month(std::numeric_limits<int32_t>::min());
                     }),
                     StatusCode::INVALID_ARGUMENT, "INVALID_FILTER"),
      StatisticsCase("unknown event kind", StatisticsFiltered([](auto& f) {
                       f.set_event_kind(static_cast<v1::EventKind>(-7));
                     }),
                     StatusCode::INVALID_ARGUMENT, "INVALID_FILTER"),
      StatisticsCase("unknown award type", StatisticsFiltered([](auto& f) {
                       f.set_award_type(static_cast<v1::AwardType>(1000));
                     }),
                     StatusCode::INVALID_ARGUMENT, "INVALID_FILTER"),
      StatisticsCase("unknown issuer level", StatisticsFiltered([](auto& f) {
                       f.set_issuer_level(static_cast<v1::IssuerLevel>(77));
                     }),
                     StatusCode::INVALID_ARGUMENT, "INVALID_FILTER"),
      StatisticsCase("unknown order_by.metric", StatisticsAsked([](auto& r) {
                       r.mutable_order_by()->set_metric(static_cast<v1::Metric>(99));
                     }),
                     StatusCode::INVALID_ARGUMENT, "INVALID_ORDER"),
      StatisticsCase("negative limit", StatisticsAsked([](auto& r) { r.set_limit(-1); }),
                     StatusCode::INVALID_ARGUMENT, "INVALID_LIMIT"),
      StatisticsCase("largest int32 limit, ordered by a metric", StatisticsAsked([](auto& r) {
                       r.set_limit(std::numeric_limits<int32_t>::max());
                       r.mutable_order_by()->set_metric(v1::METRIC_RECIPIENTS);
                       r.mutable_order_by()->set_descending(true);
                     }),
                     StatusCode::OK),
      StatisticsCase("a dimension grouped by twice",
                     StatisticsAsked([](auto& r) { r.add_group_by(v1::DIMENSION_PROVINCE); }),
                     StatusCode::INVALID_ARGUMENT, "INVALID_DIMENSION"),
      StatisticsCase("fill_time_gaps without a time dimension",
                     StatisticsAsked([](auto& r) { r.set_fill_time_gaps(true); }),
                     StatusCode::INVALID_ARGUMENT, "INVALID_TIME_SERIES"),
      StatisticsCase("fill_time_gaps by month over four centuries", StatisticsAsked([](auto& r) {
                       r.clear_group_by();
                       r.add_group_by(v1::DIMENSION_MONTH);
                       r.set_fill_time_gaps(true);
                       *r.mutable_filter()->mutable_date_from() = MakeDate(1800, 0, 0);
                       *r.mutable_filter()->mutable_date_to() = MakeDate(2200, 0, 0);
                     }),
                     StatusCode::OK),

      // The maintenance RPC: its batch size and page token.
      ReparseCase("negative max_articles", ReparseAsked([](auto& r) { r.set_max_articles(-1); }),
                  StatusCode::INVALID_ARGUMENT, "INVALID_MAX_ARTICLES"),
      ReparseCase("largest int32 max_articles", ReparseAsked([](auto& r) {
                    r.set_max_articles(std::numeric_limits<int32_t>::max());
                  }),
                  StatusCode::OK),
      ReparseCase("SQL injection in ReparseArticles page_token", ReparseAsked([](auto& r) {
                    r.set_include_current_version(true);
                    r.set_page_token(kInjection);
                  }),
                  StatusCode::INVALID_ARGUMENT, "INVALID_PAGE_TOKEN"),
      ReparseCase("page_token forged for a negative id", ReparseAsked([](auto& r) {
                    r.set_include_current_version(true);
                    r.set_page_token(absl::WebSafeBase64Escape("reparse-after:-1"));
                  }),
                  StatusCode::INVALID_ARGUMENT, "INVALID_PAGE_TOKEN"),
      ReparseCase("page_token forged for an id overflowing int64", ReparseAsked([](auto& r) {
                    r.set_include_current_version(true);
                    r.set_page_token(
                        absl::WebSafeBase64Escape("reparse-after:99999999999999999999"));
                  }),
                  StatusCode::INVALID_ARGUMENT, "INVALID_PAGE_TOKEN"),
      ReparseCase("page_token without include_current_version", ReparseAsked([](auto& r) {
                    r.set_page_token(absl::WebSafeBase64Escape("reparse-after:1"));
                  }),
                  StatusCode::INVALID_ARGUMENT, "INVALID_PAGE_TOKEN"),
      ReparseCase("every article, page after page of the largest batch", ReparseAsked([](auto& r) {
                    r.set_include_current_version(true);
                    r.set_max_articles(std::numeric_limits<int32_t>::max());
                  }),
                  StatusCode::OK),
  };
  // SQL injection in every string field of the filter, which all query RPCs share.
  const std::vector<std::pair<std::string, std::function<void(v1::RecordFilter&)>>> fields = {
      {"province", [](auto& f) { f.set_province(kInjection); }},
      {"current_province", [](auto& f) { f.set_current_province(kInjection); }},
      {"issuer", [](auto& f) { f.set_issuer(kInjection); }},
      {"award_name", [](auto& f) { f.set_award_name(kInjection); }},
      {"movement", [](auto& f) { f.set_movement(kInjection); }},
      {"organizer", [](auto& f) { f.set_organizer(kInjection); }},
      {"source", [](auto& f) { f.set_source(kInjection); }},
  };
  for (const auto& [field, set] : fields) {
    cases.push_back(StatisticsCase("SQL injection in GetAwardStatistics filter." + field,
                                   StatisticsFiltered(set), StatusCode::OK));
    v1::ListAwardsRequest awards;
    set(*awards.mutable_filter());
    cases.push_back(
        ListAwardsCase("SQL injection in ListAwards filter." + field, awards, StatusCode::OK));
    v1::ListEventsRequest events;
    set(*events.mutable_filter());
    cases.push_back(ListCase("SQL injection in ListEvents filter." + field, events,
                             &v1::QueryService::Stub::ListEvents, StatusCode::OK));
    v1::ListArticlesRequest articles;
    set(*articles.mutable_filter());
    cases.push_back(ListCase("SQL injection in ListArticles filter." + field, articles,
                             &v1::QueryService::Stub::ListArticles, StatusCode::OK));
  }
  v1::ListEventsRequest events;
  events.set_page_token(kInjection);
  cases.push_back(ListCase("SQL injection in ListEvents page_token", events,
                           &v1::QueryService::Stub::ListEvents, StatusCode::INVALID_ARGUMENT,
                           "INVALID_PAGE_TOKEN"));
  v1::ListArticlesRequest articles;
  articles.set_page_token(kInjection);
  cases.push_back(ListCase("SQL injection in ListArticles page_token", articles,
                           &v1::QueryService::Stub::ListArticles, StatusCode::INVALID_ARGUMENT,
                           "INVALID_PAGE_TOKEN"));
  return cases;
}

class HostileInputTest : public ::testing::Test {
 protected:
  void SetUp() override {
    auto services = testing::RunningServices::Start();
    ASSERT_TRUE(services.ok()) << services.status();
    services_ = std::move(*services);
    ingest_ = v1::IngestService::NewStub(testing::TestChannel(services_->ingest_address()));
    query_ = v1::QueryService::NewStub(testing::TestChannel(services_->query_address()));
    admin_ = v1::AdminService::NewStub(testing::TestChannel(services_->ingest_address()));
  }

  // Rows in each base table and what the rollups count, as one string, to compare before and after
  // a call.
  std::string RowCounts() {
    pqxx::connection connection(services_->database_url());
    pqxx::nontransaction work(connection);
    const auto row = work.exec1(
        "SELECT (SELECT count(*) FROM articles), (SELECT count(*) FROM events), "
        "(SELECT count(*) FROM awards), (SELECT count(*) FROM distinct_events), "
        "(SELECT COALESCE(sum(award_records), 0) || '+' || COALESCE(sum(recipients), 0) "
        "FROM rollup_month)");
    return absl::StrCat(row[0].c_str(), "/", row[1].c_str(), "/", row[2].c_str(), "/",
                        row[3].c_str(), "/", row[4].c_str());
  }

  std::unique_ptr<testing::RunningServices> services_;
  std::unique_ptr<v1::IngestService::Stub> ingest_;
  std::unique_ptr<v1::QueryService::Stub> query_;
  std::unique_ptr<v1::AdminService::Stub> admin_;
};

TEST_F(HostileInputTest, EveryHostileRequestGetsItsStatusAndRejectedOnesWriteNothing) {
  const std::vector<HostileCase> cases = HostileCases();
  ASSERT_GE(cases.size(), 30u);
  RecordProperty("hostile_requests", static_cast<int>(cases.size()));
  Clients clients{ingest_.get(), query_.get(), admin_.get(), {}, {}};
  for (const HostileCase& hostile : cases) {
    SCOPED_TRACE(hostile.name);
    const std::string before = RowCounts();
    grpc::ClientContext context;
    context.set_deadline(std::chrono::system_clock::now() + std::chrono::seconds(30));
    const grpc::Status status = hostile.call(clients, &context);
    EXPECT_EQ(status.error_code(), hostile.expected) << status.error_message();
    if (!hostile.reason.empty()) EXPECT_EQ(testing::ErrorReason(status), hostile.reason);
    if (!status.ok()) EXPECT_EQ(RowCounts(), before) << "a rejected request wrote rows";
    EXPECT_EQ(*testing::CheckHealth(services_->ingest_address()), HealthCheckResponse::SERVING);
    EXPECT_EQ(*testing::CheckHealth(services_->query_address()), HealthCheckResponse::SERVING);
  }
}

TEST_F(HostileInputTest, AcceptedHostileTextIsStoredExactlyAsSent) {
  Clients clients{ingest_.get(), query_.get(), admin_.get(), {}, {}};
  for (const HostileCase& hostile : HostileCases()) {
    if (!hostile.ingests || hostile.expected != StatusCode::OK) continue;
    SCOPED_TRACE(hostile.name);
    grpc::ClientContext context;
    ASSERT_TRUE(hostile.call(clients, &context).ok());
    for (const auto& award : clients.ingested.awards()) {
      EXPECT_GE(award.count(), 0) << "a count wrapped around";
    }
    v1::GetArticleRequest request;
    request.set_name(clients.ingested.article().name());
    v1::GetArticleResponse stored;
    grpc::ClientContext read_context;
    ASSERT_TRUE(query_->GetArticle(&read_context, request, &stored).ok());
    // The decomposed twin of the precomposed article is the same article: not stored twice.
    const bool twin = hostile.name.find("decomposed") != std::string::npos;
    EXPECT_EQ(clients.ingested.created(), !twin);
    if (!twin) EXPECT_EQ(stored.article().text(), clients.sent_text);
  }
}

}  // namespace
}  // namespace laurel

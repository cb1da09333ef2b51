// Property test of the statistics: random articles are ingested (synthetic texts through the real
// parser, and hand-built records with the shapes texts rarely have: several events, no event,
// unknown dates and places, missing counts, the same ceremony reported again), then every statistic
// is computed four ways and must agree: by the service from its rollups, by the service from the
// stored records, by a brute-force SQL over the base tables written here, and by a count done in
// this test from the records it submitted.
#include <algorithm>
#include <functional>
#include <map>
#include <set>
#include <string>
#include <vector>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_format.h"
#include "absl/strings/str_join.h"
#include "absl/time/civil_time.h"
#include "bench/synthetic/article_generator.h"
#include "bench/synthetic/ingest_request.h"
#include "bench/synthetic/random.h"
#include "common/enum_codes.h"
#include "gtest/gtest.h"
#include "ingest-service/src/article_identity.h"
#include "ingest-service/src/ingestor.h"
#include "ingest-service/src/pg_article_repository.h"
#include "query-service/src/pg_query_repository.h"
#include "tests/integration/rollup_recount.h"
#include "tests/support/test_database.h"

namespace laurel::query {
namespace {

constexpr int kSyntheticArticles = 400;
constexpr int kBuiltArticles = 250;

// One award record as this test understands the rules: counted once per distinct event, dated by
// its event or else its article's local publication day.
struct Fact {
  std::map<v1::Dimension, std::string> keys;
  std::string province, current_province, issuer, issuer_level, award_type, award_name,
      recipient_kind, event_kind, movement, organizer, source;
  int year = 0, month = 0, day = 0;
  int64_t published = 0;  // seconds; 0: none
  std::optional<int64_t> count;
  std::string unit;  // the distinct event (or, given at no event, the article)
  bool at_event = false;
};

// The test's own model of what was stored: facts, and how many articles report each unit.
struct Model {
  std::vector<Fact> facts;
  std::map<std::string, std::set<int64_t>> mentions;  // the articles reporting each unit
};

std::string Fingerprint(const v1::Event& event, const std::vector<const v1::Award*>& awards) {
  if (event.date().year() == 0 || event.date().month() == 0 || event.date().day() == 0 ||
      event.province().empty() || (event.organizer().empty() && awards.empty())) {
    return "";
  }
  std::vector<std::string> groups;
  for (const v1::Award* award : awards) {
    groups.push_back(absl::StrCat(award->award_type(), "|", award->award_name(), "|",
                                  award->issuer(), "|", award->recipient_kind(), "|",
                                  award->has_count() ? absl::StrCat(award->count()) : "-"));
  }
  std::sort(groups.begin(), groups.end());
  return absl::StrCat(event.date().year(), "-", event.date().month(), "-", event.date().day(), "|",
                      event.province(), "|", event.organizer(), "|", absl::StrJoin(groups, "#"));
}

void AddStored(const ingest::NewArticle& article, int64_t article_number, Model& model,
               std::map<std::string, std::string>& units_by_fingerprint) {
  const ingest::UnstoredRecords& records = article.records;
  const auto& published = records.article.published_at();
  absl::CivilDay local;
  if (records.article.has_published_at()) {
    local = absl::CivilDay(1970, 1, 1) +
            (published.seconds() + records.published_utc_offset_minutes * 60) / 86400;
  }
  std::vector<std::string> event_units(records.events.size());
  std::vector<bool> counted_event(records.events.size());
  for (size_t e = 0; e < records.events.size(); ++e) {
    std::vector<const v1::Award*> awards;
    for (const auto& award : records.awards) {
      if (award.event_index == static_cast<int>(e)) awards.push_back(&award.award);
    }
    const std::string fingerprint = Fingerprint(records.events[e], awards);
    const std::string own = absl::StrCat("event ", article_number, "/", e);
    std::string& unit = fingerprint.empty() ? event_units[e] : units_by_fingerprint[fingerprint];
    counted_event[e] = unit.empty();
    if (unit.empty()) unit = own;
    event_units[e] = unit;
    model.mentions[unit].insert(article_number);
  }
  for (const auto& unstored : records.awards) {
    const bool at_event = unstored.event_index >= 0;
    if (at_event && !counted_event[unstored.event_index]) continue;
    const v1::Award& award = unstored.award;
    Fact fact;
    fact.at_event = at_event;
    fact.unit =
        at_event ? event_units[unstored.event_index] : absl::StrCat("article ", article_number);
    if (!at_event) model.mentions[fact.unit] = {article_number};
    fact.issuer = award.issuer();
    fact.issuer_level = EnumCode(award.issuer_level());
    fact.award_type = EnumCode(award.award_type());
    fact.award_name = award.award_name();
    fact.recipient_kind = EnumCode(award.recipient_kind());
    if (award.has_count()) fact.count = award.count();
    fact.source = article.source;
    fact.published = records.article.has_published_at() ? published.seconds() : 0;
    fact.event_kind = "UNSPECIFIED";
    if (at_event) {
      const v1::Event& event = records.events[unstored.event_index];
      fact.province = event.province();
      fact.current_province = event.current_province();
      fact.movement = event.movement();
      fact.organizer = event.organizer();
      fact.event_kind = EnumCode(event.kind());
      fact.year = event.date().year();
      fact.month = event.date().month();
      fact.day = event.date().day();
    }
    if (fact.year == 0 && records.article.has_published_at()) {
      fact.year = static_cast<int>(local.year()), fact.month = local.month(),
      fact.day = local.day();
    }
    fact.keys[v1::DIMENSION_PROVINCE] = fact.province;
    fact.keys[v1::DIMENSION_CURRENT_PROVINCE] = fact.current_province;
    fact.keys[v1::DIMENSION_ISSUER] = fact.issuer;
    fact.keys[v1::DIMENSION_ISSUER_LEVEL] = "ISSUER_LEVEL_" + fact.issuer_level;
    fact.keys[v1::DIMENSION_AWARD_TYPE] = "AWARD_TYPE_" + fact.award_type;
    fact.keys[v1::DIMENSION_AWARD_NAME] = fact.award_name;
    fact.keys[v1::DIMENSION_RECIPIENT_KIND] = "RECIPIENT_KIND_" + fact.recipient_kind;
    fact.keys[v1::DIMENSION_EVENT_KIND] = "EVENT_KIND_" + fact.event_kind;
    fact.keys[v1::DIMENSION_YEAR] = fact.year > 0 ? absl::StrCat(fact.year) : "";
    const bool month_known = fact.year > 0 && fact.month > 0;
    fact.keys[v1::DIMENSION_QUARTER] =
        month_known ? absl::StrFormat("%d-Q%d", fact.year, (fact.month + 2) / 3) : "";
    fact.keys[v1::DIMENSION_MONTH] =
        month_known ? absl::StrFormat("%d-%02d", fact.year, fact.month) : "";
    fact.keys[v1::DIMENSION_MOVEMENT] = fact.movement;
    fact.keys[v1::DIMENSION_ORGANIZER] = fact.organizer;
    fact.keys[v1::DIMENSION_SOURCE] = fact.source;
    model.facts.push_back(std::move(fact));
  }
}

// Statistics rows as comparable text: "keys | metrics", sorted by keys; the total last.
using Table = std::vector<std::string>;

std::string Line(const std::vector<std::string>& keys, const std::vector<int64_t>& metrics) {
  return absl::StrCat(absl::StrJoin(keys, " / "), " | ", absl::StrJoin(metrics, " "));
}

Table FromResponse(const v1::GetAwardStatisticsResponse& response) {
  Table table;
  for (const auto& row : response.rows()) {
    table.push_back(Line({row.keys().begin(), row.keys().end()},
                         {row.award_records(), row.recipients(), row.collective_recipients(),
                          row.individual_recipients(), row.events(), row.articles()}));
  }
  std::sort(table.begin(), table.end());
  const auto& total = response.total();
  table.push_back(
      Line({"TOTAL"}, {total.award_records(), total.recipients(), total.collective_recipients(),
                       total.individual_recipients(), total.events(), total.articles()}));
  return table;
}

Table Count(const Model& model, const std::vector<v1::Dimension>& group_by,
            const std::function<bool(const Fact&)>& keep) {
  struct Sums {
    int64_t records = 0, recipients = 0, collective = 0, individual = 0;
    std::set<std::string> units, events;
  };
  std::map<std::vector<std::string>, Sums> groups;
  Sums total;
  for (const Fact& fact : model.facts) {
    if (!keep(fact)) continue;
    std::vector<std::string> keys;
    for (v1::Dimension dimension : group_by) keys.push_back(fact.keys.at(dimension));
    for (Sums* sums : {&groups[keys], &total}) {
      ++sums->records;
      const int64_t count = fact.count.value_or(0);
      sums->recipients += count;
      if (fact.recipient_kind == "COLLECTIVE") sums->collective += count;
      if (fact.recipient_kind == "INDIVIDUAL") sums->individual += count;
      sums->units.insert(fact.unit);
      if (fact.at_event) sums->events.insert(fact.unit);
    }
  }
  const auto metrics = [&](const Sums& sums) {
    int64_t articles = 0;
    for (const std::string& unit : sums.units) articles += model.mentions.at(unit).size();
    return std::vector<int64_t>{sums.records,
                                sums.recipients,
                                sums.collective,
                                sums.individual,
                                static_cast<int64_t>(sums.events.size()),
                                articles};
  };
  Table table;
  if (!group_by.empty()) {
    for (const auto& [keys, sums] : groups) table.push_back(Line(keys, metrics(sums)));
  }
  std::sort(table.begin(), table.end());
  table.push_back(Line({"TOTAL"}, metrics(total)));
  return table;
}

// The stored records aggregated straight from the base tables, by rules restated here: a record
// counts when it was given at no event or at the first report of its distinct event; an event's
// articles are the events that share its distinct event.
constexpr char kBruteForceFacts[] = R"sql(
WITH facts AS (
  SELECT aw.recipient_count, aw.recipient_kind, aw.award_type, aw.award_name, aw.issuer,
         aw.issuer_level, COALESCE(ev.province, '') AS province,
         COALESCE(ev.current_province, '') AS current_province,
         COALESCE(ev.kind, 'UNSPECIFIED') AS event_kind, COALESCE(ev.movement, '') AS movement,
         COALESCE(ev.organizer, '') AS organizer, ar.source, ar.published_at,
         CASE WHEN aw.event_id IS NULL THEN 'article ' || aw.article_id
              ELSE 'event ' || ev.distinct_event_id END AS unit,
         aw.event_id IS NOT NULL AS at_event,
         CASE WHEN aw.event_id IS NULL THEN 1
              ELSE (SELECT count(DISTINCT e2.article_id) FROM events e2
                    WHERE e2.distinct_event_id = ev.distinct_event_id)
         END AS mentions,
         CASE WHEN ev.date_year > 0 THEN make_date(ev.date_year, ev.date_month, ev.date_day)
              WHEN ar.published_at IS NOT NULL THEN
                (ar.published_at AT TIME ZONE 'UTC'
                 + make_interval(mins => ar.published_utc_offset_minutes))::DATE
         END AS day
  FROM awards aw
  JOIN articles ar ON ar.id = aw.article_id
  LEFT JOIN events ev ON ev.id = aw.event_id
  WHERE aw.event_id IS NULL
     OR ev.id = (SELECT de.first_event_id FROM distinct_events de WHERE de.id = ev.distinct_event_id)
)
)sql";

std::string BruteForceKey(v1::Dimension dimension) {
  switch (dimension) {
    case v1::DIMENSION_PROVINCE:
      return "province";
    case v1::DIMENSION_CURRENT_PROVINCE:
      return "current_province";
    case v1::DIMENSION_ISSUER:
      return "issuer";
    case v1::DIMENSION_ISSUER_LEVEL:
      return "'ISSUER_LEVEL_' || issuer_level";
    case v1::DIMENSION_AWARD_TYPE:
      return "'AWARD_TYPE_' || award_type";
    case v1::DIMENSION_AWARD_NAME:
      return "award_name";
    case v1::DIMENSION_RECIPIENT_KIND:
      return "'RECIPIENT_KIND_' || recipient_kind";
    case v1::DIMENSION_EVENT_KIND:
      return "'EVENT_KIND_' || event_kind";
    case v1::DIMENSION_YEAR:
      return "COALESCE(to_char(day, 'YYYY'), '')";
    case v1::DIMENSION_QUARTER:
      return "COALESCE(to_char(day, 'YYYY-\"Q\"Q'), '')";
    case v1::DIMENSION_MONTH:
      return "COALESCE(to_char(day, 'YYYY-MM'), '')";
    case v1::DIMENSION_MOVEMENT:
      return "movement";
    case v1::DIMENSION_ORGANIZER:
      return "organizer";
    default:
      return "source";
  }
}

Table BruteForce(pqxx::transaction_base& transaction, const std::vector<v1::Dimension>& group_by,
                 const std::string& where) {
  std::vector<std::string> keys;
  for (v1::Dimension dimension : group_by) keys.push_back(BruteForceKey(dimension));
  const std::string key_list = keys.empty() ? "'TOTAL'" : absl::StrJoin(keys, ", ");
  const std::string metrics =
      "count(*), COALESCE(sum(recipient_count), 0), "
      "COALESCE(sum(recipient_count) FILTER (WHERE recipient_kind = 'COLLECTIVE'), 0), "
      "COALESCE(sum(recipient_count) FILTER (WHERE recipient_kind = 'INDIVIDUAL'), 0), "
      "count(DISTINCT unit) FILTER (WHERE at_event), "
      "(SELECT COALESCE(sum(m), 0) FROM (SELECT DISTINCT u, m FROM unnest(array_agg(unit), "
      "array_agg(mentions)) AS x(u, m)) y)";
  Table table;
  const auto read = [&](const std::string& sql, size_t key_count) {
    for (const pqxx::row& row : transaction.exec(sql)) {
      std::vector<std::string> row_keys;
      for (size_t k = 0; k < key_count; ++k)
        row_keys.push_back(row[static_cast<int>(k)].as<std::string>());
      std::vector<int64_t> values;
      for (size_t m = key_count; m < row.size(); ++m)
        values.push_back(row[static_cast<int>(m)].as<int64_t>());
      table.push_back(Line(key_count == 0 ? std::vector<std::string>{"TOTAL"} : row_keys, values));
    }
  };
  const std::string filtered = absl::StrCat(kBruteForceFacts, ", kept AS (SELECT * FROM facts ",
                                            where.empty() ? "" : "WHERE " + where, ") ");
  if (!keys.empty()) {
    read(absl::StrCat(filtered, "SELECT ", key_list, ", ", metrics, " FROM kept GROUP BY ",
                      key_list),
         keys.size());
    std::sort(table.begin(), table.end());
  }
  read(absl::StrCat(filtered, "SELECT ", metrics, " FROM kept"), 0);
  return table;
}

// A request and the same filter as a brute-force WHERE and as a predicate on the test's facts.
struct Case {
  std::string name;
  std::function<void(v1::RecordFilter&)> filter;
  std::string where;
  std::function<bool(const Fact&)> keep;
};

class StatisticsPropertyTest : public ::testing::Test {
 protected:
  void SetUp() override {
    const std::string url = testing::MigratedDatabaseUrl(database_);
    ASSERT_FALSE(url.empty());
    pool_ = std::make_unique<PgPool>(PgPoolOptions{.url = url});
    articles_ = std::make_unique<ingest::PgArticleRepository>(*pool_);
    rollups_ = std::make_unique<PgQueryRepository>(*pool_);
    stored_records_ = std::make_unique<PgQueryRepository>(*pool_, StatisticsSource::kStoredRecords);
  }

  // Stores `articles` (in batches of 1 to 100) and adds the ones created to the model.
  void Ingest(const std::vector<ingest::NewArticle>& articles, synthetic::Random& random) {
    size_t next = 0;
    while (next < articles.size()) {
      // Up to 100: batches of up to 64 run the write prepared, larger ones planned for their size.
      const size_t size = std::min<size_t>(articles.size() - next, 1 + random.Below(100));
      std::vector<ingest::NewArticle> batch(articles.begin() + next,
                                            articles.begin() + next + size);
      auto stored = articles_->InsertBatch(batch);
      ASSERT_TRUE(stored.ok()) << stored.status();
      for (size_t i = 0; i < size; ++i) {
        if ((*stored)[i].created) AddStored(batch[i], stored_count_++, model_, units_);
      }
      next += size;
    }
  }

  std::unique_ptr<testing::TestDatabase> database_;
  std::unique_ptr<PgPool> pool_;
  std::unique_ptr<ingest::PgArticleRepository> articles_;
  std::unique_ptr<PgQueryRepository> rollups_;
  std::unique_ptr<PgQueryRepository> stored_records_;
  Model model_;
  std::map<std::string, std::string> units_;
  int64_t stored_count_ = 0;
};

// Records with the shapes parsed texts rarely have.
ingest::NewArticle BuiltArticle(int index, synthetic::Random& random) {
  static const std::vector<std::string> kProvinces = {"Khánh Hòa", "Nghệ An", "Cần Thơ", ""};
  static const std::vector<std::string> kIssuers = {"UBND tỉnh Khánh Hòa", "Chủ tịch nước",
                                                    "Bộ Công an", ""};
  ingest::NewArticle article;
  article.text = absl::StrCat("bài dựng sẵn số ", index);
  article.keys.identity_hash = ingest::ArticleIdentityHash(article.text);
  article.source = random.Pick(std::vector<std::string>{"Báo A", "Báo B", ""});
  article.parser_version = 1;
  if (!random.Percent(10)) {
    const int64_t day =
        (absl::CivilDay(2019, 1, 1) - absl::CivilDay(1970, 1, 1)) + random.Below(1200);
    article.records.article.mutable_published_at()->set_seconds(day * 86400 + random.Below(86400));
    article.records.published_utc_offset_minutes = 420;
  }
  const int events = random.Below(3);
  for (int e = 0; e < events; ++e) {
    v1::Event& event = article.records.events.emplace_back();
    event.set_kind(static_cast<v1::EventKind>(random.Below(5)));
    if (!random.Percent(15)) {
      // Few distinct days, places and organisers: the same ceremony comes up again.
      event.mutable_date()->set_year(2019 + random.Below(2));
      event.mutable_date()->set_month(1 + random.Below(2));
      event.mutable_date()->set_day(1 + random.Below(2));
    }
    event.set_province(random.Pick(kProvinces));
    event.set_current_province(event.province());
    event.set_organizer(random.Pick(std::vector<std::string>{"UBND tỉnh", "Sở Y tế", ""}));
    event.set_movement(random.Pick(std::vector<std::string>{"Vì an ninh Tổ quốc", ""}));
  }
  const int awards = random.Below(4);
  for (int a = 0; a < awards; ++a) {
    ingest::UnstoredAward& award = article.records.awards.emplace_back();
    award.event_index = events > 0 && !random.Percent(20) ? random.Below(events) : -1;
    award.award.set_award_type(static_cast<v1::AwardType>(1 + random.Below(3)));
    award.award.set_award_name(random.Pick(std::vector<std::string>{"Bằng khen", "Giấy khen"}));
    award.award.set_issuer(random.Pick(kIssuers));
    award.award.set_issuer_level(static_cast<v1::IssuerLevel>(random.Below(4)));
    award.award.set_recipient_kind(static_cast<v1::RecipientKind>(random.Below(3)));
    if (!random.Percent(15)) award.award.set_count(1 + random.Below(3));
  }
  return article;
}

TEST_F(StatisticsPropertyTest, EveryStatisticMatchesBruteForceAndACountInTheTest) {
  synthetic::Random random(20240601);
  const synthetic::ArticleGenerator generator({.seed = 99, .restated_event_percent = 25});
  std::vector<ingest::NewArticle> articles;
  for (int i = 0; i < kSyntheticArticles; ++i) {
    const synthetic::SyntheticArticle synthetic = generator.Generate(i);
    const auto request = synthetic::IngestRequestFor(synthetic);
    auto article = ingest::PrepareArticle(request, {});
    ASSERT_TRUE(article.ok()) << article.status();
    articles.push_back(std::move(*article));
    // Resubmissions must change nothing.
    if (random.Percent(5)) articles.push_back(articles[random.Below(articles.size())]);
  }
  for (int i = 0; i < kBuiltArticles; ++i) articles.push_back(BuiltArticle(i, random));
  // Interleave parsed and built articles, as feeds would.
  for (size_t i = articles.size() - 1; i > 0; --i)
    std::swap(articles[i], articles[random.Below(i + 1)]);
  Ingest(articles, random);
  ASSERT_FALSE(HasFatalFailure());
  testing::ExpectRollupsMatchRecount(database_->url());

  const std::vector<Case> cases = {
      {"no filter", [](v1::RecordFilter&) {}, "", [](const Fact&) { return true; }},
      {"province", [](v1::RecordFilter& f) { f.set_province("Khánh Hòa"); },
       "province = 'Khánh Hòa'", [](const Fact& f) { return f.province == "Khánh Hòa"; }},
      {"no province", [](v1::RecordFilter& f) { f.set_province(""); }, "province = ''",
       [](const Fact& f) { return f.province.empty(); }},
      {"current province", [](v1::RecordFilter& f) { f.set_current_province("Gia Lai"); },
       "current_province = 'Gia Lai'",
       [](const Fact& f) { return f.current_province == "Gia Lai"; }},
      {"issuer", [](v1::RecordFilter& f) { f.set_issuer("Chủ tịch nước"); },
       "issuer = 'Chủ tịch nước'", [](const Fact& f) { return f.issuer == "Chủ tịch nước"; }},
      {"issuer level", [](v1::RecordFilter& f) { f.set_issuer_level(v1::ISSUER_LEVEL_PROVINCE); },
       "issuer_level = 'PROVINCE'", [](const Fact& f) { return f.issuer_level == "PROVINCE"; }},
      {"award type",
       [](v1::RecordFilter& f) { f.set_award_type(v1::AWARD_TYPE_CERTIFICATE_OF_MERIT); },
       "award_type = 'CERTIFICATE_OF_MERIT'",
       [](const Fact& f) { return f.award_type == "CERTIFICATE_OF_MERIT"; }},
      {"award name", [](v1::RecordFilter& f) { f.set_award_name("Giấy khen"); },
       "award_name = 'Giấy khen'", [](const Fact& f) { return f.award_name == "Giấy khen"; }},
      {"unstated recipients",
       [](v1::RecordFilter& f) { f.set_recipient_kind(v1::RECIPIENT_KIND_UNSPECIFIED); },
       "recipient_kind = 'UNSPECIFIED'",
       [](const Fact& f) { return f.recipient_kind == "UNSPECIFIED"; }},
      {"event kind", [](v1::RecordFilter& f) { f.set_event_kind(v1::EVENT_KIND_CEREMONY); },
       "event_kind = 'CEREMONY'", [](const Fact& f) { return f.event_kind == "CEREMONY"; }},
      {"movement", [](v1::RecordFilter& f) { f.set_movement("Vì an ninh Tổ quốc"); },
       "movement = 'Vì an ninh Tổ quốc'",
       [](const Fact& f) { return f.movement == "Vì an ninh Tổ quốc"; }},
      {"organizer", [](v1::RecordFilter& f) { f.set_organizer("Sở Y tế"); },
       "organizer = 'Sở Y tế'", [](const Fact& f) { return f.organizer == "Sở Y tế"; }},
      {"source", [](v1::RecordFilter& f) { f.set_source("Báo A"); }, "source = 'Báo A'",
       [](const Fact& f) { return f.source == "Báo A"; }},
      {"year 2020", [](v1::RecordFilter& f) { f.set_year(2020); },
       "day >= '2020-01-01' AND day <= '2020-12-31'", [](const Fact& f) { return f.year == 2020; }},
      {"no known date", [](v1::RecordFilter& f) { f.set_year(0); }, "day IS NULL",
       [](const Fact& f) { return f.year == 0; }},
      {"second quarters", [](v1::RecordFilter& f) { f.set_quarter(2); },
       "extract(quarter FROM day) = 2", [](const Fact& f) { return (f.month + 2) / 3 == 2; }},
      {"Junes", [](v1::RecordFilter& f) { f.set_month(6); }, "extract(month FROM day) = 6",
       [](const Fact& f) { return f.month == 6; }},
      {"whole months",
       [](v1::RecordFilter& f) {
         f.mutable_date_from()->set_year(2019), f.mutable_date_from()->set_month(2);
         f.mutable_date_to()->set_year(2021), f.mutable_date_to()->set_month(6);
       },
       "day >= '2019-02-01' AND day <= '2021-06-30'",
       [](const Fact& f) {
         return f.year > 0 && std::make_pair(f.year, f.month) >= std::make_pair(2019, 2) &&
                std::make_pair(f.year, f.month) <= std::make_pair(2021, 6);
       }},
      {"days",
       [](v1::RecordFilter& f) {
         f.mutable_date_from()->set_year(2019), f.mutable_date_from()->set_month(1);
         f.mutable_date_from()->set_day(2);
         f.mutable_date_to()->set_year(2020), f.mutable_date_to()->set_month(2);
         f.mutable_date_to()->set_day(1);
       },
       "day >= '2019-01-02' AND day <= '2020-02-01'",
       [](const Fact& f) {
         const auto day = std::make_tuple(f.year, f.month, f.day);
         return f.year > 0 && day >= std::make_tuple(2019, 1, 2) &&
                day <= std::make_tuple(2020, 2, 1);
       }},
      {"published in 2020",
       [](v1::RecordFilter& f) {
         f.mutable_published_from()->set_seconds(1577811600);  // 2020-01-01 00:00 +07
         f.mutable_published_to()->set_seconds(1609434000);    // 2021-01-01 00:00 +07
       },
       "published_at >= '2020-01-01 00:00+07' AND published_at < '2021-01-01 00:00+07'",
       [](const Fact& f) { return f.published >= 1577811600 && f.published < 1609434000; }},
      {"province and award type",
       [](v1::RecordFilter& f) {
         f.set_province("Nghệ An");
         f.set_award_type(v1::AWARD_TYPE_ORDER);
       },
       "province = 'Nghệ An' AND award_type = 'ORDER'",
       [](const Fact& f) { return f.province == "Nghệ An" && f.award_type == "ORDER"; }},
  };
  std::vector<std::vector<v1::Dimension>> groupings = {{}};
  for (int d = v1::DIMENSION_PROVINCE; d <= v1::DIMENSION_SOURCE; ++d) {
    groupings.push_back({static_cast<v1::Dimension>(d)});
  }
  groupings.push_back({v1::DIMENSION_PROVINCE, v1::DIMENSION_AWARD_TYPE});
  groupings.push_back({v1::DIMENSION_ISSUER, v1::DIMENSION_MONTH});
  groupings.push_back({v1::DIMENSION_AWARD_TYPE, v1::DIMENSION_PROVINCE, v1::DIMENSION_YEAR});
  groupings.push_back({v1::DIMENSION_ISSUER_LEVEL, v1::DIMENSION_RECIPIENT_KIND});

  pqxx::connection connection(database_->url());
  std::set<std::string> rollups_used;
  int compared = 0;
  for (const Case& test_case : cases) {
    for (const auto& group_by : groupings) {
      v1::GetAwardStatisticsRequest request;
      test_case.filter(*request.mutable_filter());
      for (v1::Dimension dimension : group_by) request.add_group_by(dimension);
      const std::string what =
          absl::StrCat(test_case.name, ", grouped by ", request.ShortDebugString());
      auto from_rollups = rollups_->GetAwardStatistics(request);
      auto from_records = stored_records_->GetAwardStatistics(request);
      ASSERT_TRUE(from_rollups.ok()) << what << ": " << from_rollups.status();
      ASSERT_TRUE(from_records.ok()) << what << ": " << from_records.status();
      EXPECT_EQ(from_records->served_from(), "award_facts");
      rollups_used.insert(from_rollups->served_from());
      pqxx::read_transaction transaction(connection);
      const Table brute_force = BruteForce(transaction, group_by, test_case.where);
      const Table counted = Count(model_, group_by, test_case.keep);
      EXPECT_EQ(brute_force, counted) << what << ": brute-force SQL vs the test's count";
      EXPECT_EQ(FromResponse(*from_records), brute_force) << what << ": stored records";
      EXPECT_EQ(FromResponse(*from_rollups), brute_force)
          << what << ": served from " << from_rollups->served_from();
      ++compared;
    }
  }
  // Most requests the rollups can answer were answered by them.
  EXPECT_GE(rollups_used.size(), 8u) << absl::StrJoin(rollups_used, ", ");
  EXPECT_GT(model_.facts.size(), 1000u);
  EXPECT_EQ(compared, static_cast<int>(cases.size() * groupings.size()));
}

}  // namespace
}  // namespace laurel::query

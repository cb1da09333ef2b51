#include <string>
#include <vector>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "bench/synthetic/article_generator.h"
#include "bench/synthetic/ingest_request.h"
#include "common/rollups.h"
#include "gtest/gtest.h"
#include "ingest-service/src/ingestor.h"
#include "ingest-service/src/parsed_records.h"
#include "ingest-service/src/parser/parse_article.h"
#include "ingest-service/src/pg_article_repository.h"
#include "ingest-service/src/reparser.h"
#include "tests/integration/rollup_recount.h"
#include "tests/support/test_database.h"

namespace laurel::ingest {
namespace {

constexpr int kArticles = 120;

absl::StatusOr<UnstoredRecords> Parse(const std::string& text) {
  auto parsed = parser::ParseArticle(text);
  if (!parsed.ok()) return parsed.status();
  return ToUnstoredRecords(*parsed);
}

// A database and a repository on it.
struct Store {
  std::unique_ptr<testing::TestDatabase> database;
  std::unique_ptr<PgPool> pool;
  std::unique_ptr<PgArticleRepository> repository;

  Store() {
    const std::string url = testing::MigratedDatabaseUrl(database);
    pool = std::make_unique<PgPool>(PgPoolOptions{.url = url});
    repository = std::make_unique<PgArticleRepository>(*pool);
  }

  // Every row of `sql`, as text lines.
  std::vector<std::string> Rows(const std::string& sql) const {
    pqxx::connection connection(database->url());
    pqxx::read_transaction transaction(connection);
    std::vector<std::string> rows;
    for (const pqxx::row& row : transaction.exec(sql)) {
      std::vector<std::string> fields;
      for (const pqxx::field& field : row) fields.push_back(field.is_null() ? "∅" : field.c_str());
      rows.push_back(absl::StrJoin(fields, " | "));
    }
    return rows;
  }

  // Everything that follows from the stored records, independent of ids: every rollup, each
  // article's records (by url), and the distinct events' mention counts.
  std::vector<std::string> Derived() const {
    std::vector<std::string> all;
    for (const Rollup& rollup : Rollups()) {
      const std::string keys = absl::StrJoin(rollup.key_columns, ", ");
      for (std::string& row : Rows(absl::StrCat("SELECT '", rollup.table, "', * FROM ",
                                                rollup.table, " ORDER BY ", keys))) {
        all.push_back(std::move(row));
      }
    }
    for (std::string& row : Rows(R"sql(
        SELECT ar.url, ar.title, ar.author, ar.published_at, ar.parser_version, ar.text,
               (SELECT string_agg(concat_ws(',', e.kind, e.date_year, e.date_month, e.date_day,
                                            e.province, e.organizer, d.mention_count), ';'
                                  ORDER BY e.ordinal)
                FROM events e JOIN distinct_events d ON d.id = e.distinct_event_id
                WHERE e.article_id = ar.id),
               (SELECT string_agg(concat_ws(',', a.award_type, a.award_name, a.issuer,
                                            a.recipient_kind, a.recipient_count, a.counted), ';'
                                  ORDER BY a.ordinal)
                FROM awards a WHERE a.article_id = ar.id)
        FROM articles ar ORDER BY ar.url)sql")) {
      all.push_back(std::move(row));
    }
    return all;
  }
};

// Synthetic articles as the current parser reads them; with `outdated`, some as an older parser
// might have stored them: awards missing, a count off, an event without its province.
std::vector<NewArticle> Articles(bool outdated) {
  const synthetic::ArticleGenerator generator({.seed = 5, .restated_event_percent = 40});
  std::vector<NewArticle> articles;
  for (int i = 0; i < kArticles; ++i) {
    const synthetic::SyntheticArticle synthetic = generator.Generate(i);
    const auto request = synthetic::IngestRequestFor(synthetic);
    auto article = PrepareArticle(request, {});
    EXPECT_TRUE(article.ok()) << article.status();
    if (outdated && i % 4 != 3) {
      article->parser_version = parser::kParserVersion - 1;
      UnstoredRecords& records = article->records;
      if (i % 4 == 0) records.awards.clear();
      if (i % 4 == 1 && !records.awards.empty()) {
        records.awards[0].award.set_count(records.awards[0].award.count() + 1);
      }
      if (i % 4 == 2 && !records.events.empty()) records.events[0].set_province("");
    }
    articles.push_back(std::move(*article));
  }
  return articles;
}

TEST(Reparse, RecomputesRecordsAndStatisticsAsIfTheArticlesWereNew) {
  Store outdated;
  Store fresh;
  ASSERT_TRUE(outdated.repository->InsertBatch(Articles(/*outdated=*/true)).ok());
  ASSERT_TRUE(fresh.repository->InsertBatch(Articles(/*outdated=*/false)).ok());
  ASSERT_NE(outdated.Derived(), fresh.Derived());

  int reparsed = 0, changed = 0, calls = 0;
  ReparseSelection selection{.parser_version = parser::kParserVersion, .limit = 17};
  while (true) {
    auto outcome = outdated.repository->Reparse(selection, Parse);
    ASSERT_TRUE(outcome.ok()) << outcome.status();
    reparsed += outcome->reparsed;
    changed += outcome->changed;
    ++calls;
    testing::ExpectRollupsMatchRecount(outdated.database->url());
    if (outcome->remaining == 0) break;
    ASSERT_LT(calls, 100);
  }
  EXPECT_EQ(reparsed, kArticles * 3 / 4);
  EXPECT_GT(changed, kArticles / 2);
  EXPECT_LE(changed, reparsed);
  EXPECT_EQ(outdated.Derived(), fresh.Derived());
}

TEST(Reparse, EveryVersionPagesThroughAllArticlesAndChangesNothingWhenUpToDate) {
  Store store;
  ASSERT_TRUE(store.repository->InsertBatch(Articles(/*outdated=*/false)).ok());
  const std::vector<std::string> before = store.Derived();
  const Reparser reparser(*store.repository);
  v1::ReparseArticlesRequest request;
  request.set_include_current_version(true);
  request.set_max_articles(50);
  int reparsed = 0, pages = 0;
  while (true) {
    auto response = reparser.Reparse(request);
    ASSERT_TRUE(response.ok()) << response.status();
    EXPECT_EQ(response->changed_articles(), 0);
    EXPECT_EQ(response->parser_version(), parser::kParserVersion);
    reparsed += response->reparsed_articles();
    ++pages;
    if (response->next_page_token().empty()) {
      EXPECT_EQ(response->remaining_articles(), 0);
      break;
    }
    request.set_page_token(response->next_page_token());
  }
  EXPECT_EQ(reparsed, kArticles);
  EXPECT_EQ(pages, 3);
  EXPECT_EQ(store.Derived(), before);

  request.set_page_token("bm90LWEtdG9rZW4");
  EXPECT_TRUE(absl::IsInvalidArgument(reparser.Reparse(request).status()));
  request.clear_page_token();
  request.set_max_articles(-1);
  EXPECT_TRUE(absl::IsInvalidArgument(reparser.Reparse(request).status()));
}

}  // namespace
}  // namespace laurel::ingest

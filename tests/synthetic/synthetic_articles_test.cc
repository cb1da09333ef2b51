#include <algorithm>
#include <map>
#include <set>
#include <string>
#include <vector>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "bench/synthetic/article_generator.h"
#include "gtest/gtest.h"
#include "ingest-service/src/parser/gazetteer.h"
#include "ingest-service/src/parser/parse_article.h"

namespace laurel::synthetic {
namespace {

constexpr int kArticles = 5000;
constexpr int kShownMismatches = 5;

std::string DateText(const parser::Date& date) {
  return absl::StrCat(date.year, "-", date.month, "-", date.day);
}

// Everything a record says except where it was read from and how sure the parser is.
std::string Describe(const parser::Event& event) {
  return absl::StrCat("event ", static_cast<int>(event.kind), " ", DateText(event.date), " [",
                      event.province, "] [", event.current_province, "] [", event.organizer, "] [",
                      event.movement, "] ", event.period_start_year, "-", event.period_end_year);
}

std::string Describe(const parser::Award& award) {
  return absl::StrCat("award ", static_cast<int>(award.award_type), " [", award.award_name, "] [",
                      award.issuer, "] level ", static_cast<int>(award.issuer_level), " kind ",
                      static_cast<int>(award.recipient_kind), " count ",
                      award.count ? absl::StrCat(*award.count) : "none", " [",
                      absl::StrJoin(award.recipients, "; "), "] event ", award.event_index);
}

// The article's records as sorted lines: the order of records carries no meaning.
std::vector<std::string> Describe(const parser::ParsedArticle& article) {
  std::vector<std::string> lines;
  lines.push_back(absl::StrCat("title [", article.title, "] author [", article.author, "]"));
  lines.push_back(article.published_at
                      ? absl::StrCat("published ", article.published_at->unix_seconds, " +",
                                     article.published_at->utc_offset_minutes)
                      : "published none");
  for (const parser::Event& event : article.events) lines.push_back(Describe(event));
  for (const parser::Award& award : article.awards) lines.push_back(Describe(award));
  std::sort(lines.begin(), lines.end());
  return lines;
}

TEST(SyntheticArticlesTest, AnArticleIsAFunctionOfSeedAndIndex) {
  const ArticleGenerator generator({.seed = 7});
  for (uint64_t index : {0, 1, 17, 123456, 999999}) {
    const SyntheticArticle first = generator.Generate(index);
    const SyntheticArticle again = ArticleGenerator({.seed = 7}).Generate(index);
    EXPECT_EQ(first.text, again.text);
    EXPECT_EQ(Describe(first.expected), Describe(again.expected));
    EXPECT_NE(first.text, ArticleGenerator({.seed = 8}).Generate(index).text);
  }
}

TEST(SyntheticArticlesTest, TheParserReadsWhatEachArticleWasWrittenToSay) {
  const ArticleGenerator generator({.seed = 20250701});
  int mismatches = 0;
  for (int i = 0; i < kArticles; ++i) {
    const SyntheticArticle article = generator.Generate(i);
    const auto parsed = parser::ParseArticle(article.text);
    ASSERT_TRUE(parsed.ok()) << parsed.status();
    const std::vector<std::string> expected = Describe(article.expected);
    const std::vector<std::string> actual = Describe(*parsed);
    if (expected != actual && ++mismatches <= kShownMismatches) {
      std::vector<std::string> missing, unexpected;
      std::set_difference(expected.begin(), expected.end(), actual.begin(), actual.end(),
                          std::back_inserter(missing));
      std::set_difference(actual.begin(), actual.end(), expected.begin(), expected.end(),
                          std::back_inserter(unexpected));
      ADD_FAILURE() << "article " << i << ":\n"
                    << article.text << "\nwritten to say, but not read:\n  "
                    << absl::StrJoin(missing, "\n  ") << "\nread, but not written:\n  "
                    << absl::StrJoin(unexpected, "\n  ");
    }
  }
  EXPECT_EQ(mismatches, 0) << "of " << kArticles << " articles";
}

TEST(SyntheticArticlesTest, ArticlesCoverEveryProvinceAwardTypeAndShape) {
  const ArticleGenerator generator({.seed = 3});
  std::set<std::string> before_merger, after_merger;
  std::set<parser::AwardType> types;
  std::set<parser::IssuerLevel> levels;
  std::set<parser::EventKind> kinds;
  int ordinary = 0, restating = 0, named = 0, years_after_merger = 0;
  std::set<int> years;
  for (int i = 0; i < 20000; ++i) {
    const SyntheticArticle article = generator.Generate(i);
    if (article.expected.events.empty()) {
      ++ordinary;
      EXPECT_TRUE(article.expected.awards.empty());
      continue;
    }
    if (article.event_origin != article.index) ++restating;
    const parser::Event& event = article.expected.events[0];
    kinds.insert(event.kind);
    years.insert(event.date.year);
    const bool merged =
        event.date.year > 2025 || (event.date.year == 2025 && event.date.month >= 7);
    (merged ? after_merger : before_merger).insert(event.province);
    years_after_merger += merged;
    for (const parser::Award& award : article.expected.awards) {
      types.insert(award.award_type);
      levels.insert(award.issuer_level);
      named += !award.recipients.empty();
    }
  }
  EXPECT_EQ(before_merger.size(), 63u + 1u);  // Thừa Thiên Huế became Huế on 1 January 2025
  EXPECT_EQ(after_merger.size(), parser::Provinces2025().size());
  EXPECT_EQ(types.size(), 10u);  // every award type
  EXPECT_EQ(levels.size(), 7u);  // every issuer level
  EXPECT_EQ(kinds.size(), 4u);
  EXPECT_EQ(*years.begin(), 2015);
  EXPECT_EQ(*years.rbegin(), 2026);
  EXPECT_GT(ordinary, 2000);
  EXPECT_GT(restating, 1000);
  EXPECT_GT(named, 1000);
  EXPECT_GT(years_after_merger, 1000);
}

}  // namespace
}  // namespace laurel::synthetic

#include <algorithm>
#include <map>
#include <string>
#include <vector>

#include "absl/strings/str_split.h"
#include "absl/strings/strip.h"
#include "gtest/gtest.h"
#include "ingest-service/src/parser/parse_article.h"
#include "tests/parser/gold_corpus.h"

// The repository's own samples (samples/articles) against the records samples/expected.md writes
// for them by hand: the README shows these, so they must come out exactly.
namespace laurel::parser {
namespace {

// "TYPE · name · issuer · KIND · count (names)" → "TYPE | issuer | KIND | count": the parts a
// statistic is built from (names are written as the text has them, the parser normalises them).
std::string RecordKey(absl::string_view record) {
  const std::vector<std::string> parts = absl::StrSplit(record, " · ");
  if (parts.size() != 5) return std::string(record);
  const std::string count = parts[4].substr(0, parts[4].find(' '));
  return parts[0] + " | " + parts[2] + " | " + parts[3] + " | " + count;
}

// File name → the record keys its row of the table lists, sorted.
std::map<std::string, std::vector<std::string>> ExpectedRecords(const std::string& table) {
  std::map<std::string, std::vector<std::string>> expected;
  for (absl::string_view line : absl::StrSplit(table, '\n')) {
    const std::vector<std::string> cells = absl::StrSplit(line, " | ");
    if (cells.size() < 6 || !absl::StartsWith(cells[1], "`")) continue;
    const std::string file(absl::StripSuffix(absl::StripPrefix(cells[1], "`"), "`"));
    std::vector<std::string>& records = expected[file];
    if (!absl::StartsWith(cells[4], "none")) {
      for (absl::string_view record : absl::StrSplit(cells[4], "<br>")) {
        records.push_back(RecordKey(record));
      }
    }
    std::sort(records.begin(), records.end());
  }
  return expected;
}

TEST(SamplesTest, EverySampleReadsAsExpectedMdWritesIt) {
  const std::string dir = LAUREL_SAMPLES_DIR;
  const std::map<std::string, std::vector<std::string>> expected =
      ExpectedRecords(testing::ReadFile(dir + "/expected.md"));
  ASSERT_EQ(expected.size(), 8u) << "the table of " << dir << "/expected.md";
  for (const auto& [file, records] : expected) {
    const absl::StatusOr<ParsedArticle> parsed =
        ParseArticle(testing::ReadFile(dir + "/articles/" + file));
    ASSERT_TRUE(parsed.ok()) << file << ": " << parsed.status();
    std::vector<std::string> actual;
    for (const Award& award : parsed->awards) {
      actual.push_back(testing::AwardTypeName(award.award_type) + " | " + award.issuer + " | " +
                       testing::RecipientKindName(award.recipient_kind) + " | " +
                       (award.count ? std::to_string(*award.count) : "null"));
    }
    std::sort(actual.begin(), actual.end());
    EXPECT_EQ(actual, records) << file;
    EXPECT_EQ(parsed->events.size(), records.empty() ? 0u : 1u) << file;
  }
}

}  // namespace
}  // namespace laurel::parser

#include <string>

#include "gtest/gtest.h"
#include "ingest-service/src/parser/parse_article.h"
#include "tests/parser/gold_corpus.h"

namespace laurel::parser {
namespace {

using testing::CorpusDir;

// The design article must come out exactly: every field the services rely on.
TEST(SeedArticleTest, ReadsEveryFieldExactly) {
  const std::string dir = CorpusDir();
  if (dir.empty()) GTEST_SKIP() << "corpus directory not found; set LAUREL_CORPUS_DIR";
  const std::string text = testing::ReadFile(dir + "/articles/seed.txt");
  if (text.empty()) GTEST_SKIP() << "seed.txt not found in " << dir << "/articles";
  const absl::StatusOr<ParsedArticle> parsed = ParseArticle(text);
  ASSERT_TRUE(parsed.ok()) << parsed.status();

  ASSERT_TRUE(parsed->published_at.has_value());
  EXPECT_EQ(testing::FormatPublished(*parsed->published_at), "2020-06-05T01:06:00+07:00");
  EXPECT_EQ(parsed->author, "THANH TRÚC");
  EXPECT_EQ(parsed->title, "Tổng kết 5 năm thực hiện phong trào thi đua \"Vì an ninh Tổ quốc\"");

  ASSERT_EQ(parsed->events.size(), 1u);
  const Event& event = parsed->events[0];
  EXPECT_EQ(event.kind, EventKind::kConference);
  EXPECT_EQ(testing::FormatDate(event.date), "2020-06-05");
  EXPECT_EQ(event.province, "Khánh Hòa");
  EXPECT_EQ(event.current_province, "Khánh Hòa");
  EXPECT_EQ(event.organizer, "Công an tỉnh Khánh Hòa");
  EXPECT_EQ(event.movement, "Vì an ninh Tổ quốc");
  EXPECT_EQ(event.period_start_year, 2015);
  EXPECT_EQ(event.period_end_year, 2020);

  ASSERT_EQ(parsed->awards.size(), 2u);
  int64_t total = 0;
  for (const Award& award : parsed->awards) {
    EXPECT_EQ(award.award_type, AwardType::kCertificateOfMerit);
    EXPECT_EQ(award.award_name, "Bằng khen");
    EXPECT_EQ(award.issuer, "UBND tỉnh Khánh Hòa");
    EXPECT_EQ(award.issuer_level, IssuerLevel::kProvince);
    EXPECT_TRUE(award.recipients.empty());
    ASSERT_TRUE(award.count.has_value());
    total += *award.count;
    EXPECT_EQ(award.event_index, 0);
    EXPECT_GT(award.confidence, 0.0);
    EXPECT_LE(award.confidence, 1.0);
    EXPECT_LT(award.span.begin, award.span.end);
  }
  EXPECT_EQ(parsed->awards[0].recipient_kind, RecipientKind::kCollective);
  EXPECT_EQ(parsed->awards[0].count, 21);
  EXPECT_EQ(parsed->awards[1].recipient_kind, RecipientKind::kIndividual);
  EXPECT_EQ(parsed->awards[1].count, 90);
  EXPECT_EQ(total, 111);
}

}  // namespace
}  // namespace laurel::parser

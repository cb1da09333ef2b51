#include "ingest-service/src/parsed_records.h"

#include <set>

#include "gtest/gtest.h"

namespace laurel::ingest {
namespace {

parser::ParsedArticle SeedLike() {
  parser::ParsedArticle parsed;
  parsed.title = "Tổng kết phong trào";
  parsed.author = "THANH TRÚC";
  parsed.published_at = parser::PublishedAt{1591293960, 420};
  parser::Event& event = parsed.events.emplace_back();
  event.kind = parser::EventKind::kConference;
  event.date = {2020, 6, 5};
  event.province = "Khánh Hòa";
  event.current_province = "Khánh Hòa";
  event.period_start_year = 2015;
  event.period_end_year = 2020;
  event.span = {10, 20};
  event.confidence = 0.9;
  parser::Award& award = parsed.awards.emplace_back();
  award.event_index = 0;
  award.award_type = parser::AwardType::kCertificateOfMerit;
  award.issuer = "UBND tỉnh Khánh Hòa";
  award.issuer_level = parser::IssuerLevel::kProvince;
  award.recipient_kind = parser::RecipientKind::kIndividual;
  award.count = 90;
  award.recipients = {"Nguyễn Văn A"};
  return parsed;
}

TEST(ParsedRecords, CarriesEveryField) {
  const UnstoredRecords records = ToUnstoredRecords(SeedLike());
  EXPECT_EQ(records.article.title(), "Tổng kết phong trào");
  EXPECT_EQ(records.article.published_at().seconds(), 1591293960);
  EXPECT_EQ(records.published_utc_offset_minutes, 420);
  ASSERT_EQ(records.events.size(), 1u);
  EXPECT_EQ(records.events[0].kind(), v1::EVENT_KIND_CONFERENCE);
  EXPECT_EQ(records.events[0].date().day(), 5);
  EXPECT_EQ(records.events[0].source_span().end(), 20);
  ASSERT_EQ(records.awards.size(), 1u);
  const v1::Award& award = records.awards[0].award;
  EXPECT_EQ(records.awards[0].event_index, 0);
  EXPECT_EQ(award.award_type(), v1::AWARD_TYPE_CERTIFICATE_OF_MERIT);
  EXPECT_EQ(award.issuer_level(), v1::ISSUER_LEVEL_PROVINCE);
  EXPECT_EQ(award.recipient_kind(), v1::RECIPIENT_KIND_INDIVIDUAL);
  EXPECT_EQ(award.count(), 90);
  EXPECT_EQ(award.recipients(0), "Nguyễn Văn A");
}

TEST(ParsedRecords, AbsentCountStaysAbsent) {
  parser::ParsedArticle parsed = SeedLike();
  parsed.awards[0].count.reset();
  EXPECT_FALSE(ToUnstoredRecords(parsed).awards[0].award.has_count());
}

TEST(ParsedRecords, AnEventIndexOutOfRangeMeansNoEvent) {
  parser::ParsedArticle parsed = SeedLike();
  parsed.awards[0].event_index = 3;
  EXPECT_EQ(ToUnstoredRecords(parsed).awards[0].event_index, -1);
}

// The parser's enums and the API's are kept in step by hand; a value added to one side only would
// silently become UNSPECIFIED. Every non-zero value must map to a distinct non-zero API value.
TEST(ParsedRecords, EveryAwardTypeHasItsOwnApiValue) {
  std::set<int> seen;
  for (int value = 1; value <= static_cast<int>(parser::AwardType::kOther); ++value) {
    parser::ParsedArticle parsed = SeedLike();
    parsed.awards[0].award_type = static_cast<parser::AwardType>(value);
    const int mapped = ToUnstoredRecords(parsed).awards[0].award.award_type();
    EXPECT_NE(mapped, 0) << value;
    EXPECT_TRUE(seen.insert(mapped).second) << value;
  }
  EXPECT_EQ(seen.size(), static_cast<size_t>(v1::AwardType_descriptor()->value_count() - 1));
}

}  // namespace
}  // namespace laurel::ingest

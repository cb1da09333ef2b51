#include "ingest-service/src/parser/dates.h"

#include "gtest/gtest.h"
#include "ingest-service/src/parser/text_normalizer.h"

namespace laurel::parser {
namespace {

std::string Stamp(std::string_view line) {
  const std::optional<DateTime> parsed = ParseDateLine(line);
  if (!parsed) return "none";
  char buffer[64];
  std::snprintf(buffer, sizeof(buffer), "%04d-%02d-%02d %02d:%02d:%02d %+d", parsed->date.year,
                parsed->date.month, parsed->date.day, parsed->hour, parsed->minute, parsed->second,
                parsed->utc_offset_minutes);
  return buffer;
}

TEST(DateLineTest, ReadsTheFormatsNewsSitesUse) {
  EXPECT_EQ(Stamp("01:06, 05/06/2020"), "2020-06-05 01:06:00 +420");
  EXPECT_EQ(Stamp("Thứ sáu, 05/06/2020 - 01:06"), "2020-06-05 01:06:00 +420");
  EXPECT_EQ(Stamp("05/06/2020 01:06 GMT+7"), "2020-06-05 01:06:00 +420");
  EXPECT_EQ(Stamp("2025-06-28T23:48:00+07:00"), "2025-06-28 23:48:00 +420");
  EXPECT_EQ(Stamp("2025-06-28T23:20:47+07:00"), "2025-06-28 23:20:47 +420");
  EXPECT_EQ(Stamp("20201002"), "2020-10-02 00:00:00 +420");
  EXPECT_EQ(Stamp("3/11/2013 11:01"), "2013-11-03 11:01:00 +420");
  EXPECT_EQ(Stamp("2020-06-05 10:30"), "2020-06-05 10:30:00 +420");
  EXPECT_EQ(Stamp("05.06.2020 10:30"), "2020-06-05 10:30:00 +420");
  EXPECT_EQ(Stamp("1.355.000"), "none");
}

TEST(DateLineTest, HeadlinesWithDatesAreNotDateLines) {
  EXPECT_EQ(Stamp("Thời tiết hôm nay 7/2/2017: trời rét"), "none");
  EXPECT_EQ(Stamp("31/02/2020"), "none");
}

TEST(DateLineTest, UnixSecondsHonourTheOffset) {
  DateTime dt;
  dt.date = {2020, 6, 5};
  dt.hour = 1;
  dt.minute = 6;
  EXPECT_EQ(ToUnixSeconds(dt), 1591293960);  // 2020-06-04T18:06:00Z
}

struct Sentence {
  NormalizedText normalized;
  std::vector<Token> tokens;
};

Sentence Read(std::string_view text) {
  Sentence s{NormalizeTextLenient(text), {}};
  s.tokens = Tokenize(s.normalized, 0, s.normalized.text.size());
  return s;
}

// Each text's event day, month and year (0 when not written).
void ExpectEventDays(const std::vector<std::tuple<std::string, int, int, int>>& cases) {
  for (const auto& [text, day, month, year] : cases) {
    const Sentence s = Read(text);
    const auto found = FindEventDay(s.tokens, 0, s.tokens.size());
    ASSERT_TRUE(found.has_value()) << text;
    EXPECT_EQ(found->day, day) << text;
    EXPECT_EQ(found->month, month) << text;
    EXPECT_EQ(found->year, year) << text;
  }
}

TEST(EventDayTest, ReadsDayAndMonthAfterATimeOfDay) {
  ExpectEventDays({{"Sáng 5-6, Công an tỉnh tổ chức hội nghị.", 5, 6, 0},
                   {"Vào chiều 12/3, buổi lễ diễn ra.", 12, 3, 0},
                   {"Tối nay (14/6), lễ tôn vinh diễn ra.", 14, 6, 0},
                   {"Buổi lễ được tổ chức ngày 30/6/2017 tại Hà Nội.", 30, 6, 2017},
                   {"Sáng 3.7, đoàn công tác đến thăm.", 3, 7, 0},
                   {"Sáng thứ Tư (3/6), Công an tỉnh tổ chức hội nghị.", 3, 6, 0},
                   {"Sáng Chủ nhật, 31/5, buổi lễ diễn ra.", 31, 5, 0},
                   {"Hôm 3/6, tại TP Vinh, lễ tuyên dương đã diễn ra.", 3, 6, 0}});
}

// A gathering over several days is dated by the day it opens.
TEST(EventDayTest, AMultiDayGatheringIsDatedByItsFirstDay) {
  ExpectEventDays({{"Ngày 3 và 4/6, Hội Nông dân tỉnh tổ chức đại hội.", 3, 6, 0},
                   {"Trong hai ngày 3-4/6, hội nghị diễn ra tại Huế.", 3, 6, 0},
                   {"Từ ngày 3 đến 5/6/2021, hội thi được tổ chức.", 3, 6, 2021},
                   {"Trong 2 ngày 29 - 30/5, lễ hội diễn ra.", 29, 5, 0},
                   {"Ngày 30/6 - 1/7, đại hội diễn ra.", 30, 6, 0}});
  // A day number that no month follows is no date.
  const Sentence counts = Read("Sau ngày 3 và nhiều ngày khác, kết quả được công bố.");
  EXPECT_FALSE(FindEventDay(counts.tokens, 0, counts.tokens.size()).has_value());
}

TEST(EventDayTest, HandlesRelativeDaysAndIgnoresRangesOfCounts) {
  const Sentence yesterday = Read("Hôm qua, Đại sứ đã trao tặng huân chương.");
  const auto found = FindEventDay(yesterday.tokens, 0, yesterday.tokens.size());
  ASSERT_TRUE(found.has_value());
  EXPECT_TRUE(found->relative);
  EXPECT_EQ(found->days_from_publication, -1);
  const Sentence counts = Read("Có 5-6 người tham gia và 2015 - 2020 là giai đoạn.");
  EXPECT_FALSE(FindEventDay(counts.tokens, 0, counts.tokens.size()).has_value());
}

TEST(PeriodTest, PeriodsAreNotDates) {
  const Sentence s = Read("Tổng kết phong trào thi đua giai đoạn 2015 - 2020 của ngành.");
  EXPECT_FALSE(FindEventDay(s.tokens, 0, s.tokens.size()).has_value());
  const std::vector<Period> periods = FindPeriods(s.tokens, 0, s.tokens.size());
  ASSERT_EQ(periods.size(), 1u);
  EXPECT_EQ(periods[0].start_year, 2015);
  EXPECT_EQ(periods[0].end_year, 2020);
  EXPECT_FALSE(periods[0].anniversary);
}

TEST(PeriodTest, ReadsReviewedYearsAndSetsAnniversariesApart) {
  const Sentence review = Read("Sau 5 năm (2016-2020), nhiệm kỳ 2017-2022 bắt đầu.");
  const std::vector<Period> periods = FindPeriods(review.tokens, 0, review.tokens.size());
  ASSERT_EQ(periods.size(), 2u);
  EXPECT_EQ(periods[0].start_year, 2016);
  EXPECT_FALSE(periods[0].anniversary);
  EXPECT_EQ(periods[1].end_year, 2022);
  const Sentence age = Read("Lễ kỷ niệm 55 năm thành lập (1962-2017) của Tổng cục.");
  const std::vector<Period> ages = FindPeriods(age.tokens, 0, age.tokens.size());
  ASSERT_EQ(ages.size(), 1u);
  EXPECT_TRUE(ages[0].anniversary);
}

TEST(WrittenYearTest, ANumberOfYearsIsNoYear) {
  // "1981 năm khởi nghĩa Hai Bà Trưng": an anniversary's count, which dates nothing.
  const Sentence s = Read("kỷ niệm 1981 năm khởi nghĩa Hai Bà Trưng, năm 2020 và 5/6/2019");
  std::vector<int> years;
  for (const WrittenYear& year : FindYears(s.tokens, 0, s.tokens.size()))
    years.push_back(year.year);
  EXPECT_EQ(years, (std::vector<int>{2020, 2019}));
}

TEST(CalendarTest, AddsDays) {
  EXPECT_TRUE((AddDays({2020, 3, 1}, -1) == Date{2020, 2, 29}));
  EXPECT_TRUE((AddDays({2020, 12, 31}, 1) == Date{2021, 1, 1}));
}

}  // namespace
}  // namespace laurel::parser

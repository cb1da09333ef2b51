#include <string>

#include "gtest/gtest.h"
#include "tests/parser/gold_corpus.h"
#include "tests/parser/test_articles.h"

namespace laurel::parser {
namespace {

using testing::FormatDate;
using testing::MustParse;

std::string Dated(const std::string& date_line, const std::string& body) {
  return date_line + "\n\nTin hoạt động\n\n" + body;
}

TEST(EventRulesTest, DayMonthTakesThePublicationYear) {
  const ParsedArticle article =
      MustParse(Dated("10:15, 20/11/2019",
                      "Sáng 19-11, Công an tỉnh Gia Lai tổ chức hội nghị tổng kết phong trào "
                      "thi đua “Vì an ninh Tổ quốc” giai đoạn 2014 - 2019."));
  ASSERT_EQ(article.events.size(), 1u);
  const Event& event = article.events[0];
  EXPECT_EQ(event.kind, EventKind::kConference);
  EXPECT_EQ(FormatDate(event.date), "2019-11-19");
  EXPECT_EQ(event.province, "Gia Lai");
  EXPECT_EQ(event.current_province, "Gia Lai");
  EXPECT_EQ(event.organizer, "Công an tỉnh Gia Lai");
  EXPECT_EQ(event.movement, "Vì an ninh Tổ quốc");
  EXPECT_EQ(event.period_start_year, 2014);
  EXPECT_EQ(event.period_end_year, 2019);
}

TEST(EventRulesTest, ADateAfterPublicationBelongsToTheYearBefore) {
  const ParsedArticle article =
      MustParse(Dated("07:00, 05/01/2021",
                      "Chiều 28/12, UBND huyện Cẩm Xuyên tổ chức lễ tuyên dương các gia đình "
                      "hiếu học ở Hà Tĩnh."));
  ASSERT_EQ(article.events.size(), 1u);
  EXPECT_EQ(article.events[0].kind, EventKind::kCeremony);
  EXPECT_EQ(FormatDate(article.events[0].date), "2020-12-28");
  EXPECT_EQ(article.events[0].province, "Hà Tĩnh");
}

TEST(EventRulesTest, WithoutAYearTheDateIsUnknown) {
  const ParsedArticle article = MustParse(
      "Lễ tuyên dương\n\nSáng 6/2, UBND xã Kỳ Bắc tổ chức lễ tuyên dương em Hồ Văn Nam ở Hà Tĩnh.");
  ASSERT_EQ(article.events.size(), 1u);
  EXPECT_FALSE(article.events[0].date.known());
  EXPECT_EQ(article.events[0].date.day, 6);
  EXPECT_EQ(article.events[0].date.month, 2);
}

TEST(EventRulesTest, AYearWrittenForTheEventIsUsed) {
  const ParsedArticle article = MustParse(
      "Kỷ niệm ngày thành lập\n\nSáng 10/7, tại tỉnh Cao Bằng, Tỉnh ủy tổ chức lễ kỷ niệm 70 năm "
      "ngày thành lập Đảng bộ (10/7/1947 - 10/7/2017) và đón nhận Huân chương Độc lập hạng Nhất.");
  ASSERT_EQ(article.events.size(), 1u);
  EXPECT_EQ(FormatDate(article.events[0].date), "2017-07-10");
  EXPECT_EQ(article.events[0].period_start_year, 0);  // a lifetime, not a period reviewed
  ASSERT_EQ(article.awards.size(), 1u);
}

TEST(EventRulesTest, CongressesAndPeriodsReviewed) {
  const ParsedArticle article =
      MustParse(Dated("09:00, 15/10/2020",
                      "Sáng 15/10, tại Hà Nội, Bộ Xây dựng tổ chức Đại hội thi đua yêu nước "
                      "lần thứ V. Đại hội đánh giá phong trào thi đua 5 năm (2015-2020)."));
  ASSERT_EQ(article.events.size(), 1u);
  EXPECT_EQ(article.events[0].kind, EventKind::kCongress);
  EXPECT_EQ(article.events[0].province, "Hà Nội");
  EXPECT_EQ(article.events[0].period_start_year, 2015);
  EXPECT_EQ(article.events[0].period_end_year, 2020);
}

TEST(EventRulesTest, AMinistryDoesNotImplyHanoiAndAbroadIsNoProvince) {
  const ParsedArticle ministry =
      MustParse(Dated("09:00, 15/10/2020",
                      "Sáng 15/10, Bộ Tư pháp tổ chức lễ trao Huân chương Lao động hạng Nhì "
                      "cho Cục Bổ trợ tư pháp."));
  ASSERT_EQ(ministry.events.size(), 1u);
  EXPECT_EQ(ministry.events[0].province, "");
  const ParsedArticle abroad =
      MustParse(Dated("09:00, 15/10/2020",
                      "Chiều 14/10, tại thành phố Lyon, Đại sứ quán tổ chức lễ trao giấy khen "
                      "cho Hội người Việt tại Lyon."));
  ASSERT_EQ(abroad.events.size(), 1u);
  EXPECT_EQ(abroad.events[0].province, "");
}

TEST(EventRulesTest, ProvincesAreNamedAsOnTheArticlesDate) {
  const std::string body =
      "Sáng 2/8, tại tỉnh Ninh Thuận, Hội Nông dân tổ chức lễ trao bằng khen cho 10 hội viên.";
  const ParsedArticle before = MustParse(Dated("08:00, 02/08/2024", body));
  ASSERT_EQ(before.events.size(), 1u);
  EXPECT_EQ(before.events[0].province, "Ninh Thuận");
  EXPECT_EQ(before.events[0].current_province, "Khánh Hòa");
  const ParsedArticle after = MustParse(Dated("08:00, 02/08/2025", body));
  ASSERT_EQ(after.events.size(), 1u);
  EXPECT_EQ(after.events[0].province, "Khánh Hòa");
  EXPECT_EQ(after.events[0].current_province, "Khánh Hòa");
}

TEST(EventRulesTest, OneEventHoweverOftenRestated) {
  const ParsedArticle article = MustParse(
      Dated("09:00, 15/10/2020",
            "Sáng 15/10, Sở Tư pháp TP.HCM tổ chức lễ đón nhận Cờ thi đua của Chính phủ.\n"
            "Sáng 15/10, Sở Tư pháp TP.HCM tổ chức lễ đón nhận Cờ thi đua của Chính phủ.\n"
            "Buổi lễ diễn ra trang trọng."));
  ASSERT_EQ(article.events.size(), 1u);
  EXPECT_EQ(article.events[0].province, "Hồ Chí Minh");
  ASSERT_EQ(article.awards.size(), 1u);
  EXPECT_EQ(article.awards[0].event_index, 0);
}

TEST(EventRulesTest, ReportedDecisionsAreNoEvent) {
  const ParsedArticle article =
      MustParse(Dated("09:00, 15/10/2020",
                      "Chiều 14/10, ông Lê Văn Tư cho biết Chủ tịch UBND tỉnh Quảng Bình vừa "
                      "quyết định tặng bằng khen cho 3 ngư dân."));
  EXPECT_TRUE(article.events.empty());
  ASSERT_EQ(article.awards.size(), 1u);
  EXPECT_EQ(article.awards[0].event_index, -1);
  EXPECT_EQ(article.awards[0].count, 3);
}

// The organiser of the only event read from `body`, dated 20/11/2019.
std::string OrganizerOf(const std::string& body) {
  const ParsedArticle article = MustParse(Dated("10:15, 20/11/2019", body));
  EXPECT_EQ(article.events.size(), 1u) << body;
  return article.events.empty() ? "" : article.events[0].organizer;
}

TEST(EventRulesTest, TheOrganiserIsWrittenAsInTheTextWithoutExplanations) {
  EXPECT_EQ(
      OrganizerOf("Tối 19/11, Đài Phát thanh - Truyền hình tỉnh Kiên Giang (KTV) phối hợp với "
                  "Sở Y tế, Hội Chữ thập đỏ tỉnh tổ chức lễ tuyên dương 30 y bác sĩ."),
      "Đài Phát thanh - Truyền hình tỉnh Kiên Giang");
  EXPECT_EQ(OrganizerOf("Sáng 19/11, lễ trao giải do Hội Nhà báo tỉnh phối hợp với Báo Kiên Giang "
                        "tổ chức đã trao 12 giải cho các tác giả."),
            "Hội Nhà báo tỉnh Kiên Giang và Báo Kiên Giang");
  EXPECT_EQ(OrganizerOf("Sáng 19/11, Sở Tư pháp Cần Thơ, tổ chức hội nghị tổng kết và tặng giấy "
                        "khen cho 9 tập thể."),
            "Sở Tư pháp Cần Thơ");
}

TEST(EventRulesTest, TheOrganisersBareUnitsAreTheArticlesOwn) {
  EXPECT_EQ(OrganizerOf("Sáng 19/11, UBND huyện Tam Nông và Phòng Giáo dục huyện tổ chức lễ "
                        "tuyên dương 25 học sinh. Huyện Tam Nông thuộc tỉnh Phú Thọ."),
            "UBND huyện Tam Nông và Phòng Giáo dục huyện Tam Nông");
  EXPECT_EQ(OrganizerOf("Sáng 19/11, Thành ủy, HĐND, UBND, Ủy ban MTTQ Việt Nam thành phố tổ "
                        "chức lễ kỷ niệm tại Nhà hát thành phố Cần Thơ và đón nhận Huân chương "
                        "Lao động hạng Nhất."),
            "Thành ủy, HĐND, UBND, Ủy ban MTTQ Việt Nam thành phố Cần Thơ");
}

TEST(EventRulesTest, PrizesAreGivenByTheOrganiserOfTheirCeremony) {
  const ParsedArticle article = MustParse(Dated(
      "10:15, 20/11/2019",
      "Sáng 19/11, Hội Văn học Nghệ thuật tỉnh Lào Cai tổ chức lễ trao giải sáng tác văn học. Ban "
      "giám khảo đã chọn 20 tác phẩm để trao giải. Trong đó có: 2 giải A, 6 giải B và 12 giải C."));
  ASSERT_EQ(article.awards.size(), 3u);
  for (const Award& award : article.awards) {
    EXPECT_EQ(award.issuer, "Hội Văn học Nghệ thuật tỉnh Lào Cai");
  }
}

// The only event read from `body` (dated 20/11/2019); a default one (and a failure) unless exactly
// one is read.
Event OnlyEventIn(const std::string& text) {
  const ParsedArticle article = MustParse(text);
  EXPECT_EQ(article.events.size(), 1u) << text;
  return article.events.size() == 1 ? article.events[0] : Event{};
}
Event OnlyEvent(const std::string& body) { return OnlyEventIn(Dated("10:15, 20/11/2019", body)); }

TEST(EventRulesTest, ThePeriodOfAnAwardedMeritIsNoPeriodReviewed) {
  EXPECT_EQ(OnlyEvent("Sáng 19/11, Bộ Tài chính tổ chức lễ kỷ niệm 20 năm ngày thành lập Báo Tài "
                      "chính. Bộ trưởng trao bằng khen cho 5 tập thể có thành tích xuất sắc trong "
                      "công tác tuyên truyền giai đoạn 2017-2019.")
                .period_start_year,
            0);
}

TEST(EventRulesTest, ADatedWishIsNoEventAndNoAward) {
  const ParsedArticle wish = MustParse(Dated(
      "10:15, 20/11/2019",
      "Ngày 18/11, người dân xã Tân Lập cho rằng hai ông xứng đáng được tặng bằng khen từ lâu."));
  EXPECT_EQ(wish.events.size() + wish.awards.size(), 0u);
}

TEST(EventRulesTest, ThisMorningWithADateAndASpanWrittenWithoutSpaces) {
  EXPECT_EQ(FormatDate(OnlyEventIn("Kỷ niệm 50 năm thành lập Cục Thống kê\n\nSáng nay 3/9, Cục "
                                   "Thống kê tổ chức lễ kỷ niệm 50 năm ngày thành lập "
                                   "(5/9/1969-5/9/2019) và đón nhận Huân chương Lao động hạng Nhì.")
                           .date),
            "2019-09-03");
}

}  // namespace
}  // namespace laurel::parser

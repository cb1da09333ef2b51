#include <string>
#include <vector>

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

TEST(EventRulesTest, TheLastWeeksOfTheYearBeforeAreNewsStill) {
  const ParsedArticle article =
      MustParse(Dated("Thứ Sáu, 10/01/2020, 08:00 (GMT+7)",
                      "Ngày 31/12/2019, Công an tỉnh Quảng Trị tổ chức hội nghị tổng kết, trao "
                      "Giấy khen cho 10 tập thể."));
  ASSERT_EQ(article.events.size(), 1u);
  EXPECT_EQ(FormatDate(article.events[0].date), "2019-12-31");
  ASSERT_EQ(article.awards.size(), 1u);
  EXPECT_EQ(article.awards[0].count, 10);
  // A date months before stays background.
  EXPECT_TRUE(MustParse(Dated("10/01/2020 08:00",
                              "Ngày 15/6/2019, Công an tỉnh được tặng Cờ thi đua của Bộ Công an."))
                  .awards.empty());
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

TEST(EventRulesTest, ThePeriodOfWhatIsAgreedIsNoPeriodReviewed) {
  const ParsedArticle article = MustParse(
      "Tin hoạt động\n\nChiều 23/6, tại Hà Nội, Tổng Liên đoàn Lao động Việt Nam và Thông tấn xã "
      "Việt Nam tổ chức Lễ ký kết Chương trình phối hợp tuyên truyền giai đoạn 2017 - 2022. Dịp "
      "này, Tổng Liên đoàn trao Kỷ niệm chương cho 5 cá nhân.");
  ASSERT_EQ(article.events.size(), 1u);
  EXPECT_EQ(article.events[0].period_start_year, 0);
  // A period after the one launched is looked back on.
  const ParsedArticle congress = MustParse(Dated(
      "10:15, 20/11/2020",
      "Sáng 19/11, Bộ Tư pháp tổ chức Đại hội Thi đua yêu nước lần thứ V. Tại đại hội, Thứ trưởng "
      "đã phát động phong trào thi đua giai đoạn 2021-2025 nhằm phát huy những thành tích đã đạt "
      "được trong phong trào thi đua giai đoạn 2015-2020. Bộ trưởng tặng bằng khen cho 9 tập "
      "thể."));
  ASSERT_EQ(congress.events.size(), 1u);
  EXPECT_EQ(congress.events[0].period_start_year, 2015);
  EXPECT_EQ(congress.events[0].period_end_year, 2020);
}

TEST(EventRulesTest, ProvincesNamedAsOftenAsEachOtherPlaceNoEvent) {
  const ParsedArticle article = MustParse(Dated(
      "09:00, 15/10/2020",
      "Phát biểu tại buổi lễ, Thiếu tướng Vũ Ngọc Thiềm thay mặt Nhà nước trao tặng Học viện "
      "Huân chương Bảo vệ Tổ quốc hạng Nhì. Học viện có hai cơ sở đào tạo Hà Nội và TP.HCM."));
  ASSERT_EQ(article.events.size(), 1u);
  EXPECT_EQ(article.events[0].province, "");
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
bool NoEventIn(const std::string& body) {
  return MustParse(Dated("10:15, 20/11/2019", body)).events.empty();
}

TEST(EventRulesTest, ThePeriodOfAnAwardedMeritIsNoPeriodReviewed) {
  EXPECT_EQ(OnlyEvent("Sáng 19/11, Bộ Tài chính tổ chức lễ kỷ niệm 20 năm ngày thành lập Báo Tài "
                      "chính. Bộ trưởng trao bằng khen cho 5 tập thể có thành tích xuất sắc trong "
                      "công tác tuyên truyền giai đoạn 2017-2019.")
                .period_start_year,
            0);
}

TEST(EventRulesTest, AGatheringOverSeveralDaysIsDatedByItsFirstDay) {
  EXPECT_EQ(FormatDate(OnlyEvent("Trong hai ngày 14-15/11, Hội Nông dân tỉnh Nghệ An tổ chức Đại "
                                 "hội thi đua yêu nước lần thứ IV.")
                           .date),
            "2019-11-14");
}

TEST(EventRulesTest, AYearWrittenForTheSameDaysLaterSessionDatesBoth) {
  const ParsedArticle article = MustParse(
      "Tin hoạt động\n\nSáng 22-6, tại Hà Nội, Hội Nông dân Việt Nam tổ chức hội nghị tổng kết, "
      "trao "
      "Bằng khen cho 12 tập thể. Chiều cùng ngày, Hội Nông dân Việt Nam tổ chức hội nghị sơ kết "
      "công tác năm 2017, trao Bằng khen cho 9 cá nhân.");
  ASSERT_EQ(article.events.size(), 2u);
  EXPECT_EQ(FormatDate(article.events[0].date), "2017-06-22");
  EXPECT_EQ(FormatDate(article.events[1].date), "2017-06-22");
}

TEST(EventRulesTest, GatheringsOfManySummedUpAndPlansAreNoEvent) {
  EXPECT_TRUE(
      NoEventIn("Dịp Tết, nhiều doanh nghiệp tổ chức gặp mặt đầu xuân và tặng giấy khen "
                "cho công nhân."));
  EXPECT_TRUE(
      NoEventIn("LĐLĐ tỉnh vừa ban hành Kế hoạch tổ chức hội nghị tổng kết phong trào thi "
                "đua năm 2019."));
}

TEST(EventRulesTest, AnExamHeldIsNoGathering) {
  EXPECT_TRUE(
      NoEventIn("Kỳ thi chọn học sinh giỏi cấp tỉnh được tổ chức từ ngày 12-14/11 với 10 "
                "môn thi."));
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

TEST(EventRulesTest, OrganisersNamedLikeVerbsOrWithCommasAreReadWhole) {
  // A body celebrating holds the gathering.
  EXPECT_EQ(OrganizerOf("Sáng 19/11, tại Hà Nội, Nhà xuất bản Kim Đồng kỷ niệm 60 năm thành lập và "
                        "đón nhận Huân chương Lao động hạng Nhất."),
            "Nhà xuất bản Kim Đồng");
  // Without one named as organising, the body welcoming its award holds the gathering.
  EXPECT_EQ(
      OrganizerOf("Sáng 19/11, tại lễ khánh thành dây chuyền số 2 và đón nhận Huân chương Lao "
                  "động hạng Ba của Công ty Cổ phần Xi măng Thành Thắng, Phó Thủ tướng "
                  "phát biểu."),
      "Công ty Cổ phần Xi măng Thành Thắng");
  // A ministry organising is named in full.
  EXPECT_EQ(OrganizerOf("Sáng 19/11, Bộ VHTTDL tổ chức lễ trao bằng khen cho 12 tập thể."),
            "Bộ Văn hóa, Thể thao và Du lịch");
  // A time told without a comma is no part of the organiser.
  EXPECT_EQ(OrganizerOf("Sáng thứ Ba 19/11 UBND tỉnh Vĩnh Long tổ chức lễ trao bằng khen cho 12 "
                        "tập thể."),
            "UBND tỉnh Vĩnh Long");
  // "Ban Tổ chức" names a committee; its act of organising comes after.
  EXPECT_EQ(OrganizerOf("Sáng 19/11, Ban Tổ chức Tỉnh ủy Quảng Trị tổ chức hội nghị tổng kết, "
                        "trao giấy khen cho 10 tập thể."),
            "Ban Tổ chức Tỉnh ủy Quảng Trị");
  EXPECT_EQ(OrganizerOf("Sáng 19/11, UBND tỉnh Vĩnh Long tổ chức hội nghị tổng kết phong trào thi "
                        "đua và tặng bằng khen cho 12 tập thể."),
            "UBND tỉnh Vĩnh Long");
  EXPECT_EQ(OrganizerOf("Sáng 19/11, lễ kỷ niệm 30 năm ngày thành lập do Bộ Văn hóa, Thể thao và "
                        "Du lịch tổ chức đã diễn ra tại Hà Nội. Bộ trưởng trao bằng khen cho 10 "
                        "tập thể."),
            "Bộ Văn hóa, Thể thao và Du lịch");
  // "Kế hoạch" in a ministry's name is no plan.
  const Event congress = OnlyEvent(
      "Tối 19/11, tại tỉnh Bắc Ninh, Bộ Kế hoạch và Đầu tư tổ chức Đại hội Thi đua yêu nước lần "
      "thứ IV. Bộ trưởng tặng bằng khen cho 9 tập thể.");
  EXPECT_EQ(congress.kind, EventKind::kCongress);
  EXPECT_EQ(FormatDate(congress.date), "2019-11-19");
  EXPECT_EQ(congress.organizer, "Bộ Kế hoạch và Đầu tư");
  EXPECT_EQ(congress.province, "Bắc Ninh");
}

TEST(EventRulesTest, PlacesWrittenInFull) {
  const Event hcm = OnlyEvent(
      "Sáng 19/11, UBND thành phố Hồ Chí Minh tổ chức hội nghị tổng kết và tặng bằng khen cho 5 "
      "tập thể.");
  EXPECT_EQ(hcm.province, "Hồ Chí Minh");
  EXPECT_EQ(hcm.organizer, "UBND thành phố Hồ Chí Minh");
  const Event brvt = OnlyEvent(
      "Sáng 19/11, UBND tỉnh Bà Rịa - Vũng Tàu tổ chức hội nghị tổng kết và tặng bằng khen cho 5 "
      "tập thể.");
  EXPECT_EQ(brvt.province, "Bà Rịa - Vũng Tàu");
  EXPECT_EQ(brvt.organizer, "UBND tỉnh Bà Rịa - Vũng Tàu");
}

TEST(EventRulesTest, ACouncilSessionWhereAwardsAreGivenIsAnEventOfItsOwnKind) {
  const Event session = OnlyEvent(
      "Chiều 19/11, Hội đồng nhân dân tỉnh Hà Nam khóa XIX, nhiệm kỳ 2016-2021 tổ chức Kỳ họp thứ "
      "30. Nhiều tập thể, cá nhân có thành tích xuất sắc đã được biểu dương, khen thưởng.");
  EXPECT_EQ(session.kind, EventKind::kOther);
  EXPECT_EQ(session.organizer, "Hội đồng nhân dân tỉnh Hà Nam");
  EXPECT_EQ(session.province, "Hà Nam");
}

TEST(EventRulesTest, GatheringsHeldApartAreEventsOfTheirOwnWithTheirAwards) {
  const ParsedArticle article = MustParse(Dated(
      "10:15, 20/11/2019",
      "Sáng 19/11, UBND tỉnh Nghệ An tổ chức hội nghị tổng kết công tác thi đua, khen thưởng. Tại "
      "hội nghị, Chủ tịch UBND tỉnh tặng bằng khen cho 20 tập thể. Trước đó, sáng 17/11, tại tỉnh "
      "Hà Tĩnh, Bộ Công an tổ chức lễ trao Huy chương Vì an ninh Tổ quốc cho 15 cán bộ. Sáng "
      "19/11, "
      "hội nghị tổng kết đã diễn ra trang trọng với sự tham dự của 300 đại biểu."));
  ASSERT_EQ(article.events.size(), 2u);
  EXPECT_EQ(FormatDate(article.events[0].date), "2019-11-19");
  EXPECT_EQ(article.events[0].province, "Nghệ An");
  EXPECT_EQ(FormatDate(article.events[1].date), "2019-11-17");
  EXPECT_EQ(article.events[1].province, "Hà Tĩnh");
  EXPECT_EQ(article.events[1].organizer, "Bộ Công an");
  ASSERT_EQ(article.awards.size(), 2u);
  EXPECT_EQ(article.awards[0].event_index, 0);
  EXPECT_EQ(article.awards[1].award_type, AwardType::kMedal);
  EXPECT_EQ(article.awards[1].event_index, 1);
}

TEST(EventRulesTest, TheSameDayInAnotherProvinceIsAnotherGathering) {
  const ParsedArticle article = MustParse(Dated(
      "10:15, 20/11/2019",
      "Sáng 19/11, tại Hà Nội, Trung ương Hội Nông dân Việt Nam tổ chức lễ tuyên dương 63 nông dân "
      "xuất sắc. Cùng ngày, tại TP.HCM, Hội Nông dân thành phố tổ chức lễ trao bằng khen cho 20 "
      "hội "
      "viên."));
  ASSERT_EQ(article.events.size(), 2u);
  EXPECT_EQ(FormatDate(article.events[1].date), "2019-11-19");
  EXPECT_EQ(article.events[1].province, "Hồ Chí Minh");
  ASSERT_EQ(article.awards.size(), 2u);
  for (const Award& award : article.awards) {
    if (award.award_type == AwardType::kOther) {  // honoured at "lễ tuyên dương", counted
      EXPECT_EQ(award.count, 63);
      EXPECT_EQ(award.issuer, "Trung ương Hội Nông dân Việt Nam");
      EXPECT_EQ(award.event_index, 0);
    } else {
      EXPECT_EQ(award.issuer, "Hội Nông dân thành phố Hồ Chí Minh");
      EXPECT_EQ(award.event_index, 1);
    }
  }
}

TEST(EventRulesTest, AGatheringYearsBeforeIsHistoryNotTheNews) {
  const ParsedArticle article = MustParse(Dated(
      "10:15, 20/11/2019",
      "Ngày 2/9/2010, tỉnh Nghệ An long trọng tổ chức lễ đón nhận Huân chương Sao vàng. Sáng "
      "19/11, "
      "UBND tỉnh Nghệ An tổ chức hội nghị tổng kết công tác thi đua. Chủ tịch UBND tỉnh tặng bằng "
      "khen cho 20 tập thể."));
  ASSERT_EQ(article.events.size(), 1u);
  EXPECT_EQ(FormatDate(article.events[0].date), "2019-11-19");
  EXPECT_EQ(article.events[0].kind, EventKind::kConference);
}

TEST(EventRulesTest, AShowThatAlsoHonoursIsACeremony) {
  const ParsedArticle article = MustParse(
      Dated("21:00, 28/06/2024",
            "Tối 28-6, Sở Văn hóa tỉnh Nghệ An tổ chức chương trình nghệ thuật chào mừng Ngày Gia "
            "đình Việt Nam và tuyên dương 30 gia đình văn hóa tiêu biểu. Ban tổ chức đã trao bằng "
            "khen cho 30 gia đình. Năm nay, tỉnh cũng tổ chức đại hội thi đua yêu nước."));
  ASSERT_FALSE(article.events.empty());
  EXPECT_EQ(article.events[0].kind, EventKind::kCeremony);
}

TEST(EventRulesTest, WhereTheHonouredComeFromIsNotWhereTheyAreHonoured) {
  EXPECT_EQ(OnlyEvent("Chiều 23-6, Bộ Tư pháp tổ chức lễ trao bằng khen cho hai nông dân Lê Văn "
                      "Tùng và Trần Văn Nam (Yên Thành, Nghệ An) có thành tích trong phòng chống "
                      "tham nhũng.")
                .province,
            "");
  EXPECT_EQ(OnlyEvent("Chiều 23-6, tại Trường THCS Lê Lợi (huyện Yên Thành, Nghệ An), Sở GD&ĐT tổ "
                      "chức lễ trao giấy khen cho 12 học sinh.")
                .province,
            "Nghệ An");
}

TEST(EventRulesTest, AnotherSessionTheSameDayIsAnotherGathering) {
  const std::string morning =
      "Sáng 22-6, Hội Nông dân tỉnh Nghệ An tổ chức hội nghị ban chấp hành lần thứ 5. ";
  const std::string given_there =
      " cùng ngày, Hội Nông dân tỉnh tổ chức hội nghị chủ tịch hội nông dân các huyện. Đồng chí Lê "
      "Văn Tùng chủ trì hội nghị. Tại hội nghị, 12 tập thể được Hội Nông dân tỉnh tặng bằng khen.";
  const std::vector<Event> afternoon =
      MustParse(Dated("21:00, 22/06/2023", morning + "* Chiều" + given_there)).events;
  // Restated for the same part of the day, it is the same gathering.
  const std::vector<Event> same_session =
      MustParse(Dated("21:00, 22/06/2023", morning + "Sáng" + given_there)).events;
  EXPECT_EQ(same_session.size(), 1u);
  ASSERT_EQ(afternoon.size(), 2u);
  EXPECT_EQ(FormatDate(afternoon[1].date), "2023-06-22");
}

TEST(EventRulesTest, ACentralOrganiserIsNamedInFull) {
  EXPECT_EQ(OnlyEvent("Sáng 22-6, Ủy ban T.Ư MTTQ Việt Nam tổ chức hội nghị tổng kết công tác Mặt "
                      "trận và khen thưởng 20 tập thể.")
                .organizer,
            "Ủy ban Trung ương Mặt trận Tổ quốc Việt Nam");
}

TEST(EventRulesTest, ATournamentOrContestIsNoCeremony) {
  const Event tournament = OnlyEvent(
      "Ngày 19/11, Câu lạc bộ Facolos Cao Bằng tổ chức Giải Pickleball Facolos & Friends. Nhân dịp "
      "này, Câu lạc bộ khen thưởng 8 hội viên đạt thành tích tại các giải trong tỉnh.");
  EXPECT_EQ(tournament.kind, EventKind::kOther);
  EXPECT_EQ(OnlyEvent("Sáng 19/11, Hội Nhà báo tỉnh Cao Bằng tổ chức lễ trao Giải báo chí tỉnh "
                      "cho 12 tác phẩm.")
                .kind,
            EventKind::kCeremony);
}

}  // namespace
}  // namespace laurel::parser

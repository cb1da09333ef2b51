#include <cstdint>
#include <string>
#include <vector>

#include "gtest/gtest.h"
#include "tests/parser/test_articles.h"

namespace laurel::parser {
namespace {

using testing::MustParse;
using testing::TotalRecipients;

// A short dated article around `body`, written for these tests.
std::string Article(const std::string& body) {
  return "08:30, 12/03/2021\n\nKhen thưởng các điển hình\n\n" + body + "\n\nMINH ANH";
}

// The only award read from `body`; a default one (and a failure) unless exactly one is read.
Award OnlyAward(const std::string& body) {
  const ParsedArticle article = MustParse(Article(body));
  EXPECT_EQ(article.awards.size(), 1u) << body;
  return article.awards.size() == 1 ? article.awards[0] : Award{};
}

// `field` of every award read from `body`, in order.
template <typename Field>
std::vector<Field> FieldOfAwards(const std::string& body, Field Award::*field) {
  std::vector<Field> values;
  for (const Award& award : MustParse(Article(body)).awards) values.push_back(award.*field);
  return values;
}

std::vector<std::string> IssuersOf(const std::string& body) {
  return FieldOfAwards(body, &Award::issuer);
}

void ExpectNoAwards(const std::string& body) {
  EXPECT_TRUE(MustParse(Article(body)).awards.empty()) << body;
}

TEST(AwardRulesTest, OneRecordPerGroupAndRestatementsCountedOnce) {
  const ParsedArticle article = MustParse(Article(
      "Sáng 12-3, Sở Y tế tỉnh Phú Yên tổ chức hội nghị tổng kết công tác năm 2020. "
      "Dịp này, UBND tỉnh đã tặng bằng khen cho 12 tập thể và 30 cá nhân có thành tích xuất sắc.\n"
      "Lãnh đạo Sở Y tế trao bằng khen cho 12 tập thể.\n"
      "Phó chủ tịch UBND tỉnh trao bằng khen cho 30 cá nhân."));
  ASSERT_EQ(article.awards.size(), 2u);
  EXPECT_EQ(article.awards[0].award_type, AwardType::kCertificateOfMerit);
  EXPECT_EQ(article.awards[0].recipient_kind, RecipientKind::kCollective);
  EXPECT_EQ(article.awards[0].count, 12);
  EXPECT_EQ(article.awards[1].recipient_kind, RecipientKind::kIndividual);
  EXPECT_EQ(article.awards[1].count, 30);
  EXPECT_EQ(TotalRecipients(article), 42);
  for (const Award& award : article.awards) {
    EXPECT_EQ(award.issuer, "UBND tỉnh Phú Yên");
    EXPECT_EQ(award.issuer_level, IssuerLevel::kProvince);
  }
}

TEST(AwardRulesTest, TheVerbAfterABodyIsNoPartOfItsName) {
  const Award award = OnlyAward(
      "Ngày 20/11, Trường Đại học Cần Thơ long trọng tổ chức Lễ kỷ niệm 41 năm Ngày Nhà giáo Việt "
      "Nam và đón nhận Huân chương Lao động hạng Nhì.");
  EXPECT_EQ(award.recipients, (std::vector<std::string>{"Trường Đại học Cần Thơ"}));
  EXPECT_EQ(award.count, 1);
}

TEST(AwardRulesTest, MembersNamedAfterACountedGroup) {
  EXPECT_EQ(
      OnlyAward("UBND tỉnh Tây Ninh tặng Bằng khen cho 2 tập thể là Bệnh viện Đa khoa tỉnh "
                "và Trung tâm Kiểm soát bệnh tật tỉnh vì đã có thành tích xuất sắc.")
          .recipients,
      (std::vector<std::string>{"Bệnh viện Đa khoa tỉnh", "Trung tâm Kiểm soát bệnh tật tỉnh"}));
  EXPECT_EQ(OnlyAward("UBND tỉnh Bình Định tặng Bằng khen cho 3 cá nhân gồm: ông Nguyễn Văn Long, "
                      "bà Trần Thị Định và ông Lê Văn Tài.")
                .recipients,
            (std::vector<std::string>{"Nguyễn Văn Long", "Trần Thị Định", "Lê Văn Tài"}));
}

TEST(AwardRulesTest, CountsWrittenInWords) {
  const ParsedArticle article = MustParse(Article(
      "Chủ tịch UBND tỉnh Nghệ An vừa tặng bằng khen cho hai tập thể và mười lăm cá nhân."));
  ASSERT_EQ(article.awards.size(), 2u);
  EXPECT_EQ(article.awards[0].count, 2);
  EXPECT_EQ(article.awards[1].count, 15);
  EXPECT_EQ(article.awards[0].issuer, "UBND tỉnh Nghệ An");
}

TEST(AwardRulesTest, NamedRecipientsAreCountedByName) {
  const ParsedArticle article =
      MustParse(Article("Công an huyện trao giấy khen cho anh Nguyễn Văn Tâm và chị Lê Thị Hoa vì "
                        "đã bắt giữ kẻ trộm."));
  ASSERT_EQ(article.awards.size(), 1u);
  EXPECT_EQ(article.awards[0].award_type, AwardType::kCertificateOfCommendation);
  EXPECT_EQ(article.awards[0].recipient_kind, RecipientKind::kIndividual);
  EXPECT_EQ(article.awards[0].count, 2);
  EXPECT_EQ(article.awards[0].recipients,
            (std::vector<std::string>{"Nguyễn Văn Tâm", "Lê Thị Hoa"}));
}

TEST(AwardRulesTest, ThePresenterIsNotTheIssuer) {
  const ParsedArticle article = MustParse(Article(
      "Thừa ủy quyền của Chủ tịch nước, Phó Thủ tướng Lê Văn Hai trao Huân chương Lao động hạng "
      "Nhì cho Bệnh viện Đa khoa tỉnh Bình Định."));
  ASSERT_EQ(article.awards.size(), 1u);
  EXPECT_EQ(article.awards[0].presenter, "Lê Văn Hai");
  EXPECT_EQ(article.awards[0].issuer, "Chủ tịch nước");
}

TEST(AwardRulesTest, UnstatedCountsStayUnknown) {
  const ParsedArticle article =
      MustParse(Article("Bộ trưởng Bộ Công an tặng bằng khen cho nhiều cá nhân có thành tích."));
  ASSERT_EQ(article.awards.size(), 1u);
  EXPECT_FALSE(article.awards[0].count.has_value());
  EXPECT_EQ(article.awards[0].recipient_kind, RecipientKind::kIndividual);
  EXPECT_EQ(article.awards[0].issuer, "Bộ Công an");
  EXPECT_EQ(article.awards[0].issuer_level, IssuerLevel::kMinistry);
}

TEST(AwardRulesTest, AMedalIsNotAMovement) {
  const ParsedArticle medal = MustParse(Article(
      "Thừa ủy quyền của Chủ tịch nước, Giám đốc Công an tỉnh trao Huy chương Vì an ninh Tổ quốc "
      "cho 5 cán bộ."));
  ASSERT_EQ(medal.awards.size(), 1u);
  EXPECT_EQ(medal.awards[0].award_type, AwardType::kMedal);
  EXPECT_EQ(medal.awards[0].award_name, "Huy chương Vì an ninh Tổ quốc");
  EXPECT_EQ(medal.awards[0].issuer, "Chủ tịch nước");
  EXPECT_EQ(medal.awards[0].count, 5);

  const ParsedArticle movement = MustParse(Article(
      "Sáng 12/3, Công an tỉnh Bình Định tổ chức hội nghị sơ kết phong trào thi đua Vì an ninh Tổ "
      "quốc."));
  EXPECT_TRUE(movement.awards.empty());
  ASSERT_EQ(movement.events.size(), 1u);
  EXPECT_EQ(movement.events[0].movement, "Vì an ninh Tổ quốc");
}

TEST(AwardRulesTest, OrdersTakeTheirClassAndThePresident) {
  const ParsedArticle article = MustParse(Article(
      "Thay mặt lãnh đạo Đảng, Nhà nước, Phó Thủ tướng trao huân chương lao động hạng 3 cho Công "
      "ty Cổ phần Sông Hồng."));
  ASSERT_EQ(article.awards.size(), 1u);
  EXPECT_EQ(article.awards[0].award_type, AwardType::kOrder);
  EXPECT_EQ(article.awards[0].award_name, "Huân chương Lao động hạng Ba");
  EXPECT_EQ(article.awards[0].issuer, "Chủ tịch nước");
  EXPECT_EQ(article.awards[0].issuer_level, IssuerLevel::kState);
  EXPECT_EQ(article.awards[0].recipient_kind, RecipientKind::kCollective);
  EXPECT_EQ(article.awards[0].count, 1);
}

TEST(AwardRulesTest, FlagsOfTheGovernment) {
  const ParsedArticle article =
      MustParse(Article("Trường Đại học Thủy lợi vinh dự đón nhận Cờ thi đua của Chính phủ."));
  ASSERT_EQ(article.awards.size(), 1u);
  EXPECT_EQ(article.awards[0].award_type, AwardType::kEmulationFlag);
  EXPECT_EQ(article.awards[0].issuer, "Chính phủ");
  EXPECT_EQ(article.awards[0].issuer_level, IssuerLevel::kGovernment);
  EXPECT_EQ(article.awards[0].count, 1);
}

TEST(AwardRulesTest, PosthumousAwardsCount) {
  const ParsedArticle article = MustParse(Article(
      "Bộ trưởng Bộ Giáo dục và Đào tạo đã truy tặng bằng khen cho em Phạm Văn Hải, người đã cứu "
      "hai bạn nhỏ."));
  ASSERT_EQ(article.awards.size(), 1u);
  EXPECT_EQ(article.awards[0].count, 1);
  EXPECT_EQ(article.awards[0].issuer, "Bộ Giáo dục và Đào tạo");
}

TEST(AwardRulesTest, AnObituarysHonoursAreALifesNotNews) {
  EXPECT_TRUE(MustParse("08:30, 12/03/2021\n\nThiếu tướng Trần Văn C từ trần\n\nÔng sinh năm "
                        "1940 tại Nam Định. Ông được Nhà nước tặng thưởng Huân chương Quân công "
                        "hạng Nhất.")
                  .awards.empty());
  // ... unless the news is an honour given on the death.
  EXPECT_EQ(MustParse("08:30, 12/03/2021\n\nAnh Lê Văn D qua đời khi cứu người\n\nChủ tịch "
                      "UBND tỉnh Nghệ An truy tặng Bằng khen cho anh Lê Văn D.")
                .awards.size(),
            1u);
}

TEST(AwardRulesTest, ACashRewardGivenOnItsOwnIsARecordForWhomTheNextClauseNames) {
  const std::string body =
      "Thay mặt lãnh đạo tỉnh, ông Trần Văn E tặng hoa và phần thưởng trị giá 5 triệu đồng; Hội "
      "Khuyến học tỉnh tặng Giấy khen cho em Lê Thị G.";
  EXPECT_EQ(FieldOfAwards(body, &Award::award_name),
            (std::vector<std::string>{"Phần thưởng", "Giấy khen"}));
  EXPECT_EQ(FieldOfAwards(body, &Award::award_type),
            (std::vector<AwardType>{AwardType::kOther, AwardType::kCertificateOfCommendation}));
  EXPECT_EQ(TotalRecipients(MustParse(Article(body))), 2);
  // With a named award it is that award's.
  const Award merit =
      OnlyAward("UBND tỉnh tặng Bằng khen cùng phần thưởng trị giá 5 triệu đồng cho em Lê Thị G.");
  EXPECT_EQ(merit.award_name, "Bằng khen");
}

TEST(AwardRulesTest, ARestatedAwardIsNamedInFullWhereTheTextGivesItsFullName) {
  EXPECT_EQ(OnlyAward("Bệnh viện Đa khoa tỉnh Nghệ An đón nhận danh hiệu Anh hùng Lao động. Ngày "
                      "10/3, Phó Thủ tướng trao tặng danh hiệu Anh hùng Lao động thời kỳ đổi mới "
                      "cho Bệnh viện Đa khoa tỉnh Nghệ An.")
                .award_name,
            "Anh hùng Lao động thời kỳ đổi mới");
}

TEST(AwardRulesTest, StandardsReachedAreNotAwards) {
  const ParsedArticle article = MustParse(Article(
      "Đến nay, toàn tỉnh có 137/147 xã đạt tiêu chuẩn An toàn về an ninh trật tự. Nhiều cơ quan "
      "được công nhận đạt danh hiệu cơ quan văn hóa."));
  EXPECT_TRUE(article.awards.empty());
}

TEST(AwardRulesTest, EarlierYearsAreBackground) {
  const ParsedArticle article = MustParse(Article(
      "Năm 2015, đơn vị đã được tặng Huân chương Lao động hạng Ba. Trước đây, trường từng nhận "
      "Cờ thi đua của Chính phủ."));
  EXPECT_TRUE(article.awards.empty());
}

TEST(AwardRulesTest, ProposalsRevocationsAndSportsAreNotAwards) {
  const ParsedArticle article = MustParse(Article(
      "Sở Nội vụ đề nghị Chủ tịch tỉnh tặng bằng khen cho ông Lê Văn Ba. Chủ tịch nước quyết định "
      "thu hồi Huân chương Lao động hạng Nhì của ông Trần Văn C. Đội tuyển giành huy chương vàng "
      "tại giải vô địch."));
  EXPECT_TRUE(article.awards.empty());
}

TEST(AwardRulesTest, DecomposedTextAndLookAlikesReadTheSame) {
  const std::string composed =
      Article("Ðà Nẵng: UBND thành phố Đà Nẵng trao bằng khen cho 8 tập thể.");
  const std::string decomposed = Article(
      "\xC3\x90"
      "a\xCC\x80 Na\xCC\x86\xCC\x83ng: UBND tha\xCC\x80nh pho\xCC\x82\xCC\x81 "
      "\xC3\x90"
      "a\xCC\x80 Na\xCC\x86\xCC\x83ng trao ba\xCC\x86\xCC\x80ng khen cho 8 ta\xCC\x82\xCC\xA3p "
      "the\xCC\x82\xCC\x89.");
  const ParsedArticle a = MustParse(composed);
  const ParsedArticle b = MustParse(decomposed);
  ASSERT_EQ(a.awards.size(), 1u);
  ASSERT_EQ(b.awards.size(), 1u);
  EXPECT_EQ(b.awards[0].issuer, "UBND thành phố Đà Nẵng");
  EXPECT_EQ(b.awards[0].count, 8);
  EXPECT_EQ(a.awards[0].issuer, b.awards[0].issuer);
  // Spans count code points of the text as submitted, so the decomposed span is longer.
  EXPECT_GT(b.awards[0].span.end - b.awards[0].span.begin,
            a.awards[0].span.end - a.awards[0].span.begin);
  EXPECT_EQ(testing::CodePointSlice(decomposed, b.awards[0].span.begin, b.awards[0].span.begin + 5),
            "\xC3\x90"
            "a\xCC\x80 N");
}

TEST(AwardRulesTest, SpansPointAtTheSentenceInTheOriginalText) {
  const std::string text = Article(
      "Sáng 12/3, Hội Nông dân tỉnh Long An tổ chức hội nghị. Hội Nông dân Việt Nam tặng bằng khen "
      "cho 4 hội viên.");
  const ParsedArticle article = MustParse(text);
  ASSERT_EQ(article.awards.size(), 1u);
  EXPECT_EQ(testing::CodePointSlice(text, article.awards[0].span.begin, article.awards[0].span.end),
            "Hội Nông dân Việt Nam tặng bằng khen cho 4 hội viên.");
  ASSERT_EQ(article.events.size(), 1u);
  EXPECT_EQ(testing::CodePointSlice(text, article.events[0].span.begin, article.events[0].span.end),
            "Sáng 12/3, Hội Nông dân tỉnh Long An tổ chức hội nghị.");
}

TEST(AwardRulesTest, ConfidenceIsLowerForInferredFacts) {
  const ParsedArticle article = MustParse(Article(
      "UBND tỉnh Hà Giang tặng bằng khen cho 6 tập thể. Ông Lò Văn Pá trao giấy khen cho các cá "
      "nhân."));
  ASSERT_EQ(article.awards.size(), 2u);
  EXPECT_GT(article.awards[0].confidence, article.awards[1].confidence);
  for (const Award& award : article.awards) {
    EXPECT_GT(award.confidence, 0.0);
    EXPECT_LE(award.confidence, 1.0);
  }
}

TEST(AwardRulesTest, ATotalGivesWayToItsBreakdown) {
  const ParsedArticle article = MustParse(Article(
      "Tại buổi lễ, Hội Chữ thập đỏ tỉnh khen thưởng 50 cá nhân. Trong đó, 20 cá nhân được tặng "
      "bằng khen và 30 cá nhân được tặng giấy khen."));
  ASSERT_EQ(article.awards.size(), 2u);
  EXPECT_EQ(TotalRecipients(article), 50);
}

TEST(AwardRulesTest, OrdinaryNewsHasNoAwards) {
  const ParsedArticle article = MustParse(
      "Bắc Bộ trời rét\n\nNgày 9/2, Bắc Bộ trời rét với nhiệt độ thấp nhất 10 độ C. Đội bóng "
      "thành Nam giành chiến thắng 2-1 trên sân nhà.");
  EXPECT_TRUE(article.awards.empty());
  EXPECT_TRUE(article.events.empty());
}

TEST(AwardRulesTest, BadgesAreAwardsOfTheirOwn) {
  const Award award =
      OnlyAward("Tỉnh Đoàn Lào Cai đã trao huy hiệu \"Tuổi trẻ dũng cảm\" cho 2 đoàn viên.");
  EXPECT_EQ(award.award_type, AwardType::kOther);
  EXPECT_EQ(award.award_name, "Huy hiệu Tuổi trẻ dũng cảm");
  EXPECT_EQ(award.count, 2);
}

TEST(AwardRulesTest, ASingularNounThenANameIsOnePerson) {
  const ParsedArticle article = MustParse(
      Article("Bộ trưởng Bộ Công Thương đã trao bằng khen cho nữ nhân viên bưu điện huyện Cần Giờ "
              "(TP.HCM) Lê Thị Mai vì đã trả lại tài sản. Tổng giám đốc tặng giấy khen cho cá nhân "
              "đồng chí Vũ Văn Hùng."));
  ASSERT_EQ(article.awards.size(), 2u);
  for (const Award& award : article.awards) {
    EXPECT_EQ(award.recipient_kind, RecipientKind::kIndividual);
    EXPECT_EQ(award.count, 1);
  }
  EXPECT_EQ(article.awards[0].recipients, std::vector<std::string>{"Lê Thị Mai"});
  EXPECT_EQ(article.awards[1].recipients, std::vector<std::string>{"Vũ Văn Hùng"});
}

TEST(AwardRulesTest, EachGiverKeepsItsOwnListOfAwards) {
  EXPECT_EQ(
      IssuersOf("Nhân dịp này Hội Liên hiệp Phụ nữ Việt Nam đã trao 4 kỷ niệm chương tặng lãnh đạo "
                "Báo Tuổi "
                "Trẻ và 2 bằng khen tặng cá nhân xuất sắc; Thông tấn xã Việt Nam trao 3 kỷ niệm "
                "chương tặng "
                "lãnh đạo Hội và 2 bằng khen tặng các cá nhân của Hội."),
      (std::vector<std::string>{"Hội Liên hiệp Phụ nữ Việt Nam", "Hội Liên hiệp Phụ nữ Việt Nam",
                                "Thông tấn xã Việt Nam", "Thông tấn xã Việt Nam"}));
}

TEST(AwardRulesTest, AnUncountedSummaryIsTheClassesGivenAfterIt) {
  EXPECT_EQ(
      FieldOfAwards("Nhân dịp này, Bệnh viện tỉnh tổ chức lễ đón nhận Huân chương Lao động "
                    "tặng tập thể, cá nhân có thành tích xuất sắc. Phó Thủ tướng trao Huân "
                    "chương Lao động hạng Ba cho Giám đốc Lê Văn An và Huân chương Lao động "
                    "hạng Nhì cho tập thể cán bộ Bệnh viện tỉnh.",
                    &Award::award_name),
      (std::vector<std::string>{"Huân chương Lao động hạng Ba", "Huân chương Lao động hạng Nhì"}));
}

TEST(AwardRulesTest, UncountedGroupsOfDifferentRolesAreDifferentRecords) {
  const ParsedArticle article = MustParse(
      Article("Đài Phát thanh tỉnh trao kỷ niệm chương cho các đơn vị phối hợp tổ chức giải chạy. "
              "Giám đốc Đài trao kỷ niệm chương cho các đơn vị tài trợ."));
  ASSERT_EQ(article.awards.size(), 2u);
  EXPECT_FALSE(article.awards[0].count.has_value());
  EXPECT_FALSE(article.awards[1].count.has_value());
}

TEST(AwardRulesTest, AHeadlineOnlyRestatesTheBodysRecords) {
  const ParsedArticle article = MustParse(
      "09:00, 02/06/2021\n\nThưởng nóng tổ tuần tra bắt kẻ cướp\n\nGiám đốc Công an tỉnh Sóc "
      "Trăng đã tặng giấy khen cho 4 cán bộ tổ tuần tra.");
  ASSERT_EQ(article.awards.size(), 1u);
  EXPECT_EQ(article.awards[0].award_type, AwardType::kCertificateOfCommendation);
}

TEST(AwardRulesTest, SharesOfPlacesGiveWayToTheWholeGroup) {
  const ParsedArticle article = MustParse(
      "09:00, 02/06/2021\n\n820 học sinh giỏi được Bộ trưởng Bộ GD&ĐT tặng bằng khen\n\nNghệ An "
      "có 45 học sinh được nhận bằng khen, Thanh Hóa có 38 học sinh. Trường THPT chuyên Hà Tĩnh có "
      "20 học sinh được nhận bằng khen.");
  ASSERT_EQ(article.awards.size(), 1u);
  EXPECT_EQ(article.awards[0].count, 820);
  EXPECT_EQ(article.awards[0].issuer, "Bộ Giáo dục và Đào tạo");
}

TEST(AwardRulesTest, FlagsNamedForTheUnitAndSeveralAgentsEachGivingOne) {
  const ParsedArticle article = MustParse(
      Article("Tại buổi lễ, Công ty Cổ phần Sông Đà 9 đã được Bộ Xây dựng, UBND tỉnh Hòa Bình trao "
              "tặng Cờ Đơn vị dẫn đầu phong trào thi đua năm 2020."));
  ASSERT_EQ(article.awards.size(), 2u);
  EXPECT_EQ(article.awards[0].award_type, AwardType::kEmulationFlag);
  EXPECT_EQ(article.awards[0].award_name, "Cờ Đơn vị dẫn đầu phong trào thi đua năm 2020");
  EXPECT_EQ(article.awards[0].issuer, "Bộ Xây dựng");
  EXPECT_EQ(article.awards[1].issuer, "UBND tỉnh Hòa Bình");
  EXPECT_EQ(TotalRecipients(article), 2);
}

TEST(AwardRulesTest, RewardsByOtherBodiesAreNotRestatements) {
  EXPECT_EQ(IssuersOf("Ngày 10/3, Công ty Điện lực tỉnh cho biết, Thủ tướng Chính phủ đã có quyết "
                      "định trao tặng "
                      "bằng khen cho anh Lê Văn Nam. Với hành động đẹp ấy, trước đó anh Nam đã "
                      "được Tập đoàn Điện "
                      "lực Việt Nam, Chủ tịch UBND tỉnh Bình Định khen thưởng."),
            (std::vector<std::string>{"Thủ tướng Chính phủ", "Tập đoàn Điện lực Việt Nam",
                                      "UBND tỉnh Bình Định"}));
}

TEST(AwardRulesTest, AProposalAsTheBasisOfADecisionIsNoProposal) {
  const ParsedArticle based = MustParse(
      Article("Theo đề nghị của Sở Nội vụ, UBND tỉnh Ninh Bình đã tặng bằng khen cho 9 tập thể."));
  ASSERT_EQ(based.awards.size(), 1u);
  EXPECT_EQ(based.awards[0].count, 9);
  const ParsedArticle proposed =
      MustParse(Article("Sở Nội vụ đã đề nghị UBND tỉnh Ninh Bình tặng bằng khen cho 9 tập thể."));
  EXPECT_TRUE(proposed.awards.empty());
  const ParsedArticle reviewed = MustParse(
      Article("Bộ Công an đang xét đề nghị tặng bằng khen cho 2 cán bộ của Công an huyện."));
  EXPECT_TRUE(reviewed.awards.empty());
}

TEST(AwardRulesTest, AnAwardGivenInThePassiveAfterItsName) {
  const Award award = OnlyAward("Bằng khen của Bộ trưởng Bộ Y tế được trao cho 5 tập thể.");
  EXPECT_EQ(award.issuer, "Bộ Y tế");
  EXPECT_EQ(award.count, 5);
}

TEST(AwardRulesTest, ABodyDecidingToRewardIsTheIssuer) {
  const Award award =
      OnlyAward("UBND tỉnh Ninh Bình đã ký quyết định khen thưởng 40 cá nhân có thành tích.");
  EXPECT_EQ(award.issuer, "UBND tỉnh Ninh Bình");
  EXPECT_EQ(award.count, 40);
}

TEST(AwardRulesTest, BodiesListedAfterAColonAreCountedByName) {
  const Award award = OnlyAward(
      "UBND tỉnh tặng bằng khen cho các tập thể: Phòng Cảnh sát giao thông, Công an huyện "
      "Ý Yên và Công an xã Yên Bằng.");
  EXPECT_EQ(award.recipient_kind, RecipientKind::kCollective);
  EXPECT_EQ(award.count, 3);
  EXPECT_EQ(award.recipients,
            (std::vector<std::string>{"Phòng Cảnh sát giao thông", "Công an huyện Ý Yên",
                                      "Công an xã Yên Bằng"}));
}

// Who receives, read from the recipient phrase: one rule a line.
TEST(AwardRulesTest, RecipientsCountedByNamesExamplesMembersAndBackReferences) {
  struct Case {
    const char* rule;
    std::string body;
    RecipientKind kind;
    int64_t count;
  };
  const std::vector<Case> cases = {
      {"names listed after a plural title",
       "UBND tỉnh tặng bằng khen cho các chị: Lê Thị Hằng (xã An Bình), Phan Thị "
       "Lụa và Đỗ Thị Vân.",
       RecipientKind::kIndividual, 3},
      {"examples take the kind of the noun after them",
       "Hội Nông dân tỉnh tuyên dương 15 gương phụ nữ làm kinh tế giỏi.",
       RecipientKind::kIndividual, 15},
      {"members of a named body are not the body",
       "Hội Nhà báo tỉnh trao kỷ niệm chương cho 12 hội viên thuộc Chi hội Báo Nhân Dân. "
       "Ông Lê Văn Sáu trao kỷ niệm chương cho hội viên Chi hội Báo Nhân Dân.",
       RecipientKind::kIndividual, 12},
      {"a group pointed back at",
       "Giám đốc Công an tỉnh tặng giấy khen kèm tiền thưởng để động viên tinh "
       "thần dũng cảm của 4 chiến sĩ nói trên.",
       RecipientKind::kIndividual, 4},
  };
  for (const Case& c : cases) {
    SCOPED_TRACE(c.rule);
    const Award award = OnlyAward(c.body);
    EXPECT_EQ(award.recipient_kind, c.kind);
    EXPECT_EQ(award.count, c.count);
  }
}

// Wartime orders dated in their year, and awards summed over a past period, are background.
TEST(AwardRulesTest, OldOrdersAndPastPeriodsAreBackground) {
  ExpectNoAwards(
      "Đơn vị đã được tặng thưởng Huân chương Giải phóng hạng Nhất năm 1966 và Huân chương "
      "Thành đồng năm 1969.");
  ExpectNoAwards(
      "Trong giai đoạn 2016 - 2020, các cấp đã khen thưởng cho hơn 800 tập thể và 1.900 "
      "lượt cá nhân.");
}

TEST(AwardRulesTest, NamesAfterACountedGroupAreItsMembersOnlyWhenIntroducedAsSuch) {
  const Award listed = OnlyAward(
      "Chủ tịch UBND tỉnh Khánh Hòa trao bằng khen cho 2 tập thể là Công ty Cổ phần Sông "
      "Đà và Công ty TNHH Minh Phát.");
  EXPECT_EQ(listed.count, 2);
  EXPECT_EQ(listed.recipients,
            (std::vector<std::string>{"Công ty Cổ phần Sông Đà", "Công ty TNHH Minh Phát"}));
  const Award colon = OnlyAward(
      "Chủ tịch UBND tỉnh Khánh Hòa trao bằng khen cho 3 cá nhân: ông Nguyễn Văn An, bà Lê Thị "
      "Hoa và ông Trần Minh Tuấn.");
  EXPECT_EQ(colon.count, 3);
  EXPECT_EQ(colon.recipients.size(), 3u);
  // "và" right after the group adds a recipient of its own.
  const ParsedArticle separate = MustParse(
      Article("Chủ tịch UBND tỉnh Khánh Hòa trao bằng khen cho 2 tập thể và ông Nguyễn Văn An."));
  ASSERT_EQ(separate.awards.size(), 2u);
  EXPECT_EQ(separate.awards[0].recipient_kind, RecipientKind::kCollective);
  EXPECT_EQ(separate.awards[0].count, 2);
  EXPECT_TRUE(separate.awards[0].recipients.empty());
  EXPECT_EQ(separate.awards[1].recipient_kind, RecipientKind::kIndividual);
  EXPECT_EQ(separate.awards[1].count, 1);
  EXPECT_EQ(separate.awards[1].recipients, std::vector<std::string>{"Nguyễn Văn An"});
}

TEST(AwardRulesTest, APlaceAfterAGroupIsItsAddress) {
  const Award award = OnlyAward(
      "Giám đốc Sở Giáo dục và Đào tạo tỉnh Quảng Trị khen thưởng 3 nam sinh Trường THCS Gio Hải, "
      "huyện Gio Linh vì đã cứu bạn bị đuối nước.");
  EXPECT_EQ(award.recipient_kind, RecipientKind::kIndividual);
  EXPECT_EQ(award.count, 3);
}

TEST(AwardRulesTest, TheSameNamesRestatedElsewhereAreOneRecordWithTheIssuerNamedWithIt) {
  const ParsedArticle article = MustParse(Article(
      "Sáng 29/4, Phòng Cảnh sát hình sự (Công an tỉnh An Giang) phối hợp với Công an huyện Tri "
      "Tôn, đã trao tặng giấy khen cho chị Neáng Kim Sone và chị Neáng Chếk.\n"
      "Chị Neáng Kim Sone và chị Neáng Chếk được trao giấy khen của Công an tỉnh An Giang."));
  ASSERT_EQ(article.awards.size(), 1u);
  EXPECT_EQ(article.awards[0].count, 2);
  EXPECT_EQ(article.awards[0].issuer, "Công an tỉnh An Giang");
}

TEST(AwardRulesTest, AnOfficeBeforeABodyAndANameIsOnePerson) {
  const Award director =
      OnlyAward("Chủ tịch UBND tỉnh Nghệ An tặng bằng khen cho Giám đốc Sở Y tế Nguyễn Văn An.");
  EXPECT_EQ(director.recipient_kind, RecipientKind::kIndividual);
  EXPECT_EQ(director.recipients, std::vector<std::string>{"Nguyễn Văn An"});
  const Award ambassador = OnlyAward(
      "Chủ tịch nước trao Huân chương Lao động hạng Nhất cho Đại sứ Việt Nam tại Liên bang Nga "
      "Nguyễn Thanh Sơn.");
  EXPECT_EQ(ambassador.recipients, std::vector<std::string>{"Nguyễn Thanh Sơn"});
  // After a name and a comma the office only describes the person; a mission is a body.
  const Award described = OnlyAward(
      "Chủ tịch UBND tỉnh Nghệ An tặng bằng khen cho ông Nguyễn Văn An, Giám đốc Sở Y tế và bà Lê "
      "Thị Hoa, Phó Chủ tịch UBND huyện Nam Đàn.");
  EXPECT_EQ(described.count, 2);
  const Award mission = OnlyAward(
      "Chủ tịch nước trao Huân chương Lao động hạng Nhì cho tập thể cán bộ, nhân viên Đại sứ quán "
      "Việt Nam tại Liên bang Nga.");
  EXPECT_EQ(mission.recipient_kind, RecipientKind::kCollective);
  EXPECT_EQ(mission.count, 1);
}

TEST(AwardRulesTest, ThanksAndPraiseInASpeechAreNoAward) {
  ExpectNoAwards(
      "Bộ trưởng Lê Văn Thành cảm ơn và biểu dương chính quyền hai địa phương, Bệnh viện Đa khoa "
      "Đà Nẵng đã cứu chữa người bị nạn.");
  const Award praise = OnlyAward("Dịp này, Chủ tịch UBND huyện Đông Anh biểu dương 20 tập thể.");
  EXPECT_EQ(praise.award_type, AwardType::kOther);
  EXPECT_EQ(praise.count, 20);
  EXPECT_EQ(praise.issuer, "UBND huyện Đông Anh");
}

TEST(AwardRulesTest, ACaptionNamingTheAwardMoreFullyRestatesTheCountedRecord) {
  const ParsedArticle article = MustParse(Article(
      "Chủ tịch Tổng Liên đoàn Lao động Việt Nam tặng Kỷ niệm chương Vì sự nghiệp Công đoàn Việt "
      "Nam cho Tổng Giám đốc Thông tấn xã Việt Nam Nguyễn Đức Lợi. Ảnh: Phương Hoa\n"
      "Nhân dịp này, Tổng Liên đoàn Lao động Việt Nam đã trao 5 Kỷ niệm chương \"Vì sự nghiệp "
      "Công đoàn\" tặng lãnh đạo Thông tấn xã Việt Nam."));
  ASSERT_EQ(article.awards.size(), 1u);
  EXPECT_EQ(article.awards[0].count, 5);
  EXPECT_EQ(article.awards[0].award_name, "Kỷ niệm chương Vì sự nghiệp Công đoàn");
}

TEST(AwardRulesTest, APlacesDesignationIsNoAward) {
  const ParsedArticle article = MustParse(
      "2025-06-28T23:22:05+07:00\nLạng Sơn đón nhận danh hiệu mới\nChiều 28-6, UBND tỉnh Lạng "
      "Sơn tổ chức lễ đón nhận Danh hiệu Công viên địa chất toàn cầu UNESCO Lạng Sơn.");
  EXPECT_TRUE(article.awards.empty());
  EXPECT_TRUE(article.events.empty());
}

TEST(AwardRulesTest, RecognitionReportedAsDoneCountsItsUncountedGroups) {
  const ParsedArticle done = MustParse(
      Article("Tại chương trình, Công ty Nhiệt điện Vĩnh Tân đã tuyên dương các gia đình tiêu biểu "
              "và các em học sinh có thành tích cao."));
  ASSERT_EQ(done.awards.size(), 2u);
  EXPECT_EQ(done.awards[0].recipient_kind, RecipientKind::kCollective);
  EXPECT_FALSE(done.awards[0].count.has_value());
  EXPECT_EQ(done.awards[0].issuer, "Công ty Nhiệt điện Vĩnh Tân");
  EXPECT_EQ(done.awards[1].recipient_kind, RecipientKind::kIndividual);
  EXPECT_EQ(MustParse(Article("Nhiều tập thể, cá nhân có thành tích xuất sắc đã được biểu dương, "
                              "khen thưởng."))
                .awards.size(),
            2u);
  // Advice is no act.
  ExpectNoAwards("Các cấp cần kịp thời biểu dương, khen thưởng những đơn vị làm tốt.");
}

TEST(AwardRulesTest, ATournamentsPlacingsAreSportsResults) {
  const ParsedArticle article = MustParse(Article(
      "Kết quả, Ban Tổ chức trao 3 giải nhất, 3 giải nhì và 6 giải ba cho các cặp VĐV xuất sắc. "
      "Nhân dịp này, CLB Facolos Cao Bằng khen thưởng 8 VĐV của CLB đạt thành tích tại các giải."));
  ASSERT_EQ(article.awards.size(), 1u);
  EXPECT_EQ(article.awards[0].award_type, AwardType::kOther);
  EXPECT_EQ(article.awards[0].recipient_kind, RecipientKind::kIndividual);
  EXPECT_EQ(article.awards[0].count, 8);
}

TEST(AwardRulesTest, AYearAfterTheMeritsClauseDatesTheAward) {
  ExpectNoAwards(
      "Với những thành tích trong hai cuộc kháng chiến, năm 1996, chiến khu An Phú Đông vinh dự "
      "được Nhà nước trao tặng danh hiệu Anh hùng Lực lượng vũ trang nhân dân.");
  EXPECT_EQ(OnlyAward("UBND tỉnh Nghệ An tặng bằng khen cho 5 tập thể có thành tích xuất sắc năm "
                      "2020.")
                .count,
            5);
}

TEST(AwardRulesTest, ProfessionsAndGroupsNamedRightAfterTheirNoun) {
  const ParsedArticle article = MustParse(Article(
      "Chủ tịch UBND tỉnh Nghệ An tặng bằng khen cho ca sĩ Hồng Nhung, nhà báo Trọng Phước và "
      "nhóm Trio 666."));
  ASSERT_EQ(article.awards.size(), 2u);
  EXPECT_EQ(article.awards[0].recipients, (std::vector<std::string>{"Hồng Nhung", "Trọng Phước"}));
  EXPECT_EQ(article.awards[1].recipients, std::vector<std::string>{"nhóm Trio 666"});
}

TEST(AwardRulesTest, AListOfMembersDetailsTheGroupsToldOfWithoutCounts) {
  const ParsedArticle article = MustParse(Article(
      "Chủ tịch UBND tỉnh Nghệ An trao bằng khen cho Báo Nghệ An, một số đơn vị, cá nhân và nghệ "
      "sĩ "
      "có nhiều đóng góp cho phong trào văn hóa tại tỉnh trong năm qua (gồm Tổng biên tập Báo Nghệ "
      "An Nguyễn Văn Hải, nhà báo Lê Minh Tâm - Trưởng văn phòng tại Vinh, Ban Văn nghệ Báo Nghệ "
      "An "
      "và ca sĩ Thu Hà)."));
  ASSERT_EQ(article.awards.size(), 2u);
  EXPECT_EQ(article.awards[0].recipient_kind, RecipientKind::kCollective);
  EXPECT_EQ(article.awards[0].count, 2);
  EXPECT_EQ(article.awards[1].recipient_kind, RecipientKind::kIndividual);
  EXPECT_EQ(article.awards[1].count, 3);
  EXPECT_EQ(article.awards[1].recipients,
            (std::vector<std::string>{"Nguyễn Văn Hải", "Lê Minh Tâm", "Thu Hà"}));
}

TEST(AwardRulesTest, ManyBodiesAndPeopleAreTwoUncountedGroups) {
  const ParsedArticle article = MustParse(
      Article("Nhiều tập thể, cá nhân đã được Chủ tịch UBND tỉnh Nghệ An tặng bằng khen."));
  ASSERT_EQ(article.awards.size(), 2u);
  EXPECT_EQ(article.awards[0].recipient_kind, RecipientKind::kCollective);
  EXPECT_EQ(article.awards[1].recipient_kind, RecipientKind::kIndividual);
  EXPECT_FALSE(article.awards[1].count.has_value());
}

TEST(AwardRulesTest, AYearInTheReasonForTheAwardDatesTheMerit) {
  const ParsedArticle article = MustParse(
      Article("Dịp này, 12 tập thể và 7 cá nhân đã được Sở Y tế tặng giấy khen vì có nhiều đóng "
              "góp trong công tác phòng dịch năm 2020."));
  EXPECT_EQ(TotalRecipients(article), 19);
  EXPECT_EQ(OnlyAward("Dịp này, 4 đơn vị được UBND tỉnh Nghệ An tặng bằng khen với những đóng góp "
                      "trong năm 2020.")
                .count,
            4);
}

TEST(AwardRulesTest, TwoGiversNamedApartGiveUncountedGroupsTheirOwnAward) {
  for (const std::string body :
       {"Nhiều tập thể và cá nhân được nhận Bằng khen của Thủ tướng Chính phủ và của Bộ Tài chính.",
        "Nhiều tập thể và cá nhân được nhận Bằng khen của Thủ tướng Chính phủ và Bằng khen của Bộ "
        "trưởng Bộ Tài chính."}) {
    EXPECT_EQ(IssuersOf(body),
              (std::vector<std::string>{"Thủ tướng Chính phủ", "Thủ tướng Chính phủ",
                                        "Bộ Tài chính", "Bộ Tài chính"}))
        << body;
  }
  // One count for both givers tells no split between them: the group is counted once.
  const ParsedArticle counted = MustParse(Article(
      "Bộ trưởng trao Bằng khen của Thủ tướng Chính phủ và của Bộ Tài chính cho 6 tập thể."));
  EXPECT_EQ(TotalRecipients(counted), 6);
}

TEST(AwardRulesTest, WhatComesWithTheAwardLeadsToItsRecipients) {
  const Award award = OnlyAward(
      "UBND tỉnh Nghệ An tặng Bằng khen cùng phần thưởng 5 triệu đồng cho em Lê Văn Tùng.");
  EXPECT_EQ(award.recipient_kind, RecipientKind::kIndividual);
  EXPECT_EQ(award.recipients, std::vector<std::string>{"Lê Văn Tùng"});
}

TEST(AwardRulesTest, OneMemberOfAnHonouredGroupIsNoRecord) {
  ExpectNoAwards(
      "Nhà văn Lê Minh Khuê là một trong 40 cá nhân tiêu biểu được Hà Nội vinh danh vì những đóng "
      "góp cho văn hóa Thủ đô.");
  const ParsedArticle article = MustParse(
      Article("Sáng 12-3, UBND tỉnh Nghệ An tặng bằng khen cho 15 doanh nghiệp tiêu biểu. Chủ tịch "
              "UBND tỉnh trao bằng khen cho Công ty Sao Mai, một trong 15 doanh nghiệp được tôn "
              "vinh."));
  EXPECT_EQ(TotalRecipients(article), 15);
  // Without a count, "one of those" is the person honoured now.
  EXPECT_EQ(OnlyAward("UBND tỉnh Nghệ An tặng bằng khen cho ông Lê Văn Tùng, một trong những người "
                      "đầu tiên hiến đất làm đường.")
                .count,
            1);
}

TEST(AwardRulesTest, ManyAwardsWornOrHeldAreBackground) {
  ExpectNoAwards("Đến dự lễ, ông mặc bộ quân phục gắn nhiều huy hiệu.");
}

}  // namespace
}  // namespace laurel::parser

#include <string>

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

}  // namespace
}  // namespace laurel::parser

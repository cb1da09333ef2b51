#include <string>

#include "gtest/gtest.h"
#include "tests/parser/test_articles.h"

// Rule 6: the issuer is the authority in whose name an award is given, resolved from context.
namespace laurel::parser {
namespace {

using testing::MustParse;

std::string Article(const std::string& body) {
  return "07:45, 20/05/2022\n\nTin khen thưởng\n\n" + body + "\n\nTHU HÀ";
}

// The issuer of the only award read from `body`; empty (and a failure) when there is not one.
std::string IssuerOf(const std::string& body) {
  const ParsedArticle article = MustParse(Article(body));
  EXPECT_EQ(article.awards.size(), 1u) << body;
  return article.awards.empty() ? "" : article.awards[0].issuer;
}

TEST(IssuerRulesTest, PlaceNamesThatLookLikeSentenceOpenersStayInTheIssuer) {
  EXPECT_EQ(IssuerOf("Chủ tịch UBND phường Tuy Hòa tặng giấy khen cho hai ngư dân."),
            "UBND phường Tuy Hòa");
}

TEST(IssuerRulesTest, LeadershipBoardsSpeakForTheirBody) {
  EXPECT_EQ(IssuerOf("Ban Giám đốc Công an tỉnh Bắc Giang đã tặng giấy khen cho anh Lê Văn Tùng."),
            "Công an tỉnh Bắc Giang");
  EXPECT_EQ(IssuerOf("Học sinh Trường THCS Lý Tự Trọng nhặt được ví. Ban giám hiệu nhà trường đã "
                     "tặng giấy khen cho em Trần Minh Hà."),
            "Trường THCS Lý Tự Trọng");
}

TEST(IssuerRulesTest, ABareCompanyIsTheCompanyTheArticleNames) {
  EXPECT_EQ(IssuerOf("Công ty Cổ phần Dệt may Hòa Bình tổ chức tổng kết năm. Giám đốc công ty tặng "
                     "giấy khen cho 12 công nhân."),
            "Công ty Cổ phần Dệt may Hòa Bình");
}

TEST(IssuerRulesTest, ADepartmentBelongsToTheArticlesProvince) {
  EXPECT_EQ(IssuerOf("Sáng 19-5, ngành giáo dục tỉnh Bình Phước tổng kết năm học. Giám đốc Sở Giáo "
                     "dục và Đào tạo tặng giấy khen cho 40 giáo viên."),
            "Sở Giáo dục và Đào tạo tỉnh Bình Phước");
}

TEST(IssuerRulesTest, YouthUnionsAreNotPeopleNorPeoplesCommittees) {
  EXPECT_EQ(IssuerOf("Tỉnh Đoàn Gia Lai đã tặng bằng khen cho 5 đoàn viên."), "Tỉnh Đoàn Gia Lai");
  EXPECT_EQ(IssuerOf("Sáng 19-5 tại Kon Tum, Tỉnh ủy tặng bằng khen cho 4 chi bộ."),
            "Tỉnh ủy Kon Tum");
}

TEST(IssuerRulesTest, DelegatedAuthorityIsTheIssuerWhoeverHandsItOver) {
  EXPECT_EQ(IssuerOf("Thừa ủy quyền của Trung ương Đoàn, Ban Thường vụ Tỉnh Đoàn Gia Lai đã trao "
                     "huy hiệu \"Tuổi trẻ dũng cảm\" cho 2 đoàn viên."),
            "Ban Chấp hành Trung ương Đoàn TNCS Hồ Chí Minh");
}

TEST(IssuerRulesTest, AnOrganisingCommitteeIsABody) {
  EXPECT_EQ(IssuerOf("Ban tổ chức đã trao giấy khen cho 6 tình nguyện viên."), "Ban tổ chức");
}

TEST(IssuerRulesTest, HeadsOfBoardsAndMissionsAbroad) {
  EXPECT_EQ(IssuerOf("Trưởng ban Tuyên giáo Trung ương tặng bằng khen cho 8 tập thể."),
            "Ban Tuyên giáo Trung ương");
  EXPECT_EQ(IssuerOf("Đại sứ quán Việt Nam tại Nhật Bản đã tặng giấy khen cho 3 thực tập sinh."),
            "Đại sứ quán Việt Nam tại Nhật Bản");
}

TEST(IssuerRulesTest, ABareCityIsTheCityNamedLastInAnArticleAboutAProvince) {
  const ParsedArticle article =
      MustParse(Article("Công đoàn tỉnh Nghệ An tổ chức nhiều hoạt động chúc Tết. Tỉnh Nghệ An có "
                        "20 khu công nghiệp.\n"
                        "Công đoàn Hải Phòng: LĐLĐ TP đã tặng bằng khen cho 19 tập thể."));
  ASSERT_EQ(article.awards.size(), 1u);
  EXPECT_EQ(article.awards[0].issuer, "Liên đoàn Lao động thành phố Hải Phòng");
}

}  // namespace
}  // namespace laurel::parser

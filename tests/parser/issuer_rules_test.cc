#include <string>
#include <vector>

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

TEST(IssuerRulesTest, AShortNameInBracketsStandsForTheFullName) {
  EXPECT_EQ(IssuerOf("Tổng Công ty Cổ phần Vận tải Sông Hồng (Hong Trans) tổng kết năm. Hong Trans "
                     "đã tặng giấy khen cho 15 lái xe."),
            "Tổng Công ty Cổ phần Vận tải Sông Hồng");
}

TEST(IssuerRulesTest, ABarePartyCommitteeIsTheOneOfTheUnitTheArticleNames) {
  EXPECT_EQ(IssuerOf("Em Lê Văn H học tại thị xã Hồng Lĩnh. Thị ủy đã tặng giấy khen cho em Lê Văn "
                     "H."),
            "Thị ủy Hồng Lĩnh");
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

TEST(IssuerRulesTest, AbbreviationsAreExpandedOnlyAsWholeWordsInTheirCase) {
  // "Tư" in "Bộ Tư pháp" is a word of its own name; only "TƯ" in capitals is "Trung ương".
  EXPECT_EQ(IssuerOf("Bộ trưởng Bộ Tư pháp tặng bằng khen cho 6 tập thể."), "Bộ Tư pháp");
  EXPECT_EQ(IssuerOf("Giám đốc Sở Tư pháp tỉnh Lạng Sơn tặng giấy khen cho 4 cá nhân."),
            "Sở Tư pháp tỉnh Lạng Sơn");
  EXPECT_EQ(IssuerOf("Hội đồng Đội TƯ tặng bằng khen cho 2 đội viên."), "Hội đồng Đội Trung ương");
  EXPECT_EQ(IssuerOf("Thừa ủy quyền của Ban Chấp hành TƯ Đoàn, anh Lê Minh Hà trao bằng khen cho "
                     "3 đoàn viên."),
            "Ban Chấp hành Trung ương Đoàn TNCS Hồ Chí Minh");
  // "VN" only in capitals: "Vn" is no abbreviation of anything.
  EXPECT_EQ(IssuerOf("Tổng LĐLĐ VN tặng bằng khen cho 9 tập thể."),
            "Tổng Liên đoàn Lao động Việt Nam");
  // Named without the rest, the confederation is still the only one.
  EXPECT_EQ(IssuerOf("Dịp này, 9 tập thể nhận bằng khen của Tổng Liên đoàn."),
            "Tổng Liên đoàn Lao động Việt Nam");
  EXPECT_EQ(IssuerOf("Hội LHPN Việt Nam tặng bằng khen cho 9 tập thể."),
            "Hội Liên hiệp Phụ nữ Việt Nam");
  EXPECT_EQ(IssuerOf("Hội CCB tỉnh Quảng Trị tặng bằng khen cho 8 tập thể."),
            "Hội Cựu chiến binh tỉnh Quảng Trị");
}

TEST(IssuerRulesTest, MinistriesAndDepartmentsNamedWithAndCommasAndDashes) {
  EXPECT_EQ(IssuerOf("Bộ trưởng Bộ Lao động - Thương binh và Xã hội tặng bằng khen cho 5 tập thể."),
            "Bộ Lao động - Thương binh và Xã hội");
  EXPECT_EQ(IssuerOf("Bộ trưởng Bộ Giáo dục và Đào tạo tặng bằng khen cho 12 học sinh."),
            "Bộ Giáo dục và Đào tạo");
  EXPECT_EQ(IssuerOf("Giám đốc Sở Văn hóa, Thể thao và Du lịch tỉnh Thừa Thiên Huế tặng giấy "
                     "khen cho 5 vận động viên."),
            "Sở Văn hóa, Thể thao và Du lịch tỉnh Thừa Thiên Huế");
  EXPECT_EQ(IssuerOf("Thừa ủy quyền của Giám đốc Sở Lao động - Thương binh và Xã hội thành phố Đà "
                     "Nẵng, ông Trần Văn Hải trao giấy khen cho 8 cán bộ."),
            "Sở Lao động - Thương binh và Xã hội thành phố Đà Nẵng");
  EXPECT_EQ(IssuerOf("Bộ GD&ĐT tặng bằng khen cho 4 giáo viên."), "Bộ Giáo dục và Đào tạo");
  EXPECT_EQ(IssuerOf("Sở LĐ-TB&XH tỉnh Nghệ An tặng giấy khen cho 6 cá nhân."),
            "Sở Lao động - Thương binh và Xã hội tỉnh Nghệ An");
  EXPECT_EQ(IssuerOf("Bộ trưởng Bộ giáo dục và đào tạo tặng bằng khen cho 7 học sinh."),
            "Bộ Giáo dục và Đào tạo");
}

TEST(IssuerRulesTest, HeadsOfMinisterialLevelBodies) {
  EXPECT_EQ(IssuerOf("Thống đốc Ngân hàng Nhà nước tặng bằng khen cho 5 tập thể."),
            "Ngân hàng Nhà nước Việt Nam");
  EXPECT_EQ(IssuerOf("Tổng Thanh tra Chính phủ tặng bằng khen cho 5 cá nhân."),
            "Thanh tra Chính phủ");
  EXPECT_EQ(IssuerOf("Bộ trưởng, Chủ nhiệm Ủy ban Dân tộc tặng bằng khen cho 5 cá nhân."),
            "Ủy ban Dân tộc");
}

TEST(IssuerRulesTest, PlacesThatLookLikeTitlesOrVerbs) {
  // "Bà" is a woman's title, "Bà Rịa" a place; "phong" confers, "Tân Phong" is a commune.
  EXPECT_EQ(IssuerOf("Chủ tịch UBND tỉnh Bà Rịa - Vũng Tàu tặng bằng khen cho 12 tập thể."),
            "UBND tỉnh Bà Rịa - Vũng Tàu");
  EXPECT_EQ(IssuerOf("UBND xã Tân Phong tặng giấy khen cho 5 hộ gia đình."), "UBND xã Tân Phong");
  EXPECT_EQ(IssuerOf("Chủ tịch UBND huyện Phong Điền tặng giấy khen cho 5 tập thể."),
            "UBND huyện Phong Điền");
  // A final "Long" or "Định" is no "long trọng" or "quyết định".
  EXPECT_EQ(IssuerOf("UBND tỉnh Vĩnh Long tặng bằng khen cho 3 tập thể."), "UBND tỉnh Vĩnh Long");
  EXPECT_EQ(IssuerOf("UBND tỉnh Bình Định tặng bằng khen cho 3 tập thể."), "UBND tỉnh Bình Định");
  EXPECT_EQ(IssuerOf("Chủ tịch UBND huyện Tuy Phước tặng giấy khen cho 15 tập thể."),
            "UBND huyện Tuy Phước");
}

TEST(IssuerRulesTest, ARoleSetOffByCommasBeforeTheVerb) {
  EXPECT_EQ(IssuerOf("Ông Nguyễn Văn Thưởng, Chủ tịch UBND tỉnh Tuyên Quang, trao bằng khen cho 8 "
                     "cá nhân."),
            "UBND tỉnh Tuyên Quang");
}

TEST(IssuerRulesTest, EachClauseHasItsOwnGiver) {
  const ParsedArticle article =
      MustParse(Article("UBND tỉnh Bình Định tặng bằng khen cho 12 tập thể và Chủ tịch UBND tỉnh "
                        "Nam Định trao giấy khen cho 30 cá nhân."));
  ASSERT_EQ(article.awards.size(), 2u);
  EXPECT_EQ(article.awards[0].issuer, "UBND tỉnh Bình Định");
  EXPECT_EQ(article.awards[1].issuer, "UBND tỉnh Nam Định");
  const ParsedArticle districts = MustParse(
      Article("Sáng 12-3, UBND huyện Tuy Phước tổ chức lễ kỷ niệm 40 năm ngày thành lập huyện. "
              "Tại buổi lễ, Chủ tịch UBND huyện Tuy Phước trao giấy khen cho 15 tập thể. Chủ tịch "
              "UBND huyện An Nhơn trao giấy khen cho 6 cá nhân."));
  ASSERT_EQ(districts.awards.size(), 2u);
  EXPECT_EQ(districts.awards[0].issuer, "UBND huyện Tuy Phước");
  EXPECT_EQ(districts.awards[1].issuer, "UBND huyện An Nhơn");
}

TEST(IssuerRulesTest, HueIsACentrallyRunCityFrom2025AndMergedProvincesTakeTheirUnitsName) {
  const auto issuer_on = [](const std::string& date_line, const std::string& body) {
    const ParsedArticle article = MustParse(date_line + "\n\nTin khen thưởng\n\n" + body);
    EXPECT_EQ(article.awards.size(), 1u) << body;
    return article.awards.empty() ? "" : article.awards[0].issuer;
  };
  EXPECT_EQ(
      issuer_on("08:30, 12/03/2025", "Chủ tịch UBND thành phố Huế tặng bằng khen cho 12 tập thể."),
      "UBND thành phố Huế");
  EXPECT_EQ(issuer_on("08:30, 12/03/2025",
                      "Giám đốc Sở Y tế tỉnh Thừa Thiên Huế tặng giấy khen cho 12 tập thể."),
            "Sở Y tế thành phố Huế");
  EXPECT_EQ(issuer_on("08:30, 12/03/2024",
                      "Chủ tịch UBND tỉnh Thừa Thiên Huế tặng bằng khen cho 12 tập thể."),
            "UBND tỉnh Thừa Thiên Huế");
  EXPECT_EQ(
      issuer_on("08:30, 12/08/2025", "Chủ tịch UBND tỉnh Quảng Nam tặng bằng khen cho 12 tập thể."),
      "UBND thành phố Đà Nẵng");
}

TEST(IssuerRulesTest, AMinisterNamedWithoutTheMinistryGivesTheArticlesMinistry) {
  EXPECT_EQ(IssuerOf("Tới dự có Bộ trưởng Bộ VHTTDL Nguyễn Ngọc Thiện. Bộ trưởng Nguyễn Ngọc Thiện "
                     "tặng kỷ niệm chương cho bà Trần Thị Thanh."),
            "Bộ Văn hóa, Thể thao và Du lịch");
}

TEST(IssuerRulesTest, ATownNamedLikeItsProvinceIsTheTown) {
  EXPECT_EQ(IssuerOf("Sáng nay, tại tỉnh Hà Tĩnh, UBND thị xã Hà Tĩnh tặng giấy khen cho em Lê Văn "
                     "Tùng."),
            "UBND thị xã Hà Tĩnh");
}

TEST(IssuerRulesTest, GiversListedAcrossSemicolonsEachGiveOnePerson) {
  const ParsedArticle article = MustParse(
      Article("Sở GD&ĐT, Tỉnh đoàn Hà Tĩnh; Thị ủy, UBND huyện Can Lộc… cùng nhiều đơn vị khác đã "
              "trao tặng giấy khen cho em Lê Văn Tùng."));
  std::vector<std::string> issuers;
  for (const Award& award : article.awards) {
    EXPECT_EQ(award.count, 1);
    issuers.push_back(award.issuer);
  }
  EXPECT_EQ(issuers,
            (std::vector<std::string>{"Sở Giáo dục và Đào tạo tỉnh Hà Tĩnh", "Tỉnh đoàn Hà Tĩnh",
                                      "Thị ủy", "UBND huyện Can Lộc"}));
}

TEST(IssuerRulesTest, ClubsAndCompaniesKeepThePlaceInTheirName) {
  EXPECT_EQ(IssuerOf("CLB Facolos Cao Bằng khen thưởng 8 VĐV của CLB."),
            "Câu lạc bộ Facolos Cao Bằng");
  EXPECT_EQ(IssuerOf("Công ty Cổ phần Cấp nước Nghệ An tặng giấy khen cho 12 công nhân."),
            "Công ty Cổ phần Cấp nước Nghệ An");
  EXPECT_EQ(IssuerOf("Công an Nghệ An tặng giấy khen cho 12 chiến sĩ."), "Công an tỉnh Nghệ An");
}

}  // namespace
}  // namespace laurel::parser

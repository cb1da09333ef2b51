#include "ingest-service/src/parser/parse_article.h"

#include <random>
#include <string>

#include "gtest/gtest.h"

namespace laurel::parser {
namespace {

TEST(ParseArticleTest, RejectsEmptyAndBlankText) {
  for (const char* text : {"", "   ", "\n\t \r\n", "\xC2\xA0\xE2\x80\x8B"}) {
    const absl::StatusOr<ParsedArticle> parsed = ParseArticle(text);
    ASSERT_FALSE(parsed.ok());
    EXPECT_EQ(parsed.status().code(), absl::StatusCode::kInvalidArgument);
  }
}

TEST(ParseArticleTest, RejectsInvalidUtf8WithAReason) {
  const absl::StatusOr<ParsedArticle> parsed = ParseArticle("Tiêu đề\n\xC3\x28 nội dung");
  ASSERT_FALSE(parsed.ok());
  EXPECT_EQ(parsed.status().code(), absl::StatusCode::kInvalidArgument);
  EXPECT_NE(parsed.status().message().find("UTF-8"), std::string::npos);
}

// A small deterministic fuzz: mutated and adversarial inputs must parse or be refused, never crash.
TEST(ParseArticleTest, SurvivesMutatedAndAdversarialInput) {
  const std::string base =
      "01:06, 05/06/2020\n\nTổng kết phong trào thi đua \"Vì an ninh Tổ quốc\"\n\nSáng 5-6, Công "
      "an tỉnh Khánh Hòa tổ chức hội nghị. UBND tỉnh trao bằng khen cho 21 tập thể và 90 cá nhân. "
      "Trong đó, 3 cá nhân được tặng Huân chương (hạng Ba) của Chủ tịch nước;\n\nTHANH TRÚC";
  std::mt19937 random(20200605);
  for (int round = 0; round < 2000; ++round) {
    std::string text = base;
    const int edits = 1 + static_cast<int>(random() % 8);
    for (int e = 0; e < edits && !text.empty(); ++e) {
      const size_t at = random() % text.size();
      switch (random() % 4) {
        case 0:
          text.erase(at, 1 + random() % 5);
          break;
        case 1:
          text.insert(at, 1, static_cast<char>(random() % 256));
          break;
        case 2:
          text.insert(at, text.substr(random() % text.size(), 1 + random() % 20));
          break;
        default:
          text[at] = "(\"\xCC\x80.,;:-/ 0123456789"[random() % 22];
      }
    }
    (void)ParseArticle(text);
  }
  (void)ParseArticle(std::string(100000, '('));
  (void)ParseArticle(std::string(50000, '\xCC'));
  std::string combining = "a";
  for (int i = 0; i < 1000; ++i) combining += "\xCC\x81";
  (void)ParseArticle(combining);
  std::string repeated;
  for (int i = 0; i < 3000; ++i) repeated += "trao bằng khen cho 1 tập thể, ";
  const absl::StatusOr<ParsedArticle> parsed = ParseArticle(repeated);
  ASSERT_TRUE(parsed.ok());
  EXPECT_EQ(parsed->awards.size(), 1u);
}

}  // namespace
}  // namespace laurel::parser

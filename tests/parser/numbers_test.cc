#include "ingest-service/src/parser/numbers.h"

#include "gtest/gtest.h"
#include "ingest-service/src/parser/text_normalizer.h"

namespace laurel::parser {
namespace {

std::optional<int64_t> Count(std::string_view text) {
  const NormalizedText normalized = NormalizeTextLenient(text);
  const std::vector<Token> tokens = Tokenize(normalized, 0, normalized.text.size());
  const auto number = ParseCount(tokens, 0);
  if (!number) return std::nullopt;
  return number->value;
}

TEST(NumbersTest, ReadsDigits) {
  EXPECT_EQ(Count("21 tập thể"), 21);
  EXPECT_EQ(Count("1.355 học sinh"), 1355);
  EXPECT_EQ(Count("190.000 gia đình"), 190000);
  EXPECT_EQ(Count("07 tập thể"), 7);
}

TEST(NumbersTest, ReadsNumberWords) {
  EXPECT_EQ(Count("hai tập thể"), 2);
  EXPECT_EQ(Count("Ba cá nhân"), 3);
  EXPECT_EQ(Count("mười lăm cá nhân"), 15);
  EXPECT_EQ(Count("hai mươi mốt đơn vị"), 21);
  EXPECT_EQ(Count("một trăm hai mươi cá nhân"), 120);
  EXPECT_EQ(Count("ba trăm linh năm hộ"), 305);
  EXPECT_EQ(Count("hai nghìn người"), 2000);
}

TEST(NumbersTest, DecimalsDatesAndWordsAreNotCounts) {
  EXPECT_EQ(Count("1,5 tỷ đồng"), std::nullopt);
  EXPECT_EQ(Count("5/6 vừa qua"), std::nullopt);
  EXPECT_EQ(Count("tập thể"), std::nullopt);
  EXPECT_EQ(Count("12.34 điểm"), std::nullopt);
}

}  // namespace
}  // namespace laurel::parser

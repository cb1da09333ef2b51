#include "ingest-service/src/parser/numbers.h"

#include <string>
#include <vector>

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

TEST(NumbersTest, AYearAfterNamIsNoCount) {
  // "Năm 2020 đơn vị được tặng ...": neither "Năm" (five) nor 2020 counts the unit.
  EXPECT_EQ(Count("Năm 2020 đơn vị"), std::nullopt);
  const NormalizedText normalized = NormalizeTextLenient("năm 2020 đơn vị");
  const std::vector<Token> tokens = Tokenize(normalized, 0, normalized.text.size());
  EXPECT_EQ(ParseCount(tokens, 1), std::nullopt);
  EXPECT_EQ(Count("năm đơn vị"), 5);
  EXPECT_EQ(Count("2020 đơn vị"), 2020);
}

TEST(NumbersTest, DecimalsDatesAndWordsAreNotCounts) {
  EXPECT_EQ(Count("1,5 tỷ đồng"), std::nullopt);
  EXPECT_EQ(Count("5/6 vừa qua"), std::nullopt);
  EXPECT_EQ(Count("tập thể"), std::nullopt);
  EXPECT_EQ(Count("12.34 điểm"), std::nullopt);
}

// The ways Vietnamese writes `n` (1..999) in words: "mốt" and "một", "tư" and "bốn", "lăm" for a
// final five, "linh" and "lẻ" before a lone unit.
std::vector<std::string> Wordings(int n) {
  static const char* const kUnits[] = {"",    "một", "hai", "ba",  "bốn",
                                       "năm", "sáu", "bảy", "tám", "chín"};
  std::vector<std::string> below_hundred;
  const int tens = n % 100 / 10;
  const int unit = n % 10;
  if (tens == 0) {
    if (unit > 0) below_hundred.push_back(kUnits[unit]);
  } else if (tens == 1) {
    below_hundred.push_back(unit == 0   ? "mười"
                            : unit == 5 ? "mười lăm"
                                        : std::string("mười ") + kUnits[unit]);
  } else {
    const std::string prefix = std::string(kUnits[tens]) + " mươi";
    switch (unit) {
      case 0:
        below_hundred = {prefix};
        break;
      case 1:
        below_hundred = {prefix + " mốt", prefix + " một"};
        break;
      case 4:
        below_hundred = {prefix + " tư", prefix + " bốn"};
        break;
      case 5:
        below_hundred = {prefix + " lăm"};
        break;
      default:
        below_hundred = {prefix + " " + kUnits[unit]};
    }
  }
  if (n < 100) return below_hundred;
  const std::string hundreds = std::string(kUnits[n / 100]) + " trăm";
  if (n % 100 == 0) return {hundreds};
  std::vector<std::string> wordings;
  for (const std::string& rest : below_hundred) {
    if (tens == 0) {
      wordings.push_back(hundreds + " linh " + rest);
      wordings.push_back(hundreds + " lẻ " + rest);
    } else {
      wordings.push_back(hundreds + " " + rest);
    }
  }
  return wordings;
}

TEST(NumbersTest, EveryCountUpToTheHundredsInWords) {
  for (int n = 1; n <= 999; ++n) {
    for (const std::string& words : Wordings(n)) {
      EXPECT_EQ(Count(words + " cá nhân"), n) << words;
    }
  }
  EXPECT_EQ(Count("Hai mươi lăm tập thể"), 25);
  EXPECT_EQ(Count("trăm người"), 100);
  EXPECT_EQ(Count("một nghìn hai trăm cá nhân"), 1200);
  EXPECT_EQ(Count("mười tư hộ"), 14);
}

}  // namespace
}  // namespace laurel::parser

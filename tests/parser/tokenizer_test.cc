#include "ingest-service/src/parser/tokenizer.h"

#include <string>
#include <vector>

#include "gtest/gtest.h"
#include "ingest-service/src/parser/text_normalizer.h"

namespace laurel::parser {
namespace {

std::vector<std::string> Words(std::string_view text) {
  const NormalizedText normalized = NormalizeTextLenient(text);
  std::vector<std::string> words;
  for (const Token& token : Tokenize(normalized, 0, normalized.text.size())) {
    words.emplace_back(token.text);
  }
  return words;
}

TEST(TokenizerTest, WordsRunAcrossEverySixteenAndSixtyFourByteBoundary) {
  // Letters are found sixteen bytes at a time and kept as bits in 64-bit words: a word must be
  // read whole wherever it starts.
  for (size_t lead_in = 0; lead_in < 70; ++lead_in) {
    const std::string text = std::string(lead_in, '.') + " Nguyễn Thị Hường 2.015 ĐVT";
    const std::vector<std::string> words = Words(text);
    ASSERT_GE(words.size(), 5u) << lead_in;
    EXPECT_EQ(std::vector<std::string>(words.end() - 5, words.end()),
              (std::vector<std::string>{"Nguyễn", "Thị", "Hường", "2.015", "ĐVT"}))
        << lead_in;
  }
}

TEST(TokenizerTest, SignsEndWordsAndOtherScriptsJoinThem) {
  EXPECT_EQ(Words("3×4"), (std::vector<std::string>{"3", "×", "4"}));
  EXPECT_EQ(Words("a÷b"), (std::vector<std::string>{"a", "÷", "b"}));
  // Greek Extended (E1 BC..BF) is classified in full: a letter, so part of the word.
  EXPECT_EQ(Words("xἀy z"), (std::vector<std::string>{"xἀy", "z"}));
}

TEST(TokenizerTest, DigitsAloneAreAllDigits) {
  const NormalizedText normalized = NormalizeTextLenient("ngày 20/11/2024 có 12a");
  const std::vector<Token> tokens = Tokenize(normalized, 0, normalized.text.size());
  ASSERT_EQ(tokens.size(), 4u);
  EXPECT_TRUE(tokens[1].all_digits);
  EXPECT_FALSE(tokens[3].all_digits);
}

}  // namespace
}  // namespace laurel::parser

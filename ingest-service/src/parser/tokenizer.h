#pragma once

#include <array>
#include <cstddef>
#include <initializer_list>
#include <string_view>
#include <vector>

#include "ingest-service/src/parser/text_normalizer.h"

// Words and punctuation of a stretch of normalised text. A word keeps inner joiners that belong to
// it: "TP.HCM", "5/6", "2015-2020", "GD&ĐT", "1.355".
namespace laurel::parser {

struct Token {
  size_t begin = 0;  // byte range in the normalised text
  size_t end = 0;
  std::string_view text;   // as written (after folding)
  std::string_view lower;  // lower-cased
  bool is_word = false;    // letters or digits; otherwise one punctuation character
  bool capitalised = false;
  bool all_digits = false;  // digits with optional inner '.', '/', '-' only
};

std::vector<Token> Tokenize(const NormalizedText& normalized, size_t begin, size_t end);

// True when `token` is a word whose lower-case form is one of `words`. Inline: the extractors ask
// it of every token of a trigger sentence.
inline bool IsOneOf(const Token& token, std::initializer_list<std::string_view> words) {
  if (token.lower.empty()) return false;
  const char first = token.lower[0];
  for (std::string_view word : words) {
    if (word[0] == first && token.lower == word) return true;
  }
  return false;
}

// A small set of lower-case words, asked of every token of a sentence: buckets by first byte and
// length, so a look-up is a couple of compares (std::hash on strings costs more than the scan).
class WordSet {
 public:
  WordSet(std::initializer_list<std::string_view> words) {
    for (std::string_view word : words)
      buckets_[static_cast<unsigned char>(word[0])].push_back(word);
  }
  bool Contains(std::string_view word) const {
    if (word.empty()) return false;
    for (std::string_view candidate : buckets_[static_cast<unsigned char>(word[0])]) {
      if (candidate.size() == word.size() && candidate == word) return true;
    }
    return false;
  }

 private:
  std::array<std::vector<std::string_view>, 256> buckets_;
};

// True when tokens[i...] spell `phrase` (lower-case words separated by single spaces).
inline bool MatchesPhrase(const std::vector<Token>& tokens, size_t i, std::string_view phrase) {
  size_t pos = 0;
  while (i < tokens.size()) {
    const std::string_view word = tokens[i].lower;
    if (word.empty() || word.size() > phrase.size() - pos || phrase[pos] != word[0] ||
        phrase.compare(pos, word.size(), word) != 0) {
      return false;
    }
    pos += word.size();
    if (pos == phrase.size()) return true;
    if (phrase[pos] != ' ') return false;
    ++pos;
    ++i;
  }
  return false;
}

// True when one of `phrases` starts at tokens[i].
inline bool MatchesAnyPhrase(const std::vector<Token>& tokens, size_t i,
                             std::initializer_list<std::string_view> phrases) {
  for (std::string_view phrase : phrases) {
    if (MatchesPhrase(tokens, i, phrase)) return true;
  }
  return false;
}

// Number of tokens `phrase` spans (its space-separated words).
size_t PhraseLength(std::string_view phrase);

}  // namespace laurel::parser

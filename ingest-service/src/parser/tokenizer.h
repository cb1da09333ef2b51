#pragma once

#include <array>
#include <cstddef>
#include <cstdint>
#include <cstring>
#include <initializer_list>
#include <string_view>
#include <vector>

#include "ingest-service/src/parser/text_normalizer.h"
#include "ingest-service/src/parser/word_classes.h"

// Words and punctuation of a stretch of normalised text. A word keeps inner joiners that belong to
// it: "TP.HCM", "5/6", "2015-2020", "GD&ĐT", "1.355".
namespace laurel::parser {

// 48 bytes: every scan of an article streams its tokens, so they are kept small (articles are far
// below 4 GiB, the limit of the 32-bit offsets).
struct Token {
  uint32_t begin = 0;  // byte range in the normalised text
  uint32_t end = 0;
  std::string_view text;   // as written (after folding)
  std::string_view lower;  // lower-cased
  bool is_word = false;    // letters or digits; otherwise one punctuation character
  bool capitalised = false;
  bool all_digits = false;      // digits with optional inner '.', '/', '-' only
  bool newline_before = false;  // a line ends between the previous token and this one
  uint32_t classes = 0;         // WordClass bits of `lower` (word_classes.h)
};

std::vector<Token> Tokenize(const NormalizedText& normalized, size_t begin, size_t end);

// The positions of the words an article-wide look-up starts at, noted while tokenizing so that
// it need not pass over every token again: words of any class in `mask`, and words with inner
// joiners ("TP.HCM", "TT-Huế"), whose syllables may be such words.
struct MarkedWords {
  uint32_t mask = 0;
  std::vector<uint32_t> positions;  // indices into the token vector, ascending
};

// Tokenize, appending to `tokens` (no copy of a part read apart) and noting words in `marked`.
void AppendTokens(const NormalizedText& normalized, size_t begin, size_t end,
                  std::vector<Token>& tokens, MarkedWords* marked = nullptr);

// True when `token` is a word whose lower-case form is one of `words`. Inline: the extractors ask
// it of every token of a trigger sentence.
// Whether the n bytes at a and b are the same. Words are short: up to eight bytes are compared as
// two overlapping four-byte loads, without a call to memcmp.
inline bool SameBytes(const char* a, const char* b, size_t n) {
  if (n >= 4 && n <= 8) {
    uint32_t a_head, b_head, a_tail, b_tail;
    std::memcpy(&a_head, a, 4);
    std::memcpy(&b_head, b, 4);
    std::memcpy(&a_tail, a + n - 4, 4);
    std::memcpy(&b_tail, b + n - 4, 4);
    return a_head == b_head && a_tail == b_tail;
  }
  if (n < 4) {
    for (size_t i = 0; i < n; ++i) {
      if (a[i] != b[i]) return false;
    }
    return true;
  }
  return std::memcmp(a, b, n) == 0;
}

inline bool IsOneOf(const Token& token, std::initializer_list<std::string_view> words) {
  const std::string_view lower = token.lower;
  if (lower.empty()) return false;
  for (std::string_view word : words) {
    if (word.size() == lower.size() && word[0] == lower[0] &&
        SameBytes(word.data(), lower.data(), word.size())) {
      return true;
    }
  }
  return false;
}

// True when tokens[i...] spell `phrase` (lower-case words separated by single spaces).
inline bool MatchesPhrase(const std::vector<Token>& tokens, size_t i, std::string_view phrase) {
  size_t pos = 0;
  while (i < tokens.size()) {
    const std::string_view word = tokens[i].lower;
    if (word.empty() || word.size() > phrase.size() - pos || phrase[pos] != word[0] ||
        !SameBytes(phrase.data() + pos, word.data(), word.size())) {
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

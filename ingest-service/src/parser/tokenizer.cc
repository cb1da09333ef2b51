#include "ingest-service/src/parser/tokenizer.h"

#include "ingest-service/src/parser/utf8.h"
#include "ingest-service/src/parser/vietnamese_letters.h"

namespace laurel::parser {
namespace {

// ASCII is most of every article: decode and classify it without leaving this file.
inline char32_t Next(std::string_view text, size_t pos, size_t& length) {
  const unsigned char byte = static_cast<unsigned char>(text[pos]);
  if (byte < 0x80) {
    length = 1;
    return byte;
  }
  return DecodeUtf8Fast(text, pos, length);
}

inline bool IsAsciiLetter(char32_t c) { return (c | 32) >= 'a' && (c | 32) <= 'z'; }

inline bool IsLetterFast(char32_t c) { return c < 0x80 ? IsAsciiLetter(c) : IsLetter(c); }

inline bool IsUpperFast(char32_t c) { return c < 0x80 ? (c >= 'A' && c <= 'Z') : IsUpperLetter(c); }

inline bool IsAlnum(char32_t c) { return (c >= '0' && c <= '9') || IsLetterFast(c); }

bool IsJoiner(char32_t c) {
  return c == '.' || c == '/' || c == '-' || c == '&' || c == '\'' || c == ',';
}

}  // namespace

std::vector<Token> Tokenize(const NormalizedText& normalized, size_t begin, size_t end) {
  std::vector<Token> tokens;
  tokens.reserve((std::min(end, normalized.text.size()) - std::min(begin, end)) / 4 + 8);
  const std::string_view text = normalized.text;
  const std::string_view lower = normalized.lower;
  end = std::min(end, text.size());
  size_t pos = begin;
  while (pos < end) {
    size_t length;
    const char32_t c = Next(text, pos, length);
    if (c == ' ' || c == '\n') {
      pos += length;
      continue;
    }
    Token token;
    token.begin = pos;
    if (IsAlnum(c)) {
      token.is_word = true;
      token.capitalised = IsUpperFast(c);
      bool digits = c >= '0' && c <= '9';
      size_t letters = IsLetterFast(c) ? 1 : 0;        // letters since the last joiner
      char32_t last_letter = IsLetterFast(c) ? c : 0;  // 0 after a digit
      size_t cursor = pos + length;
      while (cursor < end) {
        size_t next_length;
        const char32_t next = Next(text, cursor, next_length);
        if (IsAlnum(next)) {
          digits = digits && next >= '0' && next <= '9';
          const bool letter = !(next >= '0' && next <= '9');
          letters = letter ? letters + 1 : 0;
          last_letter = letter ? next : 0;
          cursor += next_length;
          continue;
        }
        if (IsJoiner(next) && cursor + next_length < end) {
          size_t after_length;
          const char32_t after = Next(text, cursor + next_length, after_length);
          // "Đài Bắc.Chị ...": a full stop without its space still ends a sentence; "TP.HCM" and
          // "Tp.HCM" stay one word.
          const bool missing_space =
              next == '.' && IsUpperFast(after) && letters >= 3 && !IsUpperFast(last_letter);
          // A comma joins only digits: "1,5" is one number, "29 tập thể, 41 cá nhân" two phrases.
          const bool decimal_comma =
              next != ',' || (last_letter == 0 && after >= '0' && after <= '9');
          if (IsAlnum(after) && !missing_space && decimal_comma) {
            cursor += next_length;
            letters = 0;
            continue;
          }
        }
        break;
      }
      token.end = cursor;
      token.all_digits = digits;
    } else {
      token.end = pos + length;
    }
    token.text = text.substr(token.begin, token.end - token.begin);
    token.lower = lower.substr(token.begin, token.end - token.begin);
    tokens.push_back(token);
    pos = token.end;
  }
  return tokens;
}

size_t PhraseLength(std::string_view phrase) {
  size_t words = 1;
  for (char ch : phrase) words += ch == ' ' ? 1 : 0;
  return words;
}

}  // namespace laurel::parser

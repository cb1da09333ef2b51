#include "ingest-service/src/parser/tokenizer.h"

#include "ingest-service/src/parser/utf8.h"
#include "ingest-service/src/parser/vietnamese_letters.h"

namespace laurel::parser {
namespace {

bool IsAlnum(char32_t c) { return (c >= '0' && c <= '9') || IsLetter(c); }

bool IsJoiner(char32_t c) {
  return c == '.' || c == '/' || c == '-' || c == '&' || c == '\'' || c == ',';
}

}  // namespace

std::vector<Token> Tokenize(const NormalizedText& normalized, size_t begin, size_t end) {
  std::vector<Token> tokens;
  const std::string_view text = normalized.text;
  const std::string_view lower = normalized.lower;
  end = std::min(end, text.size());
  size_t pos = begin;
  while (pos < end) {
    size_t length;
    const char32_t c = DecodeUtf8(text, pos, length);
    if (c == ' ' || c == '\n') {
      pos += length;
      continue;
    }
    Token token;
    token.begin = pos;
    if (IsAlnum(c)) {
      token.is_word = true;
      token.capitalised = IsUpperLetter(c);
      bool digits = c >= '0' && c <= '9';
      size_t letters = IsLetter(c) ? 1 : 0;        // letters since the last joiner
      char32_t last_letter = IsLetter(c) ? c : 0;  // 0 after a digit
      size_t cursor = pos + length;
      while (cursor < end) {
        size_t next_length;
        const char32_t next = DecodeUtf8(text, cursor, next_length);
        if (IsAlnum(next)) {
          digits = digits && next >= '0' && next <= '9';
          letters = IsLetter(next) ? letters + 1 : 0;
          last_letter = IsLetter(next) ? next : 0;
          cursor += next_length;
          continue;
        }
        if (IsJoiner(next) && cursor + next_length < end) {
          size_t after_length;
          const char32_t after = DecodeUtf8(text, cursor + next_length, after_length);
          // "Đài Bắc.Chị ...": a full stop without its space still ends a sentence; "TP.HCM" and
          // "Tp.HCM" stay one word.
          const bool missing_space =
              next == '.' && IsUpperLetter(after) && letters >= 3 && !IsUpperLetter(last_letter);
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

bool IsOneOf(const Token& token, std::initializer_list<std::string_view> words) {
  for (std::string_view word : words) {
    if (token.lower == word) return true;
  }
  return false;
}

bool MatchesPhrase(const std::vector<Token>& tokens, size_t i, std::string_view phrase) {
  size_t start = 0;
  while (start <= phrase.size()) {
    size_t stop = phrase.find(' ', start);
    if (stop == std::string_view::npos) stop = phrase.size();
    if (i >= tokens.size() || tokens[i].lower != phrase.substr(start, stop - start)) return false;
    ++i;
    start = stop + 1;
  }
  return true;
}

size_t PhraseLength(std::string_view phrase) {
  size_t words = 1;
  for (char ch : phrase) words += ch == ' ' ? 1 : 0;
  return words;
}

}  // namespace laurel::parser

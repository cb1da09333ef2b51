#include "ingest-service/src/parser/tokenizer.h"

#include <array>
#include <cstdint>

#include "ingest-service/src/parser/utf8.h"
#include "ingest-service/src/parser/vietnamese_letters.h"

namespace laurel::parser {
namespace {

// What the tokenizer needs to know of one character, packed in one word: its class bits, its
// UTF-8 length and, for ASCII, the character itself.
enum CharBits : uint32_t { kAlnum = 1, kDigit = 2, kUpper = 4 };
inline uint32_t Pack(uint32_t bits, size_t length, uint32_t ascii) {
  return bits | static_cast<uint32_t>(length) << 8 | ascii << 16;
}
inline size_t LengthOf(uint32_t info) { return (info >> 8) & 0xFF; }
inline char32_t AsciiOf(uint32_t info) { return info >> 16; }

constexpr std::array<uint8_t, 128> MakeAsciiClasses() {
  std::array<uint8_t, 128> classes{};
  for (int c = 'a'; c <= 'z'; ++c) classes[c] = kAlnum;
  for (int c = 'A'; c <= 'Z'; ++c) classes[c] = kAlnum | kUpper;
  for (int c = '0'; c <= '9'; ++c) classes[c] = kAlnum | kDigit;
  return classes;
}
constexpr std::array<uint8_t, 128> kAsciiClasses = MakeAsciiClasses();

// ASCII and the Vietnamese letters are classified without leaving this file: this runs over every
// character of an article. Latin-1 and Latin Extended-A/B letters (C3..C6 leads, bar × and ÷) and
// the Vietnamese block (E1 BA/BB) take the fast path; anything else is decoded in full.
inline uint32_t Classify(std::string_view text, size_t pos) {
  const unsigned char byte = static_cast<unsigned char>(text[pos]);
  if (byte < 0x80) return Pack(kAsciiClasses[byte], 1, byte);
  if (byte >= 0xC3 && byte <= 0xC6 && pos + 1 < text.size()) {
    const unsigned char b1 = static_cast<unsigned char>(text[pos + 1]);
    if ((b1 & 0xC0) == 0x80) {
      const TwoByteLetter& letter = TwoByteLetterAt(byte, b1);
      if (!letter.letter) return Pack(0, 2, 0);
      return Pack(letter.upper ? kAlnum | kUpper : kAlnum, 2, 0);
    }
  }
  if (byte == 0xE1 && pos + 2 < text.size()) {
    const unsigned char b1 = static_cast<unsigned char>(text[pos + 1]);
    const unsigned char b2 = static_cast<unsigned char>(text[pos + 2]);
    if ((b1 == 0xBA && b2 >= 0xA0 && b2 <= 0xBF) || (b1 == 0xBB && b2 >= 0x80 && b2 <= 0xB9)) {
      return Pack((b2 & 1) == 0 ? kAlnum | kUpper : kAlnum, 3, 0);  // upper even, lower odd
    }
  }
  size_t length;
  const char32_t c = DecodeUtf8Fast(text, pos, length);
  if (!IsLetter(c)) return Pack(0, length, 0);
  return Pack(IsUpperLetter(c) ? kAlnum | kUpper : kAlnum, length, 0);
}

// The class of the character that ends just before text[pos] (pos > 0).
inline uint32_t ClassifyBefore(std::string_view text, size_t pos) {
  size_t lead = pos - 1;
  while (lead > 0 && pos - lead < 4 && (static_cast<unsigned char>(text[lead]) & 0xC0) == 0x80) {
    --lead;
  }
  return Classify(text, lead);
}

// How many letters (not digits) run up to text[pos), back to `from`.
size_t TrailingLetters(std::string_view text, size_t from, size_t pos) {
  size_t letters = 0;
  while (pos > from) {
    const uint32_t info = ClassifyBefore(text, pos);
    if (!(info & kAlnum) || (info & kDigit)) break;
    ++letters;
    pos -= LengthOf(info);
  }
  return letters;
}

bool IsJoiner(char32_t c) {
  return c == '.' || c == '/' || c == '-' || c == '&' || c == '\'' || c == ',';
}

}  // namespace

std::vector<Token> Tokenize(const NormalizedText& normalized, size_t begin, size_t end) {
  std::vector<Token> tokens;
  AppendTokens(normalized, begin, end, tokens);
  return tokens;
}

void AppendTokens(const NormalizedText& normalized, size_t begin, size_t end,
                  std::vector<Token>& tokens) {
  tokens.reserve(tokens.size() +
                 (std::min(end, normalized.text.size()) - std::min(begin, end)) / 4 + 8);
  const size_t appended_from = tokens.size();
  const std::string_view text = normalized.text;
  const std::string_view lower = normalized.lower;
  end = std::min(end, text.size());
  size_t pos = begin;
  bool newline = false;
  while (pos < end) {
    const char byte = text[pos];
    if (byte == ' ' || byte == '\n') {
      newline = newline || byte == '\n';
      ++pos;
      continue;
    }
    const uint32_t first = Classify(text, pos);
    Token& token = tokens.emplace_back();
    token.begin = static_cast<uint32_t>(pos);
    token.newline_before = newline && tokens.size() > appended_from + 1;
    newline = false;
    if (first & kAlnum) {
      token.is_word = true;
      token.capitalised = (first & kUpper) != 0;
      uint32_t digits = first & kDigit;  // every character so far a digit
      size_t segment = pos;              // where the part after the last joiner starts
      size_t cursor = pos + LengthOf(first);
      while (cursor < end) {
        const unsigned char byte = static_cast<unsigned char>(text[cursor]);
        // ASCII letters and digits, most of every word, without the general classifier.
        if (byte < 0x80 && kAsciiClasses[byte] != 0) {
          digits &= kAsciiClasses[byte];
          ++cursor;
          continue;
        }
        const uint32_t next = byte < 0x80 ? Pack(0, 1, byte) : Classify(text, cursor);
        if (next & kAlnum) {
          digits &= next;
          cursor += LengthOf(next);
          continue;
        }
        const char32_t joiner = AsciiOf(next);
        if (IsJoiner(joiner) && cursor + 1 < end) {
          const uint32_t after = Classify(text, cursor + 1);
          const uint32_t last = ClassifyBefore(text, cursor);
          // "Đài Bắc.Chị ...": a full stop without its space still ends a sentence; "TP.HCM" and
          // "Tp.HCM" stay one word.
          const bool missing_space = joiner == '.' && (after & kUpper) && !(last & kUpper) &&
                                     TrailingLetters(text, segment, cursor) >= 3;
          // A comma joins only digits: "1,5" is one number, "29 tập thể, 41 cá nhân" two phrases.
          const bool decimal_comma = joiner != ',' || ((last & kDigit) && (after & kDigit));
          if ((after & kAlnum) && !missing_space && decimal_comma) {
            cursor += 1;
            segment = cursor;
            continue;
          }
        }
        break;
      }
      token.end = static_cast<uint32_t>(cursor);
      token.all_digits = digits != 0;
    } else {
      token.end = static_cast<uint32_t>(pos + LengthOf(first));
    }
    token.text = text.substr(token.begin, token.end - token.begin);
    token.lower = lower.substr(token.begin, token.end - token.begin);
    if (token.is_word && !token.all_digits) token.classes = WordClassesOf(token.lower);
    pos = token.end;
  }
}

size_t PhraseLength(std::string_view phrase) {
  size_t words = 1;
  for (char ch : phrase) words += ch == ' ' ? 1 : 0;
  return words;
}

}  // namespace laurel::parser

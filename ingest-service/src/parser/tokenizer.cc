#include "ingest-service/src/parser/tokenizer.h"

#include <algorithm>
#include <array>
#include <bit>
#include <cstdint>

#include "ingest-service/src/parser/byte_block.h"
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

// How the word scanner takes one byte: part of a word (ASCII letters and digits, the bytes of
// the multi-byte letters of Vietnamese text: Latin-1 and Latin Extended-A/B leads, the E1 lead of
// Latin Extended Additional, which holds the Vietnamese block, and every continuation byte, which
// only follows a lead), the lead of a character to classify in full, or neither (ASCII
// punctuation and blanks). Two leads are letters only with some second bytes (kSecondByteDecides).
enum ByteKind : uint8_t { kWordByte = 1, kDigitByte = 2, kOtherLead = 4, kSecondByteDecides = 8 };
constexpr std::array<uint8_t, 256> MakeByteKinds() {
  std::array<uint8_t, 256> kinds{};
  for (int c = 'a'; c <= 'z'; ++c) kinds[c] = kWordByte;
  for (int c = 'A'; c <= 'Z'; ++c) kinds[c] = kWordByte;
  for (int c = '0'; c <= '9'; ++c) kinds[c] = kWordByte | kDigitByte;
  for (int c = 0x80; c <= 0xBF; ++c) kinds[c] = kWordByte;
  for (int c = 0xC0; c <= 0xFF; ++c) kinds[c] = kOtherLead;
  for (int c = 0xC3; c <= 0xC6; ++c) kinds[c] = kWordByte;
  kinds[0xC3] = kWordByte | kSecondByteDecides;
  kinds[0xE1] = kWordByte | kSecondByteDecides;
  return kinds;
}
constexpr std::array<uint8_t, 256> kByteKinds = MakeByteKinds();

// For a kSecondByteDecides lead: Latin-1 letters are all but "×" and "÷" (C3 97, C3 B7); E1 leads
// letters only in Latin Extended Additional (E1 B8..BB); the rest of its range (Greek, Mongolian,
// Ethiopic...) is classified in full.
inline bool SecondByteMakesLetter(unsigned char lead, unsigned char second) {
  return lead == 0xC3 ? second != 0x97 && second != 0xB7 : second >= 0xB8 && second <= 0xBB;
}

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

// Bit i set where text[begin + i] is a byte that continues a word (kByteKinds,
// SecondByteMakesLetter), for all of [begin, end): sixteen bytes at a time where the text holds
// them and the byte after, the last few one at a time. The tokenizer then finds where a word's
// letters end with a shift and a bit count instead of a test per byte.
std::vector<uint64_t> WordByteBits(std::string_view text, size_t begin, size_t end) {
  std::vector<uint64_t> bits((end - begin + 63) / 64);
  const unsigned char* bytes = reinterpret_cast<const unsigned char*>(text.data());
  for (size_t at = begin; at < end; at += kBlockBytes) {
    uint32_t block_bits = 0;
    if (at + kBlockBytes + 1 <= text.size()) {
      const ByteBlock block = LoadBlock(bytes + at);
      const ByteBlock next = LoadBlock(bytes + at + 1);
      block_bits = BitsOf(InRange(block | 0x20, 'a', 'z') | InRange(block, '0', '9') |
                          InRange(block, 0x80, 0xBF) | InRange(block, 0xC4, 0xC6) |
                          ((block == 0xC3) & (next != 0x97) & (next != 0xB7)) |
                          ((block == 0xE1) & InRange(next, 0xB8, 0xBB)));
    } else {
      for (size_t i = 0; i < kBlockBytes && at + i < end; ++i) {
        const uint8_t kind = kByteKinds[bytes[at + i]];
        if ((kind & kWordByte) && (!(kind & kSecondByteDecides) ||
                                   (at + i + 1 < text.size() &&
                                    SecondByteMakesLetter(bytes[at + i], bytes[at + i + 1])))) {
          block_bits |= 1u << i;
        }
      }
    }
    const size_t offset = at - begin;
    bits[offset / 64] |= static_cast<uint64_t>(block_bits) << (offset % 64);
  }
  if ((end - begin) % 64 != 0) bits.back() &= (uint64_t{1} << ((end - begin) % 64)) - 1;
  return bits;
}

// How many set bits of `bits` run from bit `offset` on.
size_t RunOfBits(const std::vector<uint64_t>& bits, size_t offset) {
  size_t at = offset;
  while (at / 64 < bits.size()) {
    // The bits shifted in from the top are zeros: the run stops at the word's end at the latest.
    const int ones = std::countr_zero(~(bits[at / 64] >> (at % 64)));
    at += static_cast<size_t>(ones);
    if (ones == 0 || at % 64 != 0) break;
  }
  return at - offset;
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
                  std::vector<Token>& tokens, MarkedWords* marked) {
  tokens.reserve(tokens.size() +
                 (std::min(end, normalized.text.size()) - std::min(begin, end)) / 4 + 8);
  const size_t appended_from = tokens.size();
  const std::string_view text = normalized.text;
  const std::string_view lower = normalized.lower;
  end = std::min(end, text.size());
  begin = std::min(begin, end);
  const std::vector<uint64_t> word_bytes = WordByteBits(text, begin, end);
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
        // Letters, digits and the bytes of Vietnamese letters, most of every word.
        const size_t run = RunOfBits(word_bytes, cursor - begin);
        if (run > 0) {
          for (size_t k = cursor; digits != 0 && k < cursor + run; ++k) {
            if (text[k] < '0' || text[k] > '9') digits = 0;
          }
          cursor += run;
          if (cursor >= end) break;
        }
        const unsigned char byte = static_cast<unsigned char>(text[cursor]);
        const uint32_t next = byte < 0x80 ? Pack(0, 1, byte) : Classify(text, cursor);
        if (next & kAlnum) {
          digits = 0;
          cursor += LengthOf(next);
          continue;
        }
        const char32_t joiner = AsciiOf(next);
        if (IsJoiner(joiner) && cursor + 1 < end) {
          // Most joiners end the word: a comma or full stop before a space.
          const uint32_t after = Classify(text, cursor + 1);
          if (!(after & kAlnum)) break;
          const uint32_t last = ClassifyBefore(text, cursor);
          // "Đài Bắc.Chị ...": a full stop without its space still ends a sentence; "TP.HCM" and
          // "Tp.HCM" stay one word.
          const bool missing_space = joiner == '.' && (after & kUpper) && !(last & kUpper) &&
                                     TrailingLetters(text, segment, cursor) >= 3;
          // A comma joins only digits: "1,5" is one number, "29 tập thể, 41 cá nhân" two phrases.
          const bool decimal_comma = joiner != ',' || ((last & kDigit) && (after & kDigit));
          if (!missing_space && decimal_comma) {
            cursor += 1;
            segment = cursor;
            continue;
          }
        }
        break;
      }
      token.end = static_cast<uint32_t>(cursor);
      token.all_digits = digits != 0;
      if (marked != nullptr && segment != pos && !token.all_digits) {
        marked->positions.push_back(static_cast<uint32_t>(tokens.size() - 1));
      }
    } else {
      token.end = static_cast<uint32_t>(pos + LengthOf(first));
    }
    token.text = std::string_view(text.data() + token.begin, token.end - token.begin);
    token.lower = std::string_view(lower.data() + token.begin, token.end - token.begin);
    if (token.is_word && !token.all_digits) {
      token.classes = WordClassesOf(token.lower);
      // (A joined word was noted already.)
      if (marked != nullptr && (token.classes & marked->mask) &&
          (marked->positions.empty() || marked->positions.back() != tokens.size() - 1)) {
        marked->positions.push_back(static_cast<uint32_t>(tokens.size() - 1));
      }
    }
    pos = token.end;
  }
}

size_t PhraseLength(std::string_view phrase) {
  size_t words = 1;
  for (char ch : phrase) words += ch == ' ' ? 1 : 0;
  return words;
}

}  // namespace laurel::parser

#include "ingest-service/src/parser/vietnamese_letters.h"

#include <unicode/uchar.h>

#include <array>

#include "ingest-service/src/parser/utf8.h"

namespace laurel::parser {
namespace {

struct ToneRow {
  char32_t plain;
  std::array<char32_t, 5> toned;  // grave, acute, hook, tilde, dot
};

constexpr std::array<ToneRow, 10> kToneRows = {{
    {U'a', {0x00E0, 0x00E1, 0x1EA3, 0x00E3, 0x1EA1}},
    {U'A', {0x00C0, 0x00C1, 0x1EA2, 0x00C3, 0x1EA0}},
    {U'e', {0x00E8, 0x00E9, 0x1EBB, 0x1EBD, 0x1EB9}},
    {U'E', {0x00C8, 0x00C9, 0x1EBA, 0x1EBC, 0x1EB8}},
    {U'y', {0x1EF3, 0x00FD, 0x1EF7, 0x1EF9, 0x1EF5}},
    {U'Y', {0x1EF2, 0x00DD, 0x1EF6, 0x1EF8, 0x1EF4}},
    {U'o', {0x00F2, 0x00F3, 0x1ECF, 0x00F5, 0x1ECD}},
    {U'O', {0x00D2, 0x00D3, 0x1ECE, 0x00D5, 0x1ECC}},
    {U'u', {0x00F9, 0x00FA, 0x1EE7, 0x0169, 0x1EE5}},
    {U'U', {0x00D9, 0x00DA, 0x1EE6, 0x0168, 0x1EE4}},
}};

}  // namespace

char32_t ToLowerSameLengthSlow(char32_t c) {
  if (c < 0x80) return (c >= 'A' && c <= 'Z') ? c + 32 : c;
  if (c >= 0x1EA0 && c <= 0x1EF9) return c | 1;  // Vietnamese block: upper even, lower odd
  if (c >= 0xC0 && c <= 0xDE && c != 0xD7) return c + 32;
  if (c >= 0x100 && c <= 0x17F) {
    // Latin Extended-A pairs upper-even/lower-odd except for a few ranges irrelevant to Vietnamese.
    if ((c >= 0x100 && c <= 0x137) || (c >= 0x14A && c <= 0x177)) return c | 1;
  }
  if (c == 0x1A0 || c == 0x1AF) return c + 1;  // Ơ, Ư
  const char32_t lower = static_cast<char32_t>(u_tolower(static_cast<UChar32>(c)));
  return Utf8Length(lower) == Utf8Length(c) ? lower : c;
}

bool IsUpperLetterSlow(char32_t c) {
  if (c < 0x80) return c >= 'A' && c <= 'Z';
  if (c >= 0x1EA0 && c <= 0x1EF9) return (c & 1) == 0;
  if (c >= 0xC0 && c <= 0xDE) return c != 0xD7;
  if (c == 0x102 || c == 0x110 || c == 0x128 || c == 0x168 || c == 0x1A0 || c == 0x1AF) return true;
  return u_isupper(static_cast<UChar32>(c));
}

bool IsLetterSlow(char32_t c) {
  if (c < 0x80) return (c | 32) >= 'a' && (c | 32) <= 'z';
  if (c >= 0x1EA0 && c <= 0x1EF9) return true;
  if (c >= 0xC0 && c <= 0x24F) return c != 0xD7 && c != 0xF7;
  return u_isalpha(static_cast<UChar32>(c));
}

namespace {

std::array<TwoByteLetter, 256> MakeTwoByteLetters() {
  std::array<TwoByteLetter, 256> table{};
  for (unsigned lead = 0xC3; lead <= 0xC6; ++lead) {
    for (unsigned trail = 0x80; trail < 0xC0; ++trail) {
      const char32_t c = ((lead & 0x1F) << 6) | (trail & 0x3F);
      const char32_t lower = ToLowerSameLength(c);
      TwoByteLetter& entry = table[((lead - 0xC3) << 6) | (trail & 0x3F)];
      entry.lower_lead = static_cast<unsigned char>(0xC0 | (lower >> 6));
      entry.lower_trail = static_cast<unsigned char>(0x80 | (lower & 0x3F));
      entry.letter = IsLetter(c);
      entry.upper = entry.letter && IsUpperLetter(c);
    }
  }
  return table;
}

}  // namespace

const std::array<TwoByteLetter, 256> kTwoByteLetters = MakeTwoByteLetters();

char32_t SplitTone(char32_t c, Tone& tone) {
  tone = Tone::kNone;
  // Toned a/e/y/o/u live in Latin-1, Latin Extended-A and the Vietnamese block only.
  if (c < 0xC0 || (c > 0x17F && c < 0x1EA0) || c > 0x1EF9) return c;
  for (const ToneRow& row : kToneRows) {
    for (size_t i = 0; i < row.toned.size(); ++i) {
      if (row.toned[i] == c) {
        tone = static_cast<Tone>(i + 1);
        return row.plain;
      }
    }
  }
  return c;
}

char32_t ApplyTone(char32_t plain_vowel, Tone tone) {
  if (tone == Tone::kNone) return plain_vowel;
  for (const ToneRow& row : kToneRows) {
    if (row.plain == plain_vowel) return row.toned[static_cast<size_t>(tone) - 1];
  }
  return plain_vowel;
}

std::string ToLowerPreservingOffsets(std::string_view text) {
  std::string lower(text);
  size_t pos = 0;
  while (pos < lower.size()) {
    const unsigned char byte = static_cast<unsigned char>(lower[pos]);
    if (byte < 0x80) {
      if (byte >= 'A' && byte <= 'Z') lower[pos] = static_cast<char>(byte + 32);
      ++pos;
      continue;
    }
    size_t length;
    const char32_t c = DecodeUtf8(lower, pos, length);
    if (c != kInvalidCodePoint) {
      const char32_t low = ToLowerSameLength(c);
      if (low != c) {
        // Same length by construction, so the bytes are overwritten in place.
        char encoded[4];
        size_t n = 0;
        if (length == 2) {
          encoded[n++] = static_cast<char>(0xC0 | (low >> 6));
        } else if (length == 3) {
          encoded[n++] = static_cast<char>(0xE0 | (low >> 12));
          encoded[n++] = static_cast<char>(0x80 | ((low >> 6) & 0x3F));
        } else {
          encoded[n++] = static_cast<char>(0xF0 | (low >> 18));
          encoded[n++] = static_cast<char>(0x80 | ((low >> 12) & 0x3F));
          encoded[n++] = static_cast<char>(0x80 | ((low >> 6) & 0x3F));
        }
        encoded[n++] = static_cast<char>(0x80 | (low & 0x3F));
        lower.replace(pos, length, encoded, n);
      }
    }
    pos += length;
  }
  return lower;
}

bool IsAllCaps(std::string_view word) {
  bool has_letter = false;
  for (size_t pos = 0; pos < word.size();) {
    size_t length;
    const char32_t c = DecodeUtf8(word, pos, length);
    pos += length;
    if (!IsLetter(c)) continue;
    if (!IsUpperLetter(c)) return false;
    has_letter = true;
  }
  return has_letter;
}

bool StartsUpper(std::string_view word) {
  if (word.empty()) return false;
  size_t length;
  return IsUpperLetter(DecodeUtf8(word, 0, length));
}

}  // namespace laurel::parser

#pragma once

#include <array>
#include <string>
#include <string_view>

// Letter facts for Vietnamese text: case mapping that keeps the UTF-8 length (so a lower-cased copy
// stays byte-aligned with the text it was made from) and the tone marks the normaliser moves
// between vowels.
namespace laurel::parser {

enum class Tone { kNone, kGrave, kAcute, kHook, kTilde, kDot };

// Lower case of `c` when it has the same UTF-8 length as `c`; `c` itself otherwise.
char32_t ToLowerSameLengthSlow(char32_t c);
inline char32_t ToLowerSameLength(char32_t c) {
  if (c < 0x80) return (c >= 'A' && c <= 'Z') ? c + 32 : c;
  if (c >= 0x1EA0 && c <= 0x1EF9) return c | 1;  // Vietnamese block: upper even, lower odd
  if (c >= 0xC0 && c <= 0xFF) return (c <= 0xDE && c != 0xD7) ? c + 32 : c;
  return ToLowerSameLengthSlow(c);
}

bool IsUpperLetterSlow(char32_t c);
bool IsLetterSlow(char32_t c);

// Inline for ASCII, Latin-1 and the Vietnamese block: asked of every character of an article.
inline bool IsUpperLetter(char32_t c) {
  if (c < 0x80) return c >= 'A' && c <= 'Z';
  if (c >= 0x1EA0 && c <= 0x1EF9) return (c & 1) == 0;
  if (c >= 0xC0 && c <= 0xFF) return c <= 0xDE && c != 0xD7;
  return IsUpperLetterSlow(c);
}

inline bool IsLetter(char32_t c) {
  if (c < 0x80) return (c | 32) >= 'a' && (c | 32) <= 'z';
  if (c >= 0x1EA0 && c <= 0x1EF9) return true;
  if (c >= 0xC0 && c <= 0x24F) return c != 0xD7 && c != 0xF7;
  return IsLetterSlow(c);
}

// What the per-character loops need of a two-byte letter with lead byte C3..C6 (U+00C0..U+01BF,
// Latin-1 and Latin Extended-A/B: "đ", "ư", "ơ", "ă", "â", "ê", "ô"...): its lower case as bytes,
// and whether it is a letter and an upper-case one. From a table, without decoding.
struct TwoByteLetter {
  unsigned char lower_lead = 0;
  unsigned char lower_trail = 0;
  bool letter = false;
  bool upper = false;
};
// Filled before main() from the functions above; indexed by (lead - C3) << 6 | (trail & 3F).
extern const std::array<TwoByteLetter, 256> kTwoByteLetters;
inline const TwoByteLetter& TwoByteLetterAt(unsigned char lead, unsigned char trail) {
  return kTwoByteLetters[((lead - 0xC3) & 0x3) << 6 | (trail & 0x3F)];
}

// For the five vowels whose tone moves in "oa/oe/uy" syllables (a, e, y, o, u in either case): the
// plain vowel and the tone it carries. Any other code point comes back unchanged with Tone::kNone.
char32_t SplitTone(char32_t c, Tone& tone);
// The inverse of SplitTone for a plain a/e/y/o/u.
char32_t ApplyTone(char32_t plain_vowel, Tone tone);

// Lower-cases a whole UTF-8 string (assumed valid) with ToLowerSameLength, so the result has the
// same byte length and offsets as `text`.
std::string ToLowerPreservingOffsets(std::string_view text);

// True when `word` has letters and none of them is lower-case ("TTXVN", "UBND").
bool IsAllCaps(std::string_view word);

// True when the first code point of `word` is an upper-case letter.
bool StartsUpper(std::string_view word);

}  // namespace laurel::parser

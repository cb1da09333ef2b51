#pragma once

#include <cstddef>
#include <string>
#include <string_view>

// Minimal UTF-8 decoding and encoding for the parser's own scanners. ICU is used where Unicode
// tables are really needed (composition, case of non-Vietnamese letters); everything else stays on
// these helpers so the hot loops never leave the translation unit.
namespace laurel::parser {

inline constexpr char32_t kInvalidCodePoint = 0xFFFFFFFF;

// Decodes the code point starting at text[pos] and stores its byte length in `length`. Returns
// kInvalidCodePoint (length 1) for malformed, overlong or surrogate sequences.
char32_t DecodeUtf8(std::string_view text, size_t pos, size_t& length);

// DecodeUtf8 with the common one-, two- and three-byte cases inline, for the per-byte loops.
inline char32_t DecodeUtf8Fast(std::string_view text, size_t pos, size_t& length) {
  const unsigned char lead = static_cast<unsigned char>(text[pos]);
  if (lead < 0x80) {
    length = 1;
    return lead;
  }
  if (lead >= 0xC2 && lead < 0xE0 && pos + 1 < text.size()) {
    const unsigned char b1 = static_cast<unsigned char>(text[pos + 1]);
    if ((b1 & 0xC0) == 0x80) {
      length = 2;
      return (static_cast<char32_t>(lead & 0x1F) << 6) | (b1 & 0x3F);
    }
  } else if ((lead & 0xF0) == 0xE0 && pos + 2 < text.size()) {
    const unsigned char b1 = static_cast<unsigned char>(text[pos + 1]);
    const unsigned char b2 = static_cast<unsigned char>(text[pos + 2]);
    if ((b1 & 0xC0) == 0x80 && (b2 & 0xC0) == 0x80) {
      const char32_t c = (static_cast<char32_t>(lead & 0x0F) << 12) |
                         (static_cast<char32_t>(b1 & 0x3F) << 6) | (b2 & 0x3F);
      if (c >= 0x800 && (c < 0xD800 || c > 0xDFFF)) {
        length = 3;
        return c;
      }
    }
  }
  return DecodeUtf8(text, pos, length);
}

// The code point ending just before `pos` (pos > 0), with its byte length.
char32_t DecodeUtf8Before(std::string_view text, size_t pos, size_t& length);

void AppendUtf8(char32_t code_point, std::string& out);

// Encodes `code_point` into `out` (at least four bytes); returns the byte length.
size_t EncodeUtf8(char32_t code_point, char* out);

// Byte length of the UTF-8 encoding of `code_point`.
size_t Utf8Length(char32_t code_point);

bool IsValidUtf8(std::string_view text);

}  // namespace laurel::parser

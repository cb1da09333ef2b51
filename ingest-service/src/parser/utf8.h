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

// The code point ending just before `pos` (pos > 0), with its byte length.
char32_t DecodeUtf8Before(std::string_view text, size_t pos, size_t& length);

void AppendUtf8(char32_t code_point, std::string& out);

// Byte length of the UTF-8 encoding of `code_point`.
size_t Utf8Length(char32_t code_point);

bool IsValidUtf8(std::string_view text);

}  // namespace laurel::parser

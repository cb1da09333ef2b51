#include "ingest-service/src/parser/utf8.h"

#include <cstdint>

namespace laurel::parser {

char32_t DecodeUtf8(std::string_view text, size_t pos, size_t& length) {
  const auto byte = [&](size_t i) { return static_cast<unsigned char>(text[i]); };
  const unsigned char lead = byte(pos);
  length = 1;
  if (lead < 0x80) return lead;
  size_t extra;
  char32_t code_point;
  char32_t minimum;
  if ((lead & 0xE0) == 0xC0) {
    extra = 1, code_point = lead & 0x1F, minimum = 0x80;
  } else if ((lead & 0xF0) == 0xE0) {
    extra = 2, code_point = lead & 0x0F, minimum = 0x800;
  } else if ((lead & 0xF8) == 0xF0) {
    extra = 3, code_point = lead & 0x07, minimum = 0x10000;
  } else {
    return kInvalidCodePoint;
  }
  if (pos + extra >= text.size()) return kInvalidCodePoint;
  for (size_t i = 1; i <= extra; ++i) {
    const unsigned char next = byte(pos + i);
    if ((next & 0xC0) != 0x80) return kInvalidCodePoint;
    code_point = (code_point << 6) | (next & 0x3F);
  }
  if (code_point < minimum || code_point > 0x10FFFF ||
      (code_point >= 0xD800 && code_point <= 0xDFFF)) {
    return kInvalidCodePoint;
  }
  length = extra + 1;
  return code_point;
}

char32_t DecodeUtf8Before(std::string_view text, size_t pos, size_t& length) {
  size_t start = pos - 1;
  // A code point is at most four bytes: step back over at most three continuation bytes.
  for (int i = 0; i < 3 && start > 0 && (static_cast<unsigned char>(text[start]) & 0xC0) == 0x80;
       ++i) {
    --start;
  }
  const char32_t code_point = DecodeUtf8(text, start, length);
  if (start + length != pos) {
    length = 1;
    return kInvalidCodePoint;
  }
  return code_point;
}

size_t EncodeUtf8(char32_t code_point, char* out) {
  if (code_point < 0x80) {
    out[0] = static_cast<char>(code_point);
    return 1;
  }
  if (code_point < 0x800) {
    out[0] = static_cast<char>(0xC0 | (code_point >> 6));
    out[1] = static_cast<char>(0x80 | (code_point & 0x3F));
    return 2;
  }
  if (code_point < 0x10000) {
    out[0] = static_cast<char>(0xE0 | (code_point >> 12));
    out[1] = static_cast<char>(0x80 | ((code_point >> 6) & 0x3F));
    out[2] = static_cast<char>(0x80 | (code_point & 0x3F));
    return 3;
  }
  out[0] = static_cast<char>(0xF0 | (code_point >> 18));
  out[1] = static_cast<char>(0x80 | ((code_point >> 12) & 0x3F));
  out[2] = static_cast<char>(0x80 | ((code_point >> 6) & 0x3F));
  out[3] = static_cast<char>(0x80 | (code_point & 0x3F));
  return 4;
}

void AppendUtf8(char32_t code_point, std::string& out) {
  char encoded[4];
  out.append(encoded, EncodeUtf8(code_point, encoded));
}

size_t Utf8Length(char32_t code_point) {
  if (code_point < 0x80) return 1;
  if (code_point < 0x800) return 2;
  if (code_point < 0x10000) return 3;
  return 4;
}

bool IsValidUtf8(std::string_view text) {
  size_t pos = 0;
  while (pos < text.size()) {
    // Skip ASCII eight bytes at a time: most of every article is ASCII spaces and letters.
    while (pos + 8 <= text.size()) {
      uint64_t block;
      __builtin_memcpy(&block, text.data() + pos, 8);
      if (block & 0x8080808080808080ULL) break;
      pos += 8;
    }
    if (pos >= text.size()) break;
    size_t length;
    if (DecodeUtf8(text, pos, length) == kInvalidCodePoint) return false;
    pos += length;
  }
  return true;
}

}  // namespace laurel::parser

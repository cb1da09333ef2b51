#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "absl/status/statusor.h"

// One pass that turns an article as submitted into the text every other stage reads: NFC, the
// traditional tone-mark placement ("Khánh Hoà" → "Khánh Hòa"), look-alike letters ("Ð" → "Đ"),
// plain quotes and dashes, decoded HTML entities, spaces for word-segmentation underscores and no
// zero-width characters; runs of blanks become one space and blank lines disappear. Offsets back
// into the original text are kept so records can point at what the user actually sent.
namespace laurel::parser {

struct NormalizedText {
  std::string text;   // the folded text, case kept
  std::string lower;  // `text` lower-cased, byte-for-byte aligned with it
  // origin[i] is the index, in code points of the original text, of the character that produced
  // byte i of `text`; origin[text.size()] is the original length in code points.
  std::vector<int32_t> origin;

  int64_t OriginalOffset(size_t byte) const { return origin[byte < origin.size() ? byte : 0]; }
};

// INVALID_ARGUMENT when `original` is not valid UTF-8.
absl::StatusOr<NormalizedText> NormalizeText(std::string_view original);

// Like NormalizeText but never fails: malformed bytes become U+FFFD.
NormalizedText NormalizeTextLenient(std::string_view original);

}  // namespace laurel::parser

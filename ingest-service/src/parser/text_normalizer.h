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

  // The index, in code points of the original text, of the character that produced byte `byte` of
  // `text`; the original length in code points for byte == text.size().
  int64_t OriginalIndex(size_t byte) const;
  int64_t OriginalLength() const { return original_length; }

  // Where the code point mapping leaves the identity: from `byte` on, the code points of `text`
  // continue the original's from `index`. Mostly empty: folding rarely changes the count.
  struct Checkpoint {
    uint32_t byte;
    int32_t index;
  };
  std::vector<Checkpoint> checkpoints;
  int64_t original_length = 0;
};

// INVALID_ARGUMENT when `original` is not valid UTF-8.
absl::StatusOr<NormalizedText> NormalizeText(std::string_view original);

// Like NormalizeText but never fails: malformed bytes become U+FFFD.
NormalizedText NormalizeTextLenient(std::string_view original);

}  // namespace laurel::parser

#pragma once

#include <cstddef>
#include <string_view>
#include <vector>

#include "ingest-service/src/parser/tokenizer.h"

// A list of lower-case phrases ("tập thể", "cá nhân", "hộ gia đình") indexed by their first word,
// so that asking which of them starts at a token costs one hash look-up instead of a comparison
// per phrase: the recipient, title and body-name lists are asked of every token of a sentence.
namespace laurel::parser {

class PhraseIndex {
 public:
  // `phrases` must outlive the index (string literals).
  explicit PhraseIndex(const std::vector<std::string_view>& phrases);

  // The position in the list of the longest phrase that tokens[i...] spell, ending at or before
  // tokens[end); -1 when none does.
  int LongestAt(const std::vector<Token>& tokens, size_t i, size_t end) const;

  std::string_view phrase(int index) const { return phrases_[index]; }
  size_t words(int index) const { return words_[index]; }

 private:
  struct Slot {
    std::string_view first_word;
    std::vector<int> phrases;  // positions in phrases_
  };

  std::vector<std::string_view> phrases_;
  std::vector<size_t> words_;
  std::vector<Slot> slots_;  // open addressing, a power of two in size
};

}  // namespace laurel::parser

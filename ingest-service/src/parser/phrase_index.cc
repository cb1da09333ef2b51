#include "ingest-service/src/parser/phrase_index.h"

#include "ingest-service/src/parser/word_classes.h"

namespace laurel::parser {

PhraseIndex::PhraseIndex(const std::vector<std::string_view>& phrases) : phrases_(phrases) {
  size_t size = 16;
  while (size < 4 * phrases.size()) size *= 2;  // mostly empty: misses end at once
  slots_.resize(size);
  for (size_t p = 0; p < phrases_.size(); ++p) {
    const std::string_view phrase = phrases_[p];
    words_.push_back(PhraseLength(phrase));
    const std::string_view first = phrase.substr(0, phrase.find(' '));
    size_t slot = WordHash(first) & (slots_.size() - 1);
    while (!slots_[slot].phrases.empty() && slots_[slot].first_word != first) {
      slot = (slot + 1) & (slots_.size() - 1);
    }
    slots_[slot].first_word = first;
    slots_[slot].phrases.push_back(static_cast<int>(p));
  }
}

int PhraseIndex::LongestAt(const std::vector<Token>& tokens, size_t i, size_t end) const {
  if (i >= tokens.size() || i >= end) return -1;
  const std::string_view word = tokens[i].lower;
  if (word.empty()) return -1;
  for (size_t slot = WordHash(word) & (slots_.size() - 1);;
       slot = (slot + 1) & (slots_.size() - 1)) {
    const Slot& entry = slots_[slot];
    if (entry.phrases.empty()) return -1;
    if (entry.first_word.size() != word.size() ||
        !SameBytes(entry.first_word.data(), word.data(), word.size())) {
      continue;
    }
    int best = -1;
    for (const int p : entry.phrases) {
      if (i + words_[p] > end || !MatchesPhrase(tokens, i, phrases_[p])) continue;
      if (best < 0 || words_[p] > words_[best]) best = p;
    }
    return best;
  }
}

}  // namespace laurel::parser

#include "ingest-service/src/parser/sentence_splitter.h"

#include <string_view>

#include "ingest-service/src/parser/gazetteer.h"
#include "ingest-service/src/parser/numbers.h"
#include "ingest-service/src/parser/vietnamese_letters.h"

namespace laurel::parser {
namespace {

constexpr size_t kMaxCreditWords = 4;

// Abbreviations written with a full stop that never end a sentence.
bool IsAbbreviation(const Token& token) {
  return IsOneOf(token, {"pgs",    "gs",    "ts",   "ths",  "bs", "ks", "tp",   "q",  "p",
                         "ncs",    "ls",    "nsnd", "nsưt", "st", "mr", "ms",   "dr", "tt",
                         "pgs.ts", "gs.ts", "th.s", "bsck", "tx", "h",  "ts.bs"});
}

// Capitalised words that begin a new sentence when glued to the end of a caption.
bool IsSentenceOpener(const std::vector<Token>& tokens, size_t i) {
  const Token& token = tokens[i];
  if (!token.capitalised) return false;
  if (!(token.classes & kSentenceOpener)) return false;
  // "Tuy nhiên" opens a sentence, "Tuy Hòa" and "Tuy An" are places.
  if (token.lower == "tuy" && i + 1 < tokens.size() && tokens[i + 1].capitalised) return false;
  // "Bà" is a woman, "(tỉnh) Bà Rịa - Vũng Tàu" a place.
  if (IsOneOf(token, {"bà", "ông"}) && i + 1 < tokens.size() &&
      ((i > 0 && IsOneOf(tokens[i - 1], {"tỉnh", "huyện", "xã", "phường", "quận", "thị", "trấn",
                                         "phố", "tp", "thôn", "ấp", "bản", "làng"})) ||
       PlaceStartsAt(tokens, i, tokens.size()))) {
    return false;
  }
  if (IsOneOf(token,
              {"tại",   "theo", "trong", "thay", "sau",  "trước", "đây",   "với",  "các", "những",
               "ông",   "bà",   "tham",  "dự",   "tới",  "cùng",  "ngoài", "hiện", "hôm", "sáng",
               "chiều", "tối",  "trưa",  "được", "cũng", "tuy",   "khi",   "nhằm", "đến"})) {
    return true;
  }
  return i + 1 < tokens.size() && (MatchesAnyPhrase(tokens, i,
                                                    {"nhân dịp", "phát biểu", "đồng chí", "dịp này",
                                                     "bên cạnh", "đặc biệt", "vừa qua"}));
}

// A caption glued to the next sentence ends in a lower-case word, a number or an acronym ("VN").
bool EndsCaption(const Token& token) {
  if (!token.is_word) return false;
  return !token.capitalised || (token.text.size() >= 2 && IsAllCaps(token.text));
}

bool StartsNewSentence(const Token& token) {
  if (token.capitalised || token.all_digits) return true;
  return token.text == "\"" || token.text == "(" || token.text == "-" || token.text == "'";
}

}  // namespace

Sentence SentenceOf(const std::vector<Token>& tokens, size_t first, size_t last, size_t line,
                    bool headline) {
  Sentence sentence{first, last, line, headline};
  for (size_t k = first; k < last; ++k) sentence.classes |= tokens[k].classes;
  return sentence;
}

bool IsAbbreviationStop(const std::vector<Token>& tokens, size_t i) {
  return i > 0 && i < tokens.size() && tokens[i].text == "." && IsAbbreviation(tokens[i - 1]) &&
         tokens[i - 1].end == tokens[i].begin;
}

std::vector<Sentence> SplitSentences(const std::vector<Token>& tokens, size_t from) {
  std::vector<Sentence> sentences;
  size_t start = from;
  size_t line = 0;
  size_t start_line = 0;
  size_t credit_words = 0;
  bool in_credit = false;
  bool credit_caps = true;
  const auto close = [&](size_t end) {
    if (end > start) sentences.push_back(SentenceOf(tokens, start, end, start_line, false));
    start = end;
    start_line = line;
    in_credit = false;
  };
  for (size_t i = from; i < tokens.size(); ++i) {
    if (i > from && tokens[i].newline_before) {
      close(i);
      ++line;
      start_line = line;
    }
    const Token& token = tokens[i];
    if (in_credit) {
      // A credit is a name or two, perhaps with an agency ("Trọng Đức/TTXVN", "THÚY BÌNH").
      if (!token.is_word) {
        if (token.text != "-" && token.text != "/") {
          close(i + (token.text == ")" || token.text == "." ? 1 : 0));
        }
        continue;
      }
      const bool caps_so_far = credit_caps && credit_words > 0;
      const bool opens =
          credit_words > 0 && (IsSentenceOpener(tokens, i) || ParseCount(tokens, i) ||
                               (caps_so_far && !IsAllCaps(token.text)));
      if (opens || !token.capitalised) {
        close(i);
        continue;
      }
      ++credit_words;
      credit_caps = credit_caps && IsAllCaps(token.text);
      if (token.text.find('/') != std::string_view::npos ||
          token.lower.find("ttxvn") != std::string_view::npos || credit_words >= kMaxCreditWords) {
        close(i + 1);
      }
      continue;
    }
    if ((token.classes & kPhotoCredit) && i + 1 < tokens.size() && tokens[i + 1].text == ":") {
      in_credit = true;
      credit_words = 0;
      credit_caps = true;
      ++i;
      continue;
    }
    if (!token.is_word && (token.text == "." || token.text == "!" || token.text == "?")) {
      size_t end = i + 1;
      while (end < tokens.size() && !tokens[end].is_word &&
             (tokens[end].text == "." || tokens[end].text == "\"" || tokens[end].text == "'" ||
              tokens[end].text == "/" || tokens[end].text == ")" || tokens[end].text == "!" ||
              tokens[end].text == "?")) {
        ++end;
      }
      const bool abbreviation = token.text == "." && i > start && IsAbbreviation(tokens[i - 1]) &&
                                tokens[i - 1].end == token.begin &&
                                !(end < tokens.size() && IsSentenceOpener(tokens, end));
      if (!abbreviation && (end >= tokens.size() || StartsNewSentence(tokens[end]))) {
        close(end);
        i = end - 1;
      }
      continue;
    }
    // A caption glued to the next sentence: "... lễ kỷ niệm Ông Trần Văn Vinh ...", "... Lê Văn
    // Tùng Theo danh sách ...".
    const bool opener =
        token.capitalised && (token.classes & kSentenceOpener) && IsSentenceOpener(tokens, i);
    if (i > start + 2 && opener &&
        (EndsCaption(tokens[i - 1]) ||
         (tokens[i - 1].is_word && i + 1 < tokens.size() && tokens[i + 1].is_word &&
          !tokens[i + 1].capitalised && !IsOneOf(tokens[i], {"đồng", "bà", "ông"})))) {
      close(i);
    }
  }
  close(tokens.size());
  return sentences;
}

}  // namespace laurel::parser

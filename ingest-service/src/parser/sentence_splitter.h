#pragma once

#include <cstddef>
#include <cstdint>
#include <vector>

#include "ingest-service/src/parser/tokenizer.h"

// Splits tokenised article text into sentences. News text runs captions, photo credits and
// sub-heads into the next sentence without punctuation ("... đại biểu. Ảnh: Trọng Đức/TTXVN Tham dự
// ..."), so besides full stops and line breaks the splitter ends a sentence after a photo credit
// and before a word that only ever starts a sentence when it follows a lower-case word.
namespace laurel::parser {

struct Sentence {
  size_t first_token = 0;  // [first_token, last_token) in the token vector
  size_t last_token = 0;
  size_t line = 0;        // index of the text line it starts on
  bool headline = false;  // the article's title, read apart from the body
  uint32_t classes = 0;   // the WordClass bits of its words together: what a scan may find there
};

// The sentence of tokens[first, last), with its words' classes.
Sentence SentenceOf(const std::vector<Token>& tokens, size_t first, size_t last, size_t line,
                    bool headline);

// Whether tokens[i] is the full stop of an abbreviation written with one ("TP. Hà Nội", "PGS.
// Lê Văn A"): no end of a sentence nor of a name.
bool IsAbbreviationStop(const std::vector<Token>& tokens, size_t i);

// The sentences of tokens[from, size()), indexed into `tokens`.
std::vector<Sentence> SplitSentences(const std::vector<Token>& tokens, size_t from = 0);

}  // namespace laurel::parser

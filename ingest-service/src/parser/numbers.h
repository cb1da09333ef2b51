#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>
#include <vector>

#include "ingest-service/src/parser/tokenizer.h"

// Counts as articles write them: digits with '.' thousands separators ("1.355") or Vietnamese
// number words ("hai", "mười lăm", "một trăm hai mươi", "hai mươi mốt").
namespace laurel::parser {

struct ParsedNumber {
  int64_t value = 0;
  size_t tokens = 0;  // how many tokens it spans
};

// The count starting at tokens[i], if any. Decimal numbers ("1,5") and dates ("5/6") are not
// counts.
std::optional<ParsedNumber> ParseCount(const std::vector<Token>& tokens, size_t i);

// True for words that make the next number approximate: "hơn", "gần", "khoảng", "trên", "hàng"...
bool IsApproximator(const Token& token);

}  // namespace laurel::parser

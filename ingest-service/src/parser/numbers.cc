#include "ingest-service/src/parser/numbers.h"

#include <string_view>

namespace laurel::parser {
namespace {

constexpr size_t kMaxNumberWords = 12;
constexpr int64_t kMaxCount = 100'000'000;
constexpr int64_t kFirstYear = 1900;  // the years news of commendation writes
constexpr int64_t kLastYear = 2100;

int UnitValue(std::string_view word) {
  if (word == "một" || word == "mốt") return 1;
  if (word == "hai") return 2;
  if (word == "ba") return 3;
  if (word == "bốn" || word == "tư") return 4;
  if (word == "năm" || word == "lăm") return 5;
  if (word == "sáu") return 6;
  if (word == "bảy" || word == "bẩy") return 7;
  if (word == "tám") return 8;
  if (word == "chín") return 9;
  return -1;
}

std::optional<ParsedNumber> ParseDigits(const Token& token) {
  // "1.355" and "190.000" group thousands; "1,5" or "5/6" are not counts.
  int64_t value = 0;
  size_t group = 0;
  bool grouped = false;
  for (char ch : token.lower) {
    if (ch >= '0' && ch <= '9') {
      value = value * 10 + (ch - '0');
      ++group;
      if (value > kMaxCount) return std::nullopt;
    } else if (ch == '.') {
      if (group == 0 || (grouped && group != 3)) return std::nullopt;
      grouped = true;
      group = 0;
    } else {
      return std::nullopt;
    }
  }
  if (grouped && group != 3) return std::nullopt;
  return ParsedNumber{value, 1};
}

bool IsYearAt(const std::vector<Token>& tokens, size_t i) {
  if (i >= tokens.size() || !tokens[i].all_digits || tokens[i].lower.size() != 4) return false;
  const std::optional<ParsedNumber> number = ParseDigits(tokens[i]);
  return number && number->value >= kFirstYear && number->value <= kLastYear;
}

}  // namespace

std::optional<ParsedNumber> ParseCount(const std::vector<Token>& tokens, size_t i) {
  if (i >= tokens.size() || !tokens[i].is_word) return std::nullopt;
  // "Năm 2020 đơn vị được tặng ...": a year after "năm" counts nothing, nor is that "năm" five.
  if (IsYearAt(tokens, i + 1) && tokens[i].lower == "năm") return std::nullopt;
  if (tokens[i].all_digits) {
    if (i > 0 && tokens[i - 1].lower == "năm" && IsYearAt(tokens, i)) return std::nullopt;
    return ParseDigits(tokens[i]);
  }
  int64_t total = 0;
  int64_t current = 0;
  int pending = -1;  // a unit word not yet placed
  size_t used = 0;
  for (size_t k = i; k < tokens.size() && used < kMaxNumberWords; ++k, ++used) {
    const std::string_view word = tokens[k].lower;
    const int unit = UnitValue(word);
    if (unit >= 0) {
      if (pending >= 0) break;
      pending = unit;
    } else if (word == "mười") {
      if (pending >= 0) break;
      current += 10;
    } else if (word == "mươi") {
      if (pending < 0) break;
      current += pending * 10;
      pending = -1;
    } else if (word == "trăm") {
      current += (pending < 0 ? 1 : pending) * 100;
      pending = -1;
    } else if ((word == "linh" || word == "lẻ") && current > 0 && pending < 0) {
      continue;
    } else if (word == "nghìn" || word == "ngàn" || word == "triệu") {
      const int64_t multiplier = word == "triệu" ? 1'000'000 : 1'000;
      const int64_t value = current + (pending < 0 ? 0 : pending);
      total += (value == 0 ? 1 : value) * multiplier;
      current = 0;
      pending = -1;
    } else {
      break;
    }
  }
  const int64_t value = total + current + (pending < 0 ? 0 : pending);
  if (used == 0 || value == 0) return std::nullopt;
  return ParsedNumber{value, used};
}

bool IsApproximator(const Token& token) {
  return IsOneOf(token, {"hơn", "gần", "khoảng", "trên", "hàng", "chừng", "ngót", "xấp", "tới",
                         "vài", "mấy", "nhiều", "hàng"});
}

}  // namespace laurel::parser

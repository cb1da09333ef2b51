#include "tests/fuzz/parse_arbitrary_bytes.h"

#include <cstdio>
#include <cstdlib>
#include <string_view>

#include "ingest-service/src/parser/parse_article.h"

namespace laurel::fuzz {
namespace {

void Require(bool promise, const char* what) {
  if (promise) return;
  std::fprintf(stderr, "parser broke its promise: %s\n", what);
  std::abort();
}

// Code points in `text`, which the parser accepted and so is well-formed UTF-8.
int64_t CodePoints(std::string_view text) {
  int64_t count = 0;
  for (const char c : text) count += (static_cast<unsigned char>(c) & 0xC0) != 0x80;
  return count;
}

void RequireDate(const parser::Date& date) {
  Require(date.month >= 0 && date.month <= 12, "month in 0..12");
  Require(date.day >= 0 && date.day <= 31, "day in 0..31");
}

void RequireSpan(const parser::Span& span, int64_t length) {
  Require(span.begin >= 0 && span.begin <= span.end && span.end <= length, "span inside the text");
}

}  // namespace

void ParseArbitraryBytes(const uint8_t* data, size_t size) {
  const std::string_view text(reinterpret_cast<const char*>(data), size);
  const auto parsed = parser::ParseArticle(text);
  if (!parsed.ok()) return;
  const int64_t length = CodePoints(text);
  for (const parser::Event& event : parsed->events) {
    RequireDate(event.date);
    RequireSpan(event.span, length);
    Require(event.confidence >= 0 && event.confidence <= 1, "event confidence in [0, 1]");
  }
  for (const parser::Award& award : parsed->awards) {
    Require(award.event_index >= -1 && award.event_index < static_cast<int>(parsed->events.size()),
            "award event_index names an event or is -1");
    Require(!award.count.has_value() || *award.count >= 0, "recipient count not negative");
    RequireSpan(award.span, length);
    Require(award.confidence >= 0 && award.confidence <= 1, "award confidence in [0, 1]");
  }
  // The identity fold runs on every accepted article too.
  parser::FoldForIdentity(text);
}

}  // namespace laurel::fuzz

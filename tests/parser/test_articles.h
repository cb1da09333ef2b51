#pragma once

#include <string>
#include <string_view>

#include "gtest/gtest.h"
#include "ingest-service/src/parser/parse_article.h"

// Helpers for the unit tests, which build small articles from sentences written for them.
namespace laurel::parser::testing {

// Parses `text`, failing the test (and returning an empty article) if the parser refuses it.
inline ParsedArticle MustParse(std::string_view text) {
  absl::StatusOr<ParsedArticle> parsed = ParseArticle(text);
  EXPECT_TRUE(parsed.ok()) << parsed.status();
  return parsed.ok() ? *std::move(parsed) : ParsedArticle{};
}

// Total recipients over all award records (null counts add nothing).
inline int64_t TotalRecipients(const ParsedArticle& article) {
  int64_t total = 0;
  for (const Award& award : article.awards) total += award.count.value_or(0);
  return total;
}

// The code points of `text` in [begin, end), as UTF-8: what a span points at.
std::string CodePointSlice(std::string_view text, int64_t begin, int64_t end);

}  // namespace laurel::parser::testing

#pragma once

#include <string>
#include <string_view>

#include "absl/status/statusor.h"
#include "ingest-service/src/parser/model.h"

namespace laurel::parser {

// Bumped whenever extraction rules change, so stored records can be re-parsed (ReparseArticles).
inline constexpr int kParserVersion = 3;

// Reads one article as published (date line, title, body, byline) into events and award records.
// INVALID_ARGUMENT when the text is empty, whitespace only, or not valid UTF-8.
absl::StatusOr<ParsedArticle> ParseArticle(std::string_view text);

// The article folded the way the parser compares text (NFC, one tone-mark placement, look-alikes,
// entities, quotes and white space unified), so that two submissions of the same article that
// differ only in encoding details fold to the same string. Used as the idempotency key when no url
// is given. Precondition: `text` is valid UTF-8.
std::string FoldForIdentity(std::string_view text);

}  // namespace laurel::parser

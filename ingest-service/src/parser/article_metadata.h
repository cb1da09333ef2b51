#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>

#include "ingest-service/src/parser/dates.h"
#include "ingest-service/src/parser/model.h"
#include "ingest-service/src/parser/text_normalizer.h"

// The frame around an article's body: dataset header lines ("# url = …", "# date = 20201002",
// "LINK:", "TITLE:", "TIME:"), the date line, the headline, the byline and trailing source links.
namespace laurel::parser {

struct ArticleMetadata {
  std::string title;   // as written in the original text (NFC, trimmed); empty when there is none
  std::string author;  // byline as written; empty when none
  std::optional<DateTime> published;
  // Byte ranges in the normalised text.
  size_t title_begin = 0;
  size_t title_end = 0;  // == title_begin when there is no title
  size_t body_begin = 0;
  size_t body_end = 0;  // excludes the byline and trailing links
};

ArticleMetadata ReadMetadata(std::string_view original, const NormalizedText& normalized);

}  // namespace laurel::parser

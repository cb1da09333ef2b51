#pragma once

#include <optional>
#include <string>
#include <vector>

#include "ingest-service/src/parser/model.h"
#include "nlohmann/json.hpp"

// Reading the gold corpus (shared/corpus: articles/NAME.txt with gold/NAME.json) and putting parser
// output in the gold's terms, for the scorer, the seed test and the dump tool.
namespace laurel::parser::testing {

// The corpus directory: $LAUREL_CORPUS_DIR, else the CMake cache value. Empty when it does not
// exist.
std::string CorpusDir();
// The province reference data (shared/data/provinces): $LAUREL_PROVINCES_DIR, else next to the
// corpus.
std::string ProvincesDir();

std::string ReadFile(const std::string& path);
// Names (without extension) of the gold files in `corpus_dir`/gold, sorted.
std::vector<std::string> GoldNames(const std::string& corpus_dir);

std::string AwardTypeName(AwardType type);
std::string EventKindName(EventKind kind);
std::string RecipientKindName(RecipientKind kind);
std::string IssuerLevelName(IssuerLevel level);
// "2020-06-05T01:06:00+07:00"
std::string FormatPublished(const PublishedAt& published);
// "2020-06-05", or "" when the date is not fully known.
std::string FormatDate(const Date& date);

// A parsed article in the gold JSON format (plus span, confidence and current_province).
nlohmann::json ToJson(const ParsedArticle& article);

// One line per record in the gold's terms, for tests that compare many at once:
// "CERTIFICATE_OF_MERIT | Bằng khen | UBND tỉnh Nghệ An | COLLECTIVE | 3" and
// "CONFERENCE | 2021-03-12 | Nghệ An | UBND tỉnh Nghệ An".
std::vector<std::string> AwardLines(const ParsedArticle& article);
std::vector<std::string> EventLines(const ParsedArticle& article);

// Text as the scorer compares it: NFC, one tone placement, look-alikes folded, lower case, one
// space.
std::string Comparable(const std::string& text);

}  // namespace laurel::parser::testing

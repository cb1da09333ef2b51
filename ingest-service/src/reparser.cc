#include "ingest-service/src/reparser.h"

#include <algorithm>
#include <string>

#include "absl/strings/escaping.h"
#include "absl/strings/match.h"
#include "absl/strings/numbers.h"
#include "absl/strings/str_cat.h"
#include "common/grpc_status.h"
#include "ingest-service/src/parsed_records.h"
#include "ingest-service/src/parser/parse_article.h"

namespace laurel::ingest {
namespace {

constexpr absl::string_view kTokenPrefix = "reparse-after:";

absl::StatusOr<int64_t> ReadToken(const std::string& token) {
  if (token.empty()) return 0;
  std::string decoded;
  int64_t after = 0;
  if (!absl::WebSafeBase64Unescape(token, &decoded) || !absl::StartsWith(decoded, kTokenPrefix) ||
      !absl::SimpleAtoi(decoded.substr(kTokenPrefix.size()), &after) || after <= 0) {
    return WithErrorDetails(
        absl::InvalidArgumentError("page_token is not a token this service issued"),
        "INVALID_PAGE_TOKEN", "page_token");
  }
  return after;
}

absl::StatusOr<UnstoredRecords> ParseStoredText(const std::string& text) {
  auto parsed = parser::ParseArticle(text);
  if (!parsed.ok()) return parsed.status();
  return ToUnstoredRecords(*parsed);
}

}  // namespace

absl::StatusOr<v1::ReparseArticlesResponse> Reparser::Reparse(
    const v1::ReparseArticlesRequest& request) const {
  if (request.max_articles() < 0) {
    return WithErrorDetails(absl::InvalidArgumentError("max_articles must not be negative"),
                            "INVALID_MAX_ARTICLES", "max_articles");
  }
  if (!request.page_token().empty() && !request.include_current_version()) {
    return WithErrorDetails(
        absl::InvalidArgumentError("page_token only pages with include_current_version"),
        "INVALID_PAGE_TOKEN", "page_token");
  }
  auto after = ReadToken(request.page_token());
  if (!after.ok()) return after.status();
  ReparseSelection selection;
  selection.parser_version = parser::kParserVersion;
  selection.limit = request.max_articles() == 0
                        ? kDefaultReparseBatch
                        : std::min(request.max_articles(), kMaxReparseBatch);
  selection.every_version = request.include_current_version();
  selection.after_id = *after;
  auto outcome = repository_.Reparse(selection, ParseStoredText);
  if (!outcome.ok()) return outcome.status();

  v1::ReparseArticlesResponse response;
  response.set_reparsed_articles(outcome->reparsed);
  response.set_changed_articles(outcome->changed);
  response.set_remaining_articles(outcome->remaining);
  response.set_parser_version(parser::kParserVersion);
  if (selection.every_version && outcome->remaining > 0) {
    response.set_next_page_token(
        absl::WebSafeBase64Escape(absl::StrCat(kTokenPrefix, outcome->last_id)));
  }
  return response;
}

}  // namespace laurel::ingest

#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "ingest-service/src/parser/model.h"
#include "ingest-service/src/parser/tokenizer.h"

// Who receives an award, read from a recipient phrase: "21 tập thể và 90 cá nhân có thành tích
// ...", "ông Đinh Sỹ Đại, ... và bà Trần Thị Chi Lan", "NXB Kim Đồng", "Lê Văn Tùng và 8 người".
namespace laurel::parser {

struct RecipientGroup {
  RecipientKind kind = RecipientKind::kUnspecified;
  std::optional<int64_t> count;  // absent for "các tập thể", "nhiều cá nhân", "hơn 1.000 gương"
  std::vector<std::string> names;
  std::string noun;  // the recipient noun as written in lower case ("tập thể", "gia đình"), if any
  std::string qualifier;  // an uncounted group's first describing words ("tài trợ"), lower case
  size_t first = 0;       // token range
  size_t last = 0;
};

// The groups named in tokens[begin, end). A counted group ("90 cá nhân") starts a record; names
// after it are its members; uncounted nouns ("các tập thể, cá nhân") are groups of their own.
// `introduced` says the phrase is a clause's subject or follows "cho"/"tặng" (which the parser also
// sees for itself): right after an award's name, a bare noun belongs to the name ("bằng khen lao
// động ưu tú").
std::vector<RecipientGroup> ParseRecipients(const std::vector<Token>& tokens, size_t begin,
                                            size_t end, bool introduced = true);

// Folds the named members of a list into the groups it details: into the group of their kind
// named already ("Báo Thanh Niên" and the bodies listed after it), else into the first uncounted
// group of their kind; the other uncounted groups of that kind are the same members.
void AbsorbMembers(const std::vector<RecipientGroup>& members, std::vector<RecipientGroup>& groups);

// Reads a person's name after an honorific or a family name; returns the token after it, or `i`
// when there is none.
size_t ReadPersonName(const std::vector<Token>& tokens, size_t i, size_t end, std::string& name);

// Reads an organisation's name starting at its head word ("Bệnh viện Nhi Trung ương"); returns the
// token after it, or `i` when there is none.
size_t ReadOrganisationName(const std::vector<Token>& tokens, size_t i, size_t end,
                            std::string& name);

// Joins tokens[first, last) back into text with single spaces, dropping spaces before punctuation.
std::string JoinTokens(const std::vector<Token>& tokens, size_t first, size_t last);

}  // namespace laurel::parser

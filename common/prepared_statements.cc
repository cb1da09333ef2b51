#include "common/prepared_statements.h"

#include <cstdint>

#include "absl/strings/ascii.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_split.h"

namespace laurel {

std::string PreparedStatementName(absl::string_view prefix, absl::string_view sql) {
  // FNV-1a.
  uint64_t hash = 1469598103934665603ULL;
  for (const unsigned char byte : sql) {
    hash ^= byte;
    hash *= 1099511628211ULL;
  }
  return absl::StrCat(prefix, "_", absl::Hex(hash));
}

std::vector<std::string> SplitStatements(absl::string_view script) {
  std::vector<std::string> statements;
  for (absl::string_view statement : absl::StrSplit(script, ";\n")) {
    statement = absl::StripAsciiWhitespace(statement);
    if (!statement.empty()) statements.emplace_back(statement);
  }
  return statements;
}

}  // namespace laurel

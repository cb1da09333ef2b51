#include "tests/support/source_tree.h"

#include <fstream>
#include <sstream>

#include "absl/strings/str_cat.h"

namespace laurel::testing {

std::string SourcePath(absl::string_view relative) {
  return absl::StrCat(LAUREL_SOURCE_DIR, "/", relative);
}

absl::StatusOr<std::string> ReadFile(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return absl::NotFoundError(absl::StrCat("cannot read ", path));
  std::stringstream text;
  text << in.rdbuf();
  return text.str();
}

}  // namespace laurel::testing

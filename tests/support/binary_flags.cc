#include "tests/support/binary_flags.h"

#include <regex>

#include "absl/strings/ascii.h"
#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_replace.h"
#include "absl/strings/str_split.h"
#include "absl/strings/strip.h"
#include "tests/support/buf_curl.h"

namespace laurel::testing {

absl::StatusOr<std::map<std::string, BinaryFlag>> LaurelFlagsOf(const std::string& binary) {
  const CommandResult help = RunCommand(absl::StrCat(binary, " --helpfull"));
  if (help.exit_code != 0 && help.exit_code != 1) {
    return absl::InternalError(absl::StrCat(binary, " --helpfull failed: ", help.output));
  }
  // Help texts wrap over lines; one line per file section makes the pattern simple.
  const std::string text = absl::StrReplaceAll(help.output, {{"\n      ", " "}});
  static const std::regex kSection(R"(Flags from \.?/?(\S+):)");
  static const std::regex kFlag(R"(--([a-z0-9_]+) \(.*?\);\s*default: (.*?);)");
  std::map<std::string, BinaryFlag> flags;
  std::string file;
  for (absl::string_view line : absl::StrSplit(text, '\n')) {
    const std::string owned(line);
    std::smatch match;
    if (std::regex_search(owned, match, kSection)) {
      file = match[1];
      continue;
    }
    if (!std::regex_search(owned, match, kFlag)) continue;
    if (absl::StrContains(file, "absl/")) continue;
    // Paths are printed relative to / (work/checkout/common/x.cc); keep the part from the tree's
    // own top-level directory on.
    std::string relative = file;
    for (const char* top : {"common/", "ingest-service/", "query-service/", "tools/"}) {
      if (const size_t at = file.find(top); at != std::string::npos) {
        relative = file.substr(at);
        break;
      }
    }
    std::string value = match[2];
    flags[match[1]] =
        BinaryFlag{std::string(absl::StripSuffix(absl::StripPrefix(value, "\""), "\"")), relative};
  }
  if (flags.empty()) return absl::InternalError(absl::StrCat("no flags in: ", help.output));
  return flags;
}

std::string FlagEnvironmentVariable(const std::string& name) {
  return absl::AsciiStrToUpper(absl::StrCat("LAUREL_", name));
}

}  // namespace laurel::testing

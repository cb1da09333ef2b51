#include "common/env_flags.h"

#include <cstdio>
#include <cstdlib>
#include <string>

#include "absl/flags/parse.h"
#include "absl/flags/reflection.h"
#include "absl/flags/usage.h"
#include "absl/flags/usage_config.h"
#include "absl/strings/ascii.h"
#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"

namespace laurel {

std::vector<char*> ParseFlagsWithEnvironment(int argc, char** argv, const char* usage) {
  absl::SetProgramUsageMessage(usage);
  // --help lists our own flags, wherever they are defined (the program's file, common/), and leaves
  // Abseil's flag-parsing flags to --helpfull. By default it would list only flags defined in a
  // file named like the program, which our hyphenated binary names never match.
  absl::FlagsUsageConfig help;
  help.contains_help_flags = [](absl::string_view file) {
    return !absl::StrContains(file, "absl/");
  };
  help.contains_helpshort_flags = help.contains_help_flags;
  absl::SetFlagsUsageConfig(help);
  // Environment values become the flags' values before the command line is read, so argv overrides
  // them.
  for (const auto& [name, flag] : absl::GetAllFlags()) {
    const std::string variable = absl::AsciiStrToUpper(absl::StrCat("LAUREL_", name));
    const char* value = std::getenv(variable.c_str());
    if (value == nullptr) continue;
    std::string error;
    if (!flag->ParseFrom(value, &error)) {
      std::fprintf(stderr, "invalid %s=%s: %s\n", variable.c_str(), value, error.c_str());
      std::exit(2);
    }
  }
  return absl::ParseCommandLine(argc, argv);
}

}  // namespace laurel

#pragma once

#include <map>
#include <string>

#include "absl/status/statusor.h"

namespace laurel::testing {

// One flag a binary defines, as its --helpfull describes it.
struct BinaryFlag {
  std::string default_value;  // without quotes: 0.0.0.0:50051, 5s, info
  std::string source_file;    // where it is defined, e.g. common/database_flags.cc
};

// The flags `binary` defines in Laurel's own sources (Abseil's --flagfile and friends left out),
// by name, read from `binary --helpfull`: the truth that documentation and manifests are checked
// against.
absl::StatusOr<std::map<std::string, BinaryFlag>> LaurelFlagsOf(const std::string& binary);

// The environment variable that sets flag `name`: LAUREL_ and the name in upper case.
std::string FlagEnvironmentVariable(const std::string& name);

}  // namespace laurel::testing

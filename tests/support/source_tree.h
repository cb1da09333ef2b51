#pragma once

#include <string>

#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"

namespace laurel::testing {

// The path of `relative` in the checkout the tests were built from ("deploy/k8s", "README.md").
std::string SourcePath(absl::string_view relative);

// The whole of a file; NOT_FOUND when it cannot be read.
absl::StatusOr<std::string> ReadFile(const std::string& path);

}  // namespace laurel::testing

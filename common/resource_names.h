#pragma once

#include <cstdint>
#include <string>

#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"

// Resource names (AIP-122): "articles/{id}", "events/{id}", "awards/{id}".
namespace laurel {

inline constexpr absl::string_view kArticles = "articles";
inline constexpr absl::string_view kEvents = "events";
inline constexpr absl::string_view kAwards = "awards";

std::string ResourceName(absl::string_view collection, int64_t id);

// The id in `name`; INVALID_ARGUMENT (naming `field`) unless it is "{collection}/{positive id}".
absl::StatusOr<int64_t> ParseResourceName(absl::string_view collection, absl::string_view name,
                                          absl::string_view field);

}  // namespace laurel

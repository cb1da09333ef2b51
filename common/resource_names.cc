#include "common/resource_names.h"

#include "absl/strings/numbers.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/strip.h"
#include "common/grpc_status.h"

namespace laurel {

std::string ResourceName(absl::string_view collection, int64_t id) {
  return absl::StrCat(collection, "/", id);
}

absl::StatusOr<int64_t> ParseResourceName(absl::string_view collection, absl::string_view name,
                                          absl::string_view field) {
  absl::string_view id_text = name;
  int64_t id = 0;
  if (!absl::ConsumePrefix(&id_text, absl::StrCat(collection, "/")) ||
      !absl::SimpleAtoi(id_text, &id) || id <= 0) {
    return WithErrorDetails(
        absl::InvalidArgumentError(
            absl::StrCat(field, " must look like \"", collection, "/123\"; got \"", name, "\"")),
        "INVALID_RESOURCE_NAME", field);
  }
  return id;
}

}  // namespace laurel

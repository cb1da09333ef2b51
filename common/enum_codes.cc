#include "common/enum_codes.h"

namespace laurel::internal {

std::string EnumPrefix(const google::protobuf::EnumDescriptor& descriptor) {
  constexpr absl::string_view kUnspecified = "UNSPECIFIED";
  const std::string& zero_name = descriptor.value(0)->name();
  return zero_name.substr(0, zero_name.size() - kUnspecified.size());
}

}  // namespace laurel::internal

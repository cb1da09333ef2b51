#pragma once

#include <string>

#include "absl/strings/string_view.h"
#include "google/protobuf/descriptor.h"
#include "google/protobuf/generated_enum_reflection.h"

// The database stores enum values as the annotation guide writes them: the protobuf value name
// without the enum's prefix (AWARD_TYPE_CERTIFICATE_OF_MERIT ↔ 'CERTIFICATE_OF_MERIT'), so ad-hoc
// SQL reads naturally.
namespace laurel {

namespace internal {
// "AWARD_TYPE_" for AwardType: every Laurel enum's zero value is PREFIX_UNSPECIFIED.
std::string EnumPrefix(const google::protobuf::EnumDescriptor& descriptor);
}  // namespace internal

template <typename Enum>
std::string EnumCode(Enum value) {
  const auto* descriptor = google::protobuf::GetEnumDescriptor<Enum>();
  const auto* value_descriptor = descriptor->FindValueByNumber(static_cast<int>(value));
  if (value_descriptor == nullptr) return "UNSPECIFIED";
  return value_descriptor->name().substr(internal::EnumPrefix(*descriptor).size());
}

// The enum value stored as `code`; the zero (UNSPECIFIED) value for a code this binary does not
// know.
template <typename Enum>
Enum EnumFromCode(absl::string_view code) {
  const auto* descriptor = google::protobuf::GetEnumDescriptor<Enum>();
  const auto* value_descriptor =
      descriptor->FindValueByName(internal::EnumPrefix(*descriptor) + std::string(code));
  return static_cast<Enum>(value_descriptor == nullptr ? 0 : value_descriptor->number());
}

}  // namespace laurel

#include "common/grpc_status.h"

#include <string>

#include "google/rpc/error_details.pb.h"

namespace laurel {
namespace {

constexpr char kErrorInfoType[] = "type.googleapis.com/google.rpc.ErrorInfo";
constexpr char kBadRequestType[] = "type.googleapis.com/google.rpc.BadRequest";

}  // namespace

absl::Status WithErrorDetails(absl::Status status, absl::string_view reason,
                              absl::string_view field) {
  google::rpc::ErrorInfo info;
  info.set_reason(std::string(reason));
  status.SetPayload(kErrorInfoType, absl::Cord(info.SerializeAsString()));
  if (!field.empty()) {
    google::rpc::BadRequest bad_request;
    auto* violation = bad_request.add_field_violations();
    violation->set_field(std::string(field));
    violation->set_description(std::string(status.message()));
    status.SetPayload(kBadRequestType, absl::Cord(bad_request.SerializeAsString()));
  }
  return status;
}

std::string ErrorReason(const absl::Status& status) {
  const auto payload = status.GetPayload(kErrorInfoType);
  google::rpc::ErrorInfo info;
  if (!payload.has_value() || !info.ParseFromString(std::string(*payload))) return "";
  return info.reason();
}

std::string ErrorReason(const google::rpc::Status& status) {
  for (const auto& detail : status.details()) {
    google::rpc::ErrorInfo info;
    if (detail.type_url() == kErrorInfoType && info.ParseFromString(detail.value())) {
      return info.reason();
    }
  }
  return "";
}

google::rpc::Status ToRpcStatus(const absl::Status& status, absl::string_view domain) {
  google::rpc::Status details;
  details.set_code(static_cast<int>(status.code()));
  details.set_message(std::string(status.message()));
  status.ForEachPayload([&](absl::string_view type_url, const absl::Cord& payload) {
    auto* any = details.add_details();
    any->set_type_url(std::string(type_url));
    any->set_value(std::string(payload));
    if (type_url == kErrorInfoType) {
      google::rpc::ErrorInfo info;
      if (info.ParseFromString(std::string(payload))) {
        info.set_domain(std::string(domain));
        any->set_value(info.SerializeAsString());
      }
    }
  });
  return details;
}

grpc::Status ToGrpcStatus(const absl::Status& status, absl::string_view domain) {
  if (status.ok()) return grpc::Status::OK;
  // absl::StatusCode and grpc::StatusCode share the canonical google.rpc.Code numbering.
  return grpc::Status(static_cast<grpc::StatusCode>(status.code()), std::string(status.message()),
                      ToRpcStatus(status, domain).SerializeAsString());
}

}  // namespace laurel

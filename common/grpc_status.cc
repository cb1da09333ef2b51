#include "common/grpc_status.h"

#include <string>

#include "absl/strings/str_cat.h"
#include "google/rpc/error_details.pb.h"

namespace laurel {
namespace {

constexpr char kErrorInfoType[] = "type.googleapis.com/google.rpc.ErrorInfo";
constexpr char kBadRequestType[] = "type.googleapis.com/google.rpc.BadRequest";

// Messages often quote the request; a status travels in trailers, which clients cap (8 KiB by
// default in gRPC), and the message goes out twice (grpc-message, and in the details as message and
// field description). Past this many bytes a message is cut, so a huge bad field still gets its
// answer.
constexpr size_t kMaxMessageBytes = 1024;

// `text` cut to at most kMaxMessageBytes at a UTF-8 character boundary, marked with "…" when cut.
std::string Clipped(absl::string_view text) {
  if (text.size() <= kMaxMessageBytes) return std::string(text);
  size_t end = kMaxMessageBytes - 3;
  while (end > 0 && (static_cast<unsigned char>(text[end]) & 0xC0) == 0x80) --end;
  return absl::StrCat(text.substr(0, end), "…");
}

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
    violation->set_description(Clipped(status.message()));
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
  const std::string message = Clipped(status.message());
  google::rpc::Status details;
  details.set_code(static_cast<int>(status.code()));
  details.set_message(message);
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
  google::rpc::Status details = ToRpcStatus(status, domain);
  return grpc::Status(static_cast<grpc::StatusCode>(status.code()), details.message(),
                      details.SerializeAsString());
}

}  // namespace laurel

#include "tests/support/error_reason.h"

#include "google/rpc/error_details.pb.h"
#include "google/rpc/status.pb.h"

namespace laurel::testing {

std::string ErrorReason(const grpc::Status& status) {
  google::rpc::Status details;
  if (!details.ParseFromString(status.error_details())) return "";
  for (const auto& any : details.details()) {
    google::rpc::ErrorInfo info;
    if (any.type_url() == "type.googleapis.com/google.rpc.ErrorInfo" &&
        info.ParseFromString(any.value())) {
      return info.reason();
    }
  }
  return "";
}

}  // namespace laurel::testing

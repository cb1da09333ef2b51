#include "tests/support/error_reason.h"

#include "common/grpc_status.h"
#include "google/rpc/status.pb.h"

namespace laurel::testing {

std::string ErrorReason(const grpc::Status& status) {
  google::rpc::Status details;
  if (!details.ParseFromString(status.error_details())) return "";
  return laurel::ErrorReason(details);
}

}  // namespace laurel::testing

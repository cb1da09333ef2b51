#pragma once

#include <string>

#include "grpcpp/support/status.h"

namespace laurel::testing {

// The google.rpc.ErrorInfo reason a failed call carries in its details, or "" when it carries none.
std::string ErrorReason(const grpc::Status& status);

}  // namespace laurel::testing

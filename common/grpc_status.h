#pragma once

#include "absl/status/status.h"
#include "absl/strings/string_view.h"
#include "google/rpc/status.pb.h"
#include "grpcpp/support/status.h"

// Errors cross the gRPC edge in one place. Inside, code returns absl::Status and may attach the
// reason a program can branch on (google.rpc.ErrorInfo) and the request field at fault
// (google.rpc.BadRequest); ToGrpcStatus turns both into the standard grpc-status-details-bin
// trailer.
namespace laurel {

// `status` with an ErrorInfo reason (UPPER_SNAKE_CASE) and, when `field` is not empty, a BadRequest
// field violation naming the request field and repeating the status message as its description.
absl::Status WithErrorDetails(absl::Status status, absl::string_view reason,
                              absl::string_view field = {});

// The UPPER_SNAKE_CASE reason attached by WithErrorDetails, or "" when there is none.
std::string ErrorReason(const absl::Status& status);
// The ErrorInfo reason among the details of `status` as it crossed the wire, or "".
std::string ErrorReason(const google::rpc::Status& status);

// `status` as google.rpc.Status with ErrorInfo.domain = `domain`: how an error travels inside a
// response, e.g. the outcome of one article of a stream.
google::rpc::Status ToRpcStatus(const absl::Status& status, absl::string_view domain);

// The gRPC status for `status`, its code mapped one to one and its details carried as
// google.rpc.Status with ErrorInfo.domain = `domain`.
grpc::Status ToGrpcStatus(const absl::Status& status, absl::string_view domain);

}  // namespace laurel

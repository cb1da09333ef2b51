#include "common/grpc_status.h"

#include "google/rpc/error_details.pb.h"
#include "google/rpc/status.pb.h"
#include "gtest/gtest.h"

namespace laurel {
namespace {

TEST(GrpcStatus, CarriesReasonAndFieldAsStandardDetails) {
  const absl::Status status =
      WithErrorDetails(absl::InvalidArgumentError("text is empty"), "EMPTY_TEXT", "text");
  EXPECT_EQ(ErrorReason(status), "EMPTY_TEXT");

  const grpc::Status edge = ToGrpcStatus(status, "ingest.laurel.v1");
  EXPECT_EQ(edge.error_code(), grpc::StatusCode::INVALID_ARGUMENT);
  EXPECT_EQ(edge.error_message(), "text is empty");

  google::rpc::Status details;
  ASSERT_TRUE(details.ParseFromString(edge.error_details()));
  EXPECT_EQ(details.code(), static_cast<int>(grpc::StatusCode::INVALID_ARGUMENT));
  bool saw_info = false, saw_bad_request = false;
  for (const auto& any : details.details()) {
    google::rpc::ErrorInfo info;
    google::rpc::BadRequest bad_request;
    if (any.type_url() == "type.googleapis.com/google.rpc.ErrorInfo") {
      ASSERT_TRUE(info.ParseFromString(any.value()));
      EXPECT_EQ(info.reason(), "EMPTY_TEXT");
      EXPECT_EQ(info.domain(), "ingest.laurel.v1");
      saw_info = true;
    } else if (any.type_url() == "type.googleapis.com/google.rpc.BadRequest") {
      ASSERT_TRUE(bad_request.ParseFromString(any.value()));
      ASSERT_EQ(bad_request.field_violations_size(), 1);
      EXPECT_EQ(bad_request.field_violations(0).field(), "text");
      saw_bad_request = true;
    }
  }
  EXPECT_TRUE(saw_info);
  EXPECT_TRUE(saw_bad_request);
}

TEST(GrpcStatus, MapsCodesOneToOne) {
  EXPECT_EQ(ToGrpcStatus(absl::UnavailableError("down"), "d").error_code(),
            grpc::StatusCode::UNAVAILABLE);
  EXPECT_EQ(ToGrpcStatus(absl::NotFoundError("gone"), "d").error_code(),
            grpc::StatusCode::NOT_FOUND);
  EXPECT_TRUE(ToGrpcStatus(absl::OkStatus(), "d").ok());
}

TEST(GrpcStatus, HugeMessagesAreCutToFitInTrailers) {
  // A message quoting a 1 MB request field, cut inside a two-byte character.
  const std::string quoted = "x" + std::string(1 << 20, '\xc3');
  const grpc::Status edge =
      ToGrpcStatus(WithErrorDetails(absl::InvalidArgumentError(quoted), "TOO_BIG", "name"), "d");
  EXPECT_LE(edge.error_message().size(), 1024u);
  EXPECT_EQ(edge.error_message().substr(edge.error_message().size() - 3), "…");
  EXPECT_LT(edge.error_details().size(), 4096u);
}

}  // namespace
}  // namespace laurel

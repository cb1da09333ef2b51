#include "ingest-service/src/request_validation.h"

#include "common/grpc_status.h"
#include "gtest/gtest.h"

namespace laurel::ingest {
namespace {

v1::IngestArticleRequest WithText(std::string text) {
  v1::IngestArticleRequest request;
  request.set_text(std::move(text));
  return request;
}

TEST(RequestValidation, AcceptsAnArticle) {
  EXPECT_TRUE(
      ValidateIngestRequest(WithText("Sáng 5-6, UBND tỉnh trao bằng khen."), RequestLimits{}).ok());
}

TEST(RequestValidation, RejectsEmptyAndWhitespaceText) {
  for (const char* text : {"", "   ", "\n\t \r\n", "\u00a0\u00a0", " \u200b \ufeff"}) {
    const absl::Status status = ValidateIngestRequest(WithText(text), RequestLimits{});
    EXPECT_TRUE(absl::IsInvalidArgument(status)) << "\"" << text << "\"";
    EXPECT_EQ(ErrorReason(status), "EMPTY_TEXT");
  }
}

TEST(RequestValidation, RejectsMalformedUtf8) {
  for (const char* text :
       {"abc\xff", "\xc3", "\xc0\xaf", "\xed\xa0\x80", "\xf4\x90\x80\x80", "Kh\xc3nh H\xc3\xb2a"}) {
    const absl::Status status = ValidateIngestRequest(WithText(text), RequestLimits{});
    EXPECT_TRUE(absl::IsInvalidArgument(status));
    EXPECT_EQ(ErrorReason(status), "INVALID_UTF8");
    EXPECT_NE(status.message().find("UTF-8"), absl::string_view::npos);
  }
}

TEST(RequestValidation, RejectsNulBytes) {
  const absl::Status status =
      ValidateIngestRequest(WithText(std::string("trao\0tặng", 11)), RequestLimits{});
  EXPECT_EQ(ErrorReason(status), "NUL_BYTE");
}

TEST(RequestValidation, RejectsOversizedText) {
  RequestLimits limits;
  limits.max_text_bytes = 10;
  const absl::Status status = ValidateIngestRequest(WithText(std::string(11, 'a')), limits);
  EXPECT_EQ(ErrorReason(status), "FIELD_TOO_LONG");
}

TEST(RequestValidation, ChecksOptionalFieldsToo) {
  v1::IngestArticleRequest request = WithText("bằng khen");
  request.set_url("https://example.vn/\xff");
  EXPECT_EQ(ErrorReason(ValidateIngestRequest(request, RequestLimits{})), "INVALID_UTF8");
  request.set_url("");
  request.set_request_id(std::string(200, 'x'));
  EXPECT_EQ(ErrorReason(ValidateIngestRequest(request, RequestLimits{})), "FIELD_TOO_LONG");
}

}  // namespace
}  // namespace laurel::ingest

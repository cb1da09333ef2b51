#include "query-service/src/paging.h"

#include <vector>

#include "absl/strings/escaping.h"
#include "absl/strings/numbers.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_split.h"
#include "common/grpc_status.h"
#include "google/protobuf/io/coded_stream.h"
#include "google/protobuf/io/zero_copy_stream_impl_lite.h"

namespace laurel::query {
namespace {

// FNV-1a over the filter's deterministic encoding: stable across processes and versions of this
// server.
uint64_t FilterFingerprint(const v1::RecordFilter& filter) {
  std::string bytes;
  {
    google::protobuf::io::StringOutputStream stream(&bytes);
    google::protobuf::io::CodedOutputStream coded(&stream);
    coded.SetSerializationDeterministic(true);
    filter.SerializeToCodedStream(&coded);
  }
  uint64_t hash = 1469598103934665603ULL;
  for (const unsigned char byte : bytes) {
    hash ^= byte;
    hash *= 1099511628211ULL;
  }
  return hash;
}

absl::Status InvalidToken(std::string message) {
  return WithErrorDetails(absl::InvalidArgumentError(std::move(message)), "INVALID_PAGE_TOKEN",
                          "page_token");
}

}  // namespace

absl::StatusOr<PageRequest> ReadPageRequest(int32_t page_size, const std::string& page_token,
                                            const v1::RecordFilter& filter) {
  if (page_size < 0) {
    return WithErrorDetails(absl::InvalidArgumentError("page_size must not be negative"),
                            "INVALID_PAGE_SIZE", "page_size");
  }
  PageRequest page;
  page.size = page_size == 0 ? kDefaultPageSize : std::min(page_size, kMaxPageSize);
  if (page_token.empty()) return page;

  std::string decoded;
  std::vector<std::string> parts;
  if (absl::WebSafeBase64Unescape(page_token, &decoded)) parts = absl::StrSplit(decoded, '.');
  uint64_t fingerprint = 0;
  if (parts.size() != 2 || !absl::SimpleAtoi(parts[0], &page.after_id) || page.after_id <= 0 ||
      !absl::SimpleHexAtoi(parts[1], &fingerprint)) {
    return InvalidToken("page_token is not a token this service issued");
  }
  if (fingerprint != FilterFingerprint(filter)) {
    return InvalidToken("page_token was issued for a different filter; start again without it");
  }
  return page;
}

std::string NextPageToken(int64_t last_id, const v1::RecordFilter& filter) {
  return absl::WebSafeBase64Escape(
      absl::StrCat(last_id, ".", absl::Hex(FilterFingerprint(filter))));
}

}  // namespace laurel::query

#pragma once

#include <cstdint>
#include <string>

#include "absl/status/statusor.h"
#include "laurel/v1/query_service.pb.h"

// AIP-158 paging. Listings run in id order and a token holds the last id served, so rows stored
// while a client pages appear at the end instead of shifting pages; the token also fingerprints the
// filter, because a token is only meaningful with the filter it was issued for.
namespace laurel::query {

inline constexpr int kDefaultPageSize = 50;
inline constexpr int kMaxPageSize = 1000;

struct PageRequest {
  int size = kDefaultPageSize;
  int64_t after_id = 0;  // serve ids greater than this
};

// INVALID_ARGUMENT for a negative page_size or a token that is malformed or belongs to another
// filter.
absl::StatusOr<PageRequest> ReadPageRequest(int32_t page_size, const std::string& page_token,
                                            const v1::RecordFilter& filter);

// The token for the page after one that ended at `last_id`.
std::string NextPageToken(int64_t last_id, const v1::RecordFilter& filter);

}  // namespace laurel::query

#pragma once

#include <cstddef>

#include "absl/status/status.h"
#include "laurel/v1/ingest_service.pb.h"

namespace laurel::ingest {

struct RequestLimits {
  // Longest article text accepted, in bytes.
  size_t max_text_bytes = 1 << 20;
};

// OK, or INVALID_ARGUMENT naming the field and what is wrong with it, for input no parser should
// see: empty or whitespace-only text, bytes that are not UTF-8, NUL bytes, oversized fields.
absl::Status ValidateIngestRequest(const v1::IngestArticleRequest& request,
                                   const RequestLimits& limits);

}  // namespace laurel::ingest

#pragma once

#include "absl/strings/string_view.h"
#include "laurel/v1/ingest_service.pb.h"

namespace laurel::ingest {

// Told the outcome of every article the Ingestor handles, so that outcomes can be counted (metrics)
// without the ingest logic knowing how.
class IngestObserver {
 public:
  virtual ~IngestObserver() = default;
  // The article is stored: by this call (response.created()) or by an earlier one.
  virtual void ArticleStored(const v1::IngestArticleResponse& response) = 0;
  // The article was refused before anything was written; `reason` is the ErrorInfo reason the
  // caller sees (EMPTY_TEXT, INVALID_UTF8, UNPARSEABLE_TEXT, ...).
  virtual void ArticleRejected(absl::string_view reason) = 0;
};

}  // namespace laurel::ingest

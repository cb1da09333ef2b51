#pragma once

namespace laurel::ingest {

// ErrorInfo.domain of every error ingest-service reports.
inline constexpr char kErrorDomain[] = "ingest.laurel.v1";

}  // namespace laurel::ingest

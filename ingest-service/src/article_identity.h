#pragma once

#include <string>
#include <string_view>

namespace laurel::ingest {

// SHA-256 (32 raw bytes) of the article folded as the parser compares text, so one article sent
// twice with different Unicode composition, quotes or spacing has one identity. `text` must be
// valid UTF-8.
std::string ArticleIdentityHash(std::string_view text);

}  // namespace laurel::ingest

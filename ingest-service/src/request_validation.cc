#include "ingest-service/src/request_validation.h"

#include <optional>
#include <string>

#include "absl/strings/str_cat.h"
#include "absl/strings/string_view.h"
#include "common/grpc_status.h"

namespace laurel::ingest {
namespace {

// Offset of the first byte that does not belong to well-formed UTF-8 (RFC 3629: no overlong forms,
// no surrogates, nothing above U+10FFFF), or nullopt when the whole text is well formed.
std::optional<size_t> FirstInvalidUtf8Byte(absl::string_view text) {
  const auto* bytes = reinterpret_cast<const unsigned char*>(text.data());
  const size_t size = text.size();
  size_t i = 0;
  while (i < size) {
    const unsigned char lead = bytes[i];
    if (lead < 0x80) {
      ++i;
      continue;
    }
    int length = 0;
    unsigned char min_second = 0x80, max_second = 0xBF;
    if (lead >= 0xC2 && lead <= 0xDF) {
      length = 2;
    } else if (lead >= 0xE0 && lead <= 0xEF) {
      length = 3;
      if (lead == 0xE0) min_second = 0xA0;  // overlong
      if (lead == 0xED) max_second = 0x9F;  // surrogates
    } else if (lead >= 0xF0 && lead <= 0xF4) {
      length = 4;
      if (lead == 0xF0) min_second = 0x90;  // overlong
      if (lead == 0xF4) max_second = 0x8F;  // above U+10FFFF
    } else {
      return i;
    }
    if (i + length > size || bytes[i + 1] < min_second || bytes[i + 1] > max_second) return i;
    for (int k = 2; k < length; ++k) {
      if ((bytes[i + k] & 0xC0) != 0x80) return i;
    }
    i += length;
  }
  return std::nullopt;
}

// True when `text` holds something besides white space (ASCII, no-break and zero-width spaces).
bool HasVisibleText(absl::string_view text) {
  static constexpr absl::string_view kInvisible[] = {"\u00a0", "\u200b", "\u2002", "\u2003",
                                                     "\u2009", "\u202f", "\u3000", "\ufeff"};
  size_t i = 0;
  while (i < text.size()) {
    const char c = text[i];
    if (c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v') {
      ++i;
      continue;
    }
    bool skipped = false;
    for (absl::string_view space : kInvisible) {
      if (text.substr(i, space.size()) == space) {
        i += space.size();
        skipped = true;
        break;
      }
    }
    if (!skipped) return true;
  }
  return false;
}

absl::Status Invalid(absl::string_view field, absl::string_view reason, std::string message) {
  return WithErrorDetails(absl::InvalidArgumentError(std::move(message)), reason, field);
}

absl::Status ValidateText(absl::string_view field, absl::string_view value, size_t max_bytes) {
  if (value.size() > max_bytes) {
    return Invalid(
        field, "FIELD_TOO_LONG",
        absl::StrCat(field, " is ", value.size(), " bytes; at most ", max_bytes, " are accepted"));
  }
  if (const auto bad = FirstInvalidUtf8Byte(value)) {
    return Invalid(field, "INVALID_UTF8",
                   absl::StrCat(field, " is not valid UTF-8 (byte offset ", *bad, ")"));
  }
  if (const size_t nul = value.find('\0'); nul != absl::string_view::npos) {
    return Invalid(field, "NUL_BYTE", absl::StrCat(field, " contains a NUL byte at offset ", nul));
  }
  return absl::OkStatus();
}

}  // namespace

absl::Status ValidateIngestRequest(const v1::IngestArticleRequest& request,
                                   const RequestLimits& limits) {
  if (absl::Status status = ValidateText("text", request.text(), limits.max_text_bytes);
      !status.ok()) {
    return status;
  }
  if (!HasVisibleText(request.text())) {
    return Invalid("text", "EMPTY_TEXT",
                   "text is empty or only white space; send the article as published");
  }
  if (absl::Status status = ValidateText("url", request.url(), 2048); !status.ok()) return status;
  if (absl::Status status = ValidateText("source", request.source(), 256); !status.ok()) {
    return status;
  }
  return ValidateText("request_id", request.request_id(), 128);
}

}  // namespace laurel::ingest

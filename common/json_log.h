#pragma once

#include <cstdint>
#include <initializer_list>
#include <string>

#include "absl/flags/declare.h"
#include "absl/strings/string_view.h"
#include "absl/types/span.h"

ABSL_DECLARE_FLAG(std::string, log_level);

// One JSON object per line on stderr, so that container runtimes and log shippers can index every
// field.
namespace laurel::log {

enum class Level { kDebug, kInfo, kWarning, kError };

// One "key": value pair of a log line. Strings are JSON-escaped; numbers and booleans are written
// bare.
class Field {
 public:
  Field(absl::string_view key, absl::string_view value);
  Field(absl::string_view key, const char* value) : Field(key, absl::string_view(value)) {}
  Field(absl::string_view key, const std::string& value) : Field(key, absl::string_view(value)) {}
  Field(absl::string_view key, int64_t value);
  Field(absl::string_view key, int value) : Field(key, static_cast<int64_t>(value)) {}
  Field(absl::string_view key, double value);
  Field(absl::string_view key, bool value);

  // `"key":value`, ready to be joined into an object.
  const std::string& json() const { return json_; }

 private:
  std::string json_;
};

// Whether lines at `level` are written under the current --log_level.
bool Enabled(Level level);

// Writes {"ts":…,"level":…,"event":event, fields…} as one line.
void Write(Level level, absl::string_view event, absl::Span<const Field> fields);
inline void Write(Level level, absl::string_view event, std::initializer_list<Field> fields = {}) {
  Write(level, event, absl::Span<const Field>(fields.begin(), fields.size()));
}

inline void Debug(absl::string_view event, std::initializer_list<Field> fields = {}) {
  Write(Level::kDebug, event, fields);
}
inline void Info(absl::string_view event, std::initializer_list<Field> fields = {}) {
  Write(Level::kInfo, event, fields);
}
inline void Warning(absl::string_view event, std::initializer_list<Field> fields = {}) {
  Write(Level::kWarning, event, fields);
}
inline void Error(absl::string_view event, std::initializer_list<Field> fields = {}) {
  Write(Level::kError, event, fields);
}

// Appends `text` to `out` as a JSON string literal, quotes included.
void AppendJsonString(absl::string_view text, std::string& out);

}  // namespace laurel::log

#include "common/json_log.h"

#include <cstdio>

#include "absl/flags/flag.h"
#include "absl/strings/ascii.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_format.h"
#include "absl/time/clock.h"
#include "absl/time/time.h"

ABSL_FLAG(std::string, log_level, "info", "Lowest level logged: debug, info, warning or error.");

namespace laurel::log {
namespace {

constexpr absl::string_view kLevelNames[] = {"debug", "info", "warning", "error"};

Level CurrentLevel() {
  const std::string wanted = absl::AsciiStrToLower(absl::GetFlag(FLAGS_log_level));
  for (int i = 0; i < 4; ++i) {
    if (wanted == kLevelNames[i]) return static_cast<Level>(i);
  }
  return Level::kInfo;
}

}  // namespace

void AppendJsonString(absl::string_view text, std::string& out) {
  out.push_back('"');
  for (const char c : text) {
    switch (c) {
      case '"':
        out += "\\\"";
        break;
      case '\\':
        out += "\\\\";
        break;
      case '\n':
        out += "\\n";
        break;
      case '\r':
        out += "\\r";
        break;
      case '\t':
        out += "\\t";
        break;
      default:
        if (static_cast<unsigned char>(c) < 0x20) {
          absl::StrAppendFormat(&out, "\\u%04x", static_cast<unsigned char>(c));
        } else {
          out.push_back(c);
        }
    }
  }
  out.push_back('"');
}

Field::Field(absl::string_view key, absl::string_view value) {
  AppendJsonString(key, json_);
  json_.push_back(':');
  AppendJsonString(value, json_);
}

Field::Field(absl::string_view key, int64_t value) {
  AppendJsonString(key, json_);
  absl::StrAppend(&json_, ":", value);
}

Field::Field(absl::string_view key, double value) {
  AppendJsonString(key, json_);
  absl::StrAppendFormat(&json_, ":%.3f", value);
}

Field::Field(absl::string_view key, bool value) {
  AppendJsonString(key, json_);
  json_ += value ? ":true" : ":false";
}

bool Enabled(Level level) { return level >= CurrentLevel(); }

void Write(Level level, absl::string_view event, absl::Span<const Field> fields) {
  if (!Enabled(level)) return;
  std::string line = absl::StrCat(
      "{\"ts\":\"", absl::FormatTime("%Y-%m-%dT%H:%M:%E3SZ", absl::Now(), absl::UTCTimeZone()),
      "\",\"level\":\"", kLevelNames[static_cast<int>(level)], "\",\"event\":");
  AppendJsonString(event, line);
  for (const Field& field : fields) {
    line.push_back(',');
    line += field.json();
  }
  line += "}\n";
  // One fwrite per line: stdio locks the stream, so lines from concurrent threads never interleave.
  std::fwrite(line.data(), 1, line.size(), stderr);
}

}  // namespace laurel::log

#include "tests/support/markdown.h"

#include "absl/strings/ascii.h"
#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_split.h"
#include "absl/strings/strip.h"

namespace laurel::testing {
namespace {

// The level of a heading line ("### x" → 3), 0 for other lines.
int HeadingLevel(absl::string_view line) {
  int level = 0;
  while (level < static_cast<int>(line.size()) && line[level] == '#') ++level;
  return level > 0 && level < static_cast<int>(line.size()) && line[level] == ' ' ? level : 0;
}

}  // namespace

std::string MarkdownSection(absl::string_view markdown, absl::string_view heading) {
  const int level = HeadingLevel(heading);
  std::string section;
  bool inside = false;
  bool in_code = false;
  for (absl::string_view line : absl::StrSplit(markdown, '\n')) {
    if (absl::StartsWith(line, "```")) in_code = !in_code;
    const int line_level = in_code ? 0 : HeadingLevel(line);
    if (inside && line_level > 0 && line_level <= level) break;
    if (inside) absl::StrAppend(&section, line, "\n");
    if (line == heading) inside = true;
  }
  return section;
}

std::vector<std::string> ShellCommands(absl::string_view markdown) {
  std::vector<std::string> commands;
  bool in_shell = false;
  std::string pending;
  for (absl::string_view line : absl::StrSplit(markdown, '\n')) {
    if (absl::StartsWith(line, "```")) {
      in_shell = !in_shell && line == "```sh";
      continue;
    }
    if (!in_shell) continue;
    if (absl::EndsWith(line, "\\")) {
      absl::StrAppend(&pending, absl::StripSuffix(line, "\\"));
      continue;
    }
    absl::StrAppend(&pending, line);
    if (!absl::StripAsciiWhitespace(pending).empty()) {
      commands.emplace_back(absl::StripAsciiWhitespace(pending));
    }
    pending.clear();
  }
  return commands;
}

std::vector<std::vector<std::string>> TableRows(absl::string_view markdown) {
  std::vector<std::vector<std::string>> rows;
  bool header = true;
  for (absl::string_view line : absl::StrSplit(markdown, '\n')) {
    if (!absl::StartsWith(line, "|")) {
      header = true;
      continue;
    }
    if (header) {  // the header row; the separator row follows
      header = false;
      continue;
    }
    if (absl::StartsWith(line, "|---")) continue;
    std::vector<std::string> cells;
    const absl::string_view inner = absl::StripSuffix(absl::StripPrefix(line, "|"), "|");
    for (absl::string_view cell : absl::StrSplit(inner, '|')) {
      cells.emplace_back(absl::StripAsciiWhitespace(cell));
      std::string& text = cells.back();
      if (absl::StartsWith(text, "`") && absl::EndsWith(text, "`") && text.size() >= 2 &&
          text.find('`', 1) == text.size() - 1) {
        text = text.substr(1, text.size() - 2);
      }
    }
    rows.push_back(std::move(cells));
  }
  return rows;
}

std::vector<std::string> ShellWords(absl::string_view command, std::string* comment) {
  std::vector<std::string> words;
  std::string word;
  bool in_word = false;
  for (size_t i = 0; i < command.size(); ++i) {
    const char c = command[i];
    if (c == '\'') {
      const size_t end = command.find('\'', i + 1);
      absl::StrAppend(&word, command.substr(i + 1, end - i - 1));
      i = end;
      in_word = true;
    } else if (c == '"') {
      const size_t end = command.find('"', i + 1);
      absl::StrAppend(&word, command.substr(i + 1, end - i - 1));
      i = end;
      in_word = true;
    } else if (c == '#' && !in_word) {
      if (comment != nullptr)
        *comment = std::string(absl::StripAsciiWhitespace(command.substr(i + 1)));
      break;
    } else if (absl::ascii_isspace(static_cast<unsigned char>(c))) {
      if (in_word) words.push_back(std::move(word));
      word.clear();
      in_word = false;
    } else {
      word.push_back(c);
      in_word = true;
    }
  }
  if (in_word) words.push_back(std::move(word));
  return words;
}

}  // namespace laurel::testing

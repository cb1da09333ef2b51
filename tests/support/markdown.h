#pragma once

#include <string>
#include <vector>

#include "absl/strings/string_view.h"

namespace laurel::testing {

// The text under the heading `heading` ("## Debugging with grpcurl") up to the next heading of the
// same or a higher level; "" when there is no such heading.
std::string MarkdownSection(absl::string_view markdown, absl::string_view heading);

// The commands of the ```sh blocks in `markdown`, continuation lines joined.
std::vector<std::string> ShellCommands(absl::string_view markdown);

// The rows of the tables in `markdown` (header and separator left out), each as its cells with
// surrounding spaces and `backticks` removed.
std::vector<std::vector<std::string>> TableRows(absl::string_view markdown);

// `command` split into words as /bin/sh would: quotes removed, a trailing `# comment` left out
// (returned in `comment` when not null).
std::vector<std::string> ShellWords(absl::string_view command, std::string* comment = nullptr);

}  // namespace laurel::testing

#include "tests/support/dockerfile.h"

#include "absl/strings/ascii.h"
#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_split.h"
#include "absl/strings/strip.h"
#include "nlohmann/json.hpp"

namespace laurel::testing {

absl::StatusOr<Dockerfile> Dockerfile::Parse(const std::string& text) {
  Dockerfile dockerfile;
  std::string logical;
  const auto flush = [&]() -> absl::Status {
    const absl::string_view line = absl::StripAsciiWhitespace(logical);
    if (line.empty()) return absl::OkStatus();
    const size_t space = line.find_first_of(" \t");
    DockerInstruction instruction{
        absl::AsciiStrToUpper(line.substr(0, space)),
        std::string(space == absl::string_view::npos
                        ? ""
                        : absl::StripAsciiWhitespace(line.substr(space)))};
    logical.clear();
    if (instruction.keyword == "FROM") {
      const std::vector<std::string> words =
          absl::StrSplit(instruction.arguments, ' ', absl::SkipEmpty());
      DockerStage stage{words.front(), ""};
      if (words.size() == 3 && absl::AsciiStrToUpper(words[1]) == "AS") stage.name = words[2];
      dockerfile.stages_.push_back(std::move(stage));
      return absl::OkStatus();
    }
    if (dockerfile.stages_.empty()) {
      if (instruction.keyword == "ARG") return absl::OkStatus();
      return absl::InvalidArgumentError(absl::StrCat(instruction.keyword, " before FROM"));
    }
    dockerfile.stages_.back().instructions.push_back(std::move(instruction));
    return absl::OkStatus();
  };
  for (absl::string_view raw : absl::StrSplit(text, '\n')) {
    const absl::string_view line = absl::StripTrailingAsciiWhitespace(raw);
    // Comments (and parser directives) are whole lines, even inside a continued instruction.
    if (absl::StartsWith(absl::StripLeadingAsciiWhitespace(line), "#")) continue;
    if (absl::EndsWith(line, "\\")) {
      absl::StrAppend(&logical, line.substr(0, line.size() - 1), " ");
      continue;
    }
    absl::StrAppend(&logical, line);
    if (absl::Status status = flush(); !status.ok()) return status;
  }
  if (absl::Status status = flush(); !status.ok()) return status;
  return dockerfile;
}

const DockerStage* Dockerfile::Stage(const std::string& name) const {
  for (const DockerStage& stage : stages_) {
    if (stage.name == name) return &stage;
  }
  return nullptr;
}

std::vector<const DockerStage*> Dockerfile::Lineage(const std::string& name) const {
  std::vector<const DockerStage*> lineage;
  for (const DockerStage* stage = Stage(name); stage != nullptr; stage = Stage(stage->base)) {
    lineage.insert(lineage.begin(), stage);
  }
  return lineage;
}

std::vector<std::string> Dockerfile::Arguments(const std::string& name,
                                               const std::string& keyword) const {
  std::vector<std::string> found;
  for (const DockerStage* stage : Lineage(name)) {
    for (const DockerInstruction& instruction : stage->instructions) {
      if (instruction.keyword == keyword) found.push_back(instruction.arguments);
    }
  }
  return found;
}

std::map<std::string, std::string> Dockerfile::Environment(const std::string& name) const {
  std::map<std::string, std::string> environment;
  for (const std::string& arguments : Arguments(name, "ENV")) {
    for (absl::string_view pair : absl::StrSplit(arguments, ' ', absl::SkipWhitespace())) {
      const std::pair<std::string, std::string> split =
          absl::StrSplit(pair, absl::MaxSplits('=', 1));
      environment[split.first] = split.second;
    }
  }
  return environment;
}

std::string Dockerfile::Last(const std::string& name, const std::string& keyword) const {
  const std::vector<std::string> all = Arguments(name, keyword);
  return all.empty() ? "" : all.back();
}

absl::StatusOr<std::vector<std::string>> ExecForm(const std::string& arguments) {
  const nlohmann::json parsed = nlohmann::json::parse(arguments, nullptr, false);
  if (!parsed.is_array() || parsed.empty()) {
    return absl::InvalidArgumentError(absl::StrCat("not an exec-form JSON array: ", arguments));
  }
  std::vector<std::string> words;
  for (const auto& word : parsed) {
    if (!word.is_string())
      return absl::InvalidArgumentError(absl::StrCat("not strings: ", arguments));
    words.push_back(word.get<std::string>());
  }
  return words;
}

std::vector<std::string> AptInstalledPackages(const std::string& run) {
  std::vector<std::string> packages;
  for (absl::string_view command : absl::StrSplit(run, "&&")) {
    const std::vector<std::string> words = absl::StrSplit(command, ' ', absl::SkipWhitespace());
    bool installing = false;
    for (size_t i = 0; i < words.size(); ++i) {
      if (i > 0 && words[i - 1] == "apt-get" && words[i] == "install") {
        installing = true;
      } else if (installing && !absl::StartsWith(words[i], "-")) {
        packages.push_back(words[i]);
      }
    }
  }
  return packages;
}

}  // namespace laurel::testing

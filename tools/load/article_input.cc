#include "tools/load/article_input.h"

#include <algorithm>
#include <iterator>
#include <sstream>
#include <system_error>

#include "absl/strings/ascii.h"
#include "absl/strings/str_cat.h"
#include "common/grpc_status.h"
#include "google/protobuf/util/json_util.h"

namespace laurel::load {
namespace {

namespace fs = std::filesystem;

enum class Format { kText, kJsonLines, kOther };

Format FormatOf(const fs::path& path) {
  const std::string extension = absl::AsciiStrToLower(path.extension().string());
  if (extension == ".txt") return Format::kText;
  if (extension == ".jsonl" || extension == ".ndjson") return Format::kJsonLines;
  return Format::kOther;
}

bool IsHidden(const fs::path& path) { return path.filename().string().rfind('.', 0) == 0; }

bool IsBlank(const std::string& line) {
  return std::all_of(line.begin(), line.end(),
                     [](unsigned char c) { return absl::ascii_isspace(c); });
}

int64_t CountArticles(const fs::path& file) {
  if (FormatOf(file) == Format::kText) return 1;
  std::ifstream in(file, std::ios::binary);
  int64_t count = 0;
  for (std::string line; std::getline(in, line);) count += !IsBlank(line);
  return count;
}

absl::Status TooLarge(int64_t size, int64_t limit) {
  return WithErrorDetails(
      absl::InvalidArgumentError(absl::StrCat("the article is ", size, " bytes; at most ", limit,
                                              " are sent (--max_article_bytes)")),
      "FIELD_TOO_LONG", "text");
}

}  // namespace

absl::StatusOr<ArticleInput> ArticleInput::Open(const std::vector<std::string>& paths,
                                                InputOptions options) {
  std::vector<fs::path> files;
  for (const std::string& argument : paths) {
    const fs::path path(argument);
    std::error_code error;
    if (fs::is_directory(path, error)) {
      std::vector<fs::path> found;
      for (auto it = fs::recursive_directory_iterator(path, error);
           !error && it != fs::recursive_directory_iterator(); it.increment(error)) {
        if (IsHidden(it->path())) {
          if (it->is_directory()) it.disable_recursion_pending();
          continue;
        }
        if (it->is_regular_file() && FormatOf(it->path()) != Format::kOther) {
          found.push_back(it->path());
        }
      }
      if (error) {
        return absl::InvalidArgumentError(
            absl::StrCat("cannot list ", argument, ": ", error.message()));
      }
      std::sort(found.begin(), found.end());
      files.insert(files.end(), found.begin(), found.end());
    } else if (fs::exists(path, error)) {
      if (FormatOf(path) == Format::kOther) {
        return absl::InvalidArgumentError(absl::StrCat(
            argument, " is neither a .txt article nor a .jsonl/.ndjson file of articles"));
      }
      files.push_back(path);
    } else {
      return absl::InvalidArgumentError(absl::StrCat(argument, ": no such file or directory"));
    }
  }
  int64_t total = 0;
  for (const fs::path& file : files) total += CountArticles(file);
  return ArticleInput(std::move(files), total, std::move(options));
}

std::optional<InputArticle> ArticleInput::Next() {
  for (;;) {
    if (lines_.is_open()) {
      std::string line;
      while (std::getline(lines_, line)) {
        ++line_number_;
        if (IsBlank(line)) continue;
        InputArticle article;
        article.origin = absl::StrCat(lines_origin_, ":", line_number_);
        if (static_cast<int64_t>(line.size()) > options_.max_article_bytes + (64 << 10)) {
          article.error = TooLarge(static_cast<int64_t>(line.size()), options_.max_article_bytes);
          return article;
        }
        google::protobuf::util::JsonParseOptions parse_options;
        parse_options.ignore_unknown_fields = true;
        const auto parsed =
            google::protobuf::util::JsonStringToMessage(line, &article.request, parse_options);
        if (!parsed.ok()) {
          article.error =
              WithErrorDetails(absl::InvalidArgumentError(absl::StrCat(
                                   "not a JSON article object: ", parsed.message().as_string())),
                               "INVALID_JSON");
        } else if (static_cast<int64_t>(article.request.text().size()) >
                   options_.max_article_bytes) {
          article.error = TooLarge(static_cast<int64_t>(article.request.text().size()),
                                   options_.max_article_bytes);
        } else if (!article.request.has_source() && !options_.source.empty()) {
          article.request.set_source(options_.source);
        }
        return article;
      }
      lines_.close();
    }
    if (next_file_ == files_.size()) return std::nullopt;
    const fs::path& file = files_[next_file_++];
    if (FormatOf(file) == Format::kJsonLines) {
      lines_.clear();
      lines_.open(file, std::ios::binary);
      lines_origin_ = file.string();
      line_number_ = 0;
      if (lines_.is_open()) continue;
      return InputArticle{
          .origin = file.string(),
          .error = WithErrorDetails(absl::NotFoundError("cannot open the file"), "UNREADABLE")};
    }
    InputArticle article{.origin = file.string()};
    std::error_code error;
    const auto size = static_cast<int64_t>(fs::file_size(file, error));
    std::ifstream in(file, std::ios::binary);
    if (error || !in) {
      article.error = WithErrorDetails(absl::NotFoundError("cannot read the file"), "UNREADABLE");
    } else if (size > options_.max_article_bytes) {
      article.error = TooLarge(size, options_.max_article_bytes);
    } else {
      article.request.mutable_text()->assign(std::istreambuf_iterator<char>(in), {});
      if (!options_.source.empty()) article.request.set_source(options_.source);
    }
    return article;
  }
}

}  // namespace laurel::load

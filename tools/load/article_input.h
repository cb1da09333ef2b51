#pragma once

#include <cstdint>
#include <filesystem>
#include <fstream>
#include <optional>
#include <string>
#include <vector>

#include "absl/status/status.h"
#include "absl/status/statusor.h"
#include "laurel/v1/ingest_article_request.pb.h"

namespace laurel::load {

// One article read from the input, or why it could not be.
struct InputArticle {
  // Where it came from, for messages: "dir/a.txt", or "feed.jsonl:12" for a JSON line.
  std::string origin;
  v1::IngestArticleRequest request;
  // Not OK when the article cannot be sent (unreadable, not JSON, too large); it counts as
  // rejected.
  absl::Status error;
};

struct InputOptions {
  // Publisher recorded with .txt articles and JSON lines that name none.
  std::string source;
  // Articles larger than this are rejected here: the service would refuse them anyway, and one
  // oversized message would end the whole stream.
  int64_t max_article_bytes = 1 << 20;
};

// The articles under the paths given on the command line, read lazily in a stable order: each .txt
// file is one article; each line of a .jsonl or .ndjson file is one article as a JSON object
// {"text": …, "url": …, "source": …} (also "request_id"; other keys are ignored). Directories are
// searched recursively; hidden files and other file types in them are skipped.
class ArticleInput {
 public:
  // INVALID_ARGUMENT for a path that does not exist or a file named explicitly that is neither .txt
  // nor JSON lines.
  static absl::StatusOr<ArticleInput> Open(const std::vector<std::string>& paths,
                                           InputOptions options);

  // How many articles Next will return in all, counted when opening so progress can show an ETA.
  int64_t total() const { return total_; }
  size_t file_count() const { return files_.size(); }

  // The next article, or nullopt after the last.
  std::optional<InputArticle> Next();

 private:
  ArticleInput(std::vector<std::filesystem::path> files, int64_t total, InputOptions options)
      : files_(std::move(files)), total_(total), options_(std::move(options)) {}

  std::vector<std::filesystem::path> files_;
  int64_t total_;
  InputOptions options_;
  size_t next_file_ = 0;
  // The JSON-lines file being read, and the number of its last line read.
  std::ifstream lines_;
  std::string lines_origin_;
  int64_t line_number_ = 0;
};

}  // namespace laurel::load

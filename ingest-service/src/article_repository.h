#pragma once

#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "absl/status/statusor.h"
#include "ingest-service/src/parsed_records.h"
#include "laurel/v1/ingest_service.pb.h"

namespace laurel::ingest {

// What makes two submissions the same article: the same request_id, else the same url, else (when
// the new one has no url) the same folded text.
struct ArticleKeys {
  std::string request_id;     // empty when not given
  std::string url;            // empty when not given
  std::string identity_hash;  // SHA-256 of the folded text, 32 raw bytes
};

struct NewArticle {
  ArticleKeys keys;
  std::string text;
  std::string source;
  int parser_version = 0;
  UnstoredRecords records;
};

// What a batch write did with one article.
struct StoredArticle {
  int64_t id = 0;
  std::string name;      // "articles/{id}": the article stored now, or the one stored before
  bool created = false;  // false when it was already stored (before, or earlier in the same batch)
  // Stored before under this article's request_id: a retry of the write that stored it, which
  // IngestArticles answers as the first time (AIP-155).
  bool replayed = false;
};

// Which stored articles one re-parse call takes: the oldest `limit` read by a parser older than
// `parser_version`, or with `every_version` the first `limit` after `after_id`.
struct ReparseSelection {
  int parser_version = 0;
  int limit = 0;
  bool every_version = false;
  int64_t after_id = 0;
};

struct ReparseOutcome {
  int reparsed = 0;
  int changed = 0;        // articles whose title, byline, date, events or awards changed
  int64_t last_id = 0;    // the last article re-parsed; 0 when none was
  int64_t remaining = 0;  // articles still to re-parse for the same selection
};

// Reads a stored article's text again: what the current parser makes of it.
using TextParser = std::function<absl::StatusOr<UnstoredRecords>(const std::string& text)>;

// Where ingested articles live. Implementations store an article and its records atomically.
class ArticleRepository {
 public:
  virtual ~ArticleRepository() = default;

  // The stored article matching `keys`, with its records and created = false; nullopt when none
  // does.
  virtual absl::StatusOr<std::optional<v1::IngestArticleResponse>> FindExisting(
      const ArticleKeys& keys) = 0;

  // The stored article `id` with its records and created = false; nullopt when there is none.
  virtual absl::StatusOr<std::optional<v1::IngestArticleResponse>> Load(int64_t id) = 0;

  // Stores a batch in one transaction, each article with its events and awards: one result per
  // article, in order. An article already stored (the same request_id, else url, else folded text
  // without a url), or repeated within the batch, is not stored again and answers with the stored
  // article's name and created = false; concurrent batches storing the same article store it once.
  virtual absl::StatusOr<std::vector<StoredArticle>> InsertBatch(
      const std::vector<NewArticle>& articles) = 0;

  // Re-parses the selected articles with `parse` and replaces their records (and what follows from
  // them: distinct events, counted awards, rollups) in one transaction, keeping the articles
  // themselves. Re-parse calls are serialised; ingestion goes on meanwhile.
  virtual absl::StatusOr<ReparseOutcome> Reparse(const ReparseSelection& selection,
                                                 const TextParser& parse) = 0;
};

}  // namespace laurel::ingest

#pragma once

#include <cstdint>
#include <string>

#include "ingest-service/src/parser/model.h"

// Realistic Vietnamese news articles about emulation and commendation, written from templates, each
// with the records it was written to convey. Deterministic: an article is a pure function of
// (seed, index), so loaders, benchmarks and tests can regenerate any article without storing it.
namespace laurel::synthetic {

struct SyntheticArticle {
  uint64_t index = 0;
  std::string text;
  std::string url;
  std::string source;
  // What the text says, as a correct parser reads it: title, byline, publication time, the event
  // and its award records (spans and confidences are left 0).
  parser::ParsedArticle expected;
  // The index of the first article that reports the same ceremony; equal to `index` unless this
  // article restates an earlier one's event (same day, province, organiser and award groups).
  uint64_t event_origin = 0;
};

struct GeneratorOptions {
  uint64_t seed = 1;
  // Share of ordinary news that gives no award at all.
  int ordinary_percent = 15;
  // Share of award articles that report a ceremony an earlier article already reported.
  int restated_event_percent = 10;
};

class ArticleGenerator {
 public:
  explicit ArticleGenerator(GeneratorOptions options) : options_(options) {}

  SyntheticArticle Generate(uint64_t index) const;

 private:
  // The article whose ceremony `index` reports (itself, or an earlier one).
  uint64_t EventOrigin(uint64_t index) const;

  const GeneratorOptions options_;
};

}  // namespace laurel::synthetic

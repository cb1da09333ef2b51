#pragma once

#include <vector>

#include "ingest-service/src/parser/model.h"
#include "laurel/v1/records.pb.h"

// The parser speaks plain structs; the API and the repository speak protobuf. This is the one
// crossing.
namespace laurel::ingest {

// An award and the position of its event among the article's events (-1: none), because events get
// their resource names only when stored.
struct UnstoredAward {
  v1::Award award;
  int event_index = -1;
};

// What one article yields, in API form but not yet stored (names and `article` fields empty).
struct UnstoredRecords {
  v1::Article article;  // title, author, published_at
  // The offset the date line was written in; published_at itself is an instant.
  int published_utc_offset_minutes = 0;
  std::vector<v1::Event> events;
  std::vector<UnstoredAward> awards;
};

UnstoredRecords ToUnstoredRecords(const parser::ParsedArticle& parsed);

}  // namespace laurel::ingest

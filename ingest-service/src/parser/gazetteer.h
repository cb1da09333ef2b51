#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "ingest-service/src/parser/model.h"
#include "ingest-service/src/parser/tokenizer.h"

// Vietnam's provinces: the 63 in force until 30 June 2025, the 34 formed by the merger of 1 July
// 2025, the written forms articles use for them, and a few cities and venues that pin a place to a
// province.
namespace laurel::parser {

struct Province {
  std::string_view code_2008;  // statistics-office code before the merger
  std::string_view name;       // official short name, traditional tone placement
  bool centrally_run;          // "thành phố trực thuộc trung ương" before 1 July 2025
  std::string_view code_2025;  // the unit it belongs to since 1 July 2025
  // Extra written forms, lower-case and folded, '|'-separated ("tp.hcm|tphcm|..."). The lower-cased
  // name itself always matches too.
  std::string_view variants;
};

struct Province2025 {
  std::string_view code;
  std::string_view name;
  bool centrally_run;
};

const std::vector<Province>& Provinces();          // the 63, in code order
const std::vector<Province2025>& Provinces2025();  // the 34, in code order

// The 2025 unit a pre-merger province belongs to; nullptr for an index out of range.
const Province2025* CurrentProvinceOf(int province_index);

// The province's name as written on `date`: code 46 is "Thừa Thiên Huế" before 1 January 2025 (and
// when the date is unknown) and "Huế" after; after 1 July 2025 every province takes its merged
// unit's name.
std::string ProvinceNameOn(int province_index, const Date& date);

// Whether the province is a centrally-run city ("thành phố trực thuộc trung ương") on `date`:
// Huế from 1 January 2025, the merged units' status from 1 July 2025, and otherwise (or when the
// date is unknown) its status before.
bool CentrallyRunOn(int province_index, const Date& date);

// Index into Provinces() for a written province name or variant ("Khánh Hoà", "TP.HCM"); -1 if
// none.
int FindProvinceByName(std::string_view name);

enum class PlaceKind { kProvince, kCity, kVenue };

struct PlaceMention {
  size_t begin = 0;  // byte range in the normalised text
  size_t end = 0;
  int province_index = -1;
  PlaceKind kind = PlaceKind::kProvince;
};

// Every province, provincial city or well-known venue named in text[begin, end). `text` and `lower`
// are the normalised text and its aligned lower-case copy.
std::vector<PlaceMention> FindPlaces(std::string_view text, std::string_view lower, size_t begin,
                                     size_t end);

// FindPlaces over tokens[first, last) of the same text, visiting only the words the tokenizer
// found: the cheaper way over a whole article.
std::vector<PlaceMention> FindPlacesInTokens(std::string_view text, std::string_view lower,
                                             const std::vector<Token>& tokens, size_t first,
                                             size_t last);

// FindPlacesInTokens over a whole article, visiting only the words at `marked` (ascending; the
// tokenizer's marks for kPlaceStart and joined words).
std::vector<PlaceMention> FindPlacesAt(std::string_view text, std::string_view lower,
                                       const std::vector<Token>& tokens,
                                       const std::vector<uint32_t>& marked);

// The first syllable of every written form FindPlaces looks for, lower-case: the tokenizer marks
// these words (kPlaceStart) so a scan of an article looks up no other word.
std::vector<std::string> PlaceFirstWords();

// Whether a place's name starts at tokens[i] and spans the next token too ("Hà Tĩnh" is no person
// "Hà ...", "Bà Rịa" no woman).
bool PlaceStartsAt(const std::vector<Token>& tokens, size_t i, size_t end);

}  // namespace laurel::parser

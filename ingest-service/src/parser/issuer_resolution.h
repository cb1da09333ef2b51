#pragma once

#include <map>
#include <string>
#include <string_view>
#include <unordered_map>

#include "ingest-service/src/parser/model.h"

// Turns the authority an article names ("Chủ tịch UBND tỉnh", "Tổng LĐLĐVN", "Bộ trưởng Bộ VHTTDL")
// into the canonical issuer of rule 6 ("UBND tỉnh Khánh Hòa", "Tổng Liên đoàn Lao động Việt Nam",
// "Bộ Văn hóa, Thể thao và Du lịch") and its tier.
namespace laurel::parser {

struct IssuerContext {
  int province_index = -1;  // the article's province, for "UBND tỉnh" without a name
  // The centrally-run city and the other province named last before the sentence read: a bare
  // "thành phố" in an article about a province names a city nearby, and the other way round.
  int nearest_city = -1;
  int nearest_province = -1;
  Date date;  // the article's date, for the province's name on it
  // The last district, commune... named in the article: "huyện" → "Thạch Hà".
  std::map<std::string, std::string> local_units;
  // Bodies the article names in full, by head word: "trường" → "Trường THPT Hương Khê", for "nhà
  // trường" and "công ty" without a name.
  std::map<std::string, std::string> named_bodies;
  // Phrases already resolved in this article (owned by the caller; may be null). An article names
  // the same few authorities again and again.
  std::unordered_map<std::string, std::string>* resolved = nullptr;
};

// Canonical issuer for an authority phrase as written (folded text, case kept). Empty when the
// phrase names no authority (a person, "lãnh đạo").
std::string CanonicalIssuer(std::string_view phrase, const IssuerContext& context);

// A bare "tỉnh" / "thành phố" / "huyện" at the end takes the article's province or local unit
// ("UBND tỉnh" → "UBND tỉnh Khánh Hòa", "UBND huyện này" → "UBND huyện Thạch Hà"), "nhà trường"
// and "công ty" the body the article names, and a department ("Sở ...") its province.
std::string CompleteBareUnit(std::string text, const IssuerContext& context);

// The tier of a canonical issuer.
IssuerLevel LevelOf(std::string_view canonical_issuer);

// True when the phrase names a foreign state or its representative ("Đại sứ Pháp", "Tổng thống
// Italia").
bool IsForeignIssuer(std::string_view canonical_issuer);

}  // namespace laurel::parser

#include "ingest-service/src/parser/gazetteer.h"

#include <algorithm>
#include <array>
#include <cstdint>
#include <deque>
#include <optional>

#include "ingest-service/src/parser/string_util.h"
#include "ingest-service/src/parser/text_normalizer.h"
#include "ingest-service/src/parser/utf8.h"
#include "ingest-service/src/parser/vietnamese_letters.h"
#include "ingest-service/src/parser/word_classes.h"

namespace laurel::parser {
namespace {

constexpr int kHueIndex = 30;  // code 46 in Provinces()

// A place that is not a province but tells which province it is in.
struct Locality {
  std::string_view written;  // lower-case, folded
  std::string_view province_code_2008;
  PlaceKind kind;
};

const std::vector<Locality>& Localities() {
  static const auto* const kLocalities = new std::vector<Locality>{
      {"nha trang", "56", PlaceKind::kCity},
      {"cam ranh", "56", PlaceKind::kCity},
      {"đà lạt", "68", PlaceKind::kCity},
      {"bảo lộc", "68", PlaceKind::kCity},
      {"thành phố vinh", "40", PlaceKind::kCity},
      {"tp vinh", "40", PlaceKind::kCity},
      {"cửa lò", "40", PlaceKind::kCity},
      {"hạ long", "22", PlaceKind::kCity},
      {"móng cái", "22", PlaceKind::kCity},
      {"uông bí", "22", PlaceKind::kCity},
      {"cẩm phả", "22", PlaceKind::kCity},
      {"buôn ma thuột", "66", PlaceKind::kCity},
      {"pleiku", "64", PlaceKind::kCity},
      {"quy nhơn", "52", PlaceKind::kCity},
      {"vũng tàu", "77", PlaceKind::kCity},
      {"bà rịa", "77", PlaceKind::kCity},
      {"côn đảo", "77", PlaceKind::kCity},
      {"biên hòa", "75", PlaceKind::kCity},
      {"thủ dầu một", "74", PlaceKind::kCity},
      {"mỹ tho", "82", PlaceKind::kCity},
      {"long xuyên", "89", PlaceKind::kCity},
      {"châu đốc", "89", PlaceKind::kCity},
      {"rạch giá", "91", PlaceKind::kCity},
      {"phú quốc", "91", PlaceKind::kCity},
      {"phan thiết", "60", PlaceKind::kCity},
      {"phan rang", "58", PlaceKind::kCity},
      {"tuy hòa", "54", PlaceKind::kCity},
      {"tam kỳ", "49", PlaceKind::kCity},
      {"hội an", "49", PlaceKind::kCity},
      {"sa pa", "10", PlaceKind::kCity},
      {"sapa", "10", PlaceKind::kCity},
      {"điện biên phủ", "11", PlaceKind::kCity},
      {"đồng hới", "44", PlaceKind::kCity},
      {"đông hà", "45", PlaceKind::kCity},
      {"việt trì", "25", PlaceKind::kCity},
      {"sầm sơn", "38", PlaceKind::kCity},
      {"thủ đức", "79", PlaceKind::kCity},
      {"gia nghĩa", "67", PlaceKind::kCity},
      {"cao lãnh", "87", PlaceKind::kCity},
      {"sa đéc", "87", PlaceKind::kCity},
      {"vị thanh", "93", PlaceKind::kCity},
      {"cung văn hóa hữu nghị việt xô", "01", PlaceKind::kVenue},
      {"cung văn hóa hữu nghị", "01", PlaceKind::kVenue},
      {"trung tâm hội nghị quốc gia", "01", PlaceKind::kVenue},
      {"nhà hát lớn hà nội", "01", PlaceKind::kVenue},
      {"nhà quốc hội", "01", PlaceKind::kVenue},
      {"hội trường thống nhất", "79", PlaceKind::kVenue},
      {"dinh thống nhất", "79", PlaceKind::kVenue},
  };
  return *kLocalities;
}

// One written form to look for, keyed by its first syllable.
struct Pattern {
  std::string lower;
  int province_index;
  PlaceKind kind;
  bool needs_capitals;  // "Hòa Bình" is a province, "hòa bình" is peace
};

// Patterns by first syllable in a small open-addressing table: the scan looks up every capitalised
// word of an article, and std::unordered_map's hashing and prime-modulo cost more than the match.
class PatternIndex {
 public:
  const std::vector<Pattern>* Find(std::string_view syllable) const {
    for (size_t slot = Hash(syllable) & kMask;; slot = (slot + 1) & kMask) {
      const Slot& entry = slots_[slot];
      if (entry.patterns < 0) return nullptr;
      if (entry.key == syllable) return &buckets_[entry.patterns];
    }
  }

  void Add(Pattern pattern) {
    const std::string_view first = FirstSyllable(pattern.lower);
    size_t slot = Hash(first) & kMask;
    while (slots_[slot].patterns >= 0 && slots_[slot].key != first) slot = (slot + 1) & kMask;
    if (slots_[slot].patterns < 0) {
      keys_.emplace_back(first);
      slots_[slot] = {keys_.back(), static_cast<int>(buckets_.size())};
      buckets_.emplace_back();
    }
    buckets_[slots_[slot].patterns].push_back(std::move(pattern));
  }

  static std::string_view FirstSyllable(std::string_view lower) {
    size_t end = 0;
    while (end < lower.size() && lower[end] != ' ' && lower[end] != '.' && lower[end] != '-') ++end;
    return lower.substr(0, end);
  }

 private:
  static constexpr size_t kSlots = 512;  // a power of two well above the ~130 first syllables
  static constexpr size_t kMask = kSlots - 1;

  struct Slot {
    std::string_view key;
    int patterns = -1;
  };

  static size_t Hash(std::string_view text) { return text.empty() ? 0 : WordHash(text); }

  std::array<Slot, kSlots> slots_{};
  std::deque<std::string> keys_;  // stable storage for the slots' views
  std::vector<std::vector<Pattern>> buckets_;
};

std::string FoldLower(std::string_view written) { return NormalizeTextLenient(written).lower; }

int ProvinceIndexByCode(std::string_view code) {
  const auto& provinces = Provinces();
  for (size_t i = 0; i < provinces.size(); ++i) {
    if (provinces[i].code_2008 == code) return static_cast<int>(i);
  }
  return -1;
}

void AddPattern(PatternIndex& index, std::string lower, int province, PlaceKind kind,
                bool needs_capitals) {
  if (lower.empty()) return;
  index.Add({std::move(lower), province, kind, needs_capitals});
}

// Every written form of a place, with what it names: the province names (but "Hồ Chí Minh" alone,
// which is the President, a road or a prize: only its city forms name the city), their variants
// and the localities. Names come as written (`name` true), variants and localities lower-case.
template <typename Visit>
void ForEachWrittenForm(Visit visit) {
  const auto& provinces = Provinces();
  for (size_t i = 0; i < provinces.size(); ++i) {
    const int province = static_cast<int>(i);
    if (provinces[i].code_2008 != "79") {
      visit(provinces[i].name, /*name=*/true, province, PlaceKind::kProvince, true);
    }
    for (std::string_view variant : SplitNonEmpty(provinces[i].variants, '|')) {
      const bool lower_ok = StartsWith(variant, "tp") || StartsWith(variant, "thành");
      visit(variant, /*name=*/false, province, PlaceKind::kProvince, !lower_ok);
    }
  }
  for (const Locality& locality : Localities()) {
    const bool lower_ok =
        StartsWith(locality.written, "thành") || StartsWith(locality.written, "tp");
    visit(locality.written, /*name=*/false, ProvinceIndexByCode(locality.province_code_2008),
          locality.kind, !lower_ok && locality.kind == PlaceKind::kCity);
  }
}

const PatternIndex& Patterns() {
  static const PatternIndex* const kIndex = [] {
    auto* index = new PatternIndex;
    ForEachWrittenForm([&](std::string_view written, bool name, int province, PlaceKind kind,
                           bool needs_capitals) {
      AddPattern(*index, name ? FoldLower(written) : std::string(written), province, kind,
                 needs_capitals);
    });
    return index;
  }();
  return *kIndex;
}

bool IsWordChar(std::string_view text, size_t pos) {
  const unsigned char byte = static_cast<unsigned char>(text[pos]);
  if (byte < 0x80)
    return (byte | 32) >= 'a' && (byte | 32) <= 'z' ? true : (byte >= '0' && byte <= '9');
  return true;  // every non-ASCII byte in folded text belongs to a letter or a symbol glued to a
                // word
}

// Every syllable of text[begin, end) starts with a capital letter.
bool AllSyllablesCapitalised(std::string_view text, size_t begin, size_t end) {
  bool at_start = true;
  for (size_t pos = begin; pos < end;) {
    size_t length;
    const char32_t c = DecodeUtf8(text, pos, length);
    if (c == ' ' || c == '-' || c == '.') {
      at_start = true;
    } else if (at_start) {
      if (!IsUpperLetter(c)) return false;
      at_start = false;
    }
    pos += length;
  }
  return true;
}

}  // namespace

std::vector<std::string> PlaceFirstWords() {
  std::vector<std::string> words;
  // Before main() (the word-class table is built from this): no normaliser, whose tables may not
  // be filled yet. The names are written in NFC and the traditional tone placement, so lower
  // case is their folded form.
  ForEachWrittenForm([&](std::string_view written, bool name, int, PlaceKind, bool) {
    const std::string lower = name ? ToLowerPreservingOffsets(written) : std::string(written);
    words.emplace_back(PatternIndex::FirstSyllable(lower));
  });
  return words;
}

const std::vector<Province>& Provinces() {
  static const auto* const kProvinces = new std::vector<Province>{
      {"01", "Hà Nội", true, "01", "thủ đô hà nội|tp hà nội|tp. hà nội|tp.hà nội"},
      {"02", "Hà Giang", false, "08", ""},
      {"04", "Cao Bằng", false, "04", ""},
      {"06", "Bắc Kạn", false, "19", "bắc cạn"},
      {"08", "Tuyên Quang", false, "08", ""},
      {"10", "Lào Cai", false, "15", ""},
      {"11", "Điện Biên", false, "11", ""},
      {"12", "Lai Châu", false, "12", ""},
      {"14", "Sơn La", false, "14", ""},
      {"15", "Yên Bái", false, "15", ""},
      {"17", "Hòa Bình", false, "25", ""},
      {"19", "Thái Nguyên", false, "19", ""},
      {"20", "Lạng Sơn", false, "20", ""},
      {"22", "Quảng Ninh", false, "22", ""},
      {"24", "Bắc Giang", false, "24", ""},
      {"25", "Phú Thọ", false, "25", ""},
      {"26", "Vĩnh Phúc", false, "25", ""},
      {"27", "Bắc Ninh", false, "24", ""},
      {"30", "Hải Dương", false, "31", ""},
      {"31", "Hải Phòng", true, "31", "tp.hải phòng|tp hải phòng|tp. hải phòng"},
      {"33", "Hưng Yên", false, "33", ""},
      {"34", "Thái Bình", false, "33", ""},
      {"35", "Hà Nam", false, "37", ""},
      {"36", "Nam Định", false, "37", ""},
      {"37", "Ninh Bình", false, "37", ""},
      {"38", "Thanh Hóa", false, "38", ""},
      {"40", "Nghệ An", false, "40", ""},
      {"42", "Hà Tĩnh", false, "42", ""},
      {"44", "Quảng Bình", false, "44", ""},
      {"45", "Quảng Trị", false, "44", ""},
      {"46", "Thừa Thiên Huế", false, "46",
       "huế|thừa thiên - huế|thừa thiên-huế|tt-huế|tt - huế|tt- huế|tt.huế|tt huế"},
      {"48", "Đà Nẵng", true, "48", "tp.đà nẵng|tp đà nẵng|tp. đà nẵng"},
      {"49", "Quảng Nam", false, "48", ""},
      {"51", "Quảng Ngãi", false, "51", ""},
      {"52", "Bình Định", false, "52", ""},
      {"54", "Phú Yên", false, "66", ""},
      {"56", "Khánh Hòa", false, "56", ""},
      {"58", "Ninh Thuận", false, "56", ""},
      {"60", "Bình Thuận", false, "68", ""},
      {"62", "Kon Tum", false, "51", "kontum"},
      {"64", "Gia Lai", false, "52", ""},
      {"66", "Đắk Lắk", false, "66", "đăk lăk|đắc lắc|daklak|đắk lăk"},
      {"67", "Đắk Nông", false, "68", "đăk nông|đắc nông|daknong"},
      {"68", "Lâm Đồng", false, "68", ""},
      {"70", "Bình Phước", false, "75", ""},
      {"72", "Tây Ninh", false, "80", ""},
      {"74", "Bình Dương", false, "79", ""},
      {"75", "Đồng Nai", false, "75", ""},
      {"77", "Bà Rịa - Vũng Tàu", false, "79", "bà rịa-vũng tàu|bà rịa – vũng tàu|br-vt|brvt"},
      {"79", "Hồ Chí Minh", true, "79",
       "tp.hcm|tphcm|tp hcm|tp. hcm|tp.hồ chí minh|tp hồ chí minh|tp. hồ chí minh|tphồ chí minh|"
       "thành phố hồ chí minh|thành phố hcm|tp.sài gòn"},
      {"80", "Long An", false, "80", ""},
      {"82", "Tiền Giang", false, "82", ""},
      {"83", "Bến Tre", false, "86", ""},
      {"84", "Trà Vinh", false, "86", ""},
      {"86", "Vĩnh Long", false, "86", ""},
      {"87", "Đồng Tháp", false, "82", ""},
      {"89", "An Giang", false, "91", ""},
      {"91", "Kiên Giang", false, "91", ""},
      {"92", "Cần Thơ", true, "92", "tp.cần thơ|tp cần thơ|tp. cần thơ"},
      {"93", "Hậu Giang", false, "92", ""},
      {"94", "Sóc Trăng", false, "92", ""},
      {"95", "Bạc Liêu", false, "96", ""},
      {"96", "Cà Mau", false, "96", ""},
  };
  return *kProvinces;
}

const std::vector<Province2025>& Provinces2025() {
  static const auto* const kProvinces = new std::vector<Province2025>{
      {"01", "Hà Nội", true},      {"04", "Cao Bằng", false},    {"08", "Tuyên Quang", false},
      {"11", "Điện Biên", false},  {"12", "Lai Châu", false},    {"14", "Sơn La", false},
      {"15", "Lào Cai", false},    {"19", "Thái Nguyên", false}, {"20", "Lạng Sơn", false},
      {"22", "Quảng Ninh", false}, {"24", "Bắc Ninh", false},    {"25", "Phú Thọ", false},
      {"31", "Hải Phòng", true},   {"33", "Hưng Yên", false},    {"37", "Ninh Bình", false},
      {"38", "Thanh Hóa", false},  {"40", "Nghệ An", false},     {"42", "Hà Tĩnh", false},
      {"44", "Quảng Trị", false},  {"46", "Huế", true},          {"48", "Đà Nẵng", true},
      {"51", "Quảng Ngãi", false}, {"52", "Gia Lai", false},     {"56", "Khánh Hòa", false},
      {"66", "Đắk Lắk", false},    {"68", "Lâm Đồng", false},    {"75", "Đồng Nai", false},
      {"79", "Hồ Chí Minh", true}, {"80", "Tây Ninh", false},    {"82", "Đồng Tháp", false},
      {"86", "Vĩnh Long", false},  {"91", "An Giang", false},    {"92", "Cần Thơ", true},
      {"96", "Cà Mau", false},
  };
  return *kProvinces;
}

const Province2025* CurrentProvinceOf(int province_index) {
  const auto& provinces = Provinces();
  if (province_index < 0 || province_index >= static_cast<int>(provinces.size())) return nullptr;
  for (const Province2025& unit : Provinces2025()) {
    if (unit.code == provinces[province_index].code_2025) return &unit;
  }
  return nullptr;
}

namespace {

// Whether `date` is known and on or after the given day.
bool OnOrAfter(const Date& date, int year, int month, int day) {
  if (!date.known()) return false;
  if (date.year != year) return date.year > year;
  if (date.month != month) return date.month > month;
  return date.day >= day;
}

}  // namespace

std::string ProvinceNameOn(int province_index, const Date& date) {
  const auto& provinces = Provinces();
  if (province_index < 0 || province_index >= static_cast<int>(provinces.size())) return "";
  if (OnOrAfter(date, 2025, 7, 1)) {
    const Province2025* current = CurrentProvinceOf(province_index);
    return current != nullptr ? std::string(current->name) : "";
  }
  if (province_index == kHueIndex && OnOrAfter(date, 2025, 1, 1)) return "Huế";
  return std::string(provinces[province_index].name);
}

bool CentrallyRunOn(int province_index, const Date& date) {
  const auto& provinces = Provinces();
  if (province_index < 0 || province_index >= static_cast<int>(provinces.size())) return false;
  if (OnOrAfter(date, 2025, 7, 1)) {
    const Province2025* current = CurrentProvinceOf(province_index);
    return current != nullptr && current->centrally_run;
  }
  if (province_index == kHueIndex && OnOrAfter(date, 2025, 1, 1)) return true;
  return provinces[province_index].centrally_run;
}

int FindProvinceByName(std::string_view name) {
  const NormalizedText folded = NormalizeTextLenient(name);
  std::string_view lower = folded.lower;
  const auto& provinces = Provinces();
  for (size_t i = 0; i < provinces.size(); ++i) {
    if (FoldLower(provinces[i].name) == lower) return static_cast<int>(i);
  }
  size_t skip = 0;
  for (std::string_view prefix : {"tỉnh ", "thành phố "}) {
    if (lower.substr(0, prefix.size()) == prefix) skip = prefix.size();
  }
  for (const PlaceMention& mention : FindPlaces(folded.text, lower, 0, lower.size())) {
    if (mention.kind == PlaceKind::kProvince && mention.end == lower.size() &&
        (mention.begin == 0 || mention.begin == skip)) {
      return mention.province_index;
    }
  }
  return -1;
}

namespace {

// The place named at text[pos] (a word start), if any; `next` is where scanning goes on.
std::optional<PlaceMention> PlaceAt(std::string_view text, std::string_view lower, size_t pos,
                                    size_t end, size_t& next) {
  size_t syllable_end = pos;
  while (syllable_end < end && lower[syllable_end] != ' ' && lower[syllable_end] != '.' &&
         lower[syllable_end] != '-' && lower[syllable_end] != ',' && lower[syllable_end] != '\n' &&
         lower[syllable_end] != ')' && lower[syllable_end] != '(') {
    ++syllable_end;
  }
  next = syllable_end;
  const std::string_view syllable = lower.substr(pos, syllable_end - pos);
  const std::vector<Pattern>* found = Patterns().Find(syllable);
  if (found == nullptr) return std::nullopt;
  // "Thái Bình Dương" is the Pacific: neither Thái Bình nor Bình Dương.
  if (syllable == "thái" && StartsWith(lower.substr(pos), "thái bình dương")) {
    next = pos + std::string_view("thái bình dương").size();
    return std::nullopt;
  }
  const Pattern* best = nullptr;
  for (const Pattern& pattern : *found) {
    const size_t stop = pos + pattern.lower.size();
    if (stop > end || lower.compare(pos, pattern.lower.size(), pattern.lower) != 0) continue;
    if (stop < end && IsWordChar(lower, stop)) continue;
    if (pattern.needs_capitals && !AllSyllablesCapitalised(text, pos, stop)) continue;
    if (best == nullptr || pattern.lower.size() > best->lower.size()) best = &pattern;
  }
  if (best == nullptr) return std::nullopt;
  next = pos + best->lower.size();
  return PlaceMention{pos, next, best->province_index, best->kind};
}

// "TP.HCM", "TT-Huế": a word of several syllables joined by '.' or '-'.
bool HasInnerJoiner(std::string_view word) {
  for (const char ch : word) {
    if (ch == '.' || ch == '-') return true;
  }
  return false;
}

}  // namespace

std::vector<PlaceMention> FindPlaces(std::string_view text, std::string_view lower, size_t begin,
                                     size_t end) {
  std::vector<PlaceMention> mentions;
  end = std::min(end, lower.size());
  size_t pos = begin;
  // Start at a word boundary.
  while (pos > 0 && pos < end && IsWordChar(lower, pos) && IsWordChar(lower, pos - 1)) ++pos;
  while (pos < end) {
    // Advance to the next word start, a word at a time.
    if (!IsWordChar(lower, pos)) {
      while (pos < end && !IsWordChar(lower, pos)) ++pos;
      continue;
    }
    // Names are capitalised; only "thành phố ..." and "tp..." forms may start in lower case.
    const unsigned char lead = static_cast<unsigned char>(text[pos]);
    if (lead < 0x80 ? !(lead >= 'A' && lead <= 'Z') && lead != 't'
                    : !StartsUpper(text.substr(pos, 4))) {
      while (pos < end && IsWordChar(lower, pos)) ++pos;
      continue;
    }
    size_t next;
    if (auto mention = PlaceAt(text, lower, pos, end, next)) mentions.push_back(*mention);
    pos = next;
  }
  return mentions;
}

namespace {

// Whether a place's name may start at `token` (after `covered`, the end of the last match): a
// capitalised word (or "thành phố", "tp" in lower case) that starts some place's name, or one
// joined with '.' or '-' ("TP.HCM", "TT-Huế") whose first syllable may.
bool MayStartAPlace(const Token& token, size_t covered) {
  if (!token.is_word || token.begin < covered) return false;
  if (!token.capitalised && (token.lower[0] != 't' || (!StartsWith(token.lower, "tp") &&
                                                       !StartsWith(token.lower, "thành")))) {
    return false;
  }
  return (token.classes & kPlaceStart) || HasInnerJoiner(token.lower);
}

}  // namespace

namespace {

// Adds the place named from `token` on, if one is and no earlier mention covers it (up to
// `covered`, which it then moves past the new one).
void AddPlaceAt(std::string_view text, std::string_view lower, const Token& token, size_t end,
                size_t& covered, std::vector<PlaceMention>& mentions) {
  if (!MayStartAPlace(token, covered)) return;
  size_t next;
  if (auto mention = PlaceAt(text, lower, token.begin, end, next)) {
    mentions.push_back(*mention);
    covered = mention->end;
  }
}

}  // namespace

std::vector<PlaceMention> FindPlacesInTokens(std::string_view text, std::string_view lower,
                                             const std::vector<Token>& tokens, size_t first,
                                             size_t last) {
  std::vector<PlaceMention> mentions;
  if (first >= last) return mentions;
  const size_t end = tokens[last - 1].end;
  size_t covered = 0;  // a match spans several tokens
  for (size_t i = first; i < last; ++i) AddPlaceAt(text, lower, tokens[i], end, covered, mentions);
  return mentions;
}

std::vector<PlaceMention> FindPlacesAt(std::string_view text, std::string_view lower,
                                       const std::vector<Token>& tokens,
                                       const std::vector<uint32_t>& marked) {
  std::vector<PlaceMention> mentions;
  if (tokens.empty()) return mentions;
  const size_t end = tokens.back().end;
  size_t covered = 0;
  for (const uint32_t i : marked) AddPlaceAt(text, lower, tokens[i], end, covered, mentions);
  return mentions;
}

bool PlaceStartsAt(const std::vector<Token>& tokens, size_t i, size_t end) {
  if (i + 1 >= end) return false;
  // The tokens lie in one normalised text, so the two words are one contiguous stretch of it.
  const char* first = tokens[i].text.data();
  const size_t length =
      static_cast<size_t>(tokens[i + 1].text.data() - first) + tokens[i + 1].text.size();
  const std::string_view text(first, length);
  const std::string_view lower(tokens[i].lower.data(), length);
  const std::vector<PlaceMention> places = FindPlaces(text, lower, 0, length);
  return !places.empty() && places.front().begin == 0;
}

}  // namespace laurel::parser

#include "ingest-service/src/parser/issuer_resolution.h"

#include <algorithm>
#include <array>
#include <utility>
#include <vector>

#include "ingest-service/src/parser/award_lexicon.h"
#include "ingest-service/src/parser/body_names.h"
#include "ingest-service/src/parser/gazetteer.h"
#include "ingest-service/src/parser/string_util.h"
#include "ingest-service/src/parser/text_normalizer.h"
#include "ingest-service/src/parser/tokenizer.h"
#include "ingest-service/src/parser/vietnamese_letters.h"

namespace laurel::parser {
namespace {

// Roles whose holder gives awards in the name of a body: the issuer is the body that follows.
// Leadership boards ("Ban Giám đốc Công an tỉnh", "Ban giám hiệu nhà trường") speak for their body
// the same way.
constexpr std::array<std::string_view, 24> kHeadRoles = {
    "thứ trưởng",    "bộ trưởng",     "chủ tịch",       "trưởng ban",          "giám đốc",
    "tổng giám đốc", "hiệu trưởng",   "chủ nhiệm",      "tổng cục trưởng",     "cục trưởng",
    "viện trưởng",   "bí thư",        "trưởng",         "thủ trưởng",          "tư lệnh",
    "ban giám đốc",  "ban giám hiệu", "ban lãnh đạo",   "thống đốc",           "tổng thanh tra",
    "chánh án",      "chính ủy",      "chỉ huy trưởng", "bộ trưởng, chủ nhiệm"};

constexpr std::array<std::string_view, 24> kForeignStates = {
    "pháp",     "italia",    "ý",          "nga",       "liên bang nga", "lào",      "campuchia",
    "nhật bản", "đức",       "mỹ",         "hoa kỳ",    "trung quốc",    "hàn quốc", "cuba",
    "ba lan",   "anh",       "úc",         "australia", "canada",        "thái lan", "singapore",
    "malaysia", "indonesia", "philippines"};

bool IsWordBoundary(std::string_view lower, size_t pos) {
  if (pos >= lower.size()) return true;
  const char ch = lower[pos];
  return ch == ' ' || ch == ',' || ch == '.' || ch == '-' || ch == '(' || ch == ')';
}

// Text already folded, with its lower-case copy. Issuers are pieced together from the article's
// normalised text, so folding them again would change nothing and cost a full normalisation.
NormalizedText Lowered(std::string_view text) {
  NormalizedText lowered;
  lowered.text = std::string(text);
  lowered.lower = ToLowerPreservingOffsets(text);
  return lowered;
}

std::string ProvincePart(int province_index, const Date& date) {
  if (province_index < 0) return "";
  const bool city = CentrallyRunOn(province_index, date);
  return std::string(city ? "thành phố " : "tỉnh ") + ProvinceNameOn(province_index, date);
}

// Replaces a written province ("TPHCM", "tỉnh Khánh Hoà", "Hà Tĩnh") with "tỉnh X" / "thành phố X".
std::string ReplaceProvince(const std::string& text, const IssuerContext& context) {
  const NormalizedText folded = Lowered(text);
  for (const PlaceMention& place : FindPlaces(folded.text, folded.lower, 0, folded.lower.size())) {
    if (place.kind != PlaceKind::kProvince) continue;
    // "UBND thị xã Quảng Trị", "huyện Hà Tĩnh"-like units share the province's name: the unit's.
    const auto unit_before = [&](std::string_view unit) {
      return place.begin >= unit.size() &&
             folded.lower.compare(place.begin - unit.size(), unit.size(), unit) == 0;
    };
    if (unit_before("thị xã ") || unit_before("huyện ") || unit_before("quận ") ||
        unit_before("thị trấn ")) {
      continue;
    }
    size_t begin = place.begin;
    for (std::string_view prefix : {"tỉnh ", "thành phố ", "tp ", "tp. "}) {
      if (begin >= prefix.size() &&
          folded.lower.compare(begin - prefix.size(), prefix.size(), prefix) == 0) {
        begin -= prefix.size();
      }
    }
    return folded.text.substr(0, begin) + ProvincePart(place.province_index, context.date) +
           folded.text.substr(place.end);
  }
  return folded.text;
}

// Companies, clubs, schools, papers and hospitals carry a place in their own name ("Câu lạc bộ
// Facolos Cao Bằng", "Báo Nghệ An"): it is not the province a state body belongs to.
bool NamedForItsPlace(std::string_view lower) {
  for (std::string_view head :
       {"câu lạc bộ", "clb", "công ty", "tổng công ty", "tập đoàn", "trường", "báo", "đài",
        "bệnh viện", "ngân hàng", "hợp tác xã", "nhà xuất bản", "tạp chí", "khách sạn"}) {
    if (StartsWith(lower, head) && (lower.size() == head.size() || lower[head.size()] == ' ')) {
      return true;
    }
  }
  return false;
}

bool EndsWithWord(std::string_view lower, std::string_view word) {
  return lower.size() >= word.size() && lower.substr(lower.size() - word.size()) == word &&
         (lower.size() == word.size() || lower[lower.size() - word.size() - 1] == ' ');
}

}  // namespace

std::string CompleteBareUnit(std::string text, const IssuerContext& context) {
  std::string lower = ToLowerPreservingOffsets(text);
  if (EndsWithWord(lower, "này")) {
    text.resize(text.size() - std::string_view(" này").size());
    lower.resize(text.size());
  }
  for (std::string_view bare : {"tỉnh", "thành phố"}) {
    if (!EndsWithWord(lower, bare)) continue;
    // "LĐLĐ thành phố" in an article about a province: the city named last before the sentence
    // (and "UBND tỉnh" in an article about a city, the province named last).
    int province = context.province_index;
    const bool wants_city = bare == "thành phố";
    if (province >= 0 && CentrallyRunOn(province, context.date) != wants_city) {
      const int nearest = wants_city ? context.nearest_city : context.nearest_province;
      if (nearest >= 0) province = nearest;
    }
    if (province >= 0) {
      return text.substr(0, text.size() - bare.size()) + ProvincePart(province, context.date);
    }
  }
  for (const auto& [unit, name] : context.local_units) {
    if (EndsWithWord(lower, unit)) return text + " " + name;
  }
  // "Huyện ủy", "Thị ủy" alone: the party committee of the district or town the article names.
  for (const auto& [committee, unit] :
       {std::pair<std::string_view, std::string_view>{"huyện ủy", "huyện"},
        {"thị ủy", "thị xã"},
        {"quận ủy", "quận"}}) {
    if (lower != committee) continue;
    const auto named = context.local_units.find(std::string(unit));
    if (named != context.local_units.end()) return text + " " + named->second;
  }
  // "nhà trường", "công ty" alone: the school or company the article names.
  const std::string_view head = lower == "nhà trường" ? std::string_view("trường") : lower;
  const auto named = context.named_bodies.find(std::string(head));
  if (named != context.named_bodies.end()) return named->second;
  // A department of the province ("Sở Giáo dục và Đào tạo") belongs to the article's province.
  if (StartsWith(lower, "sở ") && context.province_index >= 0 &&
      FindPlaces(text, lower, 0, lower.size()).empty()) {
    return text + " " + ProvincePart(context.province_index, context.date);
  }
  return text;
}

namespace {

// Cuts the holder's name off an authority: "Chủ tịch UBND tỉnh Kon Tum Nguyễn Văn Hòa".
std::string WithoutPersonName(std::string_view phrase) {
  const NormalizedText folded = Lowered(phrase);
  const std::vector<Token> tokens = Tokenize(folded, 0, folded.text.size());
  // Places only matter where a family name could start a person's name.
  const bool family_name =
      std::any_of(tokens.begin() + std::min<size_t>(1, tokens.size()), tokens.end(),
                  [](const Token& token) { return IsFamilyName(token); });
  // "Trường THCS Nguyễn Du": schools are named after people.
  if (!family_name || (!tokens.empty() && tokens[0].lower == "trường")) return folded.text;
  const std::vector<PlaceMention> places =
      FindPlaces(folded.text, folded.lower, 0, folded.lower.size());
  for (size_t i = 1; i + 1 < tokens.size(); ++i) {
    // "Hà Nam" is a province, "Hà Văn Nam" a person.
    const bool place = std::any_of(places.begin(), places.end(), [&](const PlaceMention& p) {
      return p.begin <= tokens[i].begin && tokens[i].begin < p.end;
    });
    // "Tỉnh Đoàn Quảng Trị", "Thành Đoàn Hà Nội": the Youth Union, not a Mr Đoàn.
    const bool union_name = tokens[i].lower == "đoàn" &&
                            IsOneOf(tokens[i - 1], {"tỉnh", "thành", "ương", "huyện", "quận"});
    if (!place && !union_name && IsFamilyName(tokens[i]) && tokens[i + 1].capitalised &&
        !MatchesPhrase(tokens, i, "hồ chí minh")) {
      return std::string(TrimAscii(std::string_view(folded.text).substr(0, tokens[i].begin)));
    }
  }
  return folded.text;
}

std::string CapitaliseFirst(std::string text) {
  if (!text.empty() && text[0] >= 'a' && text[0] <= 'z') text[0] = static_cast<char>(text[0] - 32);
  if (StartsWith(text, "ủy")) text.replace(0, std::string_view("ủ").size(), "Ủ");
  if (StartsWith(text, "đ")) text.replace(0, std::string_view("đ").size(), "Đ");
  return text;
}

}  // namespace

bool IsForeignIssuer(std::string_view canonical) {
  const std::string lower = ToLowerPreservingOffsets(canonical);
  std::string_view rest = lower;
  for (std::string_view prefix : {"nhà nước ", "đại sứ ", "tổng thống ", "chính phủ "}) {
    if (StartsWith(rest, prefix)) rest.remove_prefix(prefix.size());
  }
  for (std::string_view state : kForeignStates) {
    if (rest == state) return true;
  }
  return Contains(lower, "cảnh sát") || Contains(lower, "thị trưởng");
}

namespace {
std::string Resolve(std::string_view phrase, const IssuerContext& context);
}  // namespace

std::string CanonicalIssuer(std::string_view phrase, const IssuerContext& context) {
  if (context.resolved == nullptr) return Resolve(phrase, context);
  // The article's (or the gathering's) province and the nearest places take part in resolving bare
  // units, so they are part of the key.
  std::string key(phrase);
  key += '\x1f';
  key += std::to_string(context.province_index) + "," + std::to_string(context.nearest_city) + "," +
         std::to_string(context.nearest_province);
  const auto found = context.resolved->find(key);
  if (found != context.resolved->end()) return found->second;
  std::string canonical = Resolve(phrase, context);
  context.resolved->emplace(key, canonical);
  return canonical;
}

namespace {

std::string Resolve(std::string_view phrase, const IssuerContext& context) {
  // "Hội đồng Đội Trung ương (Đội TNTP Hồ Chí Minh)": the parenthesis only explains.
  std::string plain(TrimAscii(phrase));
  for (size_t open = plain.find('('); open != std::string::npos; open = plain.find('(')) {
    const size_t close = plain.find(')', open);
    plain.erase(open, close == std::string::npos ? std::string::npos : close - open + 1);
  }
  // Folded once here (a phrase may come from anywhere); the pieces made from it need no more.
  const NormalizedText entry = NormalizeTextLenient(TrimAscii(plain));
  std::string_view trimmed = entry.text;
  if (StartsWith(trimmed, "Đích thân ") || StartsWith(trimmed, "đích thân ")) {
    trimmed.remove_prefix(std::string_view("đích thân ").size());
  }
  const std::string without_name = WithoutPersonName(trimmed);
  const NormalizedText folded = Lowered(without_name);
  std::string_view text = folded.text;
  std::string_view lower = folded.lower;
  while (!text.empty() && (text.back() == ',' || text.back() == '.')) {
    text.remove_suffix(1);
    lower.remove_suffix(1);
  }
  if (lower.empty()) return "";
  // "Hội nghị đã khen thưởng ...": a gathering gives nothing itself.
  for (std::string_view gathering :
       {"hội nghị", "đại hội", "buổi lễ", "lễ", "chương trình", "cuộc thi", "hội thi"}) {
    if (StartsWith(lower, gathering) &&
        (lower.size() == gathering.size() || lower[gathering.size()] == ' ')) {
      return "";
    }
  }
  // The state and the government.
  if (StartsWith(lower, "chủ tịch nước") || StartsWith(lower, "nhà nước việt nam") ||
      lower == "nhà nước" || lower == "đảng, nhà nước" || StartsWith(lower, "lãnh đạo đảng")) {
    return "Chủ tịch nước";
  }
  if (StartsWith(lower, "thủ tướng")) return "Thủ tướng Chính phủ";
  if (lower == "chính phủ" || StartsWith(lower, "chính phủ ")) return "Chính phủ";
  // Foreign states: "Đại sứ Pháp" → "Pháp", "Tổng thống Italia" → "Nhà nước Italia".
  for (std::string_view prefix : {"đại sứ ", "tổng thống ", "nhà nước "}) {
    if (!StartsWith(lower, prefix)) continue;
    const std::string_view rest = lower.substr(prefix.size());
    for (std::string_view state : kForeignStates) {
      if (StartsWith(rest, state) && IsWordBoundary(rest, state.size())) {
        const std::string name(text.substr(prefix.size(), state.size()));
        return prefix == "đại sứ " ? name : "Nhà nước " + name;
      }
    }
  }
  // "Chủ tịch UBND tỉnh", "Bộ trưởng Bộ Công an": the body the head speaks for.
  // "Trưởng ban Tuyên giáo Trung ương" heads the "Ban Tuyên giáo Trung ương", "Tổng Thanh tra
  // Chính phủ" the "Thanh tra Chính phủ".
  std::string_view body_head;
  for (std::string_view role : kHeadRoles) {
    if (StartsWith(lower, role) && lower.size() > role.size() && lower[role.size()] == ' ') {
      text.remove_prefix(role.size() + 1);
      lower.remove_prefix(role.size() + 1);
      if (role == "trưởng ban") body_head = "Ban ";
      if (role == "tổng thanh tra") body_head = "Thanh tra ";
      break;
    }
  }
  std::string body = std::string(body_head) + std::string(text);
  // "Chủ tịch tỉnh" → UBND of the province; "huyện Đăk Hà" as a giver → its UBND; "Tỉnh ủy" and
  // "(Ban Thường vụ) Tỉnh đoàn" are bodies of their own.
  static const auto* const kOwnBodies = new std::vector<std::string_view>{
      "tỉnh ủy",  "tỉnh uỷ",    "tỉnh đoàn",  "tỉnh hội", "tỉnh đội", "thành ủy",
      "thành uỷ", "thành đoàn", "huyện ủy",   "huyện uỷ", "quận ủy",  "quận uỷ",
      "thị ủy",   "thị uỷ",     "huyện đoàn", "quận đoàn"};
  // A district's Party committee or Youth Union is not the province's.
  const bool district_body =
      StartsWith(lower, "huyện") || StartsWith(lower, "quận") || StartsWith(lower, "thị ");
  const bool own_body =
      std::any_of(kOwnBodies->begin(), kOwnBodies->end(), [&](std::string_view b) {
        const size_t at = lower.find(b);
        return at != std::string_view::npos && (at == 0 || lower[at - 1] == ' ') &&
               IsWordBoundary(lower, at + b.size());
      });
  if (!own_body && (lower == "tỉnh" || lower == "thành phố" || StartsWith(lower, "tỉnh ") ||
                    StartsWith(lower, "thành phố ") || StartsWith(lower, "huyện ") ||
                    StartsWith(lower, "quận ") || StartsWith(lower, "xã ") ||
                    StartsWith(lower, "phường ") || StartsWith(lower, "thị xã "))) {
    body = "UBND " + body;
  }
  if (own_body) {
    // "Tỉnh Đoàn Quảng Trị" keeps its name as written; a bare "Tỉnh ủy" takes the article's.
    const NormalizedText folded = Lowered(body);
    if (FindPlaces(folded.text, folded.lower, 0, folded.lower.size()).empty() &&
        context.province_index >= 0 && !district_body) {
      body += " " + ProvinceNameOn(context.province_index, context.date);
    }
  } else if (!NamedForItsPlace(lower)) {
    body = ReplaceProvince(body, context);
  }
  const NormalizedText replaced = Lowered(body);
  body = ExpandBodyNames(replaced.text, replaced.lower);
  body = CapitaliseFirst(CompleteBareUnit(body, context));
  // A bare role ("Bộ trưởng" once the name is cut off) names no body, unless it is a minister's and
  // the article names the ministry.
  const std::string role = ToLowerPreservingOffsets(body);
  if (role == "bộ trưởng" || role == "thứ trưởng") {
    const auto ministry = context.named_bodies.find("bộ");
    if (ministry != context.named_bodies.end()) return ministry->second;
  }
  for (std::string_view head : kHeadRoles) {
    if (role == head) return "";
  }
  return body;
}

}  // namespace

IssuerLevel LevelOf(std::string_view canonical) {
  if (canonical.empty()) return IssuerLevel::kUnspecified;
  const std::string lower = ToLowerPreservingOffsets(canonical);
  if (lower == "chủ tịch nước" || StartsWith(lower, "quốc hội") || lower == "nhà nước") {
    return IssuerLevel::kState;
  }
  if (lower == "thủ tướng chính phủ" || lower == "chính phủ") return IssuerLevel::kGovernment;
  if (IsForeignIssuer(canonical)) return IssuerLevel::kForeign;
  if (StartsWith(lower, "ubnd huyện") || StartsWith(lower, "ubnd quận") ||
      StartsWith(lower, "ubnd xã") || StartsWith(lower, "ubnd phường") ||
      StartsWith(lower, "ubnd thị") || StartsWith(lower, "công an huyện") ||
      StartsWith(lower, "công an xã")) {
    return IssuerLevel::kLocal;
  }
  if (StartsWith(lower, "ubnd") || StartsWith(lower, "hđnd") || StartsWith(lower, "sở ") ||
      StartsWith(lower, "công an tỉnh") || StartsWith(lower, "công an thành phố")) {
    return IssuerLevel::kProvince;
  }
  static const auto* const kMinistries = [] {
    auto* names = new std::vector<std::string>;
    for (std::string_view name : Ministries()) names->push_back(ToLowerPreservingOffsets(name));
    return names;
  }();
  const bool ministry =
      std::find(kMinistries->begin(), kMinistries->end(), lower) != kMinistries->end();
  if (ministry || StartsWith(lower, "bộ ") || StartsWith(lower, "tổng cục") ||
      (StartsWith(lower, "ủy ban") && Contains(lower, "quốc gia")) ||
      StartsWith(lower, "hội đồng thi đua - khen thưởng trung ương")) {
    return IssuerLevel::kMinistry;
  }
  return IssuerLevel::kOrganization;
}

}  // namespace laurel::parser

#include "ingest-service/src/parser/award_extraction.h"

#include <algorithm>
#include <cstdint>
#include <optional>
#include <utility>

#include "ingest-service/src/parser/award_lexicon.h"
#include "ingest-service/src/parser/body_names.h"
#include "ingest-service/src/parser/dates.h"
#include "ingest-service/src/parser/gazetteer.h"
#include "ingest-service/src/parser/numbers.h"
#include "ingest-service/src/parser/recipients.h"
#include "ingest-service/src/parser/string_util.h"

namespace laurel::parser {
namespace {

constexpr size_t kMaxIssuerWords = 14;
constexpr size_t kMaxMentionsPerSentence = 32;
constexpr size_t kMaxBackReferenceWords = 5;  // "3 đội viên nói trên": count, noun, "nói trên"
constexpr double kBaseConfidence = 0.9;
constexpr int kMonthsPerYear = 12;
constexpr int kRecentMonths = 2;  // a date this many months before publication is news still

bool IsStateAward(AwardType type) {
  return type == AwardType::kOrder || type == AwardType::kMedal ||
         type == AwardType::kStateHonoraryTitle || type == AwardType::kStatePrize;
}

// "thi đua, khen thưởng" is the field, "Ban Thi đua - Khen thưởng" a body, "lễ tuyên dương" and
// "dự tôn vinh" a gathering: none of them confers anything on anyone.
bool IsNotAnAct(const std::vector<Token>& tokens, const AwardMention& mention, size_t begin) {
  if (!mention.generic) return false;
  if (tokens[mention.first].capitalised && mention.first > begin) return true;
  if (mention.first > begin &&
      IsOneOf(tokens[mention.first - 1], {"lễ", "dự", "trình", "nghị", "thức", "động", "gia",
                                          "công", "việc", "hình", "chế", "quỹ", "đêm", "buổi"})) {
    // ... unless the gathering honours a counted group: "lễ tuyên dương 63 nông dân xuất sắc".
    size_t length = 0;
    const std::optional<ParsedNumber> count = ParseCount(tokens, mention.last);
    const bool counted_group =
        tokens[mention.first - 1].lower == "lễ" && count &&
        RecipientNoun(tokens, mention.last + count->tokens, length).has_value();
    return !counted_group;
  }
  size_t k = mention.first;
  while (k > begin && !tokens[k - 1].is_word &&
         (tokens[k - 1].text == "-" || tokens[k - 1].text == ",")) {
    --k;
  }
  if (k >= begin + 2 && MatchesPhrase(tokens, k - 2, "thi đua")) return true;
  // "cảm ơn và biểu dương chính quyền hai địa phương": thanks and praise in a speech.
  for (size_t j = k; j > begin && j + 4 > k; --j) {
    if (MatchesAnyPhrase(tokens, j - 1,
                         {"cảm ơn", "ghi nhận", "khen ngợi", "đánh giá cao", "hoan nghênh"})) {
      return true;
    }
  }
  return false;
}

// Words that open a time, place or circumstance before a clause's subject: "Tại chương trình, 90
// gia đình ...", "Nhân dịp này, Công ty ...".
bool IsAdverbialStart(const std::vector<Token>& tokens, size_t i) {
  return i < tokens.size() &&
         IsOneOf(tokens[i],
                 {"tại",   "trong", "nhân", "dịp",  "theo",  "qua", "với",  "sáng", "chiều",
                  "tối",   "trưa",  "ngày", "hôm",  "đợt",   "năm", "vào",  "sau",  "trước",
                  "ngoài", "bên",   "đến",  "tính", "riêng", "đặc", "cũng", "chúc", "cùng"});
}

// Words that start the name of an authority able to give awards: a body's head word ("Sở",
// "Công an"), "UBND", "Bộ ...", or a head's role ("Chủ tịch", "Thủ tướng", "Tổng ...").
bool IsAuthorityHead(const std::vector<Token>& tokens, size_t i) {
  size_t head_length;
  return IsOrganisationHead(tokens, i, head_length) ||
         IsOneOf(tokens[i], {"ubnd", "chủ", "thủ", "tổng", "hđnd", "bộ"}) ||
         MatchesPhrase(tokens, i, "hội đồng");
}

// Verbs after which the subject gives the award: "UBND tỉnh đã trao tặng bằng khen", "gửi thư
// khen". Capitalised, "Phong" and "Thưởng" are names.
bool IsGivingVerb(const Token& token) {
  return IsOneOf(token, {"trao", "tặng", "truy", "phong", "gắn", "thưởng", "gửi"}) &&
         !(token.capitalised && IsOneOf(token, {"phong", "thưởng"}));
}

// "Bộ trưởng, Chủ nhiệm Ủy ban Dân tộc": one holder of two titles, the comma at tokens[k] between.
bool JoinsTitles(const std::vector<Token>& tokens, size_t k) {
  return tokens[k].text == "," && k >= 2 && MatchesPhrase(tokens, k - 2, "bộ trưởng") &&
         MatchesPhrase(tokens, k + 1, "chủ nhiệm");
}

// The issuer phrase starting at tokens[i]: up to a word that ends it.
size_t IssuerPhraseEnd(const std::vector<Token>& tokens, size_t i, size_t end) {
  size_t k = i;
  // "Đại sứ quán Việt Nam tại Đức": a mission is named with where it is.
  const bool mission = MatchesAnyPhrase(tokens, i, {"đại sứ quán", "tổng lãnh sự quán"});
  size_t limit = i + kMaxIssuerWords;
  while (k < end && k < limit) {
    const Token& token = tokens[k];
    // "Bộ Lao động - Thương binh và Xã hội": a ministry's name is read whole, as one word.
    if (const size_t known = KnownBodyAt(tokens, k, end)) {
      k += known;
      limit += known - 1;
      continue;
    }
    if (mission && token.lower == "tại" && k + 1 < end && tokens[k + 1].capitalised) {
      k += 2;
      continue;
    }
    if (!token.is_word) {
      if (token.text == "-" || token.text == "&" || IsAbbreviationStop(tokens, k) ||
          JoinsTitles(tokens, k)) {
        ++k;
        continue;
      }
      // "Bộ Văn hóa, Thể thao và Du lịch" keeps its comma; elsewhere a comma ends the phrase.
      if (token.text == "," && k + 1 < end && tokens[k + 1].capitalised && k > i &&
          IsOneOf(tokens[k - 1], {"hóa", "hoá"})) {
        ++k;
        continue;
      }
      break;
    }
    // "nhân" and "tổ" end it only as "nhân dịp" and "tổ chức" ("Ban tổ chức" is a body), "phong"
    // not as "phong trào"; a capitalised word is part of a name ("xã Tân Phong", "huyện Năm
    // Căn"). "X phối hợp với Y" is X's.
    bool stop = (token.classes & kIssuerStop) != 0 && !(token.capitalised && k > i);
    if (stop && IsOneOf(token, {"nhân", "tổ", "phong"})) {
      stop = MatchesPhrase(tokens, k, "nhân dịp") ||
             (MatchesPhrase(tokens, k, "tổ chức") && !(k > i && tokens[k - 1].lower == "ban")) ||
             (token.lower == "phong" && !MatchesPhrase(tokens, k, "phong trào"));
    }
    if (!token.capitalised && MatchesPhrase(tokens, k, "phối hợp")) stop = true;
    if (stop) {
      // "Bộ Giáo dục và Đào tạo": "và" inside a body's name, not before another body.
      size_t head_length;
      const bool person =
          IsFamilyName(tokens[k + 1 < end ? k + 1 : k]) && k + 2 < end && tokens[k + 2].capitalised;
      if (token.lower == "và" && k + 1 < end && tokens[k + 1].capitalised && k > i &&
          !IsOrganisationHead(tokens, k + 1, head_length) && !person) {
        ++k;
        continue;
      }
      break;
    }
    ++k;
  }
  return k;
}

std::string PhraseText(const std::vector<Token>& tokens, size_t first, size_t last) {
  return JoinTokens(tokens, first, last);
}

bool StartsWithPerson(const std::vector<Token>& tokens, size_t i, size_t end) {
  size_t length;
  if (i >= end || PlaceStartsAt(tokens, i, end)) return false;
  if (IsHonorific(tokens, i, length) && i + length < end && tokens[i + length].capitalised)
    return true;
  return IsFamilyName(tokens[i]) && i + 1 < end && tokens[i + 1].capitalised;
}

// Roles of people who hand awards over on someone else's behalf, or whose role says nothing of
// issuing.
bool IsDeputyOrPerson(const std::vector<Token>& tokens, size_t i) {
  return !PlaceStartsAt(tokens, i, tokens.size()) &&
         IsOneOf(tokens[i], {"phó", "ông", "bà", "anh", "chị", "đại", "thượng", "trung", "thiếu",
                             "đồng", "nguyên", "ủy", "uỷ"}) &&
         !MatchesPhrase(tokens, i, "ủy ban") && !MatchesPhrase(tokens, i, "đại sứ") &&
         !MatchesPhrase(tokens, i, "đại học") && !MatchesPhrase(tokens, i, "trung ương") &&
         !MatchesPhrase(tokens, i, "trung tâm");
}

struct Issuer {
  std::string canonical;
  bool weak = false;
  bool delegated = false;  // "thừa ủy quyền của X": X's award, whoever hands it over
  bool stated = false;     // named with the award: "Bằng khen của X"
};

// The subject of an active clause ending at `verb`: comma-separated bodies ("Hội đồng đội tỉnh, Sở
// GD&ĐT Hà Tĩnh, UBND huyện Thạch Hà ... đã tặng"), after any time and place adverbials.
std::vector<std::pair<size_t, size_t>> SubjectParts(const std::vector<Token>& tokens, size_t begin,
                                                    size_t verb) {
  std::vector<std::pair<size_t, size_t>> parts;
  size_t stop = verb;
  // Lower case only: "Bình Định" ends a name, "quyết định" is a verb; "Ban tổ chức" is a body.
  while (stop > begin && !tokens[stop - 1].capitalised &&
         IsOneOf(tokens[stop - 1],
                 {"đã", "vừa", "cũng", "quyết", "định", "sẽ", "trao", "tặng", "tổ", "chức", "truy",
                  "và", "phong", "trân", "trọng", "long", "trọng", "thể"}) &&
         !(stop >= begin + 3 && MatchesPhrase(tokens, stop - 3, "ban tổ chức"))) {
    --stop;
  }
  // "X, Y… cùng nhiều đơn vị khác đã tặng": the others are not named, so they give no record.
  if (stop > begin + 1 && tokens[stop - 1].lower == "khác") {
    size_t with = stop - 1;
    while (with > begin && tokens[with].is_word && tokens[with].lower != "cùng") --with;
    if (tokens[with].lower == "cùng" && with + 1 < stop &&
        IsOneOf(tokens[with + 1], {"nhiều", "các", "một"})) {
      stop = with;
      while (stop > begin && !tokens[stop - 1].is_word && tokens[stop - 1].text != ")") --stop;
    }
  }
  // Commas and "và" inside a ministry's name ("Bộ Văn hóa, Thể thao và Du lịch") separate nothing.
  // Nor do commas in brackets: "Trường THCS Nguyễn Du (huyện Krông Pắc, Đắk Lắk) đã tặng".
  const auto bracketed = [&](size_t j) {
    for (size_t k = j; k > begin; --k) {
      if (tokens[k - 1].text == ")") return false;
      if (tokens[k - 1].text == "(") return true;
    }
    return false;
  };
  const auto separates = [&](size_t j) {
    const std::string_view text = tokens[j].text;
    return (text == "," || text == ";" || text == ":" || text == "." || text == "\"") &&
           !InsideKnownBody(tokens, j, begin) && !IsAbbreviationStop(tokens, j) && !bracketed(j);
  };
  // "Ông X, Chủ tịch UBND tỉnh Y, trao ...": an authority set off by commas before the verb.
  if (stop > begin + 1 && tokens[stop - 1].text == ",") {
    size_t role = stop - 1;
    while (role > begin && !separates(role - 1)) --role;
    if (role < stop - 1 && tokens[role].capitalised && IsAuthorityHead(tokens, role)) --stop;
  }
  size_t k = stop;
  while (k > begin) {
    size_t start = k;
    while (start > begin && !separates(start - 1)) --start;
    // Split "UBND xã Thạch Văn và Trường tiểu học ..." on "và" between bodies.
    size_t part_end = k;
    for (size_t j = k; j > start; --j) {
      size_t head_length;
      if (tokens[j - 1].lower == "và" && j < k && !InsideKnownBody(tokens, j - 1, begin) &&
          (IsOrganisationHead(tokens, j, head_length) ||
           // "... cho 12 tập thể và Chủ tịch UBND tỉnh X trao ...": a new giver after the last
           // clause's recipients.
           (tokens[j].capitalised && IsAuthorityHead(tokens, j) && !tokens[start].capitalised))) {
        parts.insert(parts.begin(), {j, part_end});
        part_end = j - 1;
      }
    }
    if (part_end > start) parts.insert(parts.begin(), {start, part_end});
    if (start == begin || start < 1 || !IsOneOf(tokens[start - 1], {",", ";"})) break;
    size_t head_length;
    // Only a list of bodies continues leftwards.
    size_t previous = start - 1;
    size_t previous_start = previous;
    while (previous_start > begin && !separates(previous_start - 1)) --previous_start;
    if (!(IsAuthorityHead(tokens, previous_start) ||
          IsOneOf(tokens[previous_start], {"hội", "tỉnh", "thành"}))) {
      break;
    }
    // "Tổng Công ty X cho biết, Thủ tướng ... trao": the body reporting is no giver.
    bool reports = false;
    for (size_t j = previous_start; j < previous && !reports; ++j) {
      reports = MatchesAnyPhrase(tokens, j, {"cho biết", "cho hay", "thông tin", "khẳng định"});
    }
    if (reports) break;
    if (!IsAuthorityHead(tokens, start)) {
      break;
    }
    k = previous;
  }
  return parts;
}

Issuer IssuerFromSubject(const std::vector<Token>& tokens, size_t first, size_t last,
                         const IssuerContext& context) {
  Issuer issuer;
  if (first >= last) return issuer;
  // "... cho 4 tập thể, 6 cá nhân và trao giấy khen ...": the last clause's recipients give
  // nothing.
  if (ParseCount(tokens, first)) {
    issuer.weak = true;
    return issuer;
  }
  // "Nhân dịp này Tổng Liên đoàn ... đã trao": an adverbial without a comma before the subject.
  if (IsAdverbialStart(tokens, first)) {
    for (size_t k = first + 1; k < last; ++k) {
      if (tokens[k].capitalised && (IsAuthorityHead(tokens, k) || tokens[k].lower == "trung")) {
        first = k;
        break;
      }
    }
  }
  // "Lãnh đạo Công an tỉnh Khánh Hòa trao ...": the leaders present on the body's behalf.
  if (MatchesPhrase(tokens, first, "lãnh đạo")) {
    issuer.canonical = CanonicalIssuer(PhraseText(tokens, first + 2, last), context);
    issuer.weak = true;
    return issuer;
  }
  if (StartsWithPerson(tokens, first, last)) {
    // "ông Nguyễn Văn Thắng, Chủ tịch UBND huyện này": a presenter whose role may name the body.
    for (size_t k = first; k + 1 < last; ++k) {
      if (tokens[k].text != ",") continue;
      if (IsDeputyOrPerson(tokens, k + 1)) break;
      issuer.canonical = CanonicalIssuer(PhraseText(tokens, k + 1, last), context);
      break;
    }
    issuer.weak = true;
    return issuer;
  }
  // "... đã đến thăm, động viên và trao thưởng": a verb listed before the giving one names nobody.
  bool listed_verb = last < tokens.size() && tokens[last].lower == "và";
  for (size_t k = first; k < last && listed_verb; ++k) {
    listed_verb = tokens[k].is_word && !tokens[k].capitalised && !IsAuthorityHead(tokens, k);
  }
  if (IsDeputyOrPerson(tokens, first) || listed_verb) {
    issuer.weak = true;
    return issuer;
  }
  issuer.canonical =
      CanonicalIssuer(PhraseText(tokens, first, IssuerPhraseEnd(tokens, first, last)), context);
  // A role with a person's name ("Bộ trưởng Nguyễn Ngọc Thiện") names no body.
  if (StartsWith(issuer.canonical, "Bộ trưởng") || StartsWith(issuer.canonical, "Chủ tịch ")) {
    issuer.canonical.clear();
  }
  // A deputy minister hands over what the minister or the Prime Minister gives.
  issuer.weak = issuer.canonical.empty() || !IsAuthorityHead(tokens, first) ||
                MatchesPhrase(tokens, first, "thứ trưởng");
  return issuer;
}

// The first person named in tokens[first, last): a family name and the capitalised words after it
// ("Phó Thủ tướng Phạm Gia Khiêm" → "Phạm Gia Khiêm"). Empty when none.
std::string PresenterIn(const std::vector<Token>& tokens, size_t first, size_t last) {
  for (size_t i = first; i + 1 < last; ++i) {
    if (!IsFamilyName(tokens[i]) || !tokens[i + 1].capitalised) continue;
    std::string name;
    ReadPersonName(tokens, i, last, name);
    return name;
  }
  return "";
}

// "thay mặt X, ..." / "thừa ủy quyền của X": the award is X's.
std::optional<Issuer> OnBehalfOf(const std::vector<Token>& tokens, size_t begin, size_t end,
                                 const IssuerContext& context) {
  for (size_t i = begin; i + 2 < end; ++i) {
    if (!(tokens[i].classes & kOnBehalfStart)) continue;
    size_t after = 0;
    if (MatchesPhrase(tokens, i, "thay mặt")) after = i + 2;
    const bool delegated = MatchesAnyPhrase(tokens, i, {"thừa ủy quyền", "thừa uỷ quyền"});
    if (delegated) {
      after = i + 3;
      if (after < end && tokens[after].lower == "của") ++after;
    }
    if (after == 0) continue;
    size_t stop = after;
    size_t limit = after + kMaxIssuerWords;
    while (stop < end && (tokens[stop].text != "," || JoinsTitles(tokens, stop)) && stop < limit) {
      const size_t known = KnownBodyAt(tokens, stop, end);
      stop += known > 0 ? known : 1;
      limit += known > 0 ? known - 1 : 0;
    }
    Issuer issuer;
    issuer.canonical = CanonicalIssuer(PhraseText(tokens, after, stop), context);
    issuer.delegated = delegated;
    if (!issuer.canonical.empty()) return issuer;
  }
  return std::nullopt;
}

// Background: awards dated in an earlier year, or summed up over past years.
bool IsBackground(const std::vector<Token>& tokens, size_t begin, size_t end, int reference_year,
                  int reference_month, const std::vector<AwardMention>& mentions) {
  // A span of past time before the award sums up the past ("Trong năm qua, đơn vị đã được tặng
  // ..."); after it, it is when the merit was earned ("... có nhiều đóng góp trong năm qua").
  const size_t award_at = mentions.empty() ? end : mentions.front().first;
  for (size_t i = begin; i < end; ++i) {
    if (!(tokens[i].classes & kBackgroundStart)) continue;
    if (IsOneOf(tokens[i], {"từng"}) ||
        MatchesAnyPhrase(tokens, i,
                         {"trước đây", "nhiều huân", "phần thưởng cao quý khác", "nhiều năm liền",
                          "nhiều lần"}) ||
        MatchesAnyPhrase(tokens, i, {"đến nay", "tính đến"})) {
      return true;
    }
    if (MatchesAnyPhrase(tokens, i, {"nhiệm kỳ qua", "năm qua"})) {
      bool merit = false;
      for (size_t k = award_at; k < i && !merit; ++k) {
        merit = MatchesAnyPhrase(tokens, k, {"thành tích", "đóng góp"});
      }
      if (!merit) return true;
    }
  }
  if (reference_year == 0) return false;
  const std::vector<Period> periods = FindPeriods(tokens, begin, end);
  // "Trong giai đoạn 2016 - 2020, các cấp đã khen thưởng ...": awards summed over a past period.
  const size_t first_award = mentions.empty() ? end : mentions.front().first;
  // "Giai đoạn 2020 - 2025, toàn tỉnh đã khen thưởng ...": likewise a period the sentence opens
  // with, under way or over.
  for (const Period& period : periods) {
    if (period.anniversary || period.start_year >= reference_year || period.token >= first_award) {
      continue;
    }
    bool opens = true;
    for (size_t k = begin; k < period.token && opens; ++k) {
      opens = !tokens[k].is_word ||
              IsOneOf(tokens[k], {"giai", "đoạn", "nhiệm", "kỳ", "trong", "qua", "thời", "gian"});
    }
    if (opens && period.end_year > reference_year) {
      // ... unless it is the period about to be reviewed: only an opening one that has begun.
      opens = period.token + 4 < first_award;
    }
    if (opens) return true;
    if (period.end_year > reference_year) continue;
    for (size_t k = period.token; k > begin && k + 4 > period.token; --k) {
      if (tokens[k - 1].lower == "trong") return true;
    }
  }
  // "có thành tích xuất sắc năm 2016" / "vì những đóng góp ... năm 2016" date the merit, "Giải ...
  // năm 2016" the prize: from such words on, years do not date the award. "vì" gives the reason
  // only after the award; before it, it may open a name ("phong trào Vì người nghèo").
  size_t merit_from = end;
  for (size_t i = begin; i < end && merit_from == end; ++i) {
    // "Huân chương Giải phóng năm 1965" is dated by its year: "giải phóng" names no prize.
    const bool prize = tokens[i].lower == "giải" && !MatchesPhrase(tokens, i, "giải phóng");
    const bool reason = i > first_award && tokens[i].lower == "vì" && !tokens[i].capitalised;
    if (MatchesAnyPhrase(tokens, i, {"thành tích", "đóng góp"}) || prize || reason ||
        tokens[i].lower == "mùa") {
      merit_from = i;
    }
  }
  // ... to the end of that clause: "Với những thành tích trong kháng chiến, năm 1996, chiến khu
  // được tặng ..." dates the award again after the comma, before the award.
  const size_t first_award_at = mentions.empty() ? end : mentions.front().first;
  size_t merit_to = merit_from;
  while (merit_to < end && tokens[merit_to].text != ",") ++merit_to;
  std::vector<WrittenYear> years = FindYears(tokens, begin, merit_from);
  if (merit_to < first_award_at) {
    for (const WrittenYear& year : FindYears(tokens, merit_to, first_award_at)) {
      years.push_back(year);
    }
  }
  for (const WrittenYear& year : years) {
    bool in_period = false;
    for (const Period& period : periods) {
      if (year.token >= period.token && year.token <= period.token + 2) in_period = true;
    }
    // "Cờ Đơn vị xuất sắc trong phong trào thi đua năm 2016": the year the award is named for.
    const bool in_name = std::any_of(mentions.begin(), mentions.end(), [&](const AwardMention& m) {
      return year.token >= m.first && year.token < m.last;
    });
    // "Ngày 31/12/2019" in an article of January 2020: the last weeks of the year before are
    // news still.
    const bool recent = year.year + 1 == reference_year && year.month > 0 && reference_month > 0 &&
                        reference_month + kMonthsPerYear - year.month <= kRecentMonths;
    if (!in_period && !in_name && !year.in_range && !recent && year.year < reference_year) {
      return true;
    }
  }
  return false;
}

// "Hà Tĩnh có 76 học sinh được nhận bằng khen", "Trường X có 40 học sinh ...": a place or a unit
// "has" the group counted at tokens[group_first], a share of a larger one.
bool IsShareOfAPlace(const std::vector<Token>& tokens, size_t scope_begin, size_t group_first) {
  for (size_t k = group_first; k > scope_begin + 1; --k) {
    if (tokens[k - 1].lower == "có" && tokens[k - 2].capitalised && tokens[k - 2].is_word) {
      return true;
    }
  }
  return false;
}

// Whether the act before tokens[mention] is reported as done: "đã" or "vừa" before it, or the
// passive "được" (tokens[receive]), and no advice or purpose ("cần", "kịp thời", "để").
bool DoneAct(const std::vector<Token>& tokens, size_t begin, size_t mention, size_t receive) {
  bool done = receive < mention && tokens[receive].lower == "được";
  for (size_t k = begin; k < mention; ++k) {
    if (IsOneOf(tokens[k], {"cần", "phải", "nên", "hãy", "để", "nhằm", "sẽ"}) ||
        MatchesAnyPhrase(tokens, k, {"kịp thời", "yêu cầu", "chỉ đạo", "đề nghị"})) {
      return false;
    }
    if (IsOneOf(tokens[k], {"đã", "vừa"})) done = true;
  }
  return done;
}

// "trao giấy khen ... để động viên hành động dũng cảm của 3 đội viên nói trên": a group counted
// before and pointed back at, later in the clause tokens[from, end).
std::vector<RecipientGroup> AforementionedGroup(const std::vector<Token>& tokens, size_t from,
                                                size_t end) {
  for (size_t k = from; k + 1 < end; ++k) {
    if (!MatchesPhrase(tokens, k, "nói trên")) continue;
    for (size_t start = k; start > from && start + kMaxBackReferenceWords > k; --start) {
      if (!ParseCount(tokens, start - 1)) continue;
      std::vector<RecipientGroup> groups = ParseRecipients(tokens, start - 1, k);
      if (!groups.empty() && groups[0].count) return groups;
    }
    break;
  }
  return {};
}

// The authority a clause opens with ("LĐLĐ TP đã ra quyết định ..."), after any adverbial; nullopt
// when the clause opens with anything else.
std::optional<Issuer> SentenceSubject(const std::vector<Token>& tokens, size_t begin, size_t verb,
                                      const IssuerContext& context) {
  size_t first = begin;
  while (first < verb && !tokens[first].is_word) ++first;
  if (first < verb && IsAdverbialStart(tokens, first)) {
    while (first < verb && tokens[first].text != ",") ++first;
    ++first;
  }
  if (first >= verb || !tokens[first].capitalised || !IsAuthorityHead(tokens, first)) {
    return std::nullopt;
  }
  Issuer issuer = IssuerFromSubject(tokens, first, IssuerPhraseEnd(tokens, first, verb), context);
  if (issuer.canonical.empty()) return std::nullopt;
  return issuer;
}

}  // namespace

std::vector<AwardCandidate> ExtractAwards(const std::vector<Token>& tokens,
                                          const Sentence& sentence,
                                          const AwardSentenceContext& context) {
  std::vector<AwardCandidate> candidates;
  const size_t begin = sentence.first_token;
  const size_t end = std::min(sentence.last_token, tokens.size());
  std::vector<AwardMention> mentions;
  for (size_t i = begin; i < end && mentions.size() < kMaxMentionsPerSentence;) {
    // Every award's name starts with a word of kAwardStart: other words are passed at once.
    if (!(tokens[i].classes & kAwardStart)) {
      ++i;
      continue;
    }
    std::optional<AwardMention> mention = MatchAward(tokens, i, end);
    // "6 cờ thi đua xuất sắc cho ... và 43 cờ cho CĐCS": a bare counted flag repeats the last one.
    if (!mention && i > begin && tokens[i - 1].all_digits && tokens[i].lower == "cờ" &&
        !mentions.empty() && mentions.back().type == AwardType::kEmulationFlag) {
      mention = mentions.back();
      mention->first = i;
      mention->last = i + 1;
    }
    if (mention && !IsCompetitionResult(tokens, *mention, begin, end) &&
        !IsNotAnAct(tokens, *mention, begin)) {
      i = std::max(mention->last, i + 1);
      mentions.push_back(std::move(*mention));
    } else {
      ++i;
    }
  }
  if (mentions.empty()) return candidates;
  for (size_t i = begin; i < end; ++i) {
    if (!(tokens[i].classes & (kNotConferredStart | kHypotheticalStart))) continue;
    if (MatchesPhrase(tokens, i, "thu hồi") || IsOneOf(tokens[i], {"hủy", "huỷ", "tước"}) ||
        IsHypotheticalCue(tokens, i)) {
      return candidates;
    }
  }
  if (IsBackground(tokens, begin, end, context.reference_year, context.issuer.date.month,
                   mentions)) {
    return candidates;
  }
  const bool breakdown = MatchesPhrase(tokens, begin, "trong đó") && context.previous_conferred;
  const std::optional<Issuer> on_behalf = OnBehalfOf(tokens, begin, end, context.issuer);

  // Where proposals, conditions and reviews are mentioned, counted once for the whole sentence.
  std::vector<uint16_t> cues_before(end - begin + 1, 0);
  for (size_t k = begin; k < end; ++k) {
    const bool cue = (tokens[k].classes & kNotConferredStart) && IsNotConferredCue(tokens, k);
    cues_before[k - begin + 1] = static_cast<uint16_t>(cues_before[k - begin] + (cue ? 1 : 0));
  }
  size_t consumed_until = begin;  // what earlier mentions already read (their issuer phrases)
  bool previous_conferred = false;
  std::optional<Issuer> previous_issuer;
  std::vector<RecipientGroup> previous_groups;
  std::string previous_presenter;  // one hand gives a whole list of awards
  for (size_t m = 0; m < mentions.size(); ++m) {
    const AwardMention& mention = mentions[m];
    const size_t previous_end = std::max(m > 0 ? mentions[m - 1].last : begin, consumed_until);
    size_t next_start = m + 1 < mentions.size() ? mentions[m + 1].first : end;
    // "tặng giấy khen và tuyên dương em X": both reach the same recipient.
    // "tặng giấy khen và tuyên dương em X", "trao bằng khen, kỷ niệm chương cho X": a list of
    // awards reaches the recipients named after its last item.
    size_t shared_object = 0;
    for (size_t n = m + 1; n < mentions.size(); ++n) {
      const size_t gap_begin = mentions[n - 1].last;
      if (mentions[n].first != gap_begin + 1 ||
          (tokens[gap_begin].lower != "và" && tokens[gap_begin].text != ",") ||
          (!mentions[n].generic && tokens[gap_begin].lower == "và" && n == m + 1 &&
           mentions[n].type == mention.type)) {
        break;
      }
      shared_object = mentions[n].last;
      next_start = n + 1 < mentions.size() ? mentions[n + 1].first : end;
    }
    // Clause boundaries: ';' splits independent statements, but not the items of a list of givers
    // ("Sở GD&ĐT, Tỉnh đoàn; Thị ủy, UBND thị xã ... đã trao"): a part with no verb or award of
    // its own belongs to the clause after it.
    size_t clause_begin = begin;
    for (size_t k = mention.first; k > begin; --k) {
      if (tokens[k - 1].text != ";") continue;
      size_t part_begin = k - 1;
      while (part_begin > begin && tokens[part_begin - 1].text != ";") --part_begin;
      bool statement = m > 0 && mentions[m - 1].last > part_begin;
      for (size_t j = part_begin; j + 1 < k && !statement; ++j) {
        const bool item_start = j == part_begin || tokens[j - 1].text == ",";
        statement = IsGivingVerb(tokens[j]) || IsReceivingWord(tokens[j]) ||
                    (item_start && !tokens[j].capitalised);
      }
      if (statement) {
        clause_begin = k;
        break;
      }
    }
    size_t clause_end = end;
    for (size_t k = mention.last; k < end; ++k) {
      if (tokens[k].text == ";") {
        clause_end = k;
        break;
      }
    }
    next_start = std::min(next_start, clause_end);
    const size_t scope_begin = std::min(std::max(previous_end, clause_begin), mention.first);

    // Proposed, conditional or under review.
    if (cues_before[mention.first - begin] > cues_before[clause_begin - begin]) continue;
    // "Ông A là một trong 60 cá nhân được vinh danh", "... cho Tập đoàn X, một trong 20 DN được
    // tôn vinh": one member of a counted, honoured group is described; the group's award is
    // counted where it is reported, if at all.
    bool member_of_group = false;
    for (size_t k = scope_begin; k + 2 < next_start && !member_of_group; ++k) {
      if (!MatchesPhrase(tokens, k, "một trong")) continue;
      const size_t counted_at = k + 2 < next_start && tokens[k + 2].lower == "số" ? k + 3 : k + 2;
      member_of_group = counted_at < next_start && ParseCount(tokens, counted_at).has_value();
    }
    if (member_of_group) continue;

    // Is it conferred here? A verb of giving or receiving before it, "do X trao tặng" after it, a
    // form that is its own verb, or an earlier award of the same list ("trao 11 HC A, 74 HC B").
    bool conferred = mention.self_conferring || breakdown;
    size_t giving = mention.first;   // last giving verb before it
    size_t receive = mention.first;  // last receiving word before it
    for (size_t k = scope_begin; k < mention.first; ++k) {
      // "công nhận danh hiệu": recognising a title confers it.
      const bool recognises =
          tokens[k].lower == "nhận" && k > scope_begin && tokens[k - 1].lower == "công";
      // The verb starts at "công": what is before it is the giver.
      if (IsGivingVerb(tokens[k]) || recognises) giving = recognises ? k - 1 : k;
      if (IsReceivingWord(tokens[k]) && !recognises) receive = k;
      if (IsConferringVerb(tokens[k]) || IsReceivingWord(tokens[k])) conferred = true;
    }
    if (receive < mention.first && tokens[receive].lower == "nhận" && receive > scope_begin &&
        tokens[receive - 1].lower == "đón") {
      --receive;
    }
    bool listed = false;
    if (!conferred && m > 0 && previous_conferred) {
      listed = true;
      // "trao 11 HC A, 74 HC B", "đón nhận Huân chương ... và Cờ thi đua ...".
      for (size_t k = mentions[m - 1].last; k < mention.first; ++k) {
        const bool joins = k + 1 == mention.first && IsOneOf(tokens[k], {"và", "cùng"});
        if (tokens[k].is_word && !tokens[k].all_digits && !ParseCount(tokens, k) && !joins) {
          listed = false;
        }
      }
      conferred = listed;
    }
    const bool welcomed = receive < mention.first && tokens[receive].lower == "đón";
    size_t after = mention.last;
    std::vector<Issuer> explicit_issuers;
    std::vector<RecipientGroup> groups;
    // "Bằng khen của Chủ tịch UBND tỉnh", "Huân chương ... do Chủ tịch nước trao tặng".
    if (after < next_start && (tokens[after].lower == "của" || tokens[after].lower == "do" ||
                               tokens[after].lower == "từ")) {
      const bool by = tokens[after].lower == "do";
      size_t phrase_end = IssuerPhraseEnd(tokens, after + 1, next_start);
      Issuer issuer;
      issuer.canonical = CanonicalIssuer(PhraseText(tokens, after + 1, phrase_end), context.issuer);
      // "đón nhận Huân chương ... của Công ty X": X receives it.
      if (welcomed && !by && !issuer.canonical.empty() &&
          LevelOf(issuer.canonical) == IssuerLevel::kOrganization) {
        groups = ParseRecipients(tokens, after + 1, phrase_end);
      } else if (!issuer.canonical.empty()) {
        issuer.stated = true;
        explicit_issuers.push_back(issuer);
        // "Bằng khen của Thủ tướng Chính phủ và của Bộ Y tế", "... và Bằng khen của Bộ trưởng Bộ
        // Y tế": two givers, each giving its own award to the same recipients.
        size_t second = phrase_end + 1;
        size_t second_limit = next_start;
        const bool restated = m + 1 < mentions.size() && mentions[m + 1].first == second &&
                              mentions[m + 1].type == mention.type;
        if (restated) {
          second = mentions[m + 1].last;
          second_limit =
              std::min(m + 2 < mentions.size() ? mentions[m + 2].first : end, clause_end);
        }
        if (second + 1 < second_limit && tokens[phrase_end].lower == "và" &&
            tokens[second].lower == "của") {
          const size_t second_end = IssuerPhraseEnd(tokens, second + 1, second_limit);
          Issuer other;
          other.canonical =
              CanonicalIssuer(PhraseText(tokens, second + 1, second_end), context.issuer);
          other.stated = true;
          if (!other.canonical.empty() && other.canonical != issuer.canonical) {
            explicit_issuers.push_back(other);
            phrase_end = second_end;
            next_start = second_limit;
          }
        }
      }
      after = phrase_end;
      if (by) {
        while (after < next_start && IsGivingVerb(tokens[after])) {
          conferred = true;
          ++after;
        }
      }
    }
    // "Bằng khen của Bộ trưởng được trao cho 5 tập thể": conferred, passive, after the award.
    if (after + 1 < next_start && tokens[after].lower == "được" &&
        IsGivingVerb(tokens[after + 1])) {
      conferred = true;
      ++after;
      while (after < next_start && IsGivingVerb(tokens[after])) {
        ++after;
      }
    }
    if (!conferred) {
      // Captions and headlines: "Bằng khen cho 21 tập thể" still says who receives.
      for (size_t k = after; k < next_start && k < after + 2; ++k) {
        if (IsOneOf(tokens[k], {"cho", "tặng"})) conferred = true;
      }
    }
    if (!conferred) continue;
    previous_conferred = true;
    consumed_until = after;

    // Count written on the award itself: "trao 11 Huân chương Độc lập hạng Nhì".
    std::optional<int64_t> award_count;
    for (size_t k = mention.first; k > scope_begin && k + 3 > mention.first; --k) {
      const auto number = ParseCount(tokens, k - 1);
      if (number && k - 1 + number->tokens == mention.first &&
          !(k - 1 > begin && IsApproximator(tokens[k - 2]))) {
        award_count = number->value;
        break;
      }
    }

    // Recipients after the award: "... cho 21 tập thể và 90 cá nhân".
    size_t recipients_from = std::max(after, shared_object);
    // "lần thứ 2", "đột xuất": said of the award, not of its recipients.
    while (recipients_from < next_start &&
           (IsOneOf(tokens[recipients_from],
                    {"lần", "thứ", "hai", "ba", "đột", "xuất", "cùng", "mức"}) ||
            (recipients_from > after && tokens[recipients_from - 1].lower == "thứ"))) {
      ++recipients_from;
    }
    if (groups.empty() && recipients_from < next_start && tokens[recipients_from].text == "(") {
      // "bằng khen (kèm theo 10 triệu đồng/đơn vị) cho 2 tập thể".
      while (recipients_from < next_start && tokens[recipients_from].text != ")") ++recipients_from;
      ++recipients_from;
    }
    // Not when what follows is the next clause's subject: ", 5 cá nhân ... được nhận Bằng khen".
    bool passive_ahead = false;
    for (size_t k = recipients_from; k < next_start; ++k) {
      if (tokens[k].lower == "cho") break;
      if (IsReceivingWord(tokens[k])) passive_ahead = true;
    }
    // "tặng giấy khen và thưởng 2 triệu đồng cho đồng chí X": the recipients follow "cho".
    // "tặng Bằng khen cùng phần thưởng 10 triệu đồng cho em X": what comes with the award too.
    const bool attached = recipients_from > after && tokens[recipients_from - 1].lower == "cùng";
    if (groups.empty() && recipients_from < next_start &&
        (!tokens[recipients_from].is_word || attached ||
         IsOneOf(tokens[recipients_from], {"và", "cùng", "kèm"}))) {
      size_t k = recipients_from;
      while (k < next_start && tokens[k].lower != "cho" && tokens[k].text != ",") ++k;
      if (k < next_start && tokens[k].lower == "cho") recipients_from = k;
    }
    if (groups.empty() && recipients_from < next_start && tokens[recipients_from].is_word &&
        !passive_ahead &&
        // "Hai tập thể được khen thưởng là A và B": the names are the subject's members.
        !IsOneOf(tokens[recipients_from],
                 {"gồm", "trong", "của", "với", "tại", "và", "từ", "là"})) {
      // A verb-like form or a shared verb takes its object directly: "tuyên dương em X".
      const bool object = mention.self_conferring || shared_object > 0;
      groups = ParseRecipients(tokens, recipients_from, next_start, /*introduced=*/object);
    }
    // Before the award: a passive clause's recipients and agent, or an active clause's subject.
    std::optional<Issuer> subject_issuer;
    std::vector<std::pair<size_t, size_t>> subject_parts;
    std::string presenter;
    // Passive ("S được [A] tặng M", "S nhận M") unless a giving verb starts a later clause.
    bool passive = receive < mention.first;
    if (passive && giving < mention.first && giving > receive) {
      // "được Bộ Xây dựng, UBND tỉnh trao tặng": a list of agents keeps the clause passive.
      for (size_t k = receive; k < giving; ++k) {
        const bool next_agent = tokens[k].text == "," && k + 1 < giving &&
                                tokens[k + 1].capitalised && IsAuthorityHead(tokens, k + 1);
        if ((tokens[k].text == "," && !next_agent) || tokens[k].text == ";") passive = false;
      }
      if (tokens[receive].lower != "được") passive = false;
    }
    if (passive) {
      size_t subject_end = receive;
      while (subject_end > scope_begin &&
             // "Công an tỉnh X long trọng tổ chức lễ đón nhận ...": the body welcomes it.
             (IsOneOf(tokens[subject_end - 1],
                      {"được", "đã", "vinh", "dự", "cũng", "vừa", "đều", "đón"}) ||
              (welcomed && !tokens[subject_end - 1].capitalised &&
               IsOneOf(tokens[subject_end - 1], {"lễ", "tổ", "chức", "long", "trọng", "làm"})))) {
        --subject_end;
      }
      size_t subject_begin = scope_begin;
      for (size_t k = subject_end; k > scope_begin; --k) {
        const bool speech = MatchesPhrase(tokens, k - 1, "cho biết") || tokens[k - 1].text == ":" ||
                            tokens[k - 1].text == "\"";
        if (speech) {
          subject_begin = tokens[k - 1].text == "cho" ? k + 1 : k;
          break;
        }
      }
      if (groups.empty()) {
        // Time and place adverbials come first: "Tại chương trình, 90 gia đình ...".
        size_t k = subject_begin;
        while (k < subject_end && !tokens[k].is_word) ++k;
        // Without a group right after any comma, the adverbial ends at the first one ("Với nghĩa
        // cử đẹp ấy, trước đó chị Anh ...").
        size_t first_comma = subject_end;
        for (size_t j = k; j + 1 < subject_end && IsAdverbialStart(tokens, k); ++j) {
          if (tokens[j].text != ",") continue;
          first_comma = std::min(first_comma, j);
          size_t length;
          const bool next_group =
              ParseCount(tokens, j + 1).has_value() || IsOrganisationHead(tokens, j + 1, length) ||
              IsHonorific(tokens, j + 1, length) || IsFamilyName(tokens[j + 1]) ||
              RecipientNoun(tokens, j + 1, length).has_value();
          if (next_group) {
            first_comma = subject_end;
            k = j + 1;
            break;
          }
        }
        if (first_comma < subject_end &&
            IsOneOf(tokens[k], {"với", "tại", "trong", "nhân", "dịp", "sau", "trước", "qua"})) {
          k = first_comma + 1;
        }
        groups = ParseRecipients(tokens, k, subject_end);
        // "Mỗi người được UBND huyện tặng Giấy khen": each of those the sentence before named.
        if (groups.empty() && k < subject_end && IsOneOf(tokens[k], {"mỗi", "từng"})) {
          groups = context.previous_groups;
        }
        // "Phụ nữ TP.HCM đón nhận Huân chương ...": a body named without a head word.
        if (groups.empty() && welcomed && k < subject_end && tokens[k].capitalised &&
            subject_end - k <= 8) {
          RecipientGroup body;
          body.kind = RecipientKind::kCollective;
          body.count = 1;
          body.names.push_back(PhraseText(tokens, k, subject_end));
          groups.push_back(body);
        }
      }
      // "Các cá nhân được khen thưởng gồm: anh A, anh B và chị C": the subject's members follow.
      if (!groups.empty() && after < next_start && IsOneOf(tokens[after], {"gồm", "là"})) {
        size_t from = after + 1;
        if (from < next_start && tokens[from].text == ":") ++from;
        AbsorbMembers(ParseRecipients(tokens, from, next_start), groups);
      }
      // "được Thủ tướng Chính phủ tặng": the agent between "được" and the verb, or before a form
      // that is its own verb ("được Tập đoàn X khen thưởng").
      const size_t agent_end =
          giving < mention.first ? giving : (mention.self_conferring ? mention.first : receive);
      if (tokens[receive].lower == "được" && agent_end > receive + 1) {
        subject_parts = SubjectParts(tokens, receive + 1, agent_end);
        if (subject_parts.size() <= 1) {
          subject_parts.clear();
          const Issuer agent = IssuerFromSubject(
              tokens, receive + 1, IssuerPhraseEnd(tokens, receive + 1, agent_end), context.issuer);
          if (!agent.canonical.empty()) subject_issuer = agent;
        }
        presenter = PresenterIn(tokens, receive + 1, agent_end);
      }
    } else if (giving < mention.first) {
      subject_parts = SubjectParts(tokens, scope_begin, giving);
      // "Ông Văn Ngọc Sen, Phó chủ tịch ..., trao": the person handing it over.
      size_t subject_first = giving;
      while (subject_first > scope_begin && tokens[subject_first - 1].text != ";" &&
             tokens[subject_first - 1].text != "." && subject_first + kMaxIssuerWords > giving) {
        --subject_first;
      }
      presenter = PresenterIn(tokens, subject_first, giving);
      if (groups.empty()) {
        // "trao tặng Học viện Kỹ thuật Mật mã Huân chương ...": the recipient sits between.
        size_t k = giving;
        while (k < mention.first &&
               (IsGivingVerb(tokens[k]) || IsOneOf(tokens[k], {"công", "nhận"}))) {
          ++k;
        }
        if (k < mention.first && !(award_count && k + 1 >= mention.first)) {
          groups = ParseRecipients(tokens, k, mention.first);
        }
      }
    } else if (mention.self_conferring && mention.first > scope_begin) {
      // "UBND tỉnh X đã ký quyết định khen thưởng 12 tập thể": a body as the subject of a form
      // that is its own verb.
      // "Giám đốc Công an tỉnh quyết định khen thưởng nóng ...": a head deciding.
      const auto parts = SubjectParts(tokens, scope_begin, mention.first);
      size_t role_length = 0;
      if (parts.size() == 1 && (IsAuthorityHead(tokens, parts[0].first) ||
                                (tokens[parts[0].first].lower != "phó" &&
                                 IsPersonRole(tokens, parts[0].first, role_length)))) {
        subject_parts = parts;
      }
    }
    if (groups.empty() && !previous_groups.empty() && !mention.generic) {
      groups = previous_groups;  // "... tặng danh hiệu X và vinh dự được Thủ tướng tặng bằng khen"
    }
    if (groups.empty()) groups = AforementionedGroup(tokens, after, next_start);
    if (groups.empty() && clause_end < end) {
      // "ông A tặng hoa và phần thưởng trị giá 10 triệu đồng; UBND tỉnh tặng Bằng khen cho em X": a
      // clause that names nobody gives to whom the next clause names.
      size_t next_clause_end = clause_end + 1;
      while (next_clause_end < end && tokens[next_clause_end].text != ";") ++next_clause_end;
      size_t from = clause_end + 1;
      while (from < next_clause_end && tokens[from].lower != "cho") ++from;
      if (from < next_clause_end) groups = ParseRecipients(tokens, from, next_clause_end);
    }
    if (groups.empty() && award_count && m + 1 < mentions.size()) {
      // "trao 11 Huân chương ..., 74 Huân chương ..., 3 Huân chương ... tặng các đồng chí": the
      // recipients follow the last award of the list.
      size_t from = mentions.back().last;
      while (from < end && !IsOneOf(tokens[from], {"cho", "tặng"})) ++from;
      if (from < end) groups = ParseRecipients(tokens, from, end);
    }
    // A generic form needs somebody it recognises, counted or named ("biểu dương, khen thưởng những
    // đơn vị làm tốt" is advice).
    // An act reported as done ("đã tuyên dương các gia đình tiêu biểu", "... đã được biểu dương,
    // khen thưởng") recognises its uncounted groups too.
    if (mention.generic) {
      const bool done = DoneAct(tokens, scope_begin, mention.first, receive);
      groups.erase(std::remove_if(groups.begin(), groups.end(),
                                  [&](const RecipientGroup& g) {
                                    return !g.count && !(done && !g.noun.empty() &&
                                                         g.kind != RecipientKind::kUnspecified);
                                  }),
                   groups.end());
      if (groups.empty()) continue;
    }

    // Issuer: implied by the award > "của/do X" > on behalf of > passive agent > subject > the
    // list's.
    std::vector<Issuer> issuers;
    if (!mention.implied_issuer.empty()) {
      issuers.push_back({mention.implied_issuer, false});
    } else if (!explicit_issuers.empty()) {
      issuers = explicit_issuers;
    } else if (subject_issuer) {
      issuers.push_back(*subject_issuer);
    } else {
      for (const auto& [first, last] : subject_parts) {
        Issuer issuer = IssuerFromSubject(tokens, first, last, context.issuer);
        if (!issuer.canonical.empty() || subject_parts.size() == 1) issuers.push_back(issuer);
      }
      // "Thay mặt UBND tỉnh, ông X trao ...": the body a presenter stands for.
      const bool presenter_only =
          issuers.empty() || std::all_of(issuers.begin(), issuers.end(),
                                         [](const Issuer& issuer) { return issuer.weak; });
      // "Thừa ủy quyền của Trung ương Đoàn, Tỉnh Đoàn trao ...": the body hands over another's.
      if ((presenter_only || (on_behalf && on_behalf->delegated)) && on_behalf &&
          !on_behalf->canonical.empty() && !IsStateAward(mention.type)) {
        issuers.assign(1, *on_behalf);
      }
    }
    // Several bodies each giving one person an award ("Hội đồng đội tỉnh, Sở GD&ĐT, UBND huyện ...
    // đã tặng giấy khen") are several records; bodies jointly rewarding a group are one.
    const bool one_person = groups.size() == 1 && groups[0].count == 1;
    // Two givers named apart ("Bằng khen của Thủ tướng Chính phủ và của Bộ Y tế") each give
    // uncounted groups their own award; one count given for both tells no split, so it stays one.
    const bool counted = std::any_of(groups.begin(), groups.end(),
                                     [](const RecipientGroup& group) { return group.count; });
    const bool givers_apart = explicit_issuers.size() > 1 && !counted && !award_count;
    if (issuers.size() > 1 && !one_person && !givers_apart) issuers.resize(1);
    // "Tổng LĐLĐVN tặng cờ ... cho 9 tập thể, tặng bằng khen cho ...": the same giver throughout.
    if ((issuers.empty() || (issuers.size() == 1 && issuers[0].canonical.empty())) &&
        previous_issuer) {
      issuers.assign(1, *previous_issuer);
    }
    // "LĐLĐ TP đã ra quyết định công nhận ..., tặng 6 cờ ...": the body the sentence opens with
    // gives every award of its clauses.
    const bool unnamed = issuers.empty() || (issuers.size() == 1 && issuers[0].canonical.empty());
    if (unnamed && giving < mention.first && mention.implied_issuer.empty()) {
      if (std::optional<Issuer> opener =
              SentenceSubject(tokens, clause_begin, giving, context.issuer)) {
        issuers.assign(1, *opener);
      }
    }
    if (issuers.empty() && mention.implied_issuer.empty() && context.list_opener != nullptr) {
      const Sentence& opener = *context.list_opener;
      for (size_t verb = opener.last_token; verb > opener.first_token; --verb) {
        if (!IsGivingVerb(tokens[verb - 1])) continue;
        size_t first = verb - 1;
        while (first > opener.first_token && IsGivingVerb(tokens[first - 1])) --first;
        if (std::optional<Issuer> subject =
                SentenceSubject(tokens, opener.first_token, first, context.issuer)) {
          issuers.push_back(*subject);
        }
        break;
      }
    }
    if (issuers.empty()) issuers.push_back({"", true});
    if (IsStateAward(mention.type)) {
      for (Issuer& issuer : issuers) {
        if (!IsForeignIssuer(issuer.canonical)) issuer = {"Chủ tịch nước", issuer.weak};
      }
      if (issuers.size() > 1) issuers.resize(1);
    }
    // "Chiến sĩ thi đua toàn quốc" is the Prime Minister's to give, whoever hands it over.
    if (issuers.size() == 1 && issuers[0].canonical.empty() &&
        StartsWith(mention.name, "Chiến sĩ thi đua toàn quốc")) {
      issuers[0] = {"Thủ tướng Chính phủ", true};
    }
    if (issuers.size() == 1 && !issuers[0].canonical.empty()) {
      previous_issuer = issuers[0];
    }
    // "trao tặng 19 Bằng khen ... cho các tập thể và cá nhân": the total of groups not counted
    // apart is one record.
    if (award_count && groups.size() > 1 &&
        std::none_of(groups.begin(), groups.end(),
                     [](const RecipientGroup& group) { return group.count.has_value(); })) {
      const bool one_kind =
          std::all_of(groups.begin(), groups.end(),
                      [&](const RecipientGroup& group) { return group.kind == groups[0].kind; });
      groups.resize(1);
      if (!one_kind) groups[0].kind = RecipientKind::kUnspecified;
    }

    // "Tỉnh ủy, HĐND, UBND ... tổ chức lễ kỷ niệm và đón nhận Huân chương": the bodies that welcome
    // an award receive it as one.
    if (welcomed && groups.size() == 1 && groups[0].kind == RecipientKind::kCollective &&
        groups[0].noun.empty() && groups[0].count > 1) {
      groups[0].count = 1;
      groups[0].names.resize(1);
    }
    if (!groups.empty() && !award_count) previous_groups = groups;
    if (!presenter.empty()) previous_presenter = presenter;
    // "bộ quần áo gắn nhiều huy hiệu": many awards held, given to nobody here, are background.
    if (groups.empty() && !award_count && mention.first > scope_begin &&
        tokens[mention.first - 1].lower == "nhiều") {
      continue;
    }
    if (groups.empty()) groups.emplace_back();
    for (const Issuer& issuer : issuers) {
      for (const RecipientGroup& group : groups) {
        AwardCandidate candidate;
        candidate.award.award_type = mention.type;
        candidate.award.award_name = mention.name;
        candidate.award.issuer = issuer.canonical;
        candidate.award.issuer_level = LevelOf(issuer.canonical);
        candidate.award.recipient_kind = group.kind;
        candidate.award.count = group.count;
        if (award_count && groups.size() == 1) candidate.award.count = award_count;
        candidate.award.recipients = group.names;
        candidate.award.presenter = presenter.empty() ? previous_presenter : presenter;
        candidate.recipient_noun = group.noun;
        candidate.recipient_qualifier = group.qualifier;
        candidate.generic = mention.generic;
        candidate.specific_name = mention.specific_name;
        candidate.issuer_weak = issuer.weak || issuer.canonical.empty();
        candidate.issuer_stated = issuer.stated;
        candidate.named_only = !group.names.empty() && group.noun.empty();
        candidate.partial = group.count && IsShareOfAPlace(tokens, scope_begin, group.first);
        double confidence = kBaseConfidence;
        if (candidate.issuer_weak) confidence -= 0.15;
        if (!candidate.award.count) confidence -= 0.15;
        if (group.kind == RecipientKind::kUnspecified) confidence -= 0.1;
        if (mention.generic) confidence -= 0.1;
        candidate.award.confidence = confidence;
        candidates.push_back(std::move(candidate));
      }
    }
  }
  return candidates;
}

}  // namespace laurel::parser

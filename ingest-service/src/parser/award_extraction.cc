#include "ingest-service/src/parser/award_extraction.h"

#include <algorithm>
#include <cstdint>
#include <optional>
#include <utility>

#include "ingest-service/src/parser/award_lexicon.h"
#include "ingest-service/src/parser/dates.h"
#include "ingest-service/src/parser/numbers.h"
#include "ingest-service/src/parser/recipients.h"
#include "ingest-service/src/parser/string_util.h"

namespace laurel::parser {
namespace {

constexpr size_t kMaxIssuerWords = 14;
constexpr size_t kMaxMentionsPerSentence = 32;
constexpr size_t kMaxBackReferenceWords = 5;  // "3 đội viên nói trên": count, noun, "nói trên"
constexpr double kBaseConfidence = 0.9;

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
    return true;
  }
  size_t k = mention.first;
  while (k > begin && !tokens[k - 1].is_word &&
         (tokens[k - 1].text == "-" || tokens[k - 1].text == ",")) {
    --k;
  }
  return k >= begin + 2 && MatchesPhrase(tokens, k - 2, "thi đua");
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

// Verbs after which the subject gives the award: "UBND tỉnh đã trao tặng bằng khen".
bool IsGivingVerb(const Token& token) {
  return IsOneOf(token, {"trao", "tặng", "truy", "phong", "gắn", "thưởng"});
}

// The issuer phrase starting at tokens[i]: up to a word that ends it.
size_t IssuerPhraseEnd(const std::vector<Token>& tokens, size_t i, size_t end) {
  size_t k = i;
  // "Đại sứ quán Việt Nam tại Đức": a mission is named with where it is.
  const bool mission = MatchesAnyPhrase(tokens, i, {"đại sứ quán", "tổng lãnh sự quán"});
  while (k < end && k < i + kMaxIssuerWords) {
    const Token& token = tokens[k];
    if (mission && token.lower == "tại" && k + 1 < end && tokens[k + 1].capitalised) {
      k += 2;
      continue;
    }
    if (!token.is_word) {
      if (token.text == "-" || token.text == "&") {
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
    // "nhân" and "tổ" end it only as "nhân dịp" and "tổ chức" ("Ban tổ chức" is a body).
    bool stop = (token.classes & kIssuerStop) != 0;
    if (stop && IsOneOf(token, {"nhân", "tổ"})) {
      stop = MatchesPhrase(tokens, k, "nhân dịp") ||
             (MatchesPhrase(tokens, k, "tổ chức") && !(k > i && tokens[k - 1].lower == "ban"));
    }
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
  if (i >= end) return false;
  if (IsHonorific(tokens, i, length) && i + length < end && tokens[i + length].capitalised)
    return true;
  return IsFamilyName(tokens[i]) && i + 1 < end && tokens[i + 1].capitalised;
}

// Roles of people who hand awards over on someone else's behalf, or whose role says nothing of
// issuing.
bool IsDeputyOrPerson(const std::vector<Token>& tokens, size_t i) {
  return IsOneOf(tokens[i], {"phó", "ông", "bà", "anh", "chị", "đại", "thượng", "trung", "thiếu",
                             "đồng", "nguyên", "ủy", "uỷ"}) &&
         !MatchesPhrase(tokens, i, "ủy ban") && !MatchesPhrase(tokens, i, "đại sứ") &&
         !MatchesPhrase(tokens, i, "đại học") && !MatchesPhrase(tokens, i, "trung ương") &&
         !MatchesPhrase(tokens, i, "trung tâm");
}

struct Issuer {
  std::string canonical;
  bool weak = false;
  bool delegated = false;  // "thừa ủy quyền của X": X's award, whoever hands it over
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
                  "phong", "trân", "trọng", "long", "trọng", "thể"}) &&
         !(stop >= begin + 3 && MatchesPhrase(tokens, stop - 3, "ban tổ chức"))) {
    --stop;
  }
  size_t k = stop;
  while (k > begin) {
    size_t start = k;
    while (start > begin && tokens[start - 1].text != "," && tokens[start - 1].text != ";" &&
           tokens[start - 1].text != ":" && tokens[start - 1].text != "." &&
           tokens[start - 1].text != "\"") {
      --start;
    }
    // Split "UBND xã Thạch Văn và Trường tiểu học ..." on "và" between bodies.
    size_t part_end = k;
    for (size_t j = k; j > start; --j) {
      size_t head_length;
      if (tokens[j - 1].lower == "và" && j < k && IsOrganisationHead(tokens, j, head_length)) {
        parts.insert(parts.begin(), {j, part_end});
        part_end = j - 1;
      }
    }
    if (part_end > start) parts.insert(parts.begin(), {start, part_end});
    if (start == begin || start < 1 || tokens[start - 1].text != ",") break;
    size_t head_length;
    // Only a list of bodies continues leftwards.
    size_t previous = start - 1;
    size_t previous_start = previous;
    while (previous_start > begin && tokens[previous_start - 1].text != "," &&
           tokens[previous_start - 1].text != ";" && tokens[previous_start - 1].text != ".") {
      --previous_start;
    }
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
  if (IsDeputyOrPerson(tokens, first)) {
    issuer.weak = true;
    return issuer;
  }
  issuer.canonical =
      CanonicalIssuer(PhraseText(tokens, first, IssuerPhraseEnd(tokens, first, last)), context);
  // A role with a person's name ("Bộ trưởng Nguyễn Ngọc Thiện") names no body.
  if (StartsWith(issuer.canonical, "Bộ trưởng") || StartsWith(issuer.canonical, "Chủ tịch ")) {
    issuer.canonical.clear();
  }
  issuer.weak = issuer.canonical.empty() || !IsAuthorityHead(tokens, first);
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
    while (stop < end && tokens[stop].text != "," && stop < after + kMaxIssuerWords) ++stop;
    Issuer issuer;
    issuer.canonical = CanonicalIssuer(PhraseText(tokens, after, stop), context);
    issuer.delegated = delegated;
    if (!issuer.canonical.empty()) return issuer;
  }
  return std::nullopt;
}

// Background: awards dated in an earlier year, or summed up over past years.
bool IsBackground(const std::vector<Token>& tokens, size_t begin, size_t end, int reference_year,
                  const std::vector<AwardMention>& mentions) {
  for (size_t i = begin; i < end; ++i) {
    if (!(tokens[i].classes & kBackgroundStart)) continue;
    if (IsOneOf(tokens[i], {"từng"}) ||
        MatchesAnyPhrase(
            tokens, i,
            {"trước đây", "nhiệm kỳ qua", "năm qua", "đến nay", "tính đến", "nhiều huân",
             "phần thưởng cao quý khác", "nhiều năm liền", "nhiều lần"})) {
      return true;
    }
  }
  if (reference_year == 0) return false;
  const std::vector<Period> periods = FindPeriods(tokens, begin, end);
  // "Trong giai đoạn 2016 - 2020, các cấp đã khen thưởng ...": awards summed over a past period.
  const size_t first_award = mentions.empty() ? end : mentions.front().first;
  for (const Period& period : periods) {
    if (period.anniversary || period.end_year > reference_year || period.token >= first_award) {
      continue;
    }
    for (size_t k = period.token; k > begin && k + 4 > period.token; --k) {
      if (tokens[k - 1].lower == "trong") return true;
    }
  }
  // "có thành tích xuất sắc năm 2016" dates the merit, "Giải ... năm 2016" the prize: from such
  // words on, years do not date the award.
  size_t merit_from = end;
  for (size_t i = begin; i < end && merit_from == end; ++i) {
    // "Huân chương Giải phóng năm 1965" is dated by its year: "giải phóng" names no prize.
    const bool prize = tokens[i].lower == "giải" && !MatchesPhrase(tokens, i, "giải phóng");
    if (MatchesPhrase(tokens, i, "thành tích") || prize || tokens[i].lower == "mùa") merit_from = i;
  }
  for (const WrittenYear& year : FindYears(tokens, begin, merit_from)) {
    bool in_period = false;
    for (const Period& period : periods) {
      if (year.token >= period.token && year.token <= period.token + 2) in_period = true;
    }
    // "Cờ Đơn vị xuất sắc trong phong trào thi đua năm 2016": the year the award is named for.
    const bool in_name = std::any_of(mentions.begin(), mentions.end(), [&](const AwardMention& m) {
      return year.token >= m.first && year.token < m.last;
    });
    if (!in_period && !in_name && !year.in_range && year.year < reference_year) return true;
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
    std::optional<AwardMention> mention = MatchAward(tokens, i, end);
    // "6 cờ thi đua xuất sắc cho ... và 43 cờ cho CĐCS": a bare counted flag repeats the last one.
    if (!mention && tokens[i].lower == "cờ" && i > begin && tokens[i - 1].all_digits &&
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
    if (MatchesPhrase(tokens, i, "thu hồi") || IsOneOf(tokens[i], {"hủy", "huỷ", "tước"}) ||
        IsHypotheticalCue(tokens, i)) {
      return candidates;
    }
  }
  if (IsBackground(tokens, begin, end, context.reference_year, mentions)) return candidates;
  const bool breakdown = MatchesPhrase(tokens, begin, "trong đó") && context.previous_conferred;
  const std::optional<Issuer> on_behalf = OnBehalfOf(tokens, begin, end, context.issuer);

  // Where proposals, conditions and reviews are mentioned, counted once for the whole sentence.
  std::vector<uint16_t> cues_before(end - begin + 1, 0);
  for (size_t k = begin; k < end; ++k) {
    cues_before[k - begin + 1] =
        static_cast<uint16_t>(cues_before[k - begin] + (IsNotConferredCue(tokens, k) ? 1 : 0));
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
    // Clause boundaries: ';' splits independent statements.
    size_t clause_begin = begin;
    for (size_t k = mention.first; k > begin; --k) {
      if (tokens[k - 1].text == ";") {
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

    // Is it conferred here? A verb of giving or receiving before it, "do X trao tặng" after it, a
    // form that is its own verb, or an earlier award of the same list ("trao 11 HC A, 74 HC B").
    bool conferred = mention.self_conferring || breakdown;
    size_t giving = mention.first;   // last giving verb before it
    size_t receive = mention.first;  // last receiving word before it
    for (size_t k = scope_begin; k < mention.first; ++k) {
      if (IsGivingVerb(tokens[k]) || tokens[k].lower == "trao") giving = k;
      if (IsReceivingWord(tokens[k])) receive = k;
      if (IsConferringVerb(tokens[k]) || IsReceivingWord(tokens[k])) conferred = true;
    }
    if (receive < mention.first && tokens[receive].lower == "nhận" && receive > scope_begin &&
        tokens[receive - 1].lower == "đón") {
      --receive;
    }
    bool listed = false;
    if (!conferred && m > 0 && previous_conferred) {
      listed = true;
      for (size_t k = mentions[m - 1].last; k < mention.first; ++k) {
        if (tokens[k].is_word && !tokens[k].all_digits && !ParseCount(tokens, k)) listed = false;
      }
      conferred = listed;
    }
    const bool welcomed = receive < mention.first && tokens[receive].lower == "đón";
    size_t after = mention.last;
    std::optional<Issuer> explicit_issuer;
    std::vector<RecipientGroup> groups;
    // "Bằng khen của Chủ tịch UBND tỉnh", "Huân chương ... do Chủ tịch nước trao tặng".
    if (after < next_start && (tokens[after].lower == "của" || tokens[after].lower == "do" ||
                               tokens[after].lower == "từ")) {
      const bool by = tokens[after].lower == "do";
      const size_t phrase_end = IssuerPhraseEnd(tokens, after + 1, next_start);
      Issuer issuer;
      issuer.canonical = CanonicalIssuer(PhraseText(tokens, after + 1, phrase_end), context.issuer);
      // "đón nhận Huân chương ... của Công ty X": X receives it.
      if (welcomed && !by && !issuer.canonical.empty() &&
          LevelOf(issuer.canonical) == IssuerLevel::kOrganization) {
        groups = ParseRecipients(tokens, after + 1, phrase_end);
      } else if (!issuer.canonical.empty()) {
        explicit_issuer = issuer;
      }
      after = phrase_end;
      if (by) {
        while (after < next_start &&
               (IsGivingVerb(tokens[after]) || tokens[after].lower == "trao")) {
          conferred = true;
          ++after;
        }
      }
    }
    // "Bằng khen của Bộ trưởng được trao cho 5 tập thể": conferred, passive, after the award.
    if (after + 1 < next_start && tokens[after].lower == "được" &&
        (IsGivingVerb(tokens[after + 1]) || tokens[after + 1].lower == "trao")) {
      conferred = true;
      ++after;
      while (after < next_start && (IsGivingVerb(tokens[after]) || tokens[after].lower == "trao")) {
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
    if (groups.empty() && recipients_from < next_start &&
        (!tokens[recipients_from].is_word ||
         IsOneOf(tokens[recipients_from], {"và", "cùng", "kèm"}))) {
      size_t k = recipients_from;
      while (k < next_start && tokens[k].lower != "cho" && tokens[k].text != ",") ++k;
      if (k < next_start && tokens[k].lower == "cho") recipients_from = k;
    }
    if (groups.empty() && recipients_from < next_start && tokens[recipients_from].is_word &&
        !passive_ahead &&
        !IsOneOf(tokens[recipients_from], {"gồm", "trong", "của", "với", "tại", "và", "từ"})) {
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
             IsOneOf(tokens[subject_end - 1],
                     {"được", "đã", "vinh", "dự", "cũng", "vừa", "đều", "đón"})) {
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
        while (k < mention.first && (IsGivingVerb(tokens[k]) || tokens[k].lower == "trao")) ++k;
        if (k < mention.first && !(award_count && k + 1 >= mention.first)) {
          groups = ParseRecipients(tokens, k, mention.first);
        }
      }
    } else if (mention.self_conferring && mention.first > scope_begin) {
      // "UBND tỉnh X đã ký quyết định khen thưởng 12 tập thể": a body as the subject of a form
      // that is its own verb.
      const auto parts = SubjectParts(tokens, scope_begin, mention.first);
      if (parts.size() == 1 && IsAuthorityHead(tokens, parts[0].first)) subject_parts = parts;
    }
    if (groups.empty() && !previous_groups.empty() && !mention.generic) {
      groups = previous_groups;  // "... tặng danh hiệu X và vinh dự được Thủ tướng tặng bằng khen"
    }
    if (groups.empty()) groups = AforementionedGroup(tokens, after, next_start);
    if (groups.empty() && award_count && m + 1 < mentions.size()) {
      // "trao 11 Huân chương ..., 74 Huân chương ..., 3 Huân chương ... tặng các đồng chí": the
      // recipients follow the last award of the list.
      size_t from = mentions.back().last;
      while (from < end && !IsOneOf(tokens[from], {"cho", "tặng"})) ++from;
      if (from < end) groups = ParseRecipients(tokens, from, end);
    }
    // A generic form needs somebody it recognises, counted or named ("biểu dương, khen thưởng những
    // đơn vị làm tốt" is advice).
    if (mention.generic) {
      groups.erase(std::remove_if(groups.begin(), groups.end(),
                                  [](const RecipientGroup& g) { return !g.count; }),
                   groups.end());
      if (groups.empty()) continue;
    }

    // Issuer: implied by the award > "của/do X" > on behalf of > passive agent > subject > the
    // list's.
    std::vector<Issuer> issuers;
    if (!mention.implied_issuer.empty()) {
      issuers.push_back({mention.implied_issuer, false});
    } else if (explicit_issuer) {
      issuers.push_back(*explicit_issuer);
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
    if (issuers.size() > 1 && !one_person) issuers.resize(1);
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
    if (issuers.empty()) issuers.push_back({"", true});
    if (IsStateAward(mention.type)) {
      for (Issuer& issuer : issuers) {
        if (!IsForeignIssuer(issuer.canonical)) issuer = {"Chủ tịch nước", issuer.weak};
      }
      if (issuers.size() > 1) issuers.resize(1);
    }
    if (issuers.size() == 1 && !issuers[0].canonical.empty()) {
      previous_issuer = issuers[0];
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

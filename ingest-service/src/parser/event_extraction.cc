#include "ingest-service/src/parser/event_extraction.h"

#include <algorithm>
#include <string>
#include <string_view>

#include "ingest-service/src/parser/award_lexicon.h"
#include "ingest-service/src/parser/body_names.h"
#include "ingest-service/src/parser/dates.h"
#include "ingest-service/src/parser/gazetteer.h"
#include "ingest-service/src/parser/issuer_resolution.h"
#include "ingest-service/src/parser/recipients.h"
#include "ingest-service/src/parser/string_util.h"
#include "ingest-service/src/parser/vietnamese_letters.h"

namespace laurel::parser {
namespace {

constexpr size_t kRestatementWindow = 4;  // sentences after the event's own that may restate it
constexpr size_t kMaxMovementWords = 10;
constexpr size_t kMaxOrganizerWords = 24;
constexpr size_t kMeritWindow = 10;  // words before a period that may say it is the merit's
constexpr double kStrongConfidence = 0.9;
constexpr double kDatedActConfidence = 0.75;
constexpr double kMentionConfidence = 0.5;

enum class Evidence { kNone, kMention, kDatedAct, kGathering };

struct Candidate {
  Evidence evidence = Evidence::kNone;
  size_t sentence = 0;
  std::optional<EventKind> kind;
  size_t gathering_token = 0;
  size_t gathering_length = 0;
};

// Verbs that make a dated sentence an event. Giving counts only when an award is given ("tặng quà"
// and "trao đổi" are not ceremonies).
bool IsEventVerb(const std::vector<Token>& tokens, size_t i, size_t end) {
  if (!(tokens[i].classes & kEventVerbStart)) return false;
  if (IsOneOf(tokens[i], {"trao", "tặng", "gắn"}) && !MatchesPhrase(tokens, i, "trao đổi")) {
    for (size_t k = i + 1; k < end && k < i + 4; ++k) {
      if (MatchAward(tokens, k, end)) return true;
    }
    return false;
  }
  return MatchesAnyPhrase(
      tokens, i,
      {"tổ chức", "diễn ra", "khai mạc", "khép lại", "bế mạc", "đón nhận", "kỷ niệm", "làm lễ"});
}

// Reported speech and paperwork: "cho biết", "thông tin từ", "quyết định", "vừa".
bool IsReportCue(const std::vector<Token>& tokens, size_t i) {
  if (!(tokens[i].classes & kReportStart)) return false;
  return MatchesAnyPhrase(tokens, i,
                          {"cho biết", "cho hay", "thông tin", "quyết định", "ban hành"}) ||
         IsOneOf(tokens[i], {"vừa"});
}

bool StartsWithAny(const std::vector<Token>& tokens, const Sentence& sentence,
                   std::initializer_list<std::string_view> phrases) {
  for (std::string_view phrase : phrases) {
    if (MatchesPhrase(tokens, sentence.first_token, phrase)) return true;
  }
  return false;
}

// Words without which a sentence names no gathering and no day: most sentences are passed over
// after one look-up per token.
bool MayTellOfAnEvent(const Sentence& sentence) { return (sentence.classes & kEventWord) != 0; }

Candidate Classify(const std::vector<Token>& tokens, const Sentence& sentence, size_t index) {
  // The first words of every phrase looked at below: other tokens need no further look.
  Candidate candidate;
  candidate.sentence = index;
  if (!MayTellOfAnEvent(sentence)) return candidate;
  const size_t begin = sentence.first_token;
  const size_t end = sentence.last_token;
  bool organised = false;
  bool planned = false;
  for (size_t i = begin; i < end; ++i) {
    if (!(tokens[i].classes & kEventCue)) continue;
    size_t length;
    if (!candidate.kind) {
      if (auto kind = GatheringAt(tokens, i, end, length)) {
        candidate.kind = kind;
        candidate.gathering_token = i;
        candidate.gathering_length = length;
      }
    }
    // "Ban tổ chức" is a committee, not an act of organising; "Kế hoạch tổ chức ..." a plan.
    if ((MatchesPhrase(tokens, i, "tổ chức") && !(i > begin && tokens[i - 1].lower == "ban") &&
         !(i >= begin + 2 && MatchesPhrase(tokens, i - 2, "kế hoạch"))) ||
        MatchesAnyPhrase(tokens, i, {"diễn ra", "làm lễ", "khai mạc"})) {
      organised = true;
      // "nhiều DN tổ chức gặp mặt đầu xuân": gatherings of many, summed up, are none of them.
      size_t subject = i;
      while (subject > begin && tokens[subject - 1].text != ",") --subject;
      if (MatchesAnyPhrase(tokens, subject, {"nhiều", "một số", "hàng loạt"})) return candidate;
    }
    // Plans and requests are not events that happened.
    // ("Bộ Kế hoạch và Đầu tư" is a ministry.)
    if ((!tokens[i].capitalised &&
         MatchesAnyPhrase(tokens, i, {"yêu cầu", "kế hoạch", "dự kiến", "đề nghị"})) ||
        IsOneOf(tokens[i], {"sẽ"})) {
      planned = true;
    }
  }
  if (planned) return candidate;
  const std::optional<EventDay> day = FindEventDay(tokens, begin, end);
  if (candidate.kind && (day || organised)) {
    candidate.evidence = Evidence::kGathering;
    return candidate;
  }
  if (day) {
    bool blocked = false;
    for (size_t i = begin; i < end; ++i) {
      // "xứng đáng được tặng bằng khen", "mong ...": wishes are not acts. An exam or contest held
      // ("kỳ thi ... được tổ chức từ ngày 25-27/12") is no gathering of commendation.
      if (IsReportCue(tokens, i) || IsHypotheticalCue(tokens, i) ||
          MatchesAnyPhrase(tokens, i, {"kỳ thi", "cuộc thi"})) {
        blocked = true;
      }
      if (!blocked && IsEventVerb(tokens, i, end)) {
        candidate.evidence = Evidence::kDatedAct;
        return candidate;
      }
    }
  }
  if (candidate.kind) candidate.evidence = Evidence::kMention;
  return candidate;
}

// Years written for the event: in its sentence or in a sentence that restates it ("Đây là sự kiện
// ...").
int YearNearEvent(const std::vector<Token>& tokens, const std::vector<Sentence>& sentences,
                  size_t event_sentence, const Candidate& candidate) {
  int best = 0;
  const auto scan = [&](const Sentence& sentence) {
    const std::vector<Period> periods =
        FindPeriods(tokens, sentence.first_token, sentence.last_token);
    for (const WrittenYear& year : FindYears(tokens, sentence.first_token, sentence.last_token)) {
      bool excluded = false;
      for (const Period& period : periods) {
        if (!period.anniversary && year.token >= period.token && year.token <= period.token + 2) {
          excluded = true;
        }
      }
      // "Giải báo chí TTXVN năm 2016" is the prize's year, not the ceremony's.
      for (size_t k = year.token; k > sentence.first_token && k + 6 > year.token; --k) {
        if (tokens[k - 1].lower == "giải") excluded = true;
      }
      if (!excluded) best = std::max(best, year.year);
    }
  };
  scan(sentences[event_sentence]);
  std::string gathering;
  if (candidate.kind) {
    gathering = JoinTokens(tokens, candidate.gathering_token,
                           candidate.gathering_token + candidate.gathering_length + 1);
  }
  for (size_t s = event_sentence + 1; s < sentences.size(); ++s) {
    const Sentence& sentence = sentences[s];
    const bool nearby = s <= event_sentence + kRestatementWindow &&
                        StartsWithAny(tokens, sentence, {"đây là", "sự kiện", "buổi lễ"});
    bool restates = false;
    if (!gathering.empty() && candidate.gathering_length > 0) {
      restates = true;
      for (size_t k = 0; k <= candidate.gathering_length && restates; ++k) {
        const size_t at = sentence.first_token + k;
        restates = at < sentence.last_token &&
                   tokens[at].lower == tokens[candidate.gathering_token + k].lower;
      }
    }
    if (nearby || restates) scan(sentence);
  }
  return best;
}

Date ResolveDate(const EventDay& day, const std::optional<Date>& published, int written_year) {
  if (day.relative) {
    if (!published) return {};
    return AddDays(*published, day.days_from_publication);
  }
  Date date{day.year, day.month, day.day};
  if (date.year != 0) return date;
  if (published) {
    date.year = published->year;
    if (IsBefore(*published, date)) date.year -= 1;
    return date;
  }
  date.year = written_year;
  return date;
}

// The place after "tại" or any place the sentence names; -2 when it names a place abroad.
// `article_places` are the places the whole article names, in order.
int ProvinceOfSentence(const std::vector<PlaceMention>& article_places,
                       const std::vector<Token>& tokens, const Sentence& sentence) {
  const size_t from = tokens[sentence.first_token].begin;
  const size_t to = tokens[sentence.last_token - 1].end;
  const auto first =
      std::lower_bound(article_places.begin(), article_places.end(), from,
                       [](const PlaceMention& place, size_t at) { return place.begin < at; });
  auto last = first;
  while (last != article_places.end() && last->begin < to) ++last;
  const std::vector<PlaceMention> places(first, last);
  for (size_t i = sentence.first_token; i + 1 < sentence.last_token; ++i) {
    if (!(tokens[i].classes & kPhraseEnd) || tokens[i].lower != "tại") continue;
    size_t k = i + 1;
    if (IsOneOf(tokens[k], {"thành", "tp", "tỉnh"}) && k + 1 < sentence.last_token) {
      k += tokens[k].lower == "thành" ? 2 : 1;
    }
    if (k >= sentence.last_token || !tokens[k].capitalised) continue;
    const auto place = std::find_if(places.begin(), places.end(), [&](const PlaceMention& p) {
      return p.begin >= tokens[i].end &&
             p.begin <= tokens[std::min(k + 8, sentence.last_token - 1)].end;
    });
    if (place != places.end()) return place->province_index;
    // "tại thành phố Augsburg": a named place that is no Vietnamese province.
    if (places.empty()) return -2;
  }
  return places.empty() ? -1 : places.front().province_index;
}

// The organiser as written, without the parentheses that only explain it ("Đài Truyền hình Việt
// Nam (VTV)", "Trung tâm Nghệ thuật (trực thuộc Sở VH-TT)") nor a council's term ("HĐND tỉnh
// khóa XIX, nhiệm kỳ 2021-2026").
std::string OrganizerName(std::string written) {
  for (size_t open = written.find('('); open != std::string::npos; open = written.find('(')) {
    const size_t close = written.find(')', open);
    size_t from = open;
    while (from > 0 && written[from - 1] == ' ') --from;
    written.erase(from, close == std::string::npos ? std::string::npos : close + 1 - from);
  }
  for (std::string_view term : {" khóa ", " khoá ", ", nhiệm kỳ ", " nhiệm kỳ "}) {
    const size_t at = written.find(term);
    if (at != std::string::npos) written.erase(at);
  }
  written = std::string(TrimAscii(written));
  // "Ủy ban T.Ư MTTQ Việt Nam": a central body is named in full, as an issuer is.
  if (written.find("T.Ư") != std::string::npos) {
    const NormalizedText folded = NormalizeTextLenient(written);
    written = ExpandBodyNames(folded.text, folded.lower);
  }
  // "Bộ VHTTDL": a ministry is named in full, as an issuer is.
  if (StartsWith(written, "Bộ ")) {
    const NormalizedText folded = NormalizeTextLenient(written);
    std::string expanded = ExpandBodyNames(folded.text, folded.lower);
    const std::vector<std::string_view>& ministries = Ministries();
    if (std::find(ministries.begin(), ministries.end(), expanded) != ministries.end()) {
      written = std::move(expanded);
    }
  }
  return written;
}

// "lễ ... đón nhận Huân chương Lao động hạng Ba của Công ty X": without a gathering organised by
// name, the body welcoming its award holds it. Empty when there is none.
std::string WelcomingBody(const std::vector<Token>& tokens, const Sentence& sentence) {
  constexpr size_t kMaxAwardWords = 12;
  for (size_t i = sentence.first_token; i + 2 < sentence.last_token; ++i) {
    if (!MatchesPhrase(tokens, i, "đón nhận")) continue;
    for (size_t k = i + 2; k < sentence.last_token && k < i + 2 + kMaxAwardWords; ++k) {
      if (!tokens[k].is_word) break;
      if (tokens[k].lower != "của") continue;
      std::string name;
      if (ReadOrganisationName(tokens, k + 1, sentence.last_token, name) > k + 1) {
        return OrganizerName(name);
      }
      break;
    }
  }
  return "";
}

std::string Organizer(const std::vector<Token>& tokens, const Sentence& sentence) {
  const size_t begin = sentence.first_token;
  const size_t end = sentence.last_token;
  for (size_t i = begin; i < end; ++i) {
    // "Nhà xuất bản Kim Đồng kỷ niệm 60 năm thành lập": a body celebrating holds the gathering
    // ("lễ kỷ niệm", "nhân kỷ niệm" name it or its occasion).
    const bool celebrates =
        MatchesPhrase(tokens, i, "kỷ niệm") && i > begin &&
        (tokens[i - 1].capitalised || IsOneOf(tokens[i - 1], {"trọng", "đã", "vừa"})) &&
        !IsOneOf(tokens[i - 1], {"lễ", "dịp", "nhân", "buổi"});
    const bool verb = MatchesAnyPhrase(tokens, i, {"tổ chức", "làm lễ"}) || celebrates;
    // "Ban Tổ chức Tỉnh ủy tổ chức ...": the committee's name, not the act.
    if (!verb || (i > begin && tokens[i - 1].lower == "ban")) continue;
    // "được X tổ chức" / "do X tổ chức".
    size_t k = i;
    while (k > begin && !IsOneOf(tokens[k - 1], {"được", "do"}) &&
           (tokens[k - 1].text != "," || InsideKnownBody(tokens, k - 1, begin)) &&
           k + kMaxOrganizerWords > i) {
      --k;
    }
    if (k > begin && IsOneOf(tokens[k - 1], {"được", "do"}) && k < i) {
      // "do X phối hợp với Y tổ chức": both organise.
      std::string organizer;
      size_t from = k;
      for (size_t k2 = k; k2 < i; ++k2) {
        if (!MatchesPhrase(tokens, k2, "phối hợp")) continue;
        organizer = JoinTokens(tokens, from, k2) + " và ";
        from = k2 + 2;
        if (from < i && IsOneOf(tokens[from], {"với", "cùng"})) ++from;
      }
      return OrganizerName(organizer + JoinTokens(tokens, from, i));
    }
    // The subject: back over a list of bodies, stopping at time and place adverbials; "X, tổ
    // chức" reads back past the comma; "X phối hợp (với) Y tổ chức" is X's gathering.
    size_t stop = i;
    if (stop > begin + 1 && tokens[stop - 1].text == ",") --stop;
    for (size_t k2 = stop; k2 > begin; --k2) {
      if (tokens[k2 - 1].text == ";" || tokens[k2 - 1].text == ":") break;
      if (MatchesPhrase(tokens, k2 - 1, "phối hợp")) {
        stop = k2 - 1;
        break;
      }
    }
    // Lower case only: "long trọng" is solemnly, "Vĩnh Long" a province.
    while (stop > begin && !tokens[stop - 1].capitalised &&
           IsOneOf(tokens[stop - 1], {"đã", "long", "trọng", "cùng", "phối", "hợp", "vừa", "sẽ"})) {
      --stop;
    }
    size_t start = stop;
    while (start > begin && start + kMaxOrganizerWords > stop) {
      const Token& previous = tokens[start - 1];
      // A comma inside a ministry's name, or before what only describes the body ("HĐND tỉnh
      // Hà Nam khóa XIX, nhiệm kỳ 2021-2026 tổ chức ...").
      if (previous.text == "," &&
          (InsideKnownBody(tokens, start - 1, begin) ||
           (start < stop && !tokens[start].capitalised &&
            IsOneOf(tokens[start], {"nhiệm", "khóa", "khoá", "trực", "thuộc"})))) {
        --start;
        continue;
      }
      if (previous.text == ",") {
        size_t length;
        if (start < stop &&
            (IsOrganisationHead(tokens, start, length) ||
             MatchesPhrase(tokens, start, "hội đồng") || tokens[start].capitalised) &&
            start - 1 > begin) {
          // Keep going only if the part before is a body too ("Tỉnh ủy, HĐND, UBND, ...").
          size_t part = start - 1;
          while (part > begin && tokens[part - 1].text != ",") --part;
          if (IsOrganisationHead(tokens, part, length) ||
              IsOneOf(tokens[part], {"tỉnh", "thành", "hđnd"}) ||
              MatchesPhrase(tokens, part, "hội đồng")) {
            --start;
            continue;
          }
        }
        break;
      }
      if (previous.text == ":" || previous.text == ";") break;
      --start;
    }
    // "Sáng thứ Năm 4/6 UBND tỉnh ... tổ chức": the time told without a comma is no body.
    while (start < stop && ((tokens[start].classes & kTimeOfDay) || tokens[start].all_digits ||
                            !tokens[start].is_word ||
                            IsOneOf(tokens[start], {"thứ", "hai", "ba", "tư", "năm", "sáu", "bảy",
                                                    "chủ", "nhật", "hôm", "qua", "vào"}))) {
      ++start;
    }
    if (start >= stop) return "";
    std::string organizer = JoinTokens(tokens, start, stop);
    if (!organizer.empty() && organizer.back() == ',') organizer.pop_back();
    // Two bodies: "X, Y tổ chức" is "X và Y".
    const size_t comma = organizer.find(", ");
    if (comma != std::string::npos && organizer.find(", ", comma + 1) == std::string::npos &&
        !Contains(organizer, " và ")) {
      organizer.replace(comma, 2, " và ");
    }
    return OrganizerName(organizer);
  }
  return WelcomingBody(tokens, sentence);
}

// "phong trào thi đua “Vì an ninh Tổ quốc”" → "Vì an ninh Tổ quốc"; unquoted names only when they
// look like a movement's name ("toàn dân bảo vệ an ninh Tổ quốc", "ATLĐ - PCCN").
std::string MovementIn(const std::vector<Token>& tokens, const Sentence& sentence) {
  const size_t end = sentence.last_token;
  for (size_t i = sentence.first_token; i + 1 < end; ++i) {
    if (!MatchesPhrase(tokens, i, "phong trào")) continue;
    if (i > sentence.first_token && IsOneOf(tokens[i - 1], {"dựng", "động"})) continue;
    size_t k = i + 2;
    if (MatchesPhrase(tokens, k, "thi đua")) k += 2;
    if (k < end && (tokens[k].text == "\"" || tokens[k].text == "'")) {
      const std::string_view quote = tokens[k].text;
      size_t close = k + 1;
      while (close < end && tokens[close].text != quote && close < k + 2 * kMaxMovementWords)
        ++close;
      if (close < end && close > k + 1) return JoinTokens(tokens, k + 1, close);
      continue;
    }
    size_t stop = k;
    bool acronym = false;
    while (stop < end && stop < k + kMaxMovementWords) {
      const Token& token = tokens[stop];
      if (!token.is_word && token.text != "-") break;
      if (IsOneOf(token, {"năm", "giai", "của", "trong", "tại", "và", "do", "được", "đã", "với",
                          "nhằm", "gắn", "này", "đó"})) {
        break;
      }
      if (token.is_word && token.text.size() >= 3 && IsAllCaps(token.text)) acronym = true;
      ++stop;
    }
    if (stop == k) continue;
    const bool named =
        acronym || MatchesPhrase(tokens, k, "toàn dân") || tokens[k].lower == "vì" ||
        MatchesPhrase(tokens, k, "cả nước") || MatchesPhrase(tokens, k, "người tốt") ||
        MatchesPhrase(tokens, k, "dạy tốt") || MatchesPhrase(tokens, k, "chung tay") ||
        MatchesPhrase(tokens, k, "đền ơn") || MatchesPhrase(tokens, k, "uống nước");
    if (named) return JoinTokens(tokens, k, stop);
  }
  return "";
}

// "... cho 7 tập thể có thành tích xuất sắc trong công tác giai đoạn 2016-2017": the period the
// awarded merit was earned in, not one a review looks back on ("tổng kết giai đoạn ...").
bool IsMeritPeriod(const std::vector<Token>& tokens, const Sentence& sentence,
                   const Period& period) {
  const size_t from = period.token > sentence.first_token + kMeritWindow
                          ? period.token - kMeritWindow
                          : sentence.first_token;
  bool merit = false;
  for (size_t k = from; k < period.token; ++k) {
    if (MatchesAnyPhrase(tokens, k, {"tổng kết", "sơ kết", "phong trào", "nhiệm kỳ"})) {
      return false;
    }
    merit = merit || MatchesAnyPhrase(tokens, k, {"thành tích", "công tác"});
  }
  return merit;
}

// "Lễ ký kết Chương trình phối hợp ... giai đoạn 2017 - 2022", "phát động thi đua giai đoạn
// 2021-2025": the span of what is agreed or launched, ahead of the event, not one it reviews.
// A period written between the cue and this one takes the cue ("phát động thi đua giai đoạn
// 2021-2025 ..., phát huy thành tích giai đoạn 2015-2020": the later one is looked back on).
bool IsPeriodAhead(const std::vector<Token>& tokens, const Sentence& sentence,
                   const std::vector<Period>& periods, const Period& period) {
  bool ahead = false;
  for (size_t k = sentence.first_token; k < period.token; ++k) {
    if (MatchesAnyPhrase(tokens, k, {"tổng kết", "sơ kết"})) return false;
    ahead = ahead || MatchesAnyPhrase(tokens, k, {"ký kết", "phát động", "kế hoạch"});
    for (const Period& other : periods) {
      if (other.token == k) ahead = false;
    }
  }
  return ahead;
}

// Asked of every sentence: when the phrase's first word is of kMentionStart only such tokens are
// looked at, and the first word is compared alone first.
bool MentionsPhrase(const std::vector<Token>& tokens, const Sentence& sentence,
                    std::string_view phrase) {
  const std::string_view first_word = phrase.substr(0, phrase.find(' '));
  const bool indexed = (WordClassesOf(first_word) & kMentionStart) != 0;
  if (indexed && !(sentence.classes & kMentionStart)) return false;
  for (size_t i = sentence.first_token; i < sentence.last_token; ++i) {
    if ((!indexed || (tokens[i].classes & kMentionStart)) && tokens[i].lower == first_word &&
        MatchesPhrase(tokens, i, phrase)) {
      return true;
    }
  }
  return false;
}

}  // namespace

std::optional<EventKind> GatheringAt(const std::vector<Token>& tokens, size_t i, size_t end,
                                     size_t& length) {
  const Token& token = tokens[i];
  length = 2;
  if (MatchesPhrase(tokens, i, "đại hội")) {
    if (i + 2 < end && tokens[i + 2].lower == "đồng") return std::nullopt;  // shareholders' meeting
    return EventKind::kCongress;
  }
  if (MatchesPhrase(tokens, i, "hội nghị")) {
    if (i > 0 && tokens[i - 1].lower == "tâm") return std::nullopt;  // "Trung tâm Hội nghị"
    return EventKind::kConference;
  }
  if (token.lower == "lễ") {
    length = 1;
    if (i + 1 < end && IsOneOf(tokens[i + 1], {"hội", "tết", "phục"})) return std::nullopt;
    if (i > 0 && IsOneOf(tokens[i - 1], {"tuần", "ngày", "nghỉ", "lễ"})) return std::nullopt;
    return EventKind::kCeremony;
  }
  if (MatchesAnyPhrase(tokens, i, {"mít tinh", "gặp mặt"})) {
    return EventKind::kCeremony;
  }
  // "tổ chức tổng kết": a review meeting; "phát biểu tổng kết" is only a speech.
  if ((MatchesAnyPhrase(tokens, i, {"tổng kết", "sơ kết"})) && i >= 2 &&
      MatchesPhrase(tokens, i - 2, "tổ chức")) {
    return EventKind::kConference;
  }
  // "tổ chức Giải Pickleball ...", "hội thi", "hội thao": a tournament or a contest, where
  // prizes may be given, is no ceremony ("tổ chức Giải thưởng ..." and "Giải báo chí" are).
  if (token.lower == "giải" && i >= 2 && MatchesPhrase(tokens, i - 2, "tổ chức") && i + 1 < end &&
      !IsOneOf(tokens[i + 1], {"thưởng", "báo"})) {
    length = 1;
    return EventKind::kOther;
  }
  if (MatchesAnyPhrase(tokens, i, {"hội thi", "hội thao"})) return EventKind::kOther;
  // A council's session, a festival day: gatherings of other kinds where awards may be given.
  if (MatchesAnyPhrase(tokens, i, {"kỳ họp", "ngày hội"}) &&
      !(i > 0 && MatchesPhrase(tokens, i - 1, "sau ngày"))) {
    return EventKind::kOther;
  }
  if (MatchesPhrase(tokens, i, "chương trình") && i + 2 < end) {
    for (size_t k = i + 2; k < end && k < i + 5; ++k) {
      if (IsOneOf(tokens[k], {"tôn", "tuyên", "trao", "vinh"})) return EventKind::kCeremony;
    }
    // "chương trình nghệ thuật ... và tuyên dương gia đình tiêu biểu": a show that honours.
    for (size_t k = i + 2; k + 2 < end; ++k) {
      if (tokens[k].lower == "và" &&
          MatchesAnyPhrase(tokens, k + 1, {"tuyên dương", "tôn vinh", "vinh danh", "trao tặng"})) {
        return EventKind::kCeremony;
      }
    }
    if (tokens[i + 2].text == "\"" || tokens[i + 2].text == "'" || tokens[i + 2].lower == "đặc") {
      return EventKind::kOther;
    }
  }
  return std::nullopt;
}

namespace {

// The event a candidate sentence tells of. `fallback_kind` is the kind of the first gathering the
// article names, for a dated act that names none; `called_ceremony` says the article calls it
// "buổi lễ" somewhere.
ExtractedEvent EventFrom(const EventInputs& inputs, const Candidate& candidate,
                         std::optional<EventKind> fallback_kind, bool called_ceremony) {
  const std::vector<Token>& tokens = *inputs.tokens;
  const std::vector<Sentence>& sentences = *inputs.sentences;
  const Sentence& sentence = sentences[candidate.sentence];
  ExtractedEvent extracted;
  // Without awards, only a gathering that is itself about commendation is an event of ours.
  // Welcoming or handing over is about commendation only when an award is what changes hands
  // ("đón nhận danh hiệu Công viên địa chất toàn cầu", "trao quà" are not).
  bool about_commendation = false;
  for (size_t i = sentence.first_token; i < sentence.last_token; ++i) {
    if (IsOneOf(tokens[i], {"trao", "đón"})) {
      for (size_t k = i + 1; k < sentence.last_token && k < i + 4; ++k) {
        if (IsOneOf(tokens[k], {"giải", "thưởng"}) || MatchAward(tokens, k, sentence.last_token)) {
          about_commendation = true;
        }
      }
    } else if (IsOneOf(tokens[i], {"khen", "tuyên", "tôn", "thi"})) {
      about_commendation = true;
    }
  }
  extracted.about_commendation = about_commendation && candidate.evidence != Evidence::kMention;

  Event& event = extracted.event;
  extracted.sentence = candidate.sentence;
  extracted.gathering = candidate.evidence == Evidence::kGathering;
  if (candidate.kind) {
    event.kind = *candidate.kind;
  } else if (fallback_kind) {
    event.kind = *fallback_kind;
  } else {
    event.kind = EventKind::kCeremony;
  }
  // "tổ chức tổng kết và trao Giải ...", called "buổi lễ" elsewhere: a ceremony.
  if (event.kind == EventKind::kConference && called_ceremony &&
      !MentionsPhrase(tokens, sentence, "hội nghị")) {
    event.kind = EventKind::kCeremony;
  }
  if (const auto day = FindEventDay(tokens, sentence.first_token, sentence.last_token)) {
    const int year = YearNearEvent(tokens, sentences, candidate.sentence, candidate);
    event.date = ResolveDate(*day, inputs.published, year);
    if (!event.date.known() && !day->relative)
      extracted.day_without_year = {0, day->month, day->day};
  }
  const int named_province = ProvinceOfSentence(*inputs.places, tokens, sentence);
  const int province = named_province == -1 ? inputs.article_province : named_province;
  if (province >= 0) {
    extracted.province_index = province;
    const Date on = inputs.published.value_or(event.date);
    event.province = ProvinceNameOn(province, on);
    if (const Province2025* current = CurrentProvinceOf(province)) {
      event.current_province = std::string(current->name);
    }
  }
  extracted.named_province = named_province;
  extracted.same_day = MentionsPhrase(tokens, sentence, "cùng ngày");
  size_t opening = sentence.first_token;  // past a bullet ("* Chiều cùng ngày")
  while (opening + 1 < sentence.last_token && !tokens[opening].is_word) ++opening;
  if (IsOneOf(tokens[opening], {"sáng", "trưa", "chiều", "tối"})) {
    extracted.day_part = tokens[opening].lower;
  }
  // "Chiều cùng ngày, X tổ chức hội nghị ... . Tại hội nghị, 75 tập thể được tặng bằng khen": a
  // sentence soon after a gathering tells what was given there.
  constexpr size_t kSentencesAfter = 3;
  for (size_t next = candidate.sentence + 1;
       !extracted.about_commendation && candidate.evidence == Evidence::kGathering &&
       next < sentences.size() && next <= candidate.sentence + kSentencesAfter;
       ++next) {
    const Sentence& after = sentences[next];
    size_t length = 0;
    const bool there = after.first_token + 1 < after.last_token &&
                       tokens[after.first_token].lower == "tại" &&
                       GatheringAt(tokens, after.first_token + 1, after.last_token, length);
    for (size_t i = after.first_token; there && i < after.last_token; ++i) {
      if (MatchAward(tokens, i, after.last_token)) extracted.about_commendation = true;
    }
  }
  event.organizer = Organizer(tokens, sentence);
  switch (candidate.evidence) {
    case Evidence::kGathering:
      event.confidence = kStrongConfidence;
      break;
    case Evidence::kDatedAct:
      event.confidence = kDatedActConfidence;
      break;
    default:
      event.confidence = kMentionConfidence;
  }
  if (province >= 0 && named_province == -1) event.confidence -= 0.1;
  return extracted;
}

// Whether `other` is a gathering apart from `event`: held on another day written for it, or in
// another province it names, and within weeks of it (a gathering years before is history).
bool SeparateGathering(const ExtractedEvent& event, const ExtractedEvent& other) {
  constexpr int kSameNewsDays = 45;
  const Date& a = event.event.date;
  const Date& b = other.event.date;
  if (!b.known() && !other.same_day) return false;
  // "Sáng 22-6 ... . Chiều cùng ngày, ... tổ chức hội nghị ...": another session, another
  // gathering.
  if (other.same_day && !other.day_part.empty() && !event.day_part.empty() &&
      other.day_part != event.day_part) {
    return true;
  }
  if (a.known() && b.known()) {
    const int64_t apart = ToUnixSeconds({b, 0, 0, 0}) / 86400 - ToUnixSeconds({a, 0, 0, 0}) / 86400;
    if (apart > kSameNewsDays || apart < -kSameNewsDays) return false;
    if (!(a == b)) return true;
  }
  return other.named_province >= 0 && event.named_province >= 0 &&
         other.named_province != event.named_province;
}

}  // namespace

std::vector<PlaceMention> PlacesOfGatherings(const std::vector<Token>& tokens,
                                             const std::vector<PlaceMention>& places) {
  std::vector<PlaceMention> kept;
  for (const PlaceMention& place : places) {
    auto at =
        std::lower_bound(tokens.begin(), tokens.end(), place.begin,
                         [](const Token& token, size_t begin) { return token.begin < begin; });
    size_t k = static_cast<size_t>(at - tokens.begin());
    // The bracket the place sits in, within its sentence.
    while (k > 0 && !IsOneOf(tokens[k - 1], {"(", ")", ".", "!", "?"})) --k;
    bool hometown = false;
    if (k > 1 && tokens[k - 1].text == "(" && tokens[k - 2].capitalised) {
      for (size_t j = k - 1; j > 0; --j) {
        const Token& before = tokens[j - 1];
        if (IsOneOf(before, {"tại", ".", "!", "?"})) break;
        if (IsOneOf(before, {"cho", "tặng"})) {
          hometown = true;
          break;
        }
      }
    }
    if (!hometown) kept.push_back(place);
  }
  return kept;
}

std::vector<ExtractedEvent> ExtractEvents(const EventInputs& inputs) {
  const std::vector<Token>& tokens = *inputs.tokens;
  const std::vector<Sentence>& sentences = *inputs.sentences;
  std::optional<Candidate> best;
  std::optional<EventKind> first_gathering;
  bool calls_it_ceremony = false;
  std::vector<Candidate> gatherings;  // every sentence that names a gathering held
  for (size_t s = 0; s < sentences.size(); ++s) {
    const Sentence& sentence = sentences[s];
    if (sentence.last_token <= sentence.first_token) continue;
    Candidate candidate = Classify(tokens, sentence, s);
    if (candidate.kind && !first_gathering && !sentence.headline) first_gathering = candidate.kind;
    if (MentionsPhrase(tokens, sentence, "buổi lễ")) calls_it_ceremony = true;
    if (sentence.headline) {
      // A headline only tells of a ceremony by "đón nhận" ("... đón nhận Huân chương ...").
      if (MentionsPhrase(tokens, sentence, "đón nhận") &&
          !MentionsPhrase(tokens, sentence, "vừa")) {
        candidate.evidence = Evidence::kMention;
        candidate.kind = EventKind::kCeremony;
      } else {
        continue;
      }
    }
    if (candidate.evidence == Evidence::kGathering) gatherings.push_back(candidate);
    if (!best || candidate.evidence > best->evidence ||
        (best->evidence == Evidence::kMention && sentences[best->sentence].headline &&
         candidate.evidence == Evidence::kMention)) {
      if (candidate.evidence != Evidence::kNone) best = candidate;
    }
  }
  std::vector<ExtractedEvent> events;
  if (!best) return events;
  // A gathering held long before the article was published is history ("Ngày 2/9/2010, tỉnh tổ
  // chức lễ đón nhận ..."): the news is the first one held near its date.
  const auto recent = [&](const ExtractedEvent& event) {
    constexpr int64_t kNewsDays = 90;
    if (!inputs.published || !event.event.date.known()) return true;
    const int64_t apart =
        (ToUnixSeconds({*inputs.published, 0, 0, 0}) - ToUnixSeconds({event.event.date, 0, 0, 0})) /
        86400;
    return apart <= kNewsDays && apart >= -kNewsDays;
  };
  events.push_back(EventFrom(inputs, *best, first_gathering, calls_it_ceremony));
  if (!recent(events[0])) {
    for (const Candidate& gathering : gatherings) {
      ExtractedEvent candidate = EventFrom(inputs, gathering, first_gathering, calls_it_ceremony);
      if (recent(candidate)) {
        events[0] = std::move(candidate);
        best = gathering;
        break;
      }
    }
  }
  // Other gatherings the article reports apart from the first (a ceremony the day before, a
  // second province's): one event each, however often restated.
  for (const Candidate& gathering : gatherings) {
    if (gathering.sentence == best->sentence) continue;
    ExtractedEvent other = EventFrom(inputs, gathering, first_gathering, calls_it_ceremony);
    const bool separate =
        other.about_commendation && recent(other) &&
        std::all_of(events.begin(), events.end(),
                    [&](const ExtractedEvent& event) { return SeparateGathering(event, other); });
    if (!separate) continue;
    // "Cùng ngày, tại TP.HCM, ...": held on the day of the gathering told of before it. Without a
    // publication date, a year written for the later session ("Chiều cùng ngày, ... hội nghị ...
    // năm 2017") is that day's year too.
    if (!other.event.date.known()) {
      const int year =
          other.same_day ? YearNearEvent(tokens, sentences, gathering.sentence, gathering) : 0;
      for (ExtractedEvent& before : events) {
        if (before.sentence >= other.sentence) continue;
        if (!before.event.date.known() && before.day_without_year.month != 0 && year != 0) {
          before.event.date = before.day_without_year;
          before.event.date.year = year;
        }
        other.event.date = before.event.date;
      }
    }
    events.push_back(std::move(other));
  }
  return events;
}

void CompleteEvent(const EventInputs& inputs, const std::vector<size_t>& award_sentences,
                   bool whole_article, ExtractedEvent& extracted) {
  const std::vector<Token>& tokens = *inputs.tokens;
  const std::vector<Sentence>& sentences = *inputs.sentences;
  Event& event = extracted.event;
  // Movement and period: the event's sentence first, then where awards were given, then any
  // sentence about an emulation movement.
  std::vector<size_t> order = {extracted.sentence};
  for (size_t s : award_sentences) order.push_back(s);
  for (size_t s = 0; s < sentences.size() && whole_article; ++s) {
    if (MentionsPhrase(tokens, sentences[s], "phong trào thi đua") ||
        MentionsPhrase(tokens, sentences[s], "tổng kết")) {
      order.push_back(s);
    }
  }
  const int event_year =
      event.date.year != 0 ? event.date.year : (inputs.published ? inputs.published->year : 0);
  for (size_t s : order) {
    if (event.movement.empty()) {
      event.movement = MovementIn(tokens, sentences[s]);
      // A movement launched at the event is not the one it reviews.
      if (!event.movement.empty() && MentionsPhrase(tokens, sentences[s], "phát động")) {
        event.movement.clear();
      }
    }
    if (event.period_start_year == 0) {
      const std::vector<Period> periods =
          FindPeriods(tokens, sentences[s].first_token, sentences[s].last_token);
      for (const Period& period : periods) {
        if (period.anniversary || IsMeritPeriod(tokens, sentences[s], period) ||
            IsPeriodAhead(tokens, sentences[s], periods, period)) {
          continue;
        }
        if (event_year != 0 && period.end_year > event_year) continue;
        event.period_start_year = period.start_year;
        event.period_end_year = period.end_year;
        break;
      }
    }
  }
}

}  // namespace laurel::parser

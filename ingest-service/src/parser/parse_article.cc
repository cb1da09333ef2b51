#include "ingest-service/src/parser/parse_article.h"

#include <algorithm>
#include <map>
#include <string>
#include <unordered_map>
#include <vector>

#include "absl/status/status.h"
#include "ingest-service/src/parser/article_metadata.h"
#include "ingest-service/src/parser/award_extraction.h"
#include "ingest-service/src/parser/body_names.h"
#include "ingest-service/src/parser/dates.h"
#include "ingest-service/src/parser/event_extraction.h"
#include "ingest-service/src/parser/gazetteer.h"
#include "ingest-service/src/parser/recipients.h"
#include "ingest-service/src/parser/restatement_merging.h"
#include "ingest-service/src/parser/sentence_splitter.h"
#include "ingest-service/src/parser/string_util.h"
#include "ingest-service/src/parser/text_normalizer.h"
#include "ingest-service/src/parser/tokenizer.h"

namespace laurel::parser {
namespace {

constexpr size_t kMaxHeadlineTokens = 40;  // longer first lines are leads, not headlines

// Words that only occur in sentences worth the full analysis; the rest of an article is skipped.
// Each trigger is a word that is only about commendation next to its neighbour: "chương" after
// "huân"/"huy"/"niệm" (not "chương trình"), "hiệu" after "danh"/"huy" (not "hiệu quả"), "giải" not
// in "giải pháp".
bool HasTrigger(const std::vector<Token>& tokens, const Sentence& sentence) {
  if (!(sentence.classes & kTriggerWord)) return false;
  const size_t first = sentence.first_token;
  const size_t last = sentence.last_token;
  for (size_t i = first; i < last; ++i) {
    if (!(tokens[i].classes & kTriggerWord)) continue;
    const std::string_view word = tokens[i].lower;
    const std::string_view before = i > first ? tokens[i - 1].lower : std::string_view();
    const std::string_view after = i + 1 < last ? tokens[i + 1].lower : std::string_view();
    if (word == "khen" || word == "cờ") return true;
    if (word == "chương" && (before == "huân" || before == "huy" || before == "niệm")) return true;
    if (word == "hiệu" && (before == "danh" || before == "huy")) return true;
    if (word == "giải" &&
        !(i + 1 < last &&
          IsOneOf(tokens[i + 1], {"pháp", "quyết", "phóng", "trình", "thích", "tỏa", "ngân", "đáp",
                                  "cứu", "thể", "tán", "trí", "khát", "đấu", "bóng", "vô"}))) {
      return true;
    }
    if (word == "dương" && (before == "tuyên" || before == "biểu")) return true;
    if (word == "vinh" && (before == "tôn" || after == "danh")) return true;
    if (word == "hùng" && before == "anh") return true;
    if (word == "thưởng" && (after == "nóng" || before == "khen" || before == "giải" ||
                             before == "trao" || (before == "phần" && after == "trị"))) {
      return true;
    }
    if (word == "tú" && before == "ưu") return true;
    if (word == "tiến" && before == "tiên") return true;
    if (word == "thi" && after == "đua") return true;
  }
  return false;
}

bool Confers(const std::vector<Token>& tokens, const Sentence& sentence) {
  for (size_t i = sentence.first_token; i < sentence.last_token; ++i) {
    if (IsOneOf(tokens[i], {"trao", "tặng", "khen"})) return true;
  }
  return false;
}

Span SpanOf(const NormalizedText& normalized, const std::vector<Token>& tokens,
            const Sentence& sentence) {
  Span span;
  if (sentence.last_token <= sentence.first_token) return span;
  span.begin = normalized.OriginalIndex(tokens[sentence.first_token].begin);
  span.end = normalized.OriginalIndex(tokens[sentence.last_token - 1].end - 1) + 1;
  return span;
}

// The province the article names most often (first named on a tie); -1 when it names none.
// With `tie_is_none`, -1 too when another is named as often: "hai cơ sở Hà Nội và TP.HCM" says
// nothing of where anything happened.
int MostNamedProvince(const std::vector<PlaceMention>& places, bool tie_is_none = false) {
  std::map<int, int> counts;
  int best = -1;
  for (const PlaceMention& place : places) {
    if (place.province_index < 0) continue;
    const int count = ++counts[place.province_index];
    if (best < 0 || count > counts[best]) best = place.province_index;
  }
  if (tie_is_none && best >= 0) {
    for (const auto& [province, count] : counts) {
      if (province != best && count == counts[best]) return -1;
    }
  }
  return best;
}

// "huyện Thạch Hà", "xã Thạch Văn": local units named in the article, for "UBND huyện" without a
// name.
// `at` are the positions of the words of kLocalUnit.
std::map<std::string, std::string> LocalUnits(const std::vector<Token>& tokens,
                                              const std::vector<uint32_t>& at) {
  std::map<std::string, std::string> units;
  for (const size_t i : at) {
    if (i + 1 >= tokens.size()) break;
    size_t k = i + 1;
    const std::string_view word = tokens[i].lower;
    // Only the first name of each unit stands; "thị xã" and "thị trấn" are looked at below.
    if (word != "thị" && units.count(std::string(word)) > 0) continue;
    std::string unit(word);
    if (unit == "thị") {
      if (tokens[k].lower != "xã" && tokens[k].lower != "trấn") continue;
      unit += " " + std::string(tokens[k].lower);
      ++k;
    }
    const size_t start = k;
    while (k < tokens.size() && k < start + 3 && tokens[k].is_word && tokens[k].capitalised) ++k;
    if (k == start) continue;
    if (units.count(unit) == 0) units[unit] = JoinTokens(tokens, start, k);
  }
  return units;
}

// "Trường THPT Hương Khê", "Công ty CP Licogi 14": the first school, company or hospital the
// article names in full, for "nhà trường" and "công ty" standing alone; and the full name of each
// short one given in brackets after it.
// `at` are the positions of the capitalised words of kBodyHead.
std::map<std::string, std::string> NamedBodies(const std::vector<Token>& tokens,
                                               const std::vector<uint32_t>& at) {
  std::map<std::string, std::string> bodies;
  for (const size_t i : at) {
    if (i + 2 >= tokens.size()) break;
    std::string_view head = tokens[i].lower;
    // "Bộ Văn hóa, Thể thao và Du lịch", for "Bộ trưởng" named without the ministry.
    if (head == "bộ") {
      const size_t known = KnownBodyAt(tokens, i, tokens.size());
      if (known > 0 && bodies.count("bộ") == 0) {
        const std::string written = JoinTokens(tokens, i, i + known);
        const NormalizedText folded = NormalizeTextLenient(written);
        bodies.emplace("bộ", ExpandBodyNames(folded.text, folded.lower));
      }
      continue;
    }
    if (head != "trường") {
      if (!MatchesAnyPhrase(tokens, i, {"công ty", "bệnh viện"})) continue;
      head = head == "công" ? "công ty" : "bệnh viện";
    }
    std::string name;
    const size_t after = ReadOrganisationName(tokens, i, tokens.size(), name);
    if (after == i) continue;
    if (bodies.count(std::string(head)) == 0) bodies.emplace(std::string(head), name);
    // "Tổng Công ty CP Bưu chính Viettel (Viettel Post)": the short name stands for the full one.
    constexpr size_t kMaxShortWords = 4;
    size_t close = after + 1;
    while (close < tokens.size() && close <= after + kMaxShortWords && tokens[close].is_word &&
           tokens[close].capitalised) {
      ++close;
    }
    if (after < tokens.size() && tokens[after].text == "(" && close > after + 1 &&
        close < tokens.size() && tokens[close].text == ")") {
      if (i > 0 && tokens[i - 1].lower == "tổng")
        name = std::string(tokens[i - 1].text) + " " + name;
      std::string short_name;
      for (size_t k = after + 1; k < close; ++k) {
        if (!short_name.empty()) short_name += ' ';
        short_name += tokens[k].lower;
      }
      bodies.emplace(std::move(short_name), name);
    }
  }
  return bodies;
}

// Whether `text` from `at` starts with a word that heads a body's name ("Sở", "UBND", "Phòng"):
// "Sở Văn hóa và Thể thao" is one body, "UBND huyện và Phòng Giáo dục huyện" two.
bool HeadsABody(const std::string& text, size_t at) {
  static const auto* const kHeads = new std::vector<std::string_view>{
      "UBND", "HĐND",  "Sở",  "Phòng", "Hội", "Ban",   "Báo",  "Trường", "Công",
      "Tỉnh", "Thành", "Đài", "Bộ",    "Ủy",  "Trung", "Liên", "Tạp",    "Nhà"};
  const std::string_view rest = std::string_view(text).substr(at);
  return std::any_of(kHeads->begin(), kHeads->end(), [&](std::string_view head) {
    return StartsWith(rest, head) && (rest.size() == head.size() || rest[head.size()] == ' ');
  });
}

// Completes the bare units of each body an organiser phrase lists ("Hội Nhà báo tỉnh và Báo X").
std::string CompleteOrganizerUnits(const std::string& organizer, const IssuerContext& units) {
  std::string completed;
  size_t from = 0;
  while (from <= organizer.size()) {
    size_t comma = organizer.find(", ", from);
    while (comma != std::string::npos && !HeadsABody(organizer, comma + 2)) {
      comma = organizer.find(", ", comma + 2);
    }
    constexpr std::string_view kAnd = " và ";
    size_t and_word = organizer.find(kAnd, from);
    while (and_word != std::string::npos && !HeadsABody(organizer, and_word + kAnd.size())) {
      and_word = organizer.find(kAnd, and_word + kAnd.size());
    }
    const size_t stop = std::min(comma, and_word);
    const size_t part_end = stop == std::string::npos ? organizer.size() : stop;
    completed += CompleteBareUnit(organizer.substr(from, part_end - from), units);
    if (stop == std::string::npos) break;
    const size_t separator = stop == comma ? 2 : kAnd.size();
    completed += organizer.substr(stop, separator);
    from = stop + separator;
  }
  return completed;
}

// The latest year the article writes, standing in for its date when it has none.
int LatestYear(const std::vector<Token>& tokens) {
  int latest = 0;
  for (const WrittenYear& year : FindYears(tokens, 0, tokens.size()))
    latest = std::max(latest, year.year);
  return latest;
}

// An obituary ("... đã từ trần", "Lễ tang đồng chí ...", told in the headline or the lead) lists
// the honours of a life, not news of them; unless it confers one on the dead ("truy tặng").
bool IsObituary(const std::vector<Token>& tokens, const std::vector<Sentence>& sentences) {
  constexpr size_t kLeadSentences = 2;  // the headline and the lead, or the lead's two sentences
  bool death = false;
  for (size_t s = 0; s < sentences.size() && s < kLeadSentences && !death; ++s) {
    for (size_t i = sentences[s].first_token; i < sentences[s].last_token && !death; ++i) {
      death = MatchesAnyPhrase(
          tokens, i, {"từ trần", "qua đời", "tạ thế", "hưởng thọ", "lễ tang", "vĩnh biệt"});
    }
  }
  if (!death) return false;
  for (size_t i = 0; i + 1 < tokens.size(); ++i) {
    if (tokens[i].lower == "truy" && IsOneOf(tokens[i + 1], {"tặng", "phong"})) return false;
  }
  return true;
}

}  // namespace

absl::StatusOr<ParsedArticle> ParseArticle(std::string_view text) {
  if (text.empty()) return absl::InvalidArgumentError("article text is empty");
  absl::StatusOr<NormalizedText> normalized_or = NormalizeText(text);
  if (!normalized_or.ok()) return normalized_or.status();
  const NormalizedText& normalized = *normalized_or;
  if (normalized.text.find_first_not_of(" \n") == std::string::npos) {
    return absl::InvalidArgumentError("article text is only white space");
  }
  ParsedArticle article;
  const ArticleMetadata metadata = ReadMetadata(text, normalized);
  article.title = metadata.title;
  article.author = metadata.author;
  std::optional<Date> published;
  if (metadata.published) {
    article.published_at =
        PublishedAt{ToUnixSeconds(*metadata.published), metadata.published->utc_offset_minutes};
    published = metadata.published->date;
  }

  // The headline is read as its own sentence, then the body.
  std::vector<Token> tokens;
  std::vector<Sentence> sentences;
  // Where the article-wide look-ups of places, units and bodies start.
  MarkedWords marked;
  marked.mask = kPlaceStart | kLocalUnit | kBodyHead;
  if (metadata.title_end > metadata.title_begin) {
    AppendTokens(normalized, metadata.title_begin, metadata.title_end, tokens, &marked);
    if (tokens.size() > kMaxHeadlineTokens) {
      // No headline: the first line is the lead paragraph, read like the body.
      for (const Sentence& sentence : SplitSentences(tokens)) {
        sentences.push_back(sentence);
      }
    } else if (!tokens.empty()) {
      sentences.push_back(SentenceOf(tokens, 0, tokens.size(), 0, /*headline=*/true));
    }
  }
  const size_t body_first = tokens.size();
  AppendTokens(normalized, metadata.body_begin, metadata.body_end, tokens, &marked);
  for (const Sentence& sentence : SplitSentences(tokens, body_first)) {
    sentences.push_back(sentence);
  }

  const std::vector<PlaceMention> places =
      FindPlacesAt(normalized.text, normalized.lower, tokens, marked.positions);
  const int article_province = MostNamedProvince(places);
  size_t next_place = 0;  // places before the sentence read set the nearest city and province
  AwardSentenceContext context;
  context.issuer.province_index = article_province;
  context.issuer.date = published.value_or(Date{});
  std::vector<uint32_t> unit_words;
  std::vector<uint32_t> body_heads;
  for (const uint32_t i : marked.positions) {
    const uint32_t classes = tokens[i].classes;
    if (classes & kLocalUnit) unit_words.push_back(i);
    if ((classes & kBodyHead) && tokens[i].capitalised) body_heads.push_back(i);
  }
  context.issuer.local_units = LocalUnits(tokens, unit_words);
  context.issuer.named_bodies = NamedBodies(tokens, body_heads);
  std::unordered_map<std::string, std::string> resolved_issuers;
  context.issuer.resolved = &resolved_issuers;
  context.reference_year = published ? published->year : LatestYear(tokens);

  // The event first: its province is the one "UBND tỉnh" refers to.
  EventInputs event_inputs;
  event_inputs.text = &normalized;
  event_inputs.tokens = &tokens;
  event_inputs.sentences = &sentences;
  event_inputs.published = published;
  const std::vector<PlaceMention> gathering_places = PlacesOfGatherings(tokens, places);
  event_inputs.article_province = MostNamedProvince(gathering_places, /*tie_is_none=*/true);
  event_inputs.places = &gathering_places;
  std::vector<ExtractedEvent> events = ExtractEvents(event_inputs);
  // Each sentence (and what is read from it) belongs to the gathering told of last before it, the
  // first gathering when none is; "UBND tỉnh" there is that gathering's province's.
  const auto owner = [&](size_t sentence) {
    size_t owner = 0;
    for (size_t e = 1; e < events.size(); ++e) {
      if (events[e].sentence <= sentence &&
          (events[owner].sentence > sentence || events[e].sentence > events[owner].sentence)) {
        owner = e;
      }
    }
    return owner;
  };

  std::vector<AwardCandidate> candidates;
  std::vector<size_t> award_sentences;
  const bool obituary = IsObituary(tokens, sentences);
  for (size_t s = 0; s < sentences.size(); ++s) {
    const Sentence& sentence = sentences[s];
    // A sentence ending in a colon opens a list; items start with a dash or a bullet.
    const bool item = sentence.last_token > sentence.first_token &&
                      !tokens[sentence.first_token].is_word &&
                      IsOneOf(tokens[sentence.first_token], {"-", "+", "•", "*"});
    if (!item) context.list_opener = nullptr;
    if (sentence.last_token > sentence.first_token && tokens[sentence.last_token - 1].text == ":") {
      context.list_opener = &sentence;
    }
    const size_t sentence_end =
        sentence.last_token > sentence.first_token ? tokens[sentence.last_token - 1].end : 0;
    for (; next_place < places.size() && places[next_place].begin < sentence_end; ++next_place) {
      const int index = places[next_place].province_index;
      if (index < 0) continue;
      (CentrallyRunOn(index, context.issuer.date) ? context.issuer.nearest_city
                                                  : context.issuer.nearest_province) = index;
    }
    if (obituary || !HasTrigger(tokens, sentence)) {
      context.previous_conferred = false;
      context.previous_groups.clear();
      continue;
    }
    context.issuer.province_index = article_province;
    if (!events.empty() && events[owner(s)].province_index >= 0) {
      context.issuer.province_index = events[owner(s)].province_index;
    }
    std::vector<AwardCandidate> found = ExtractAwards(tokens, sentence, context);
    // "... 63 tác phẩm để trao giải. Trong đó có: 7 giải A, ...": the next sentence breaks it down.
    context.previous_conferred = !found.empty() || Confers(tokens, sentence);
    context.previous_groups.clear();
    // Only a generic act's groups: "khen thưởng 3 công nhân. Mỗi người được tặng Giấy khen" names
    // the form of that act; after a named award it would be a second one.
    for (const AwardCandidate& candidate : found) {
      if (!candidate.award.count || !candidate.generic) continue;
      RecipientGroup group;
      group.kind = candidate.award.recipient_kind;
      group.count = candidate.award.count;
      group.names = candidate.award.recipients;
      group.noun = candidate.recipient_noun;
      context.previous_groups.push_back(std::move(group));
    }
    for (AwardCandidate& candidate : found) {
      candidate.sentence = s;
      candidate.from_title = sentence.headline;
      candidate.award.span = SpanOf(normalized, tokens, sentence);
      candidates.push_back(std::move(candidate));
    }
    if (!found.empty()) award_sentences.push_back(s);
  }
  std::vector<AwardCandidate> records = MergeRestatements(candidates);

  std::vector<int> event_of_record(records.size(), -1);
  std::vector<bool> has_records(events.size(), false);
  for (size_t r = 0; r < records.size() && !events.empty(); ++r) {
    event_of_record[r] = static_cast<int>(owner(records[r].sentence));
    has_records[event_of_record[r]] = true;
  }
  // A gathering only mentioned, or one with nothing of commendation about it, is no event of ours.
  // A dated act of giving that yields no award record gave nothing.
  std::vector<int> index_of_event(events.size(), -1);
  for (size_t e = 0; e < events.size(); ++e) {
    ExtractedEvent& event = events[e];
    if (!has_records[e] && (!event.about_commendation || !event.gathering)) continue;
    std::vector<size_t> own_award_sentences;
    for (size_t s : award_sentences) {
      if (owner(s) == e) own_award_sentences.push_back(s);
    }
    CompleteEvent(event_inputs, own_award_sentences, /*whole_article=*/e == 0, event);
    // "Ủy ban MTTQ thành phố", "Phòng Giáo dục huyện": the units the article is about.
    IssuerContext units = context.issuer;
    units.province_index = event.province_index;
    event.event.organizer = CompleteOrganizerUnits(event.event.organizer, units);
    event.event.span = SpanOf(normalized, tokens, sentences[event.sentence]);
    index_of_event[e] = static_cast<int>(article.events.size());
    article.events.push_back(std::move(event.event));
  }
  for (size_t r = 0; r < records.size(); ++r) {
    AwardCandidate& record = records[r];
    const int event = event_of_record[r] < 0 ? -1 : index_of_event[event_of_record[r]];
    record.award.event_index = event >= 0 ? event : (article.events.empty() ? -1 : 0);
    // Prizes of a contest are given by whoever organises the gathering that awards them, and so
    // is the recognition a gathering is named for ("X tổ chức lễ tuyên dương 63 nông dân").
    const int giver = record.award.event_index;
    const bool named_for = record.generic && event_of_record[r] >= 0 &&
                           events[event_of_record[r]].sentence == record.sentence;
    if (record.award.issuer.empty() && record.award.award_type == AwardType::kOther &&
        (StartsWith(record.award.award_name, "Giải") || named_for) && giver >= 0 &&
        !article.events[giver].organizer.empty()) {
      record.award.issuer = CanonicalIssuer(article.events[giver].organizer, context.issuer);
      record.award.issuer_level = LevelOf(record.award.issuer);
    }
    article.awards.push_back(std::move(record.award));
  }
  return article;
}

std::string FoldForIdentity(std::string_view text) {
  const NormalizedText normalized = NormalizeTextLenient(text);
  // Line structure is layout, not content: one space between everything.
  std::string folded;
  folded.reserve(normalized.text.size());
  for (char ch : normalized.text) {
    if (ch == '\n') ch = ' ';
    if (ch == ' ' && (folded.empty() || folded.back() == ' ')) continue;
    folded.push_back(ch);
  }
  while (!folded.empty() && folded.back() == ' ') folded.pop_back();
  return folded;
}

}  // namespace laurel::parser

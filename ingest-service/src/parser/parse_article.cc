#include "ingest-service/src/parser/parse_article.h"

#include <algorithm>
#include <map>
#include <string>
#include <unordered_map>
#include <vector>

#include "absl/status/status.h"
#include "ingest-service/src/parser/article_metadata.h"
#include "ingest-service/src/parser/award_extraction.h"
#include "ingest-service/src/parser/dates.h"
#include "ingest-service/src/parser/event_extraction.h"
#include "ingest-service/src/parser/gazetteer.h"
#include "ingest-service/src/parser/recipients.h"
#include "ingest-service/src/parser/restatement_merging.h"
#include "ingest-service/src/parser/sentence_splitter.h"
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
  static const auto* const kWords = new WordSet{"khen", "chương", "hiệu",   "cờ", "giải", "dương",
                                                "vinh", "hùng",   "thưởng", "tú", "tiến", "thi"};
  static const auto* const kNotPrizes =
      new WordSet{"pháp", "quyết", "phóng", "trình", "thích", "tỏa", "ngân", "đáp",
                  "cứu",  "thể",   "tán",   "trí",   "khát",  "đấu", "bóng", "vô"};
  const size_t first = sentence.first_token;
  const size_t last = sentence.last_token;
  for (size_t i = first; i < last; ++i) {
    if (!kWords->Contains(tokens[i].lower)) continue;
    const std::string_view word = tokens[i].lower;
    const std::string_view before = i > first ? tokens[i - 1].lower : std::string_view();
    const std::string_view after = i + 1 < last ? tokens[i + 1].lower : std::string_view();
    if (word == "khen" || word == "cờ") return true;
    if (word == "chương" && (before == "huân" || before == "huy" || before == "niệm")) return true;
    if (word == "hiệu" && (before == "danh" || before == "huy")) return true;
    if (word == "giải" && !kNotPrizes->Contains(after)) return true;
    if (word == "dương" && before == "tuyên") return true;
    if (word == "vinh" && (before == "tôn" || after == "danh")) return true;
    if (word == "hùng" && before == "anh") return true;
    if (word == "thưởng" && (after == "nóng" || before == "khen" || before == "giải")) return true;
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
int MostNamedProvince(const NormalizedText& normalized, const std::vector<Token>& tokens) {
  std::map<int, int> counts;
  int best = -1;
  for (const PlaceMention& place :
       FindPlacesInTokens(normalized.text, normalized.lower, tokens, 0, tokens.size())) {
    if (place.province_index < 0) continue;
    const int count = ++counts[place.province_index];
    if (best < 0 || count > counts[best]) best = place.province_index;
  }
  return best;
}

// "huyện Thạch Hà", "xã Thạch Văn": local units named in the article, for "UBND huyện" without a
// name.
std::map<std::string, std::string> LocalUnits(const std::vector<Token>& tokens) {
  std::map<std::string, std::string> units;
  static const auto* const kUnits = new WordSet{"huyện", "xã", "quận", "phường", "thị"};
  for (size_t i = 0; i + 1 < tokens.size(); ++i) {
    if (!kUnits->Contains(tokens[i].lower)) continue;
    size_t k = i + 1;
    std::string unit(tokens[i].lower);
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

// The latest year the article writes, standing in for its date when it has none.
int LatestYear(const std::vector<Token>& tokens) {
  int latest = 0;
  for (const WrittenYear& year : FindYears(tokens, 0, tokens.size()))
    latest = std::max(latest, year.year);
  return latest;
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
  if (metadata.title_end > metadata.title_begin) {
    tokens = Tokenize(normalized, metadata.title_begin, metadata.title_end);
    if (tokens.size() > kMaxHeadlineTokens) {
      // No headline: the first line is the lead paragraph, read like the body.
      for (const Sentence& sentence : SplitSentences(tokens, normalized.text)) {
        sentences.push_back(sentence);
      }
    } else if (!tokens.empty()) {
      sentences.push_back({0, tokens.size(), 0, true});
    }
  }
  const size_t body_first = tokens.size();
  std::vector<Token> body = Tokenize(normalized, metadata.body_begin, metadata.body_end);
  tokens.insert(tokens.end(), body.begin(), body.end());
  for (Sentence sentence : SplitSentences(body, normalized.text)) {
    sentence.first_token += body_first;
    sentence.last_token += body_first;
    sentences.push_back(sentence);
  }

  const int article_province = MostNamedProvince(normalized, tokens);
  AwardSentenceContext context;
  context.issuer.province_index = article_province;
  context.issuer.date = published.value_or(Date{});
  context.issuer.local_units = LocalUnits(tokens);
  std::unordered_map<std::string, std::string> resolved_issuers;
  context.issuer.resolved = &resolved_issuers;
  context.reference_year = published ? published->year : LatestYear(tokens);

  // The event first: its province is the one "UBND tỉnh" refers to.
  EventInputs event_inputs;
  event_inputs.text = &normalized;
  event_inputs.tokens = &tokens;
  event_inputs.sentences = &sentences;
  event_inputs.published = published;
  event_inputs.article_province = article_province;
  std::optional<ExtractedEvent> event = ExtractEvent(event_inputs);
  if (event && event->province_index >= 0) context.issuer.province_index = event->province_index;

  std::vector<AwardCandidate> candidates;
  std::vector<size_t> award_sentences;
  for (size_t s = 0; s < sentences.size(); ++s) {
    const Sentence& sentence = sentences[s];
    if (!HasTrigger(tokens, sentence)) {
      context.previous_conferred = false;
      continue;
    }
    std::vector<AwardCandidate> found = ExtractAwards(tokens, sentence, context);
    // "... 63 tác phẩm để trao giải. Trong đó có: 7 giải A, ...": the next sentence breaks it down.
    context.previous_conferred = !found.empty() || Confers(tokens, sentence);
    for (AwardCandidate& candidate : found) {
      candidate.sentence = s;
      candidate.from_title = sentence.headline;
      candidate.award.span = SpanOf(normalized, tokens, sentence);
      candidates.push_back(std::move(candidate));
    }
    if (!found.empty()) award_sentences.push_back(s);
  }
  std::vector<AwardCandidate> records = MergeRestatements(candidates);

  // A gathering only mentioned, or one with nothing of commendation about it, is no event of ours.
  if (event && (records.empty() && !event->about_commendation)) event.reset();
  if (event) {
    CompleteEvent(event_inputs, award_sentences, *event);
    event->event.span = SpanOf(normalized, tokens, sentences[event->sentence]);
    article.events.push_back(std::move(event->event));
  }
  for (AwardCandidate& record : records) {
    record.award.event_index = article.events.empty() ? -1 : 0;
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

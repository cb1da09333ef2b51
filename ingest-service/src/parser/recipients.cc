#include "ingest-service/src/parser/recipients.h"

#include <algorithm>

#include "ingest-service/src/parser/award_lexicon.h"
#include "ingest-service/src/parser/gazetteer.h"
#include "ingest-service/src/parser/numbers.h"

namespace laurel::parser {
namespace {

constexpr size_t kMaxNameWords = 5;
constexpr size_t kMaxOrganisationWords = 12;
constexpr size_t kMaxItems = 24;
constexpr size_t kMaxParentheticalTokens = 40;
constexpr size_t kMaxLeadingWords = 3;
constexpr size_t kMaxDescriptionWords = 12;
constexpr size_t kMaxQualifierWords = 4;
constexpr size_t kMaxLowerNameWords = 3;

bool IsSeparator(const Token& token) {
  return token.text == "," || token.lower == "và" || token.lower == "cùng" || token.text == ";";
}

// Words after which a recipient phrase is over: the reason or circumstance follows.
bool EndsPhrase(const Token& token) { return (token.classes & kPhraseEnd) != 0; }

// Words that never belong to a body's name: verbs and prepositions that start the rest of the
// clause.
bool IsFunctionWord(const Token& token) {
  return IsOneOf(token, {"có", "được", "là", "cho", "của", "tặng", "trao", "đã", "đang", "sẽ",
                         "nhận", "đạt", "thuộc", "tham", "gồm", "cùng", "tới", "như"});
}

// Skips a parenthetical "(30 tuổi)", "(BV)", "(Q.6, TP.HCM)".
size_t SkipParenthetical(const std::vector<Token>& tokens, size_t i, size_t end) {
  if (i >= end || tokens[i].text != "(") return i;
  for (size_t k = i + 1; k < end && k < i + kMaxParentheticalTokens; ++k) {
    if (tokens[k].text == ")") return k + 1;
  }
  return i;
}

// Whether a province's name starts at tokens[i] ("Hà Tĩnh" is no person "Hà ...").
bool StartsPlace(const std::vector<Token>& tokens, size_t i, size_t end) {
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

// The person (or, for "tập thể", the body) named after a singular recipient noun and a few words
// describing them, up to the end of the item; returns the token after the name, or `i` when none is
// named. "tập thể cán bộ, nhân viên Bệnh viện X" is the hospital.
size_t NameAfterDescription(const std::vector<Token>& tokens, size_t i, size_t end,
                            RecipientKind kind, std::string& name) {
  const bool body = kind == RecipientKind::kCollective;
  for (size_t k = i; k < end && k < i + kMaxDescriptionWords; ++k) {
    if (tokens[k].text == "(") {
      k = std::max(k, SkipParenthetical(tokens, k, end) - 1);
      continue;
    }
    // A body's staff are listed with commas: "tập thể lãnh đạo, cán bộ, công nhân Công ty X".
    const bool listing = body && (tokens[k].text == "," || tokens[k].lower == "và");
    if (!listing && (!tokens[k].is_word || IsSeparator(tokens[k]) || EndsPhrase(tokens[k]) ||
                     IsOneOf(tokens[k], {"của", "có", "là", "đã", "được"}))) {
      return i;
    }
    size_t length = 0;
    // "học sinh Trường THCS Nguyễn Du" names the school, not a person.
    if (tokens[k].capitalised && IsOrganisationHead(tokens, k, length)) {
      return body ? std::max(i, ReadOrganisationName(tokens, k, end, name)) : i;
    }
    if (body) continue;
    size_t after = k;
    if (IsHonorific(tokens, k, length)) {
      after = ReadPersonName(tokens, k + length, end, name);
      if (after > k + length) return after;
    } else if (IsFamilyName(tokens[k]) && k + 1 < end && tokens[k + 1].capitalised &&
               !StartsPlace(tokens, k, end)) {
      after = ReadPersonName(tokens, k, end, name);
      if (after > k + 1) return after;
    }
  }
  return i;
}

}  // namespace

std::string JoinTokens(const std::vector<Token>& tokens, size_t first, size_t last) {
  std::string text;
  for (size_t i = first; i < last && i < tokens.size(); ++i) {
    const bool glue = !tokens[i].is_word && (tokens[i].text == "," || tokens[i].text == ")" ||
                                             tokens[i].text == "." || tokens[i].text == ":");
    const bool after_open = i > first && tokens[i - 1].text == "(";
    if (!text.empty() && !glue && !after_open) text += ' ';
    text += tokens[i].text;
  }
  return text;
}

size_t ReadPersonName(const std::vector<Token>& tokens, size_t i, size_t end, std::string& name) {
  size_t k = i;
  while (k < end && k < i + kMaxNameWords && tokens[k].is_word && tokens[k].capitalised &&
         !tokens[k].all_digits) {
    ++k;
  }
  if (k == i) return i;
  name = JoinTokens(tokens, i, k);
  return k;
}

size_t ReadOrganisationName(const std::vector<Token>& tokens, size_t i, size_t end,
                            std::string& name) {
  size_t head_length;
  if (!IsOrganisationHead(tokens, i, head_length)) return i;
  size_t k = i + head_length;
  size_t last = k;
  size_t lower_after_head = 0;
  while (k < end && k < i + kMaxOrganisationWords) {
    const Token& token = tokens[k];
    if (token.text == "(") {
      const size_t after = SkipParenthetical(tokens, k, end);
      if (after == k) break;
      k = after;
      continue;
    }
    if (token.text == "-" && k + 1 < end && tokens[k + 1].capitalised) {
      ++k;
      continue;
    }
    if (!token.is_word || IsSeparator(token) || EndsPhrase(token)) break;
    if (token.capitalised || token.all_digits) {
      last = ++k;
      continue;
    }
    // Lower-case words right after the head ("Trường tiểu học", "ngành tư pháp", "Hội người Việt")
    // or a single one between capitalised words ("vùng Schwaben").
    if (last == i + head_length && lower_after_head < 2) {
      ++lower_after_head;
      last = ++k;
      continue;
    }
    if (k + 1 < end && tokens[k + 1].is_word && tokens[k + 1].capitalised &&
        !EndsPhrase(tokens[k])) {
      k += 2;
      last = k;
      continue;
    }
    // "Phòng Cảnh sát giao thông", "Công ty Cổ phần Cơ khí mỏ Cẩm Thịnh": a few lower-case words
    // inside a name, up to the end of the item or the next capitalised word.
    size_t run = k;
    while (run < end && run < k + kMaxLowerNameWords && tokens[run].is_word &&
           !tokens[run].capitalised && !tokens[run].all_digits && !IsSeparator(tokens[run]) &&
           !EndsPhrase(tokens[run]) && !IsFunctionWord(tokens[run])) {
      ++run;
    }
    if (run > k && (run >= end || !tokens[run].is_word || IsSeparator(tokens[run]) ||
                    (tokens[run].capitalised && !tokens[run].all_digits))) {
      k = run;
      last = k;
      continue;
    }
    break;
  }
  if (last == i + head_length && !(head_length >= 2 && tokens[i].capitalised)) return i;
  name = JoinTokens(tokens, i, last);
  return last;
}

std::vector<RecipientGroup> ParseRecipients(const std::vector<Token>& tokens, size_t begin,
                                            size_t end, bool introduced) {
  std::vector<RecipientGroup> groups;
  end = std::min(end, tokens.size());
  bool counted_seen = false;
  int named_group = -1;    // index of the group collecting named recipients
  int single_person = -1;  // a group of one person that "và 8 người" adds to
  size_t i = begin;
  size_t items = 0;
  size_t leading = 0;
  bool listed_people = false;  // after "các chị:", names alone are people
  const auto add_name = [&](RecipientKind kind, std::string name, size_t first, size_t last) {
    if (named_group >= 0 && groups[named_group].kind == kind) {
      RecipientGroup& group = groups[named_group];
      group.names.push_back(std::move(name));
      group.count = static_cast<int64_t>(group.names.size());
      group.last = last;
      return;
    }
    // Names after a counted group are its members ("2 tập thể ... Bệnh viện A, Bệnh viện B").
    if (counted_seen) {
      groups.back().names.push_back(std::move(name));
      return;
    }
    RecipientGroup group;
    group.kind = kind;
    group.count = 1;
    group.names.push_back(std::move(name));
    group.first = first;
    group.last = last;
    groups.push_back(std::move(group));
    named_group = static_cast<int>(groups.size()) - 1;
  };
  while (i < end && (!tokens[i].is_word || IsOneOf(tokens[i], {"cho", "tặng", "tới", "trao"})) &&
         tokens[i].text != "(") {
    if (tokens[i].is_word) introduced = true;
    ++i;  // "- Trường ...", "cho 21 tập thể"
  }
  while (i < end && items++ < kMaxItems) {
    const Token& token = tokens[i];
    if (IsSeparator(token) || IsOneOf(token, {"cho", "tặng", "tới"})) {
      if (groups.empty() && token.is_word && !IsSeparator(token)) introduced = true;
      ++i;
      continue;
    }
    if (token.text == "(") {
      i = std::max(i + 1, SkipParenthetical(tokens, i, end));
      continue;
    }
    if (!token.is_word || EndsPhrase(token)) break;
    // "mỗi gia đình được tuyên dương": each of a group already counted, not a new one.
    if (IsOneOf(token, {"mỗi", "từng"})) break;
    // "cho các chị: Trần Thị Mỹ Hạnh, ...": the names that follow are the recipients.
    size_t plural_honorific = 0;
    if (IsOneOf(token, {"các", "những"}) && IsHonorific(tokens, i + 1, plural_honorific) &&
        i + 1 + plural_honorific < end &&
        (tokens[i + 1 + plural_honorific].text == ":" ||
         IsFamilyName(tokens[i + 1 + plural_honorific]))) {
      i += 1 + plural_honorific;
      if (tokens[i].text == ":") ++i;
      listed_people = true;
      continue;
    }
    if (MatchesPhrase(tokens, i, "đại diện")) {
      i += 2;
      if (MatchesPhrase(tokens, i, "gia đình")) i += 2;
      continue;
    }
    // "gia đình em Trần Đức Đông": the family receives for the person named.
    size_t family_honorific;
    if (MatchesPhrase(tokens, i, "gia đình") && i + 2 < end &&
        (IsHonorific(tokens, i + 2, family_honorific) || IsFamilyName(tokens[i + 2]))) {
      i += 2;
      continue;
    }
    const int groups_before = static_cast<int>(groups.size());
    size_t consumed = 0;
    // Counted group: "21 tập thể", "Ba nữ thực tập sinh", "hơn 1.000 gương"; "một số" is no count.
    const bool approximate = IsApproximator(token) || MatchesPhrase(tokens, i, "một số");
    const size_t number_at = approximate ? i + (token.lower == "một" ? 2 : 1) : i;
    const std::optional<ParsedNumber> number =
        MatchesPhrase(tokens, i, "một số") ? std::nullopt : ParseCount(tokens, number_at);
    size_t noun_length = 0;
    std::optional<RecipientKind> counted_kind;
    // "57 “sinh viên 3 tốt”": a quote may open the noun.
    size_t noun_from = number ? number_at + number->tokens : number_at;
    if (number && noun_from < end && tokens[noun_from].text == "\"") ++noun_from;
    if (number) counted_kind = RecipientNoun(tokens, noun_from, noun_length);
    if (approximate && !number) counted_kind = RecipientNoun(tokens, number_at, noun_length);
    if (counted_kind) {
      const size_t noun_at = noun_from;
      RecipientGroup group;
      group.kind = *counted_kind;
      if (!approximate && number) group.count = number->value;
      group.noun = JoinTokens(tokens, noun_at, noun_at + noun_length);
      group.first = i;
      group.last = noun_at + noun_length;
      // "Lê Văn Tùng và 8 người", "anh và 8 người khác": one group.
      if (single_person >= 0 && groups[single_person].kind == *counted_kind && group.count &&
          groups[single_person].count && i > begin && tokens[i - 1].lower == "và") {
        *groups[single_person].count += *group.count;
        groups[single_person].noun = group.noun;
      } else {
        groups.push_back(std::move(group));
      }
      counted_seen = true;
      consumed = noun_at + noun_length - i;
    }
    if (consumed == 0 && !counted_seen) {
      // A body named after its head word: "Trường tiểu học Nguyễn Huệ", "Bệnh viện Nhi Trung ương".
      std::string name;
      size_t head_length = 0;
      size_t word_count = 0;
      // "hội viên Liên Chi hội ...": a recipient noun that starts like a body's head word.
      const bool noun_first = IsOrganisationHead(tokens, i, head_length) &&
                              RecipientNoun(tokens, i, word_count) && word_count > head_length;
      const size_t after = noun_first ? i : ReadOrganisationName(tokens, i, end, name);
      // "Trường X có 40 học sinh được nhận ...": the school's pupils are the recipients.
      size_t has = after;
      while (has < end && has < after + kMaxDescriptionWords && tokens[has].lower != "có" &&
             (tokens[has].is_word || tokens[has].text == "-")) {
        ++has;
      }
      if (after > i && has < end && tokens[has].lower == "có" &&
          ParseCount(tokens, has + 1).has_value()) {
        i = has + 1;
        continue;
      }
      if (after > i + 1 && after <= end) {
        bool capitalised = false;
        for (size_t k = i + 1; k < after; ++k) capitalised = capitalised || tokens[k].capitalised;
        if (capitalised) {
          add_name(RecipientKind::kCollective, name, i, after);
          consumed = after - i;
        }
      }
    }
    if (consumed == 0 && !counted_seen) {
      // Uncounted group: "các tập thể", "những người hiến máu", "cá nhân".
      size_t k = i;
      const bool plural = IsOneOf(tokens[k], {"các", "những", "nhiều", "toàn"});
      if (plural) ++k;
      if (k < end && tokens[k].lower == "thể") ++k;
      size_t length = 0;
      size_t other;
      const auto kind = RecipientNoun(tokens, k, length);
      const bool person_next =
          kind && k + length < end &&
          (tokens[k + length].capitalised || IsHonorific(tokens, k + length, other));
      // "tấm gương em Lan Anh": the person is the recipient, "tấm gương" only praises her.
      const bool praises_person = kind == RecipientKind::kUnspecified && person_next;
      const bool titled_person = IsHonorific(tokens, k, other) && person_next;
      // A bare noun after the award is part of its name ("bằng khen lao động ưu tú"), not a
      // recipient.
      const bool bare_after_award = !plural && !introduced && groups.empty();
      size_t head_length = 0;
      const bool body_named = k == i && IsOrganisationHead(tokens, k, head_length) &&
                              head_length >= length && person_next;
      // "cho các tập thể: Phòng A, Công an huyện B và ...": the names listed are the group.
      size_t list_at = k + length;
      if (list_at < end && tokens[list_at].lower == "gồm") ++list_at;
      if (kind && plural && *kind != RecipientKind::kUnspecified && list_at < end &&
          tokens[list_at].text == ":") {
        i = list_at + 1;
        listed_people = *kind == RecipientKind::kIndividual;
        continue;
      }
      if (kind && !praises_person && !titled_person && !bare_after_award && !body_named) {
        RecipientGroup group;
        group.kind = *kind;
        group.noun = JoinTokens(tokens, k, k + length);
        group.first = i;
        group.last = k + length;
        // A singular pronoun-like noun ("cho em") is one person.
        if (!plural && IsOneOf(tokens[k], {"em", "cháu", "ông", "bà", "anh", "chị"}))
          group.count = 1;
        // "cá nhân đồng chí Phạm Văn Lý", "nữ nhân viên điện lực quận Hải Châu Trần Thị Anh": one
        // person, described and then named.
        std::string name;
        const bool described_one =
            !plural && (*kind == RecipientKind::kIndividual || MatchesPhrase(tokens, k, "tập thể"));
        const size_t named_end =
            described_one ? NameAfterDescription(tokens, k + length, end, *kind, name) : k + length;
        if (named_end > k + length) {
          add_name(*kind, name, i, named_end);
          consumed = named_end - i;
        } else {
          groups.push_back(std::move(group));
          consumed = k + length - i;
        }
      } else if (praises_person) {
        i = k + length;
        continue;
      }
    }
    if (consumed == 0) {
      std::string name;
      size_t honorific_length;
      if (IsHonorific(tokens, i, honorific_length)) {
        const size_t after = ReadPersonName(tokens, i + honorific_length, end, name);
        if (after > i + honorific_length) {
          add_name(RecipientKind::kIndividual, name, i, after);
          consumed = after - i;
        } else if (!counted_seen &&
                   IsOneOf(token, {"em", "cô", "cháu", "ông", "bà", "anh", "chị"})) {
          RecipientGroup group;
          group.kind = RecipientKind::kIndividual;
          group.count = 1;
          group.noun = std::string(token.lower);
          group.first = i;
          group.last = i + 1;
          groups.push_back(std::move(group));
          consumed = 1;
        }
      }
      if (consumed == 0) {
        const size_t after = ReadOrganisationName(tokens, i, end, name);
        if (after > i) {
          add_name(RecipientKind::kCollective, name, i, after);
          consumed = after - i;
        }
      }
      const bool after_name = named_group >= 0 && i > begin && tokens[i - 1].lower == "và";
      // "Hà Tĩnh có 76 học sinh": a province is nobody's name.
      const bool place = StartsPlace(tokens, i, end);
      if (consumed == 0 && token.capitalised && !place &&
          (IsFamilyName(token) || after_name || listed_people)) {
        const size_t after = ReadPersonName(tokens, i, end, name);
        if (after > i + 1 || (after > i && after_name)) {
          add_name(after_name ? groups[named_group].kind : RecipientKind::kIndividual, name, i,
                   after);
          consumed = after - i;
        }
      }
    }
    if (consumed == 0 && groups.empty()) {
      // A few leading words before the phrase proper ("Hà Tĩnh có 76 học sinh"); more means there
      // is no recipient phrase here ("thành tích đáng tự hào của ...").
      if (++leading > kMaxLeadingWords) break;
      ++i;
      continue;
    }
    if (consumed > 0) {
      const bool one_person =
          groups.size() > static_cast<size_t>(groups_before) || named_group >= 0;
      single_person = -1;
      if (one_person && !groups.empty() && groups.back().count == 1 &&
          groups.back().kind == RecipientKind::kIndividual) {
        single_person = static_cast<int>(groups.size()) - 1;
      }
      i += consumed;
      i = SkipParenthetical(tokens, i, end);
    }
    // Skip what describes the item (or an apposition such as ", Hiệu trưởng ..."), up to the next
    // separator; a name right after a counted group is one of its members.
    bool skipped = false;
    // An uncounted group keeps the first words describing it: "các đơn vị tài trợ" and "các đơn vị
    // phối hợp" are two groups.
    RecipientGroup* described = consumed > 0 && !groups.empty() && !groups.back().count &&
                                        groups.back().last == i && !groups.back().noun.empty()
                                    ? &groups.back()
                                    : nullptr;
    size_t described_words = 0;
    while (i < end && !IsSeparator(tokens[i]) && !EndsPhrase(tokens[i]) && tokens[i].text != ";") {
      if (tokens[i].text == "(") {
        const size_t after = SkipParenthetical(tokens, i, end);
        i = after > i ? after : i + 1;
        continue;
      }
      if (!tokens[i].is_word && tokens[i].text != "-" && tokens[i].text != "&" &&
          tokens[i].text != "'" && tokens[i].text != "\"") {
        break;
      }
      if (consumed > 0 && counted_seen && IsFamilyName(tokens[i]) && i + 1 < end &&
          tokens[i + 1].capitalised) {
        break;
      }
      if (described != nullptr && tokens[i].is_word && described_words++ < kMaxQualifierWords) {
        if (!described->qualifier.empty()) described->qualifier += ' ';
        described->qualifier += tokens[i].lower;
      }
      ++i;
      skipped = true;
    }
    if (consumed == 0 && !skipped && (i >= end || !IsSeparator(tokens[i]))) break;
    if (i < end && (EndsPhrase(tokens[i]) || tokens[i].text == ";")) break;
  }
  // Right after an award's name and without "cho", only a counted group is a recipient: "trao
  // tặng Huân chương ... Phó Thủ tướng X" names the presenter of the next clause.
  if (!introduced) {
    groups.erase(std::remove_if(groups.begin(), groups.end(),
                                [](const RecipientGroup& g) { return !g.count || g.noun.empty(); }),
                 groups.end());
  }
  return groups;
}

}  // namespace laurel::parser

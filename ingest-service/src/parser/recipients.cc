#include "ingest-service/src/parser/recipients.h"

#include "ingest-service/src/parser/award_lexicon.h"
#include "ingest-service/src/parser/numbers.h"

namespace laurel::parser {
namespace {

constexpr size_t kMaxNameWords = 5;
constexpr size_t kMaxOrganisationWords = 12;
constexpr size_t kMaxItems = 24;

bool IsSeparator(const Token& token) {
  return token.text == "," || token.lower == "và" || token.lower == "cùng" || token.text == ";";
}

// Words after which a recipient phrase is over: the reason or circumstance follows.
bool EndsPhrase(const Token& token) {
  return IsOneOf(token, {"vì", "do", "nhân", "trong", "tại", "về", "nhằm", "để", "đã", "đang",
                         "sau", "khi", "góp", "với", "theo"});
}

// Skips a parenthetical "(30 tuổi)", "(BV)", "(Q.6, TP.HCM)".
size_t SkipParenthetical(const std::vector<Token>& tokens, size_t i, size_t end) {
  if (i >= end || tokens[i].text != "(") return i;
  for (size_t k = i + 1; k < end && k < i + 12; ++k) {
    if (tokens[k].text == ")") return k + 1;
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
    break;
  }
  if (last == i + head_length && !(head_length >= 2 && tokens[i].capitalised)) return i;
  name = JoinTokens(tokens, i, last);
  return last;
}

std::vector<RecipientGroup> ParseRecipients(const std::vector<Token>& tokens, size_t begin,
                                            size_t end) {
  std::vector<RecipientGroup> groups;
  end = std::min(end, tokens.size());
  bool counted_seen = false;
  int named_group = -1;  // index of the group collecting named recipients
  RecipientKind last_named_kind = RecipientKind::kUnspecified;
  size_t i = begin;
  size_t items = 0;
  const auto add_name = [&](RecipientKind kind, std::string name, size_t first, size_t last) {
    last_named_kind = kind;
    if (named_group >= 0 && groups[named_group].kind == kind) {
      groups[named_group].names.push_back(std::move(name));
      if (!counted_seen || groups[named_group].count.has_value()) {
        groups[named_group].count = static_cast<int64_t>(groups[named_group].names.size());
      }
      groups[named_group].last = last;
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
  bool previous_was_name = false;
  while (i < end && items++ < kMaxItems) {
    const Token& token = tokens[i];
    if (IsSeparator(token) || IsOneOf(token, {"cho", "tặng", "tới"})) {
      ++i;
      continue;
    }
    if (token.text == "(") {
      i = std::max(i + 1, SkipParenthetical(tokens, i, end));
      continue;
    }
    if (!token.is_word || EndsPhrase(token)) break;
    if (MatchesPhrase(tokens, i, "đại diện")) {
      i += 2;
      if (MatchesPhrase(tokens, i, "gia đình")) i += 2;
      continue;
    }
    size_t consumed = 0;
    // Counted group: "21 tập thể", "Ba nữ thực tập sinh", "hơn 1.000 gương".
    const bool approximate = IsApproximator(token);
    const size_t number_at = approximate ? i + 1 : i;
    if (const auto number = ParseCount(tokens, number_at)) {
      size_t noun_at = number_at + number->tokens;
      size_t noun_length;
      const auto kind = RecipientNoun(tokens, noun_at, noun_length);
      if (kind.has_value()) {
        RecipientGroup group;
        group.kind = *kind;
        if (!approximate) group.count = number->value;
        group.noun = JoinTokens(tokens, noun_at, noun_at + noun_length);
        group.first = i;
        group.last = noun_at + noun_length;
        // "Lê Văn Tùng và 8 người": the named one and the others are one group.
        if (named_group >= 0 && previous_was_name && groups[named_group].kind == *kind &&
            group.count.has_value() && groups[named_group].count.has_value()) {
          *groups[named_group].count += *group.count;
          groups[named_group].noun = group.noun;
        } else {
          groups.push_back(std::move(group));
        }
        counted_seen = true;
        consumed = noun_at + noun_length - i;
      }
    }
    if (consumed == 0 && !counted_seen) {
      // Uncounted group: "các tập thể", "những người hiến máu", "cá nhân".
      size_t k = i;
      if (IsOneOf(tokens[k], {"các", "những", "nhiều", "toàn", "thể"})) ++k;
      if (k < end && tokens[k].lower == "thể") ++k;
      size_t noun_length;
      size_t honorific_length;
      const auto kind = RecipientNoun(tokens, k, noun_length);
      const bool person_next = k + noun_length < end && tokens[k + noun_length].capitalised;
      size_t next_honorific;
      // "tấm gương em Lan Anh": the person is the recipient, "tấm gương" only praises her.
      const bool praises_person =
          kind == RecipientKind::kUnspecified && k + noun_length < end &&
          (person_next || IsHonorific(tokens, k + noun_length, next_honorific));
      if (kind.has_value() && !praises_person &&
          !(IsHonorific(tokens, k, honorific_length) && person_next) &&
          !(k == i && IsOrganisationHead(tokens, k, honorific_length) && person_next)) {
        RecipientGroup group;
        group.kind = *kind;
        group.noun = JoinTokens(tokens, k, k + noun_length);
        group.first = i;
        group.last = k + noun_length;
        // A singular pronoun-like noun ("cho em") is one person.
        if (k == i && IsOneOf(tokens[k], {"em", "cháu", "ông", "bà", "anh", "chị"}))
          group.count = 1;
        groups.push_back(std::move(group));
        consumed = k + noun_length - i;
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
      if (consumed == 0 && token.capitalised &&
          (IsFamilyName(token) ||
           (previous_was_name && i > begin && tokens[i - 1].lower == "và"))) {
        const size_t after = ReadPersonName(tokens, i, end, name);
        if (after > i + 1 || (after > i && previous_was_name)) {
          add_name(previous_was_name ? last_named_kind : RecipientKind::kIndividual, name, i,
                   after);
          consumed = after - i;
        }
      }
    }
    if (consumed == 0) {
      if (groups.empty()) {
        ++i;  // leading words before the phrase proper ("cô học trò", "đại diện")
        previous_was_name = false;
        continue;
      }
    } else {
      previous_was_name = named_group >= 0 && groups[named_group].last == i + consumed;
      i += consumed;
      i = SkipParenthetical(tokens, i, end);
    }
    // Skip what describes the item, up to the next separator.
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
      if (consumed == 0) break;
      ++i;
    }
    if (consumed == 0) {
      if (i < end && !IsSeparator(tokens[i])) break;
    }
    if (i < end && (EndsPhrase(tokens[i]) || tokens[i].text == ";")) break;
  }
  return groups;
}

}  // namespace laurel::parser

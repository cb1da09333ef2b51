#include "ingest-service/src/parser/recipients.h"

#include <algorithm>

#include "ingest-service/src/parser/award_lexicon.h"
#include "ingest-service/src/parser/body_names.h"
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
constexpr size_t kMaxLowerNameWords = 4;

bool IsSeparator(const Token& token) {
  return token.text == "," || token.lower == "và" || token.lower == "cùng" || token.text == ";";
}

// Words after which a recipient phrase is over: the reason or circumstance follows.
// "nhân" only as "nhân dịp", "nhân ngày": "nhân viên", "nhân dân" are people.
bool EndsPhrase(const std::vector<Token>& tokens, size_t k) {
  if (!(tokens[k].classes & kPhraseEnd)) return false;
  return tokens[k].lower != "nhân" || k + 1 >= tokens.size() ||
         !IsOneOf(tokens[k + 1], {"viên", "dân", "lực", "sự", "tố", "văn", "đạo", "chứng", "vật",
                                  "thân", "tài", "ái", "quyền", "công", "loại"});
}

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

// The person (or, for "tập thể", the body) named after a singular recipient noun and a few words
// describing them, up to the end of the item; returns the token after the name, or `i` when none is
// named. "tập thể cán bộ, nhân viên Bệnh viện X" is the hospital.
size_t NameAfterDescription(const std::vector<Token>& tokens, size_t i, size_t end,
                            RecipientKind kind, bool profession, std::string& name) {
  const bool body = kind == RecipientKind::kCollective;
  // "ca sĩ Nguyên Vũ", "nhà báo Trọng Phước", "nhóm Trio 666": a name right after the noun,
  // however it starts.
  if (profession && i < end && tokens[i].capitalised && !tokens[i].all_digits &&
      !PlaceStartsAt(tokens, i, end)) {
    size_t length = 0;
    if (!IsOrganisationHead(tokens, i, length)) {
      size_t after = ReadPersonName(tokens, i, end, name);
      if (body) {
        while (after < end && tokens[after].all_digits) ++after;
        name = JoinTokens(tokens, i - 1, after);
      }
      if (after > i) return after;
    }
  }
  for (size_t k = i; k < end && k < i + kMaxDescriptionWords; ++k) {
    if (tokens[k].text == "(") {
      k = std::max(k, SkipParenthetical(tokens, k, end) - 1);
      continue;
    }
    // A body's staff are listed with commas: "tập thể lãnh đạo, cán bộ, công nhân Công ty X".
    const bool listing = body && (tokens[k].text == "," || tokens[k].lower == "và");
    if (!listing && (!tokens[k].is_word || IsSeparator(tokens[k]) || EndsPhrase(tokens, k) ||
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
               !PlaceStartsAt(tokens, k, end)) {
      after = ReadPersonName(tokens, k, end, name);
      if (after > k + 1) return after;
    }
  }
  return i;
}

}  // namespace

void AbsorbMembers(const std::vector<RecipientGroup>& members,
                   std::vector<RecipientGroup>& groups) {
  for (const RecipientKind kind : {RecipientKind::kCollective, RecipientKind::kIndividual}) {
    std::vector<std::string> names;
    for (const RecipientGroup& member : members) {
      if (member.kind == kind) names.insert(names.end(), member.names.begin(), member.names.end());
    }
    const auto uncounted = [&](const RecipientGroup& g) {
      return g.kind == kind && !g.count && g.names.empty();
    };
    if (names.empty() || std::none_of(groups.begin(), groups.end(), uncounted)) continue;
    auto into = std::find_if(groups.begin(), groups.end(), [&](const RecipientGroup& g) {
      return g.kind == kind && !g.names.empty();
    });
    if (into == groups.end()) into = std::find_if(groups.begin(), groups.end(), uncounted);
    into->names.insert(into->names.end(), names.begin(), names.end());
    into->count = static_cast<int64_t>(into->names.size());
    groups.erase(std::remove_if(groups.begin(), groups.end(), uncounted), groups.end());
  }
}

namespace {

// The person named after an office and its body ("Giám đốc Sở Y tế Nguyễn Văn An", "Chủ tịch
// UBND xã Đại tá Lê Văn Hà"), up to the end of the item; returns the token after the name, or `i`
// when none is named.
size_t NameAfterRole(const std::vector<Token>& tokens, size_t i, size_t end, std::string& name) {
  for (size_t k = i; k < end && k < i + kMaxDescriptionWords; ++k) {
    // "Đại sứ Việt Nam tại Liên bang Nga Nguyễn Thanh Sơn": where a mission is belongs to it.
    const bool mission = tokens[k].lower == "tại" && k + 1 < end && tokens[k + 1].capitalised;
    if (!tokens[k].is_word || IsSeparator(tokens[k]) || (EndsPhrase(tokens, k) && !mission) ||
        IsFunctionWord(tokens[k])) {
      return i;
    }
    size_t length = 0;
    if (IsHonorific(tokens, k, length) && k + length < end && tokens[k + length].capitalised) {
      const size_t after = ReadPersonName(tokens, k + length, end, name);
      if (after > k + length) return after;
    }
    if (IsFamilyName(tokens[k]) && k + 1 < end && tokens[k + 1].capitalised &&
        !PlaceStartsAt(tokens, k, end)) {
      const size_t after = ReadPersonName(tokens, k, end, name);
      if (after > k + 1) return after;
    }
  }
  return i;
}

// Replaces the last counted group by the groups "trong đó" at tokens[at] breaks it into, when
// their counts add up to it; a part told of alone ("50 cá nhân, trong đó có 10 đảng viên") leaves
// the whole as it is.
void ReplaceByBreakdown(const std::vector<Token>& tokens, size_t at, size_t end,
                        std::vector<RecipientGroup>& groups) {
  while (at < end && tokens[at].text == ",") ++at;
  if (groups.empty() || !groups.back().count || !MatchesPhrase(tokens, at, "trong đó")) return;
  at += 2;
  while (at < end && (!tokens[at].is_word || IsOneOf(tokens[at], {"có", "gồm"}))) ++at;
  const std::vector<RecipientGroup> parts = ParseRecipients(tokens, at, end);
  int64_t sum = 0;
  for (const RecipientGroup& part : parts) {
    if (!part.count) return;
    sum += *part.count;
  }
  if (parts.size() < 2 || sum != *groups.back().count) return;
  groups.pop_back();
  groups.insert(groups.end(), parts.begin(), parts.end());
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
  // "Sở Văn hóa, Thể thao và Du lịch": a ministry's or department's name is read whole.
  size_t head_length = KnownBodyAt(tokens, i, end);
  if (head_length == 0 && !IsOrganisationHead(tokens, i, head_length)) return i;
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
    if (!token.is_word || IsSeparator(token) || EndsPhrase(tokens, k)) break;
    // "lực lượng cứu 11 ngư dân": a number before a recipient noun counts them, it names nothing.
    size_t noun_length = 0;
    if (token.all_digits && RecipientNoun(tokens, k + 1, noun_length)) break;
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
        !EndsPhrase(tokens, k)) {
      k += 2;
      last = k;
      continue;
    }
    // "Phòng Cảnh sát giao thông", "Công ty Cổ phần Cơ khí mỏ Cẩm Thịnh": a few lower-case words
    // inside a name, up to the end of the item or the next capitalised word.
    size_t run = k;
    // "Trường Đại học Cần Thơ long trọng tổ chức Lễ ...": the clause's verb ends the name.
    while (run < end && run < k + kMaxLowerNameWords && tokens[run].is_word &&
           !tokens[run].capitalised && !tokens[run].all_digits && !IsSeparator(tokens[run]) &&
           !EndsPhrase(tokens, run) && !IsFunctionWord(tokens[run]) &&
           !MatchesAnyPhrase(tokens, run, {"tổ chức", "long trọng", "đón nhận", "vinh dự"})) {
      ++run;
    }
    // ... or up to where the clause goes on: "Trung tâm Kiểm soát bệnh tật tỉnh vì ...".
    if (run > k &&
        (run >= end || !tokens[run].is_word || IsSeparator(tokens[run]) ||
         EndsPhrase(tokens, run) || (tokens[run].capitalised && !tokens[run].all_digits))) {
      k = run;
      last = k;
      continue;
    }
    // "Đội Cảnh sát giao thông số 1": a number ends the name.
    if (run > k && run < end && tokens[run].all_digits && tokens[run - 1].lower == "số") {
      k = run + 1;
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
  // The last counted group, while names that follow are its members ("2 tập thể là A và B", "3 cá
  // nhân: ..."); "và" right after it closes it ("2 tập thể và ông A": ông A is a group of his own).
  int open_group = -1;
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
    if (open_group >= 0 && groups[open_group].kind == kind &&
        (!groups[open_group].count ||
         static_cast<int64_t>(groups[open_group].names.size()) < *groups[open_group].count)) {
      groups[open_group].names.push_back(std::move(name));
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
      if (token.lower == "và" && open_group >= 0 && groups[open_group].names.empty()) {
        open_group = -1;
      }
      ++i;
      continue;
    }
    if (token.text == "(") {
      i = std::max(i + 1, SkipParenthetical(tokens, i, end));
      continue;
    }
    // "3 cá nhân gồm: ông A, ...": the colon opens the members' names.
    if (token.text == ":" && open_group >= 0 && i > begin &&
        IsOneOf(tokens[i - 1], {"gồm", "là"})) {
      ++i;
      continue;
    }
    if (!token.is_word || EndsPhrase(tokens, i)) break;
    // "mỗi gia đình được tuyên dương": each of a group already counted, not a new one.
    if (IsOneOf(token, {"mỗi", "từng"})) break;
    // "cho các chị: Trần Thị Mỹ Hạnh, ...": the names that follow are the recipients.
    // "cho các ông, bà: Nguyễn Văn An, ...": likewise after several titles.
    size_t plural_honorific = 0;
    if (IsOneOf(token, {"các", "những"}) && IsHonorific(tokens, i + 1, plural_honorific)) {
      size_t k = i + 1 + plural_honorific;
      while (k + 1 < end && (tokens[k].text == "," || tokens[k].lower == "và") &&
             IsHonorific(tokens, k + 1, plural_honorific)) {
        k += 1 + plural_honorific;
      }
      if (k < end && (tokens[k].text == ":" || IsFamilyName(tokens[k]))) {
        i = tokens[k].text == ":" ? k + 1 : k;
        listed_people = true;
        continue;
      }
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
    // "cho Giám đốc Sở Y tế Nguyễn Văn An": an office names one person; after a comma it only
    // describes the one named before ("ông A, Giám đốc Sở Y tế").
    // Only as an item of its own: first, or after "và", "cho" or a colon ("cho tỉnh Lào Cai, Chủ
    // tịch nước X biểu dương ..." opens the next clause).
    size_t role_length = 0;
    const bool own_item = i == begin || !(tokens[i - 1].text == ",");
    if (own_item && IsPersonRole(tokens, i, role_length)) {
      std::string name;
      const size_t after = NameAfterRole(tokens, i + role_length, end, name);
      if (after > i + role_length) {
        add_name(RecipientKind::kIndividual, name, i, after);
        consumed = after - i;
      } else if (groups.empty()) {
        RecipientGroup group;
        group.kind = RecipientKind::kIndividual;
        group.count = 1;
        group.noun = JoinTokens(tokens, i, i + role_length);
        group.first = i;
        group.last = i + role_length;
        groups.push_back(std::move(group));
        consumed = role_length;
      }
    }
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
    // "12 (mười hai) cá nhân": the count spelt out again.
    if (number && noun_from + 1 < end && tokens[noun_from].text == "(" &&
        ParseCount(tokens, noun_from + 1)) {
      noun_from = std::max(noun_from, SkipParenthetical(tokens, noun_from, end));
    }
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
      // "135 tập thể, cá nhân": one count for bodies and people together.
      size_t other_length = 0;
      const size_t other_at = noun_at + noun_length + 1;
      if (group.count && other_at < end &&
          (tokens[other_at - 1].text == "," || tokens[other_at - 1].lower == "và")) {
        const std::optional<RecipientKind> other = RecipientNoun(tokens, other_at, other_length);
        if (other && *other != RecipientKind::kUnspecified && *other != group.kind &&
            MatchesAnyPhrase(tokens, other_at, {"cá nhân", "tập thể", "đơn vị", "tổ chức"}) &&
            !(other_at + other_length < end && (tokens[other_at + other_length].capitalised ||
                                                ParseCount(tokens, other_at + other_length)))) {
          group.kind = RecipientKind::kUnspecified;
          group.last = other_at + other_length;
          noun_length = group.last - noun_at;
        }
      }
      // "Lê Văn Tùng và 8 người", "anh và 8 người khác": one group.
      if (single_person >= 0 && groups[single_person].kind == *counted_kind && group.count &&
          groups[single_person].count && i > begin && tokens[i - 1].lower == "và") {
        *groups[single_person].count += *group.count;
        groups[single_person].noun = group.noun;
      } else {
        groups.push_back(std::move(group));
        open_group = static_cast<int>(groups.size()) - 1;
      }
      // "nhiều tập thể, cá nhân": without a number, later nouns are groups of their own.
      counted_seen = counted_seen || number.has_value();
      consumed = noun_at + noun_length - i;
    }
    // "3 nam sinh trường X, huyện Gio Linh", "ông A, Chủ tịch UBND xã B, huyện C": after a group, a
    // local unit is its address, not a body of its own.
    const bool address =
        !groups.empty() && !token.capitalised &&
        ((token.classes & kLocalUnit) ||
         IsOneOf(token, {"tỉnh", "thành", "tp", "ấp", "thôn", "xóm", "bản"})) &&
        !(open_group >= 0 && groups[open_group].kind == RecipientKind::kCollective);
    if (consumed == 0 && !counted_seen && !address) {
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
        // A name or a number ("Tổ công tác 141") makes the body one of its own.
        for (size_t k = i + 1; k < after; ++k) {
          capitalised = capitalised || tokens[k].capitalised || tokens[k].all_digits;
        }
        if (capitalised) {
          add_name(RecipientKind::kCollective, name, i, after);
          consumed = after - i;
        }
      }
    }
    if (consumed == 0 && !counted_seen && !address) {
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
        // "Công ty vinh dự được ...", "trao cho đơn vị": one body, told of without its name.
        const size_t after_noun = k + length;
        // Capitalised within the sentence ("tặng Cờ thi đua cho Công ty và ..."), it is the body
        // the article is about.
        if (!plural && *kind == RecipientKind::kCollective &&
            IsOneOf(tokens[k], {"công", "trường", "bệnh", "đơn", "cơ", "doanh", "hợp", "chi",
                                "đảng", "xã", "phường", "đội", "đồn", "trạm", "lớp", "nhóm"}) &&
            (after_noun >= end || !tokens[after_noun].is_word ||
             IsOneOf(tokens[after_noun], {"này", "đã", "được", "vinh", "cũng", "đón", "nhận"}) ||
             (tokens[k].capitalised && k > 0 && tokens[k - 1].is_word &&
              !tokens[after_noun].capitalised &&
              IsOneOf(tokens[after_noun], {"và", "vì", "có", "với", "trong"})))) {
          group.count = 1;
        }
        // "cá nhân đồng chí Phạm Văn Lý", "nữ nhân viên điện lực quận Hải Châu Trần Thị Anh": one
        // person, described and then named.
        std::string name;
        const bool described_one =
            !plural && (*kind == RecipientKind::kIndividual ||
                        MatchesAnyPhrase(tokens, k, {"tập thể", "nhóm", "đội"}));
        const size_t named_end =
            described_one
                ? NameAfterDescription(
                      tokens, k + length, end, *kind,
                      MatchesAnyPhrase(tokens, k,
                                       {"nhà báo", "ca sĩ", "nghệ sĩ", "nhạc sĩ", "họa sĩ",
                                        "diễn viên", "nhà văn", "nhà thơ", "nghệ nhân", "cầu thủ",
                                        "vận động viên", "phóng viên", "tác giả", "nhóm", "đội"}),
                      name)
                : k + length;
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
      if (consumed == 0 && !address) {
        const size_t after = ReadOrganisationName(tokens, i, end, name);
        if (after > i) {
          add_name(RecipientKind::kCollective, name, i, after);
          consumed = after - i;
        }
      }
      const bool after_name = named_group >= 0 && i > begin && tokens[i - 1].lower == "và";
      // "Hà Tĩnh có 76 học sinh": a province is nobody's name.
      const bool place = PlaceStartsAt(tokens, i, end);
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
    // "ông X - Trưởng văn phòng tại Đà Lạt, ...": where someone works describes him.
    const auto located = [&](size_t k) {
      return tokens[k].lower == "tại" && k + 1 < end && tokens[k + 1].capitalised;
    };
    while (i < end && !IsSeparator(tokens[i]) && (!EndsPhrase(tokens, i) || located(i)) &&
           tokens[i].text != ";") {
      if (tokens[i].text == "(") {
        const size_t after = SkipParenthetical(tokens, i, end);
        i = after > i ? after : i + 1;
        continue;
      }
      // "3 cá nhân: ...", "2 tập thể là ...", "gồm ...": the members are named next.
      if (consumed > 0 && open_group >= 0 &&
          (tokens[i].text == ":" || IsOneOf(tokens[i], {"là", "gồm"}))) {
        ++i;
        skipped = true;
        break;
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
    if (i < end && (EndsPhrase(tokens, i) || tokens[i].text == ";")) break;
  }
  // "35 tập thể, cá nhân, trong đó có 10 tập thể và 25 cá nhân": the breakdown of a total is the
  // groups.
  ReplaceByBreakdown(tokens, i, end, groups);
  // "cho Báo X, một số đơn vị, cá nhân ... (gồm A, B, ca sĩ C và nhóm D)": the members listed
  // are the groups told of without counts.
  for (size_t k = i; k + 1 < end && tokens[k].text != ";"; ++k) {
    if (tokens[k].text != "(" || !IsOneOf(tokens[k + 1], {"gồm"})) continue;
    size_t close = k + 2;
    while (close < end && tokens[close].text != ")") ++close;
    if (close < end) AbsorbMembers(ParseRecipients(tokens, k + 2, close), groups);
    break;
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

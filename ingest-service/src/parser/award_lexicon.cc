#include "ingest-service/src/parser/award_lexicon.h"

#include <array>
#include <string_view>

#include "ingest-service/src/parser/phrase_index.h"
#include "ingest-service/src/parser/string_util.h"

namespace laurel::parser {
namespace {

constexpr size_t kMaxFreeNameWords = 6;
constexpr size_t kMaxQuotedNameWords = 14;
constexpr size_t kMaxFlagNameWords = 14;

struct NamedForm {
  std::string_view written;    // lower-case phrase
  std::string_view canonical;  // how the name is reported
};

// Orders and medals by name; the class ("hạng Nhì") is read separately.
constexpr std::array<NamedForm, 17> kOrderNames = {{
    {"sao vàng", "Sao vàng"},
    {"hồ chí minh", "Hồ Chí Minh"},
    {"độc lập", "Độc lập"},
    {"quân công", "Quân công"},
    {"lao động", "Lao động"},
    {"bảo vệ tổ quốc", "Bảo vệ Tổ quốc"},
    {"chiến công", "Chiến công"},
    {"đại đoàn kết toàn dân tộc", "Đại đoàn kết dân tộc"},
    {"đại đoàn kết dân tộc", "Đại đoàn kết dân tộc"},
    {"dũng cảm", "Dũng cảm"},
    {"hữu nghị", "Hữu nghị"},
    {"kháng chiến", "Kháng chiến"},
    {"chiến thắng", "Chiến thắng"},
    {"quân kỳ quyết thắng", "Quân kỳ quyết thắng"},
    // Orders of the wars, still named in histories of the units that hold them.
    {"giải phóng", "Giải phóng"},
    {"thành đồng", "Thành đồng"},
    {"chiến sĩ giải phóng", "Chiến sĩ giải phóng"},
}};

constexpr std::array<NamedForm, 6> kMedalNames = {{
    {"quân kỳ quyết thắng", "Quân kỳ quyết thắng"},
    {"vì an ninh tổ quốc", "Vì an ninh Tổ quốc"},
    {"chiến sĩ vẻ vang", "Chiến sĩ vẻ vang"},
    {"hữu nghị", "Hữu nghị"},
    {"thanh niên xung phong vẻ vang", "Thanh niên xung phong vẻ vang"},
    {"kháng chiến", "Kháng chiến"},
}};

struct TitleForm {
  std::string_view written;
  std::string_view canonical;
  AwardType type;
  bool needs_capital;  // "anh hùng" in running text is praise, "Anh hùng Lao động" a title
};

constexpr std::array<TitleForm, 30> kTitles = {{
    {"anh hùng lực lượng vũ trang nhân dân", "Anh hùng Lực lượng vũ trang nhân dân",
     AwardType::kStateHonoraryTitle, true},
    {"anh hùng lao động", "Anh hùng Lao động", AwardType::kStateHonoraryTitle, true},
    {"bà mẹ việt nam anh hùng", "Bà mẹ Việt Nam anh hùng", AwardType::kStateHonoraryTitle, false},
    {"mẹ việt nam anh hùng", "Bà mẹ Việt Nam anh hùng", AwardType::kStateHonoraryTitle, true},
    {"tỉnh anh hùng", "Tỉnh Anh hùng", AwardType::kStateHonoraryTitle, true},
    {"thành phố anh hùng", "Thành phố Anh hùng", AwardType::kStateHonoraryTitle, true},
    {"nhà giáo nhân dân", "Nhà giáo Nhân dân", AwardType::kStateHonoraryTitle, false},
    {"nhà giáo ưu tú", "Nhà giáo Ưu tú", AwardType::kStateHonoraryTitle, false},
    {"thầy thuốc nhân dân", "Thầy thuốc Nhân dân", AwardType::kStateHonoraryTitle, false},
    {"thầy thuốc ưu tú", "Thầy thuốc Ưu tú", AwardType::kStateHonoraryTitle, false},
    {"nghệ sĩ nhân dân", "Nghệ sĩ Nhân dân", AwardType::kStateHonoraryTitle, false},
    {"nghệ sĩ ưu tú", "Nghệ sĩ Ưu tú", AwardType::kStateHonoraryTitle, false},
    {"nghệ nhân nhân dân", "Nghệ nhân Nhân dân", AwardType::kStateHonoraryTitle, false},
    {"nghệ nhân ưu tú", "Nghệ nhân Ưu tú", AwardType::kStateHonoraryTitle, false},
    {"chiến sĩ thi đua toàn quốc", "Chiến sĩ thi đua toàn quốc", AwardType::kEmulationTitle, false},
    {"chiến sĩ thi đua cấp bộ", "Chiến sĩ thi đua cấp bộ", AwardType::kEmulationTitle, false},
    {"chiến sĩ thi đua cấp ngành", "Chiến sĩ thi đua cấp ngành", AwardType::kEmulationTitle, false},
    {"chiến sĩ thi đua cấp tỉnh", "Chiến sĩ thi đua cấp tỉnh", AwardType::kEmulationTitle, false},
    {"chiến sĩ thi đua cơ sở", "Chiến sĩ thi đua cơ sở", AwardType::kEmulationTitle, false},
    {"chiến sĩ thi đua", "Chiến sĩ thi đua", AwardType::kEmulationTitle, true},
    {"lao động tiên tiến", "Lao động tiên tiến", AwardType::kEmulationTitle, true},
    {"chiến sĩ tiên tiến", "Chiến sĩ tiên tiến", AwardType::kEmulationTitle, true},
    {"tập thể lao động xuất sắc", "Tập thể lao động xuất sắc", AwardType::kEmulationTitle, true},
    {"tập thể lao động tiên tiến", "Tập thể lao động tiên tiến", AwardType::kEmulationTitle, true},
    {"đơn vị quyết thắng", "Đơn vị quyết thắng", AwardType::kEmulationTitle, true},
    {"đơn vị tiên tiến", "Đơn vị tiên tiến", AwardType::kEmulationTitle, true},
    {"nsnd", "Nghệ sĩ Nhân dân", AwardType::kStateHonoraryTitle, true},
    {"nsưt", "Nghệ sĩ Ưu tú", AwardType::kStateHonoraryTitle, true},
    {"ngnd", "Nhà giáo Nhân dân", AwardType::kStateHonoraryTitle, true},
    {"ngưt", "Nhà giáo Ưu tú", AwardType::kStateHonoraryTitle, true},
}};

// The written forms of `forms`, indexed for MatchNamed.
template <size_t N>
PhraseIndex* IndexOf(const std::array<NamedForm, N>& forms) {
  std::vector<std::string_view> written;
  for (const NamedForm& form : forms) written.push_back(form.written);
  return new PhraseIndex(written);
}

// The longest of `forms` (indexed by `index`) written at tokens[i], ending by tokens[end); nullptr
// when none is.
template <size_t N>
const NamedForm* MatchNamed(const std::vector<Token>& tokens, size_t i, size_t end,
                            const PhraseIndex& index, const std::array<NamedForm, N>& forms) {
  const int found = index.LongestAt(tokens, i, end);
  return found < 0 ? nullptr : &forms[found];
}

// "hạng Nhì", "hạng 2", "hạng II" → " hạng Nhì"; advances `i` past it.
std::string ReadClass(const std::vector<Token>& tokens, size_t& i, size_t end) {
  if (i + 1 >= end || tokens[i].lower != "hạng") return "";
  const std::string_view rank = tokens[i + 1].lower;
  std::string_view canonical;
  if (rank == "nhất" || rank == "1" || rank == "i") canonical = "Nhất";
  if (rank == "nhì" || rank == "2" || rank == "ii") canonical = "Nhì";
  if (rank == "ba" || rank == "3" || rank == "iii") canonical = "Ba";
  if (canonical.empty()) return "";
  i += 2;
  return " hạng " + std::string(canonical);
}

// A name after the form as written: a quoted phrase or a run of capitalised words ("Cành cọ Hàn
// Lâm").
std::string ReadFreeName(const std::vector<Token>& tokens, size_t& i, size_t end) {
  size_t k = i;
  const bool quoted = k < end && (tokens[k].text == "\"" || tokens[k].text == "'");
  if (quoted) ++k;
  const size_t start = k;
  size_t last_capital = start;
  // "Kỷ niệm chương Vì sự nghiệp giáo dục" without quotes: the dedication is read to its end, in
  // whatever case its field is written.
  const bool dedication = !quoted && MatchesPhrase(tokens, k, "vì sự nghiệp");
  if (dedication) {
    k += PhraseLength("vì sự nghiệp");
    last_capital = k;
    for (size_t words = 0; k < end && words < kMaxFreeNameWords && tokens[k].is_word; ++k) {
      const Token& token = tokens[k];
      if (IsOneOf(token, {"cho", "của", "do", "tặng", "trao", "tới", "đến", "lần", "năm"}) ||
          (token.lower == "và" &&
           (k + 1 >= end || tokens[k + 1].capitalised || (tokens[k + 1].classes & kAwardStart)))) {
        break;
      }
      last_capital = k + 1;
    }
    k = end;  // read
  }
  for (size_t words = 0; k < end && words < (quoted ? kMaxQuotedNameWords : kMaxFreeNameWords);
       ++k, ++words) {
    const Token& token = tokens[k];
    if (!token.is_word) {
      if (quoted && (token.text == "-" || token.text == ",")) continue;
      break;
    }
    if (IsOneOf(token, {"cho", "của", "do", "tặng", "và", "hạng", "vì", "lần", "năm"}) && !quoted)
      break;
    if (token.capitalised || token.all_digits) {
      last_capital = k + 1;
    } else if (!quoted && !(k + 1 < end && tokens[k + 1].is_word && tokens[k + 1].capitalised)) {
      break;
    }
    if (quoted) last_capital = k + 1;
  }
  if (last_capital == start) return "";
  std::string name;
  for (size_t t = start; t < last_capital; ++t) {
    if (!name.empty() && tokens[t].is_word) name += ' ';
    if (!tokens[t].is_word && tokens[t].text != "-") continue;
    if (tokens[t].text == "-") {
      name += "-";
      continue;
    }
    name += tokens[t].text;
  }
  i = last_capital;
  if (quoted && i < end && (tokens[i].text == "\"" || tokens[i].text == "'")) ++i;
  return name;
}

// Upper-cases the first letter of a lower-case phrase written in the text ("lao động" → "Lao
// động").
std::string Capitalised(std::string_view text) {
  std::string out(text);
  if (!out.empty() && out[0] >= 'a' && out[0] <= 'z') out[0] = static_cast<char>(out[0] - 32);
  return out;
}

// tokens[first, last) as written, one space between words.
std::string JoinWords(const std::vector<Token>& tokens, size_t first, size_t last) {
  std::string text;
  for (size_t k = first; k < last; ++k) {
    if (!text.empty()) text += ' ';
    text += tokens[k].text;
  }
  return text;
}

AwardMention Mention(AwardType type, std::string name, size_t first, size_t last) {
  AwardMention mention;
  mention.type = type;
  mention.name = std::move(name);
  mention.first = first;
  mention.last = last;
  return mention;
}

std::optional<AwardMention> MatchTitle(const std::vector<Token>& tokens, size_t i, size_t end,
                                       bool after_danh_hieu) {
  static const auto* const kIndex = [] {
    std::vector<std::string_view> written;
    for (const TitleForm& title : kTitles) written.push_back(title.written);
    return new PhraseIndex(written);
  }();
  const int found = kIndex->LongestAt(tokens, i, end);
  if (found < 0) return std::nullopt;
  const TitleForm& title = kTitles[found];
  const size_t words = kIndex->words(found);
  if (title.needs_capital && !after_danh_hieu && !tokens[i].capitalised) return std::nullopt;
  // "NSƯT Việt Hà" is a performer's title before her name, not a title conferred.
  if (!after_danh_hieu && words == 1) return std::nullopt;
  {
    size_t last = i + words;
    std::string name(title.canonical);
    // "Anh hùng Lao động thời kỳ đổi mới"
    if (MatchesPhrase(tokens, last, "thời kỳ đổi mới")) {
      name += " thời kỳ đổi mới";
      last += PhraseLength("thời kỳ đổi mới");
    }
    AwardMention mention = Mention(title.type, name, i, last);
    mention.specific_name = true;
    return mention;
  }
}

}  // namespace

std::optional<AwardMention> MatchAward(const std::vector<Token>& tokens, size_t i, size_t end) {
  const Token& token = tokens[i];
  // The first words of every form below: any other token starts no award.
  if (!(token.classes & kAwardStart)) return std::nullopt;
  const std::string_view word = token.lower;
  const bool chuong = i + 1 < end && tokens[i + 1].lower == "chương";
  // "huân, huy chương": the order half of a pair.
  if (word == "huân" && !chuong) return std::nullopt;
  if (word == "huân" || (word == "huy" && chuong)) {
    static const PhraseIndex* const kOrderIndex = IndexOf(kOrderNames);
    static const PhraseIndex* const kMedalIndex = IndexOf(kMedalNames);
    const bool order = word == "huân";
    size_t k = i + 2;
    std::string name = order ? "Huân chương" : "Huy chương";
    const NamedForm* named = order ? MatchNamed(tokens, k, end, *kOrderIndex, kOrderNames)
                                   : MatchNamed(tokens, k, end, *kMedalIndex, kMedalNames);
    bool specific = false;
    if (named != nullptr) {
      name += " " + std::string(named->canonical);
      k += PhraseLength(named->written);
      specific = true;
    } else {
      const std::string free = ReadFreeName(tokens, k, end);
      if (!free.empty()) {
        name += " " + free;
        specific = true;
      }
    }
    const std::string rank = ReadClass(tokens, k, end);
    name += rank;
    AwardMention mention = Mention(order ? AwardType::kOrder : AwardType::kMedal, name, i, k);
    mention.specific_name = specific || !rank.empty();
    return mention;
  }
  if (MatchesPhrase(tokens, i, "huy hiệu")) {
    size_t k = i + 2;
    std::string name = "Huy hiệu";
    // "Huy hiệu 30 năm tuổi Đảng".
    if (k + 4 <= end && tokens[k].all_digits && MatchesPhrase(tokens, k + 1, "năm tuổi đảng")) {
      name += " " + std::string(tokens[k].text) + " năm tuổi Đảng";
      return Mention(AwardType::kOther, name, i, k + 4);
    }
    const std::string free = ReadFreeName(tokens, k, end);
    if (!free.empty()) name += " " + free;
    return Mention(AwardType::kOther, name, i, k);
  }
  if (MatchesPhrase(tokens, i, "kỷ niệm chương")) {
    size_t k = i + 3;
    std::string name = "Kỷ niệm chương";
    const std::string free = ReadFreeName(tokens, k, end);
    if (!free.empty()) name += " " + free;
    AwardMention mention = Mention(AwardType::kCommemorativeMedal, name, i, k);
    mention.specific_name = !free.empty();
    return mention;
  }
  // "CLB Facolos Cao Bằng khen thưởng ...": the province, then a verb.
  if (MatchesPhrase(tokens, i, "bằng khen") &&
      !(token.capitalised && i > 0 && tokens[i - 1].lower == "cao" && tokens[i - 1].capitalised)) {
    return Mention(AwardType::kCertificateOfMerit, "Bằng khen", i, i + 2);
  }
  if (MatchesPhrase(tokens, i, "giấy khen")) {
    return Mention(AwardType::kCertificateOfCommendation, "Giấy khen", i, i + 2);
  }
  if (MatchesPhrase(tokens, i, "thư khen")) return Mention(AwardType::kOther, "Thư khen", i, i + 2);
  if (word == "cờ" && i + 1 < end) {
    if (MatchesPhrase(tokens, i + 1, "thi đua")) {
      size_t k = i + 3;
      std::string name = "Cờ thi đua";
      AwardMention mention = Mention(AwardType::kEmulationFlag, "", i, k);
      if (MatchesPhrase(tokens, k, "của chính phủ")) {
        name = "Cờ thi đua của Chính phủ";
        mention.implied_issuer = "Chính phủ";
        mention.specific_name = true;
      } else if (MatchesPhrase(tokens, k, "xuất sắc")) {
        name = "Cờ thi đua xuất sắc";
        mention.last = k + 2;
        mention.specific_name = true;
      }
      mention.name = name;
      return mention;
    }
    if (MatchesPhrase(tokens, i + 1, "vững mạnh xuất sắc")) {
      AwardMention mention = Mention(AwardType::kEmulationFlag, "Cờ vững mạnh xuất sắc", i, i + 4);
      mention.specific_name = true;
      return mention;
    }
    // "Cờ Đơn vị xuất sắc trong phong trào thi đua năm 2016", "Cờ Đơn vị dẫn đầu ...": a flag
    // named for the unit it distinguishes (not "Cờ Tổ quốc" nor "cờ lưu niệm").
    if (MatchesAnyPhrase(tokens, i + 1, {"đơn vị", "tập thể"}) && tokens[i + 1].capitalised) {
      size_t k = i + 3;
      while (k < end && k < i + kMaxFlagNameWords && tokens[k].is_word &&
             !IsOneOf(tokens[k], {"của", "cho", "tặng", "do", "và", "vì", "được"})) {
        ++k;
      }
      AwardMention mention = Mention(AwardType::kEmulationFlag, JoinWords(tokens, i, k), i, k);
      mention.specific_name = true;
      return mention;
    }
    return std::nullopt;
  }
  if (word == "danh" && i + 1 < end && tokens[i + 1].lower == "hiệu") {
    size_t k = i + 2;
    bool state = false;
    if (MatchesPhrase(tokens, k, "vinh dự nhà nước")) {
      state = true;
      k += 4;
    }
    const bool quoted = k < end && (tokens[k].text == "\"" || tokens[k].text == "'");
    if (auto title = MatchTitle(tokens, k + (quoted ? 1 : 0), end, /*after_danh_hieu=*/true)) {
      title->first = i;
      if (quoted && title->last < end && tokens[title->last].is_word == false) ++title->last;
      return title;
    }
    // "danh hiệu Công viên địa chất toàn cầu", "danh hiệu Di sản ...": a place's designation
    // recognises a site meeting a standard, not merit.
    const size_t name_at = k + (quoted ? 1 : 0);
    if (MatchesAnyPhrase(tokens, name_at,
                         {"công viên", "di sản", "di tích", "khu du lịch", "điểm du lịch", "đô thị",
                          "thành phố sáng tạo", "vườn quốc gia", "khu dự trữ", "làng nghề",
                          "nông thôn mới", "xã nông thôn mới", "chuẩn"})) {
      return std::nullopt;
    }
    std::string free = ReadFreeName(tokens, k, end);
    if (free.empty()) return std::nullopt;
    AwardMention mention =
        Mention(state ? AwardType::kStateHonoraryTitle : AwardType::kOther, free, i, k);
    mention.specific_name = true;
    return mention;
  }
  if (auto title = MatchTitle(tokens, i, end, /*after_danh_hieu=*/false)) return title;
  if (word == "giải") {
    if (MatchesPhrase(tokens, i, "giải thưởng hồ chí minh")) {
      AwardMention mention = Mention(AwardType::kStatePrize, "Giải thưởng Hồ Chí Minh", i, i + 5);
      mention.implied_issuer = "Chủ tịch nước";
      return mention;
    }
    if (MatchesPhrase(tokens, i, "giải thưởng nhà nước")) {
      AwardMention mention = Mention(AwardType::kStatePrize, "Giải thưởng Nhà nước", i, i + 4);
      mention.implied_issuer = "Chủ tịch nước";
      return mention;
    }
    size_t k = i + 1;
    std::string name = "Giải";
    if (k < end && tokens[k].lower == "thưởng") {
      name = "Giải thưởng";
      ++k;
    }
    if (k < end && IsOneOf(tokens[k], {"a", "b", "c", "nhất", "nhì", "ba", "đặc", "khuyến"})) {
      name = "Giải " + Capitalised(tokens[k].text);
      if (tokens[k].lower == "khuyến" && k + 1 < end) name = "Giải Khuyến khích", ++k;
      if (tokens[k].lower == "đặc" && k + 1 < end) name = "Giải Đặc biệt", ++k;
      ++k;
    } else if (k < end && MatchesPhrase(tokens, k, "báo chí")) {
      name = "Giải báo chí";
      k += 2;
      const std::string free = ReadFreeName(tokens, k, end);
      if (!free.empty()) name += " " + free;
    } else {
      const std::string free = ReadFreeName(tokens, k, end);
      if (free.empty()) return std::nullopt;
      name += " " + free;
    }
    AwardMention mention = Mention(AwardType::kOther, name, i, k);
    mention.specific_name = true;
    return mention;
  }
  // "khen thưởng nóng": a cash reward on the spot, like "thưởng nóng".
  if (MatchesPhrase(tokens, i, "khen thưởng nóng")) {
    AwardMention mention = Mention(AwardType::kOther, "Thưởng nóng", i, i + 3);
    mention.self_conferring = true;
    return mention;
  }
  // "trao thưởng cho 30 học sinh": a reward without a named form.
  if (word == "thưởng" && i > 0 && tokens[i - 1].lower == "trao" && i + 1 < end &&
      tokens[i + 1].lower == "cho") {
    AwardMention mention = Mention(AwardType::kOther, "Thưởng", i, i + 1);
    mention.generic = true;
    return mention;
  }
  // "tặng hoa và phần thưởng trị giá 10 triệu đồng": a cash reward given on its own. "Bằng khen
  // cùng phần thưởng ..." is the same award's, and "phần thưởng cao quý" a name for honours.
  if (MatchesPhrase(tokens, i, "phần thưởng trị giá") &&
      !(i > 0 && IsOneOf(tokens[i - 1], {"cùng", "kèm", "với"}))) {
    // The value is part of the phrase: its recipients follow it.
    size_t k = i + 3;
    while (k < end && k < i + 9 && tokens[k].lower != "đồng") ++k;
    return Mention(AwardType::kOther, "Phần thưởng", i, k < end && k < i + 9 ? k + 1 : i + 2);
  }
  if (MatchesPhrase(tokens, i, "thưởng nóng")) {
    AwardMention mention = Mention(AwardType::kOther, "Thưởng nóng", i, i + 2);
    mention.self_conferring = true;
    return mention;
  }
  if (MatchesPhrase(tokens, i, "khen thưởng đột xuất")) {
    AwardMention mention = Mention(AwardType::kOther, "Khen thưởng đột xuất", i, i + 3);
    mention.specific_name = true;
    mention.self_conferring = true;
    return mention;
  }
  if (MatchesAnyPhrase(tokens, i,
                       {"khen thưởng", "tuyên dương", "tôn vinh", "vinh danh", "biểu dương"})) {
    AwardMention mention = Mention(AwardType::kOther, Capitalised(token.text), i, i + 2);
    mention.name = Capitalised(token.lower) + " " + std::string(tokens[i + 1].lower);
    mention.generic = true;
    mention.self_conferring = true;
    return mention;
  }
  return std::nullopt;
}

bool IsCompetitionResult(const std::vector<Token>& tokens, const AwardMention& mention,
                         size_t begin, size_t end) {
  // "huy chương vàng", "Huy chương Vàng SEA Games 32", "giành huy chương": medals of a contest.
  if (mention.type == AwardType::kMedal) {
    for (size_t k = mention.first; k <= mention.last && k < tokens.size() && k < mention.first + 3;
         ++k) {
      if (IsOneOf(tokens[k], {"vàng", "bạc", "đồng"})) return true;
    }
    if (mention.first > 0 && IsOneOf(tokens[mention.first - 1], {"giành", "đoạt"})) return true;
  }
  if (mention.name.rfind("Giải", 0) == 0) {
    // A prize won in a contest: "nhận giải ba ở hạng mục ... của cuộc thi".
    // ... or a tournament's placings: "Kết quả, Ban Tổ chức trao 3 giải nhất ... cho các VĐV".
    for (size_t k = begin; k < end; ++k) {
      if (MatchesAnyPhrase(tokens, k,
                           {"cuộc thi", "hạng mục", "kỳ thi", "dự thi", "thi đấu", "giải đấu",
                            "kết quả", "vận động viên", "đội tuyển", "cầu thủ"}) ||
          IsOneOf(tokens[k], {"vđv"})) {
        return true;
      }
    }
  }
  // "Thủ môn được trao danh hiệu Thủ môn xuất sắc nhất giải", "giải Fair-play": what a tournament
  // names its best players and teams is a sports result, not a commendation (a cash reward or a
  // Bằng khen for the team still is one).
  if (mention.type == AwardType::kOther && !mention.generic && !mention.self_conferring) {
    for (size_t k = begin; k < end; ++k) {
      if (MatchesAnyPhrase(tokens, k,
                           {"vô địch", "giải đấu", "thi đấu", "cầu thủ", "vận động viên",
                            "đội tuyển", "mùa giải", "phá lưới", "huấn luyện viên", "thủ môn",
                            "tiền đạo", "tiền vệ", "hậu vệ", "nhất giải", "bàn thắng"})) {
        return true;
      }
    }
  }
  if (mention.name.rfind("Giải", 0) == 0 && mention.first > 0) {
    const Token& before = tokens[mention.first - 1];
    if (IsOneOf(before, {"đoạt", "giành", "đạt", "vô", "đấu"})) return true;
    if (mention.last < tokens.size() &&
        IsOneOf(tokens[mention.last], {"bóng", "đấu", "vô", "cờ", "chạy", "bơi"})) {
      return true;
    }
  }
  return false;
}

std::optional<RecipientKind> RecipientNoun(const std::vector<Token>& tokens, size_t i,
                                           size_t& length) {
  struct Noun {
    std::string_view written;
    RecipientKind kind;
  };
  static constexpr std::array<Noun, 169> kNouns = {{
      {"hộ gia đình", RecipientKind::kCollective},
      {"gia đình", RecipientKind::kCollective},
      {"tập thể", RecipientKind::kCollective},
      {"đơn vị", RecipientKind::kCollective},
      {"cơ quan", RecipientKind::kCollective},
      {"tổ chức", RecipientKind::kCollective},
      {"doanh nghiệp", RecipientKind::kCollective},
      {"dn", RecipientKind::kCollective},
      {"công ty", RecipientKind::kCollective},
      {"chi bộ", RecipientKind::kCollective},
      {"đảng bộ", RecipientKind::kCollective},
      {"trường", RecipientKind::kCollective},
      {"địa phương", RecipientKind::kCollective},
      {"hợp tác xã", RecipientKind::kCollective},
      {"dòng họ", RecipientKind::kCollective},
      {"cđcs", RecipientKind::kCollective},
      {"cđ cấp trên cơ sở", RecipientKind::kCollective},
      {"công đoàn", RecipientKind::kCollective},
      {"khu dân cư", RecipientKind::kCollective},
      {"thôn", RecipientKind::kCollective},
      {"bệnh viện", RecipientKind::kCollective},
      {"cá nhân", RecipientKind::kIndividual},
      {"người dân", RecipientKind::kIndividual},
      {"nữ nhân viên", RecipientKind::kIndividual},
      {"người", RecipientKind::kIndividual},
      {"đồng chí", RecipientKind::kIndividual},
      {"cán bộ", RecipientKind::kIndividual},
      {"chiến sĩ", RecipientKind::kIndividual},
      {"học sinh", RecipientKind::kIndividual},
      {"sinh viên", RecipientKind::kIndividual},
      {"em", RecipientKind::kIndividual},
      {"cháu", RecipientKind::kIndividual},
      {"mẹ", RecipientKind::kIndividual},
      {"bà mẹ", RecipientKind::kIndividual},
      {"vị", RecipientKind::kIndividual},
      {"công dân", RecipientKind::kIndividual},
      {"hội viên", RecipientKind::kIndividual},
      {"đoàn viên", RecipientKind::kIndividual},
      {"đảng viên", RecipientKind::kIndividual},
      {"giáo viên", RecipientKind::kIndividual},
      {"nhà giáo", RecipientKind::kIndividual},
      {"thầy cô", RecipientKind::kIndividual},
      {"bác sĩ", RecipientKind::kIndividual},
      {"y bác sĩ", RecipientKind::kIndividual},
      {"nhà báo", RecipientKind::kIndividual},
      {"phóng viên", RecipientKind::kIndividual},
      {"tác giả", RecipientKind::kIndividual},
      {"nông dân", RecipientKind::kIndividual},
      {"công nhân", RecipientKind::kIndividual},
      {"người lao động", RecipientKind::kIndividual},
      {"lao động", RecipientKind::kIndividual},
      {"thực tập sinh", RecipientKind::kIndividual},
      {"nữ thực tập sinh", RecipientKind::kIndividual},
      {"cô gái", RecipientKind::kIndividual},
      {"chàng trai", RecipientKind::kIndividual},
      {"thanh niên", RecipientKind::kIndividual},
      {"doanh nhân", RecipientKind::kIndividual},
      {"cựu chiến binh", RecipientKind::kIndividual},
      {"nam sinh", RecipientKind::kIndividual},
      {"nữ sinh", RecipientKind::kIndividual},
      {"lão nông", RecipientKind::kIndividual},
      {"ngư dân", RecipientKind::kIndividual},
      {"tình nguyện viên", RecipientKind::kIndividual},
      {"đội viên", RecipientKind::kIndividual},
      {"thiếu nhi", RecipientKind::kIndividual},
      {"nhân viên", RecipientKind::kIndividual},
      {"chiến sỹ", RecipientKind::kIndividual},
      {"cán bộ, chiến sĩ", RecipientKind::kIndividual},
      {"lãnh đạo", RecipientKind::kIndividual},
      {"nghệ sĩ", RecipientKind::kIndividual},
      {"vận động viên", RecipientKind::kIndividual},
      {"vđv", RecipientKind::kIndividual},
      {"huấn luyện viên", RecipientKind::kIndividual},
      {"ông", RecipientKind::kIndividual},
      {"hộ", RecipientKind::kCollective},
      {"hộ dân", RecipientKind::kCollective},
      {"nông hộ", RecipientKind::kCollective},
      {"xã", RecipientKind::kCollective},
      {"phường", RecipientKind::kCollective},
      {"thị trấn", RecipientKind::kCollective},
      {"khu phố", RecipientKind::kCollective},
      {"tổ dân phố", RecipientKind::kCollective},
      {"ấp", RecipientKind::kCollective},
      {"bản", RecipientKind::kCollective},
      {"làng", RecipientKind::kCollective},
      {"xóm", RecipientKind::kCollective},
      {"nhóm", RecipientKind::kCollective},
      {"đội", RecipientKind::kCollective},
      {"chi đoàn", RecipientKind::kCollective},
      {"chi hội", RecipientKind::kCollective},
      {"câu lạc bộ", RecipientKind::kCollective},
      {"đội tuyển", RecipientKind::kCollective},
      {"lớp", RecipientKind::kCollective},
      {"trường học", RecipientKind::kCollective},
      {"trạm", RecipientKind::kCollective},
      {"đồn", RecipientKind::kCollective},
      {"tổ", RecipientKind::kCollective},
      {"nhà khoa học", RecipientKind::kIndividual},
      {"nhà văn", RecipientKind::kIndividual},
      {"nhà thơ", RecipientKind::kIndividual},
      {"nhà nghiên cứu", RecipientKind::kIndividual},
      {"kỹ sư", RecipientKind::kIndividual},
      {"bác sỹ", RecipientKind::kIndividual},
      {"y sĩ", RecipientKind::kIndividual},
      {"y tá", RecipientKind::kIndividual},
      {"điều dưỡng", RecipientKind::kIndividual},
      {"dược sĩ", RecipientKind::kIndividual},
      {"giảng viên", RecipientKind::kIndividual},
      {"cô giáo", RecipientKind::kIndividual},
      {"thầy giáo", RecipientKind::kIndividual},
      {"nghệ nhân", RecipientKind::kIndividual},
      {"họa sĩ", RecipientKind::kIndividual},
      {"nhạc sĩ", RecipientKind::kIndividual},
      {"ca sĩ", RecipientKind::kIndividual},
      {"diễn viên", RecipientKind::kIndividual},
      {"cầu thủ", RecipientKind::kIndividual},
      {"công an viên", RecipientKind::kIndividual},
      {"dân quân", RecipientKind::kIndividual},
      {"sĩ quan", RecipientKind::kIndividual},
      {"hạ sĩ quan", RecipientKind::kIndividual},
      {"quân nhân", RecipientKind::kIndividual},
      {"học viên", RecipientKind::kIndividual},
      {"trẻ em", RecipientKind::kIndividual},
      {"người cao tuổi", RecipientKind::kIndividual},
      {"cộng tác viên", RecipientKind::kIndividual},
      {"tuyên truyền viên", RecipientKind::kIndividual},
      {"báo cáo viên", RecipientKind::kIndividual},
      {"thẩm phán", RecipientKind::kIndividual},
      {"kiểm sát viên", RecipientKind::kIndividual},
      {"luật sư", RecipientKind::kIndividual},
      {"chuyên gia", RecipientKind::kIndividual},
      {"kiều bào", RecipientKind::kIndividual},
      {"tu nghiệp sinh", RecipientKind::kIndividual},
      {"du học sinh", RecipientKind::kIndividual},
      {"công chức", RecipientKind::kIndividual},
      {"viên chức", RecipientKind::kIndividual},
      {"người có uy tín", RecipientKind::kIndividual},
      {"già làng", RecipientKind::kIndividual},
      {"bộ đội", RecipientKind::kIndividual},
      {"thuyền viên", RecipientKind::kIndividual},
      {"tài xế", RecipientKind::kIndividual},
      {"kiểm lâm", RecipientKind::kIndividual},
      {"thanh thiếu niên", RecipientKind::kIndividual},
      {"thương binh", RecipientKind::kIndividual},
      {"liệt sĩ", RecipientKind::kIndividual},
      {"trí thức", RecipientKind::kIndividual},
      {"chức sắc", RecipientKind::kIndividual},
      {"nhân sĩ", RecipientKind::kIndividual},
      {"hiệp sĩ", RecipientKind::kIndividual},
      {"thanh niên xung phong", RecipientKind::kIndividual},
      {"hộ kinh doanh", RecipientKind::kCollective},
      {"tập đoàn", RecipientKind::kCollective},
      {"ngân hàng", RecipientKind::kCollective},
      {"chi nhánh", RecipientKind::kCollective},
      {"cơ sở sản xuất", RecipientKind::kCollective},
      {"trang trại", RecipientKind::kCollective},
      {"huyện", RecipientKind::kCollective},
      {"quận", RecipientKind::kCollective},
      {"thị xã", RecipientKind::kCollective},
      {"tỉnh", RecipientKind::kCollective},
      {"thành phố", RecipientKind::kCollective},
      {"gương", RecipientKind::kUnspecified},
      {"mô hình", RecipientKind::kUnspecified},
      {"công trình", RecipientKind::kUnspecified},
      {"đề tài", RecipientKind::kUnspecified},
      {"tấm gương", RecipientKind::kUnspecified},
      {"điển hình", RecipientKind::kUnspecified},
      {"đại biểu", RecipientKind::kUnspecified},
      {"tác phẩm", RecipientKind::kUnspecified},
  }};
  static const auto* const kIndex = [] {
    std::vector<std::string_view> written;
    for (const Noun& noun : kNouns) written.push_back(noun.written);
    return new PhraseIndex(written);
  }();
  const int found = kIndex->LongestAt(tokens, i, tokens.size());
  if (found < 0) return std::nullopt;
  const Noun* best = &kNouns[found];
  length = kIndex->words(found);
  // "20 gương phụ nữ tiêu biểu": the noun after "gương" says who the examples are; "tấm gương em
  // Lan" only praises the person named.
  size_t next_length = 0;
  size_t honorific_length = 0;
  if (best->kind == RecipientKind::kUnspecified && Contains(best->written, "gương") &&
      !IsHonorific(tokens, i + length, honorific_length)) {
    // "phụ nữ" alone may be a body ("Phụ nữ TP.HCM đón nhận ..."), after "gương" it is women.
    if (MatchesPhrase(tokens, i + length, "phụ nữ")) {
      length += 2;
      return RecipientKind::kIndividual;
    }
    const std::optional<RecipientKind> next = RecipientNoun(tokens, i + length, next_length);
    if (next && *next != RecipientKind::kUnspecified) {
      length += next_length;
      return next;
    }
  }
  return best->kind;
}

bool IsHonorific(const std::vector<Token>& tokens, size_t i, size_t& length) {
  length = 1;
  if (i >= tokens.size()) return false;
  static const auto* const kIndex = new PhraseIndex(
      {"đồng chí",  "thượng tướng", "trung tướng", "thiếu tướng", "đại tướng", "đại tá",
       "thượng tá", "trung tá",     "thiếu tá",    "đại úy",      "thượng úy", "trung úy",
       "thiếu úy",  "nghệ sĩ",      "nhà giáo",    "ông",         "bà",        "anh",
       "chị",       "em",           "cháu",        "cụ",          "thầy",      "cô",
       "pgs",       "gs",           "ts",          "ths",         "bs",        "pgs.ts",
       "gs.ts",     "nsnd",         "nsưt",        "nhạc",        "họa"});
  const int found = kIndex->LongestAt(tokens, i, tokens.size());
  if (found < 0) return false;
  length = kIndex->words(found);
  // "PGS." keeps its full stop as a separate token.
  if (length == 1 && i + 1 < tokens.size() && tokens[i + 1].text == ".") length = 2;
  return true;
}

bool IsPersonRole(const std::vector<Token>& tokens, size_t i, size_t& length) {
  static const auto* const kIndex = new PhraseIndex(
      {"giám đốc",    "tổng giám đốc",  "chủ tịch",       "bí thư",          "hiệu trưởng",
       "chủ nhiệm",   "trưởng phòng",   "trưởng ban",     "trưởng khoa",     "trưởng công an",
       "đội trưởng",  "chỉ huy trưởng", "tổng biên tập",  "bộ trưởng",       "thứ trưởng",
       "viện trưởng", "cục trưởng",     "chi cục trưởng", "tổng cục trưởng", "chánh văn phòng",
       "chánh án",    "trưởng trạm",    "trưởng thôn",    "trưởng ấp",       "trưởng bản",
       "tổ trưởng",   "thủ trưởng",     "chính ủy",       "tư lệnh",         "đại sứ",
       "thủ tướng"});
  const size_t deputy = i < tokens.size() && tokens[i].lower == "phó" ? 1 : 0;
  const int found = kIndex->LongestAt(tokens, i + deputy, tokens.size());
  if (found < 0) return false;
  // "Đại sứ quán" is a body.
  size_t head_length = 0;
  if (IsOrganisationHead(tokens, i + deputy, head_length) && head_length > kIndex->words(found)) {
    return false;
  }
  length = deputy + kIndex->words(found);
  return true;
}

bool IsOrganisationHead(const std::vector<Token>& tokens, size_t i, size_t& length) {
  static const auto* const kIndex = new PhraseIndex({"tổng liên đoàn",
                                                     "thông tấn xã",
                                                     "tỉnh ủy",
                                                     "thành ủy",
                                                     "thị ủy",
                                                     "quận ủy",
                                                     "đảng ủy",
                                                     "mặt trận",
                                                     "tổng lđlđ",
                                                     "lđlđ",
                                                     "hđnd",
                                                     "mttq",
                                                     "nhà xuất bản",
                                                     "tổng công ty",
                                                     "công ty",
                                                     "bệnh viện",
                                                     "tạp chí",
                                                     "tổng cục",
                                                     "học viện",
                                                     "đại học",
                                                     "đại sứ quán",
                                                     "bộ đội",
                                                     "công an",
                                                     "liên đoàn",
                                                     "tập đoàn",
                                                     "ngân hàng",
                                                     "trung tâm",
                                                     "ủy ban",
                                                     "hợp tác xã",
                                                     "thành đoàn",
                                                     "tỉnh đoàn",
                                                     "quân khu",
                                                     "tổ công tác",
                                                     "câu lạc bộ",
                                                     "clb",
                                                     "sư đoàn",
                                                     "lữ đoàn",
                                                     "trung đoàn",
                                                     "chi cục",
                                                     "kho bạc",
                                                     "trường",
                                                     "hội",
                                                     "viện",
                                                     "cục",
                                                     "sở",
                                                     "ban",
                                                     "báo",
                                                     "đài",
                                                     "nxb",
                                                     "bv",
                                                     "ubnd",
                                                     "đồn",
                                                     "đội",
                                                     "phòng",
                                                     "ngành",
                                                     "tỉnh",
                                                     "huyện",
                                                     "xã",
                                                     "lực lượng"});
  const int found = kIndex->LongestAt(tokens, i, tokens.size());
  if (found < 0) return false;
  length = kIndex->words(found);
  return true;
}

bool IsConferringVerb(const Token& token) {
  // Capitalised, these are names: "Tuyên Quang", "TP Vinh", "Tôn Đức Thắng", "Tân Phong".
  if (token.capitalised && IsOneOf(token, {"tuyên", "tôn", "vinh", "phong", "thưởng"})) {
    return false;
  }
  return IsOneOf(token, {"trao", "tặng", "truy", "phong", "gắn", "nhận", "thưởng", "khen", "tuyên",
                         "tôn", "vinh", "gửi"});
}

bool IsReceivingWord(const Token& token) { return IsOneOf(token, {"được", "nhận"}); }

bool IsNotConferredCue(const std::vector<Token>& tokens, size_t i) {
  const Token& token = tokens[i];
  if (!(token.classes & kNotConferredStart)) return false;
  // "Theo đề nghị của Sở Nội vụ, Chủ tịch UBND tỉnh tặng ...", "Xét đề nghị ..., Bộ trưởng tặng":
  // the basis of a decision made, when it opens the clause ("đang xét đề nghị" is under review).
  const auto opens_clause = [&](size_t k) {
    return k == 0 || !tokens[k - 1].is_word || tokens[k].capitalised;
  };
  if (MatchesPhrase(tokens, i, "xét đề nghị") && opens_clause(i)) return false;
  if (MatchesPhrase(tokens, i, "đề nghị") && i > 0 && IsOneOf(tokens[i - 1], {"theo", "xét"}) &&
      opens_clause(i - 1)) {
    return false;
  }
  if (IsOneOf(token, {"nếu", "sẽ", "hủy", "huỷ", "tước", "xét"})) return true;
  // "trình Thủ tướng" submits; "chương trình" is a programme.
  if (token.lower == "trình") {
    const bool before = i > 0 && IsOneOf(tokens[i - 1], {"đã", "được", "sẽ", "và", "tờ"});
    const bool after =
        i + 1 < tokens.size() && IsOneOf(tokens[i + 1], {"thủ", "chủ", "lên", "cấp", "hội", "bộ"});
    return before || after;
  }
  return MatchesAnyPhrase(tokens, i,
                          {"đề nghị", "đề xuất", "kiến nghị", "xét tặng", "xem xét", "thu hồi",
                           "có thể", "dự kiến", "hồ sơ", "đủ điều kiện", "đạt tiêu chuẩn",
                           "công nhận đạt", "chưa được", "không được", "cần được", "nên được"});
}

bool IsHypotheticalCue(const std::vector<Token>& tokens, size_t i) {
  return (tokens[i].classes & kHypotheticalStart) &&
         MatchesAnyPhrase(tokens, i, {"quy định", "dự luật", "xứng đáng", "mong", "luật thi đua"});
}

bool IsFamilyName(const Token& token) {
  return token.capitalised && (token.classes & kFamilyName) != 0;
}

}  // namespace laurel::parser

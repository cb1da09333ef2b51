#include "ingest-service/src/parser/body_names.h"

#include <array>
#include <string>
#include <utility>

#include "ingest-service/src/parser/text_normalizer.h"
#include "ingest-service/src/parser/vietnamese_letters.h"

namespace laurel::parser {
namespace {

// The field a ministry, department or district office is named for, in the forms articles write
// it (lower case, as normalised text spells it).
struct Field {
  std::string_view canonical;
  std::vector<std::string_view> written;
};

const std::vector<Field>& Fields() {
  static const auto* const kFields = new std::vector<Field>{
      {"Giáo dục và Đào tạo",
       {"giáo dục và đào tạo", "giáo dục - đào tạo", "giáo dục-đào tạo", "gd&đt", "gd-đt", "gdđt",
        "gd và đt"}},
      {"Lao động - Thương binh và Xã hội",
       {"lao động - thương binh và xã hội", "lao động-thương binh và xã hội",
        "lao động, thương binh và xã hội", "lđ-tb&xh", "lđtb&xh", "lđ-tbxh", "lđtbxh", "lđ, tb&xh",
        "lđ-tb và xh"}},
      {"Văn hóa, Thể thao và Du lịch",
       {"văn hóa, thể thao và du lịch", "văn hóa - thể thao và du lịch",
        "văn hóa-thể thao và du lịch", "vh-tt&dl", "vhtt&dl", "vh, tt&dl", "vh,tt&dl", "vhttdl",
        "vh-tt-dl", "vh-tt và dl"}},
      {"Văn hóa và Thể thao",
       {"văn hóa và thể thao", "văn hóa - thể thao", "văn hóa-thể thao", "vh&tt"}},
      {"Văn hóa và Thông tin",
       {"văn hóa và thông tin", "văn hóa - thông tin", "văn hóa-thông tin"}},
      {"Tài nguyên và Môi trường",
       {"tài nguyên và môi trường", "tài nguyên - môi trường", "tài nguyên-môi trường", "tn&mt",
        "tn-mt", "tnmt"}},
      {"Kế hoạch và Đầu tư",
       {"kế hoạch và đầu tư", "kế hoạch - đầu tư", "kế hoạch-đầu tư", "kh&đt", "kh-đt", "khđt"}},
      {"Nông nghiệp và Phát triển nông thôn",
       {"nông nghiệp và phát triển nông thôn", "nông nghiệp - phát triển nông thôn",
        "nông nghiệp-phát triển nông thôn", "nn&ptnt", "nn-ptnt", "nnptnt"}},
      {"Nông nghiệp và Môi trường",
       {"nông nghiệp và môi trường", "nông nghiệp - môi trường", "nn&mt", "nn-mt", "nnmt"}},
      {"Thông tin và Truyền thông",
       {"thông tin và truyền thông", "thông tin - truyền thông", "thông tin-truyền thông", "tt&tt",
        "tt-tt", "tttt"}},
      {"Khoa học và Công nghệ",
       {"khoa học và công nghệ", "khoa học - công nghệ", "khoa học-công nghệ", "kh&cn", "kh-cn",
        "khcn"}},
      {"Giao thông vận tải",
       {"giao thông vận tải", "giao thông - vận tải", "giao thông-vận tải", "gtvt", "gt-vt"}},
      {"Dân tộc và Tôn giáo", {"dân tộc và tôn giáo", "dân tộc - tôn giáo", "dt&tg"}},
      {"Tài chính - Kế hoạch", {"tài chính - kế hoạch", "tài chính-kế hoạch", "tc-kh"}},
      {"Công Thương", {"công thương"}},
      {"Quốc phòng", {"quốc phòng"}},
      {"Công an", {"công an"}},
      {"Ngoại giao", {"ngoại giao"}},
      {"Ngoại vụ", {"ngoại vụ"}},
      {"Nội vụ", {"nội vụ"}},
      {"Tư pháp", {"tư pháp"}},
      {"Tài chính", {"tài chính"}},
      {"Xây dựng", {"xây dựng"}},
      {"Y tế", {"y tế"}},
      {"Du lịch", {"du lịch"}},
  };
  return *kFields;
}

// The head words a field follows, lower case, and how they are written.
constexpr std::pair<std::string_view, std::string_view> kHeads[] = {
    {"bộ", "Bộ"}, {"sở", "Sở"}, {"phòng", "Phòng"}};

// A field's written form as the tokenizer splits it: the lower-case words (and punctuation).
struct TokenForm {
  std::vector<std::string> words;
};

const std::vector<TokenForm>& FieldTokenForms() {
  static const auto* const kForms = [] {
    auto* forms = new std::vector<TokenForm>;
    for (const Field& field : Fields()) {
      for (std::string_view written : field.written) {
        const NormalizedText normalized = NormalizeTextLenient(written);
        TokenForm form;
        for (const Token& token : Tokenize(normalized, 0, normalized.text.size())) {
          form.words.emplace_back(token.lower);
        }
        forms->push_back(std::move(form));
      }
    }
    return forms;
  }();
  return *kForms;
}

struct Expansion {
  std::string_view written;  // lower case; as written exactly when `capitals`
  std::string_view canonical;
  bool capitals = false;  // an acronym that is also an ordinary word in other cases
};

// Abbreviations and variant spellings of bodies other than the fields above.
const std::vector<Expansion>& Expansions() {
  static const auto* const kExpansions = new std::vector<Expansion>{
      {"vtv", "Đài Truyền hình Việt Nam"},
      {"ttxvn", "Thông tấn xã Việt Nam"},
      {"vov", "Đài Tiếng nói Việt Nam"},
      {"tổng liên đoàn lao động việt nam", "Tổng Liên đoàn Lao động Việt Nam"},
      {"tổng lđlđ việt nam", "Tổng Liên đoàn Lao động Việt Nam"},
      {"tổng lđlđ vn", "Tổng Liên đoàn Lao động Việt Nam"},
      {"tổng lđlđvn", "Tổng Liên đoàn Lao động Việt Nam"},
      // Named without the rest, the confederation is the only one.
      {"tổng liên đoàn", "Tổng Liên đoàn Lao động Việt Nam"},
      {"tổng liên đoàn lao động", "Tổng Liên đoàn Lao động Việt Nam"},
      {"lhpn", "Liên hiệp Phụ nữ"},
      {"ccb", "Cựu chiến binh"},
      {"hội nd", "Hội Nông dân"},
      {"ủy ban nhân dân", "UBND"},
      {"hội đồng nhân dân", "HĐND"},
      {"lđlđ", "Liên đoàn Lao động"},
      {"ủy ban atgt quốc gia", "Ủy ban An toàn giao thông quốc gia"},
      {"ubatgt quốc gia", "Ủy ban An toàn giao thông quốc gia"},
      {"ủy ban dân tộc", "Ủy ban Dân tộc"},
      {"ngân hàng nhà nước việt nam", "Ngân hàng Nhà nước Việt Nam"},
      {"ngân hàng nhà nước", "Ngân hàng Nhà nước Việt Nam"},
      {"nhnn", "Ngân hàng Nhà nước Việt Nam"},
      {"thanh tra chính phủ", "Thanh tra Chính phủ"},
      {"văn phòng chính phủ", "Văn phòng Chính phủ"},
      {"Bộ CA", "Bộ Công an", true},
      {"Bộ QP", "Bộ Quốc phòng", true},
      {"mttq", "Mặt trận Tổ quốc"},
      {"clb", "Câu lạc bộ"},
      {"T.Ư", "Trung ương", true},
      {"TƯ", "Trung ương", true},
      {"TW", "Trung ương", true},
      {"hội đồng đội", "Hội đồng Đội"},
      {"ban chấp hành trung ương hội chữ thập đỏ", "Trung ương Hội Chữ thập đỏ"},
      {"hội chữ thập đỏ", "Hội Chữ thập đỏ"},
      {"ban chấp hành trung ương đoàn", "Ban Chấp hành Trung ương Đoàn TNCS Hồ Chí Minh"},
      {"ban chấp hành trung ương đoàn tncs hồ chí minh",
       "Ban Chấp hành Trung ương Đoàn TNCS Hồ Chí Minh"},
      {"trung ương đoàn", "Ban Chấp hành Trung ương Đoàn TNCS Hồ Chí Minh"},
      {"trung ương đoàn tncs hồ chí minh", "Ban Chấp hành Trung ương Đoàn TNCS Hồ Chí Minh"},
      {"tp.", "thành phố"},
      {"tp", "thành phố"},
      {"thành phố", "thành phố"},
      {"VN", "Việt Nam", true},
  };
  return *kExpansions;
}

// The expansions whose written form starts with the lower-case byte `first`: a word start is
// compared with those only.
const std::vector<const Expansion*>& ExpansionsStartingWith(char first) {
  static const auto* const kByFirstByte = [] {
    auto* buckets = new std::array<std::vector<const Expansion*>, 256>;
    for (const Expansion& expansion : Expansions()) {
      const std::string lower = ToLowerPreservingOffsets(expansion.written);
      (*buckets)[static_cast<unsigned char>(lower[0])].push_back(&expansion);
    }
    return buckets;
  }();
  return (*kByFirstByte)[static_cast<unsigned char>(first)];
}

bool IsWordBoundary(std::string_view lower, size_t pos) {
  if (pos >= lower.size()) return true;
  const char ch = lower[pos];
  return ch == ' ' || ch == ',' || ch == '.' || ch == '-' || ch == '(' || ch == ')';
}

// Whether `written` stands as whole words in `in` at `pos`.
bool WordsAt(std::string_view in, size_t pos, std::string_view written) {
  return in.compare(pos, written.size(), written) == 0 && IsWordBoundary(in, pos + written.size());
}

}  // namespace

const std::vector<std::string_view>& Ministries() {
  static const auto* const kMinistries = new std::vector<std::string_view>{
      "Bộ Quốc phòng",
      "Bộ Công an",
      "Bộ Ngoại giao",
      "Bộ Nội vụ",
      "Bộ Tư pháp",
      "Bộ Kế hoạch và Đầu tư",
      "Bộ Tài chính",
      "Bộ Công Thương",
      "Bộ Nông nghiệp và Phát triển nông thôn",
      "Bộ Giao thông vận tải",
      "Bộ Xây dựng",
      "Bộ Tài nguyên và Môi trường",
      "Bộ Thông tin và Truyền thông",
      "Bộ Lao động - Thương binh và Xã hội",
      "Bộ Văn hóa, Thể thao và Du lịch",
      "Bộ Khoa học và Công nghệ",
      "Bộ Giáo dục và Đào tạo",
      "Bộ Y tế",
      "Ủy ban Dân tộc",
      "Ngân hàng Nhà nước Việt Nam",
      "Thanh tra Chính phủ",
      "Văn phòng Chính phủ",
      "Bộ Nông nghiệp và Môi trường",
      "Bộ Dân tộc và Tôn giáo",
  };
  return *kMinistries;
}

size_t KnownBodyAt(const std::vector<Token>& tokens, size_t i, size_t end) {
  if (i + 1 >= end || !IsOneOf(tokens[i], {"bộ", "sở", "phòng"})) return 0;
  size_t best = 0;
  for (const TokenForm& form : FieldTokenForms()) {
    const size_t n = form.words.size();
    if (n <= best || i + 1 + n > end) continue;
    bool match = true;
    for (size_t k = 0; k < n && match; ++k) match = tokens[i + 1 + k].lower == form.words[k];
    if (match) best = n;
  }
  return best == 0 ? 0 : best + 1;
}

bool InsideKnownBody(const std::vector<Token>& tokens, size_t i, size_t from) {
  constexpr size_t kLongestName = 10;  // tokens of the longest head and field
  for (size_t j = i > from + kLongestName ? i - kLongestName : from; j < i; ++j) {
    if (j + KnownBodyAt(tokens, j, tokens.size()) > i) return true;
  }
  return false;
}

namespace {

std::string ExpandOnce(std::string_view text, std::string_view lower) {
  std::string out;
  size_t pos = 0;
  while (pos < lower.size()) {
    const bool at_word = pos == 0 || lower[pos - 1] == ' ' || lower[pos - 1] == '(';
    if (!at_word) {
      out += text[pos++];
      continue;
    }
    // A ministry or department: its head, then its field in any written form.
    bool field_found = false;
    for (const auto& [head, head_written] : kHeads) {
      if (!WordsAt(lower, pos, head) || pos + head.size() >= lower.size()) continue;
      const size_t field_at = pos + head.size() + 1;
      const Field* best = nullptr;
      size_t best_length = 0;
      for (const Field& field : Fields()) {
        for (std::string_view written : field.written) {
          if (written.size() > best_length && WordsAt(lower, field_at, written)) {
            best = &field;
            best_length = written.size();
          }
        }
      }
      if (best == nullptr) continue;
      out += head_written;
      out += ' ';
      out += best->canonical;
      pos = field_at + best_length;
      field_found = true;
      break;
    }
    if (field_found) continue;
    const Expansion* best = nullptr;
    for (const Expansion* candidate : ExpansionsStartingWith(lower[pos])) {
      const Expansion& expansion = *candidate;
      const std::string_view in = expansion.capitals ? text : lower;
      if (WordsAt(in, pos, expansion.written) &&
          (best == nullptr || expansion.written.size() > best->written.size())) {
        best = &expansion;
      }
    }
    if (best != nullptr) {
      out += best->canonical;
      pos += best->written.size();
      // "TP.HCM": the city abbreviation runs into the name.
      if (best->written == "tp." && pos < lower.size() && lower[pos] != ' ') out += ' ';
      continue;
    }
    out += text[pos++];
  }
  return out;
}

}  // namespace

std::string ExpandBodyNames(std::string_view text, std::string_view lower) {
  std::string expanded = ExpandOnce(text, lower);
  // "Ban Chấp hành TƯ Đoàn": an expanded acronym may complete a longer name.
  if (expanded != text) {
    expanded = ExpandOnce(expanded, ToLowerPreservingOffsets(expanded));
  }
  return expanded;
}

}  // namespace laurel::parser

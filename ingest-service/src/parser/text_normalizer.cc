#include "ingest-service/src/parser/text_normalizer.h"

#include <unicode/normalizer2.h>
#include <unicode/unistr.h>

#include <array>
#include <utility>

#include "absl/status/status.h"
#include "ingest-service/src/parser/utf8.h"
#include "ingest-service/src/parser/vietnamese_letters.h"

namespace laurel::parser {
namespace {

constexpr char32_t kDrop = 0;
constexpr char32_t kReplacement = 0xFFFD;
constexpr size_t kMaxCombiningMarks = 16;  // bounds the cluster a hostile input can build
constexpr size_t kMaxEntityLength = 10;

bool IsCombiningMark(char32_t c) {
  return (c >= 0x300 && c <= 0x36F) || (c >= 0x1DC0 && c <= 0x1DFF) ||
         (c >= 0x20D0 && c <= 0x20FF) || (c >= 0xFE20 && c <= 0xFE2F);
}

// What the parser reads for one code point of the submitted text; kDrop removes it.
char32_t FoldCodePoint(char32_t c) {
  switch (c) {
    case '\t':
    case '\f':
    case '\v':
    case 0x00A0:
    case 0x1680:
    case 0x202F:
    case 0x205F:
    case 0x3000:
      return ' ';
    case '\r':
    case 0x0085:
    case 0x2028:
    case 0x2029:
      return '\n';
    case '_':  // word-segmented datasets join syllables with underscores ("Thủ_tướng")
      return ' ';
    case 0x00AD:
    case 0x200B:
    case 0x200C:
    case 0x200D:
    case 0x2060:
    case 0xFEFF:
      return kDrop;
    case 0x201C:
    case 0x201D:
    case 0x201E:
    case 0x201F:
    case 0x00AB:
    case 0x00BB:
    case 0x2033:
      return '"';
    case 0x2018:
    case 0x2019:
    case 0x201A:
    case 0x201B:
    case 0x2032:
    case 0x0060:
    case 0x00B4:
      return '\'';
    case 0x2010:
    case 0x2011:
    case 0x2012:
    case 0x2013:
    case 0x2014:
    case 0x2015:
    case 0x2212:
      return '-';
    case 0x00D0:  // Latin capital eth, a common stand-in for "Đ"
    case 0x0189:
      return 0x0110;
    case 0x00F0:
      return 0x0111;
    default:
      break;
  }
  if (c >= 0x2000 && c <= 0x200A) return ' ';
  if (c < 0x20 && c != '\n') return kDrop;
  return c;
}

struct NamedEntity {
  std::string_view name;
  char32_t code_point;
};

constexpr std::array<NamedEntity, 16> kNamedEntities = {{
    {"amp", '&'},
    {"lt", '<'},
    {"gt", '>'},
    {"quot", '"'},
    {"apos", '\''},
    {"nbsp", 0x00A0},
    {"ndash", 0x2013},
    {"mdash", 0x2014},
    {"ldquo", 0x201C},
    {"rdquo", 0x201D},
    {"lsquo", 0x2018},
    {"rsquo", 0x2019},
    {"hellip", 0x2026},
    {"laquo", 0x00AB},
    {"raquo", 0x00BB},
    {"bull", 0x2022},
}};

// Decodes an HTML entity starting at text[pos] == '&'. Returns the code point and its byte length,
// or {0, 0} when there is none.
std::pair<char32_t, size_t> DecodeEntity(std::string_view text, size_t pos) {
  const size_t limit = std::min(text.size(), pos + kMaxEntityLength + 2);
  size_t end = pos + 1;
  while (end < limit && text[end] != ';' && text[end] != '&' && text[end] != ' ') ++end;
  if (end >= limit || text[end] != ';' || end == pos + 1) return {0, 0};
  const std::string_view body = text.substr(pos + 1, end - pos - 1);
  const size_t length = end - pos + 1;
  if (body[0] == '#') {
    char32_t value = 0;
    const bool hex = body.size() > 1 && (body[1] == 'x' || body[1] == 'X');
    const size_t first = hex ? 2 : 1;
    if (first >= body.size()) return {0, 0};
    for (size_t i = first; i < body.size(); ++i) {
      const char ch = body[i];
      int digit;
      if (ch >= '0' && ch <= '9') {
        digit = ch - '0';
      } else if (hex && (ch | 32) >= 'a' && (ch | 32) <= 'f') {
        digit = (ch | 32) - 'a' + 10;
      } else {
        return {0, 0};
      }
      value = value * (hex ? 16 : 10) + static_cast<char32_t>(digit);
      if (value > 0x10FFFF) return {0, 0};
    }
    if (value == 0 || (value >= 0xD800 && value <= 0xDFFF)) return {0, 0};
    return {value, length};
  }
  for (const NamedEntity& entity : kNamedEntities) {
    if (entity.name == body) return {entity.code_point, length};
  }
  return {0, 0};
}

// Appends folded code points to a NormalizedText, collapsing blanks and moving tone marks.
class Builder {
 public:
  explicit Builder(NormalizedText& out) : out_(out) {}

  void Emit(char32_t c, int32_t origin) {
    c = FoldCodePoint(c);
    if (c == kDrop) return;
    if (c == 0x2026) {  // an ellipsis reads like three dots to the sentence splitter
      for (int i = 0; i < 3; ++i) Emit('.', origin);
      return;
    }
    if (c == ' ') {
      ResolveTone(false);
      if (!at_line_start_ && !space_pending_) {
        space_pending_ = true;
        space_origin_ = origin;
      }
      return;
    }
    if (c == '\n') {
      ResolveTone(false);
      space_pending_ = false;
      if (!at_line_start_) Append('\n', origin);
      at_line_start_ = true;
      return;
    }
    const bool letter = IsLetter(c);
    ResolveTone(letter);
    if (space_pending_) {
      Append(' ', space_origin_);
      space_pending_ = false;
    }
    at_line_start_ = false;
    Tone tone;
    const char32_t plain = SplitTone(c, tone);
    const size_t size = out_.text.size();
    if (tone != Tone::kNone && (plain == 'a' || plain == 'e' || plain == 'y' || plain == 'A' ||
                                plain == 'E' || plain == 'Y')) {
      // "oà", "uỷ": the tone belongs on the first vowel when the syllable ends here ("hòa",
      // "thủy"), but "qu" is a consonant ("quý") and a following letter keeps it ("hoàng").
      const char before = size >= 1 ? out_.text[size - 1] : ' ';
      const char before2 = size >= 2 ? out_.text[size - 2] : ' ';
      if ((before == 'o' || before == 'u' || before == 'O' || before == 'U') && before2 != 'q' &&
          before2 != 'Q') {
        tone_onset_ = size - 1;
        pending_tone_ = tone;
        pending_plain_ = plain;
        pending_origin_ = origin;
      }
    }
    Append(c, origin);
  }

  void Finish(int32_t total) {
    ResolveTone(false);
    out_.origin.push_back(total);
  }

 private:
  void Append(char32_t c, int32_t origin) {
    const size_t before = out_.text.size();
    AppendUtf8(c, out_.text);
    out_.origin.insert(out_.origin.end(), out_.text.size() - before, origin);
  }

  void ResolveTone(bool next_is_letter) {
    if (pending_tone_ == Tone::kNone) return;
    if (!next_is_letter) {
      const char onset = out_.text[tone_onset_];
      const int32_t onset_origin = out_.origin[tone_onset_];
      out_.text.resize(tone_onset_);
      out_.origin.resize(tone_onset_);
      Append(ApplyTone(static_cast<char32_t>(onset), pending_tone_), onset_origin);
      Append(pending_plain_, pending_origin_);
    }
    pending_tone_ = Tone::kNone;
  }

  NormalizedText& out_;
  bool at_line_start_ = true;
  bool space_pending_ = false;
  int32_t space_origin_ = 0;
  size_t tone_onset_ = 0;
  Tone pending_tone_ = Tone::kNone;
  char32_t pending_plain_ = 0;
  int32_t pending_origin_ = 0;
};

// Composes a base character and the combining marks after it (NFD input) with ICU.
void EmitCluster(const std::u32string& cluster, int32_t origin, Builder& builder) {
  UErrorCode status = U_ZERO_ERROR;
  const icu::Normalizer2* nfc = icu::Normalizer2::getNFCInstance(status);
  if (U_FAILURE(status)) {
    for (char32_t c : cluster) builder.Emit(c, origin);
    return;
  }
  icu::UnicodeString source;
  for (char32_t c : cluster) source.append(static_cast<UChar32>(c));
  const icu::UnicodeString composed = nfc->normalize(source, status);
  if (U_FAILURE(status)) {
    for (char32_t c : cluster) builder.Emit(c, origin);
    return;
  }
  for (int32_t i = 0; i < composed.length();) {
    const UChar32 c = composed.char32At(i);
    i += U16_LENGTH(c);
    builder.Emit(static_cast<char32_t>(c), origin);
  }
}

absl::StatusOr<NormalizedText> Normalize(std::string_view original, bool lenient) {
  NormalizedText out;
  out.text.reserve(original.size());
  out.origin.reserve(original.size() + 1);
  Builder builder(out);
  int32_t index = 0;  // code points of `original` consumed so far
  size_t pos = 0;
  std::u32string cluster;
  while (pos < original.size()) {
    const unsigned char byte = static_cast<unsigned char>(original[pos]);
    // ASCII fast path, unless a combining mark follows (NFD: "a" + U+0301).
    const bool mark_follows =
        pos + 1 < original.size() && static_cast<unsigned char>(original[pos + 1]) >= 0xCC;
    if (byte >= 0x20 && byte < 0x80 && byte != '&' && byte != '_' && byte != '`' && !mark_follows) {
      builder.Emit(byte, index++);
      ++pos;
      continue;
    }
    size_t length;
    char32_t c = DecodeUtf8(original, pos, length);
    if (c == kInvalidCodePoint) {
      if (!lenient) {
        return absl::InvalidArgumentError(
            "text is not valid UTF-8 (malformed byte sequence at byte offset " +
            std::to_string(pos) + ")");
      }
      c = kReplacement;
    }
    if (c == '&') {
      const auto [decoded, entity_length] = DecodeEntity(original, pos);
      if (entity_length > 0) {
        builder.Emit(decoded, index);
        index += static_cast<int32_t>(entity_length);  // entities are ASCII: one code point a byte
        pos += entity_length;
        continue;
      }
    }
    size_t next = pos + length;
    // NFD or mixed input: gather the marks that follow and let ICU compose the cluster.
    if (next < original.size() && static_cast<unsigned char>(original[next]) >= 0xCC) {
      size_t mark_length;
      char32_t mark = DecodeUtf8(original, next, mark_length);
      if (mark != kInvalidCodePoint && IsCombiningMark(mark)) {
        cluster.assign(1, c);
        const int32_t origin = index;
        index += 1;
        while (mark != kInvalidCodePoint && IsCombiningMark(mark) &&
               cluster.size() <= kMaxCombiningMarks) {
          cluster.push_back(mark);
          index += 1;
          next += mark_length;
          if (next >= original.size()) break;
          mark = DecodeUtf8(original, next, mark_length);
        }
        EmitCluster(cluster, origin, builder);
        pos = next;
        continue;
      }
    }
    builder.Emit(c, index++);
    pos = next;
  }
  builder.Finish(index);
  out.lower = ToLowerPreservingOffsets(out.text);
  return out;
}

}  // namespace

absl::StatusOr<NormalizedText> NormalizeText(std::string_view original) {
  return Normalize(original, /*lenient=*/false);
}

NormalizedText NormalizeTextLenient(std::string_view original) {
  return *Normalize(original, /*lenient=*/true);
}

}  // namespace laurel::parser

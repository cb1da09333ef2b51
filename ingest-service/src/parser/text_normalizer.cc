#include "ingest-service/src/parser/text_normalizer.h"

#include <unicode/normalizer2.h>
#include <unicode/unistr.h>

#include <algorithm>
#include <array>
#include <bit>
#include <cstring>
#include <utility>

#include "absl/status/status.h"
#include "ingest-service/src/parser/byte_block.h"
#include "ingest-service/src/parser/utf8.h"
#include "ingest-service/src/parser/vietnamese_letters.h"

namespace laurel::parser {
namespace {

constexpr char32_t kDrop = 0;
constexpr char32_t kReplacement = 0xFFFD;
constexpr size_t kMaxCombiningMarks = 16;  // bounds the cluster a hostile input can build
constexpr size_t kMaxEntityLength = 10;
constexpr size_t kCheckpointStride = 256;  // bytes of folded text between offset checkpoints

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

// Whether a combining mark starts at text[pos]: U+0300..U+036F, U+1DC0..U+1DFF, U+20D0..U+20FF or
// U+FE20..U+FE2F, told from their UTF-8 lead bytes.
inline bool CombiningMarkAt(std::string_view text, size_t pos) {
  if (pos >= text.size()) return false;
  const unsigned char lead = static_cast<unsigned char>(text[pos]);
  if (lead == 0xCC || lead == 0xCD) return true;
  if (pos + 1 >= text.size() || (lead != 0xE1 && lead != 0xE2 && lead != 0xEF)) return false;
  const unsigned char next = static_cast<unsigned char>(text[pos + 1]);
  return (lead == 0xE1 && next == 0xB7) || (lead == 0xE2 && next == 0x83) ||
         (lead == 0xEF && next == 0xB8);
}

// Whether `c` is a toned a, e or y, whose tone moves onto an o or u before it ("oà" → "òa").
constexpr bool HasMovableTone(char32_t c) {
  switch (c) {
    case 0xC0:
    case 0xC1:
    case 0xC3:
    case 0xC8:
    case 0xC9:
    case 0xDD:  // À Á Ã È É Ý
    case 0xE0:
    case 0xE1:
    case 0xE3:
    case 0xE8:
    case 0xE9:
    case 0xFD:  // à á ã è é ý
      return true;
    default:
      return (c >= 0x1EA0 && c <= 0x1EA3) || (c >= 0x1EB8 && c <= 0x1EBD) ||
             (c >= 0x1EF2 && c <= 0x1EF9);
  }
}

// Two-byte letters the fast paths leave to the general one: the look-alikes "Ð", "ð", "Ɖ" (folded
// into "Đ", "đ") and the signs × ÷ (kept as they are, but not letters).
constexpr bool LeftToGeneralPath(char32_t c) {
  return c == 0xD0 || c == 0xF0 || c == 0x189 || c == 0xD7 || c == 0xF7;
}

// Printable ASCII that needs no folding: not a blank, '&' (entities), '_' (segmentation) or '`'.
constexpr std::array<bool, 256> MakePlainAscii() {
  std::array<bool, 256> plain{};
  for (int byte = 0x21; byte < 0x7F; ++byte)
    plain[byte] = byte != '&' && byte != '_' && byte != '`';
  return plain;
}
constexpr std::array<bool, 256> kPlainAscii = MakePlainAscii();

inline bool IsPlainAscii(unsigned char byte) { return kPlainAscii[byte]; }

constexpr std::array<char, 128> MakeAsciiLower() {
  std::array<char, 128> lower{};
  for (int byte = 0; byte < 128; ++byte) {
    lower[byte] = static_cast<char>(byte >= 'A' && byte <= 'Z' ? byte + 32 : byte);
  }
  return lower;
}
constexpr std::array<char, 128> kAsciiLower = MakeAsciiLower();

// Whether any combining mark (CombiningMarkAt) occurs in `text`: NFC text, most of what arrives,
// has none, and the fast path then need not look for one after every letter.
bool HasCombiningMarks(std::string_view text) {
  // CC, CD: U+0300..U+036F; E1 B7, E2 83, EF B8: the other ranges, by their first two bytes.
  const auto marks = [](const ByteBlock& before, const ByteBlock& bytes) -> LaneMask {
    return (bytes == 0xCC) | (bytes == 0xCD) | ((before == 0xE1) & (bytes == 0xB7)) |
           ((before == 0xE2) & (bytes == 0x83)) | ((before == 0xEF) & (bytes == 0xB8));
  };
  const unsigned char* bytes = reinterpret_cast<const unsigned char*>(text.data());
  size_t at = 1;
  LaneMask found = {};
  for (; at + kBlockBytes <= text.size(); at += kBlockBytes) {
    found |= marks(LoadBlock(bytes + at - 1), LoadBlock(bytes + at));
  }
  // The last few bytes, and the byte before them, in a block padded with zeros.
  std::array<unsigned char, kBlockBytes + 1> last{};
  if (at <= text.size()) std::memcpy(last.data(), bytes + at - 1, text.size() - at + 1);
  found |= marks(LoadBlock(last.data()), LoadBlock(last.data() + 1));
  return BitsOf(found) != 0 || (!text.empty() && (bytes[0] == 0xCC || bytes[0] == 0xCD));
}

inline char AsciiLower(char c) { return c >= 'A' && c <= 'Z' ? static_cast<char>(c + 32) : c; }

// The fast path below, sixteen bytes at a time: copies the longest stretch of whole characters
// starting at `in` that it would take as they are (plain ASCII, single spaces, the precomposed
// letters that need no folding) into `text`, with their lower case into `lower`, and returns its
// length in bytes: up to sixteen, or eighteen when the last letter runs over. `before` is the
// character written last (' ' for none). Reads in[-2] to in[17]; writes up to eighteen bytes.
size_t FoldBlock(const unsigned char* in, char before, char* text, char* lower, int32_t& origin) {
  const ByteBlock bytes = LoadBlock(in);
  const ByteBlock next = LoadBlock(in + 1);
  const ByteBlock after_next = LoadBlock(in + 2);
  // Lanes are replaced by masking, not by writing one: a vector built through memory byte by byte
  // would stall the loads that read it back.
  constexpr ByteBlock kFirstLane = {0xFF};
  const ByteBlock previous =
      (LoadBlock(in - 1) & ~kFirstLane) | (static_cast<uint8_t>(before) & kFirstLane);
  const auto plain = [](const ByteBlock& block) -> LaneMask {
    return InRange(block, 0x21, 0x7E) & (block != '&') & (block != '_') & (block != '`');
  };
  const LaneMask word_next = plain(next) | InRange(next, 0xC3, 0xC6) | (next == 0xE1);
  const LaneMask single_space = (bytes == ' ') & (previous != ' ') & (previous != '\n') & word_next;
  const ByteBlock previous_folded = previous | 0x20;
  const LaneMask after_o_or_u = (previous_folded == 'o') | (previous_folded == 'u');
  // Two-byte letters; the look-alikes Ð ð Ɖ and the signs × ÷ (C3 90, B0, 97, B7; C6 89) are not
  // taken, nor À Á Ã È É Ý à á ã è é ý after o or u (their tone may move).
  const LaneMask latin1 = bytes == 0xC3;
  const ByteBlock next_folded = next & 0xDF;
  const LaneMask movable_two =
      latin1 & ((next_folded == 0x80) | (next_folded == 0x81) | (next_folded == 0x83) |
                (next_folded == 0x88) | (next_folded == 0x89) | (next_folded == 0x9D));
  const LaneMask look_alike = (latin1 & ((next_folded == 0x90) | (next_folded == 0x97))) |
                              ((bytes == 0xC6) & (next == 0x89));
  const LaneMask two_byte = InRange(bytes, 0xC3, 0xC6) & InRange(next, 0x80, 0xBF) & ~look_alike &
                            ~(after_o_or_u & movable_two);
  // Two-byte letters that are their own lower case: Latin-1 from ß on, the lower-case (odd)
  // halves of the Latin Extended-A pairs U+0100..U+0137 and U+014A..U+0177, ơ and ư. Only the
  // others are looked up.
  const LaneMask odd_next = (next & 1) == 1;
  const LaneMask own_lower = (latin1 & (next >= 0x9F)) |
                             ((bytes == 0xC4) & odd_next & (next <= 0xB7)) |
                             ((bytes == 0xC5) & odd_next & InRange(next, 0x8B, 0xB7)) |
                             ((bytes == 0xC6) & ((next == 0xA1) | (next == 0xB0)));
  // The Vietnamese block U+1EA0..U+1EF9, upper case even and lower case odd; Ạ..Ả, Ẹ..Ẽ and Ỳ..ỹ
  // after o or u may have their tone moved.
  const LaneMask block_ba = (next == 0xBA) & InRange(after_next, 0xA0, 0xBF);
  const LaneMask block_bb = (next == 0xBB) & InRange(after_next, 0x80, 0xB9);
  const LaneMask movable_three =
      (block_ba & (InRange(after_next, 0xA0, 0xA3) | InRange(after_next, 0xB8, 0xBD))) |
      (block_bb & InRange(after_next, 0xB2, 0xB9));
  const LaneMask three_byte =
      (bytes == 0xE1) & (block_ba | block_bb) & ~(after_o_or_u & movable_three);

  const uint32_t two_byte_bits = BitsOf(two_byte);
  const uint32_t three_byte_bits = BitsOf(three_byte);
  const uint32_t starts_taken =
      BitsOf(plain(bytes) | single_space) | two_byte_bits | three_byte_bits;
  const uint32_t continuation_bits = BitsOf(InRange(bytes, 0x80, 0xBF));
  const uint32_t continued = two_byte_bits << 1 | three_byte_bits << 1 | three_byte_bits << 2;
  const uint32_t refused =
      ((~continuation_bits & ~starts_taken) | (continuation_bits & ~continued)) & 0xFFFF;
  const size_t taken = refused != 0 ? static_cast<size_t>(std::countr_zero(refused)) : kBlockBytes;
  if (taken == 0) return 0;
  const uint32_t taken_bits = (1u << taken) - 1;
  // A letter starting in the last lanes runs on into the bytes after the block.
  const size_t run_over = taken < kBlockBytes           ? 0
                          : (continued & 1u << 17) != 0 ? 2
                          : (continued & 1u << 16) != 0 ? 1
                                                        : 0;

  StoreBlock(bytes, text);
  // ASCII capitals and the last bytes of the Vietnamese block's letters, at once.
  constexpr ByteBlock kFromThirdLane = {0,    0,    0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF,
                                        0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF};
  // (In the first two lanes, an E1 before the block is no letter of it.)
  const ByteBlock last_of_three =
      AsBytes((LoadBlock(in - 2) == 0xE1) & InRange(previous, 0xBA, 0xBB)) & kFromThirdLane;
  StoreBlock(bytes | (AsBytes(InRange(bytes, 'A', 'Z')) & 0x20) | (last_of_three & 1), lower);
  for (size_t i = kBlockBytes; i < kBlockBytes + run_over; ++i) {
    text[i] = static_cast<char>(in[i]);
    lower[i] = static_cast<char>((three_byte_bits & 1u << (i - 2)) != 0 ? in[i] | 1 : in[i]);
  }
  for (uint32_t leads = two_byte_bits & ~BitsOf(own_lower) & taken_bits; leads != 0;
       leads &= leads - 1) {
    const int i = std::countr_zero(leads);
    const TwoByteLetter& letter = TwoByteLetterAt(in[i], in[i + 1]);
    lower[i] = static_cast<char>(letter.lower_lead);
    lower[i + 1] = static_cast<char>(letter.lower_trail);
  }
  origin += std::popcount(~continuation_bits & taken_bits);
  return taken + run_over;
}

// Appends folded code points to a NormalizedText, collapsing blanks and moving tone marks. Writes
// through raw pointers into buffers sized for the input: this runs over every byte of every
// article.
class Builder {
 public:
  Builder(NormalizedText& out, size_t input_size) : out_(out) { Grow(input_size + 16); }

  // An ASCII letter, digit or punctuation mark (not a blank, '&', '_' or '`') with nothing pending:
  // most of every article.
  void EmitPlainAscii(char c, int32_t origin) {
    if (pending_tone_ != Tone::kNone || space_pending_) {
      Emit(static_cast<unsigned char>(c), origin);
      return;
    }
    at_line_start_ = false;
    Reserve(1);
    Track(origin);
    text_[size_] = c;
    lower_[size_] = AsciiLower(c);
    ++size_;
    expected_ = origin + 1;
  }

  // Whether nothing is pending, so plain ASCII can be copied in bulk.
  bool Idle() const { return pending_tone_ == Tone::kNone && !space_pending_; }

  // The fast path over most of every article: plain ASCII, single spaces between words and
  // precomposed Vietnamese letters that need no folding, written straight into the buffers with
  // their lower case. Stops (returning the position reached) at anything else: blanks to collapse,
  // entities, look-alikes, quotes, combining marks (looked for only when kMarks says the text has
  // some), a tone that may move ("oà"). Call when Idle().
  template <bool kMarks>
  size_t EmitFastRun(std::string_view original, size_t pos, int32_t& index) {
    const size_t size = original.size();
    const unsigned char* in = reinterpret_cast<const unsigned char*>(original.data());
    // Room for the whole rest of the input: the fast path never writes more than it reads.
    Reserve(size - pos);
    // Locals, not members: stores through char pointers would make the compiler reload members.
    char* const text = text_;
    char* const lower = lower_;
    const size_t start = pos;
    const int32_t first_origin = index;
    size_t out = size_;
    int32_t origin = index;
    // Runs stop every kCheckpointStride bytes so that offsets keep their checkpoints.
    const size_t limit = std::min(size, pos + kCheckpointStride);
    while (pos < limit) {
      // NFC text, most of what arrives, sixteen bytes at a time where the block and the bytes
      // around it are in the input.
      if (!kMarks && pos >= 2 && pos + kBlockBytes + 2 <= limit) {
        const size_t taken =
            FoldBlock(in + pos, out == 0 ? ' ' : text[out - 1], text + out, lower + out, origin);
        if (taken > 0) {
          pos += taken;
          out += taken;
          continue;
        }
      }
      unsigned char byte = in[pos];
      if (byte < 0x80) {
        if (IsPlainAscii(byte) &&
            !(kMarks && pos + 1 < size && CombiningMarkAt(original, pos + 1))) {
          // Most of every line: a run of plain ASCII.
          do {
            text[out] = static_cast<char>(byte);
            lower[out] = kAsciiLower[byte];
            ++out;
            ++pos;
            ++origin;
          } while (!kMarks && pos < limit && IsPlainAscii(byte = in[pos]));
          continue;
        }
        // One space between two words; runs of blanks and line ends take the general path.
        if (byte == ' ' && out > 0 && text[out - 1] != ' ' && text[out - 1] != '\n' &&
            pos + 1 < size &&
            (IsPlainAscii(in[pos + 1]) || (in[pos + 1] >= 0xC3 && in[pos + 1] <= 0xC6) ||
             in[pos + 1] == 0xE1)) {
          text[out] = ' ';
          lower[out] = ' ';
          ++out;
          ++pos;
          ++origin;
          continue;
        }
        break;
      }
      // "oà", "uỷ": a tone on a, e or y after o/u may move; the general path decides.
      const char before = out == 0 ? ' ' : text[out - 1];
      const bool after_o_or_u = before == 'o' || before == 'u' || before == 'O' || before == 'U';
      if (byte >= 0xC3 && byte <= 0xC6 && pos + 1 < size && (in[pos + 1] & 0xC0) == 0x80) {
        const char32_t c = (static_cast<char32_t>(byte & 0x1F) << 6) | (in[pos + 1] & 0x3F);
        if (LeftToGeneralPath(c)) break;
        if (after_o_or_u && HasMovableTone(c)) break;
        if (kMarks && pos + 2 < size && CombiningMarkAt(original, pos + 2)) break;
        const TwoByteLetter& letter = TwoByteLetterAt(byte, in[pos + 1]);
        text[out] = static_cast<char>(byte);
        text[out + 1] = static_cast<char>(in[pos + 1]);
        lower[out] = static_cast<char>(letter.lower_lead);
        lower[out + 1] = static_cast<char>(letter.lower_trail);
        out += 2;
        pos += 2;
        ++origin;
        continue;
      }
      // The Vietnamese block U+1EA0..U+1EF9 (E1 BA A0 .. E1 BB B9): upper even, lower odd.
      if (byte == 0xE1 && pos + 2 < size &&
          ((in[pos + 1] == 0xBA && in[pos + 2] >= 0xA0 && in[pos + 2] <= 0xBF) ||
           (in[pos + 1] == 0xBB && in[pos + 2] >= 0x80 && in[pos + 2] <= 0xB9))) {
        if (kMarks && pos + 3 < size && CombiningMarkAt(original, pos + 3)) break;
        if (after_o_or_u &&
            HasMovableTone(0x1E00 | (static_cast<char32_t>(in[pos + 1] & 0x3F) << 6) |
                           (in[pos + 2] & 0x3F))) {
          break;
        }
        text[out] = lower[out] = static_cast<char>(byte);
        text[out + 1] = lower[out + 1] = static_cast<char>(in[pos + 1]);
        text[out + 2] = static_cast<char>(in[pos + 2]);
        lower[out + 2] = static_cast<char>(in[pos + 2] | 1);
        out += 3;
        pos += 3;
        ++origin;
        continue;
      }
      break;
    }
    if (pos == start) return pos;
    at_line_start_ = false;
    Track(first_origin);
    last_origin_ = origin - 1;
    expected_ = origin;
    size_ = out;
    index = origin;
    return pos;
  }

  // Copies a run of plain ASCII (no blanks at its ends, single spaces inside) in one go.
  void EmitAsciiRun(const char* run, size_t length, int32_t first_origin) {
    at_line_start_ = false;
    Reserve(length);
    Track(first_origin);
    std::memcpy(text_ + size_, run, length);
    for (size_t i = 0; i < length; ++i) lower_[size_ + i] = AsciiLower(run[i]);
    size_ += length;
    expected_ = first_origin + static_cast<int32_t>(length);
  }

  // A precomposed letter that needs no folding (most Vietnamese letters), copied as its bytes.
  // Returns false when it needs the general path: something pending, a tone that may move, or a
  // look-alike to fold.
  bool EmitPlainLetter(std::string_view bytes, char32_t c, int32_t origin) {
    if (pending_tone_ != Tone::kNone || space_pending_ || LeftToGeneralPath(c)) return false;
    const char before = size_ == 0 ? ' ' : text_[size_ - 1];
    if (before == 'o' || before == 'u' || before == 'O' || before == 'U') return false;
    at_line_start_ = false;
    Put(c, bytes, origin);
    return true;
  }

  // Whether a space can be appended as is: a word precedes it and nothing is pending.
  bool CanEmitSpace() const {
    return pending_tone_ == Tone::kNone && !space_pending_ && !at_line_start_ && size_ > 0 &&
           text_[size_ - 1] != ' ';
  }

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
    // "oà", "uỷ": the tone belongs on the first vowel when the syllable ends here ("hòa", "thủy"),
    // but "qu" is a consonant ("quý") and a following letter keeps it ("hoàng").
    const char before = size_ >= 1 ? text_[size_ - 1] : ' ';
    const char before2 = size_ >= 2 ? text_[size_ - 2] : ' ';
    Tone tone = Tone::kNone;
    const char32_t plain =
        c >= 0xC0 && (before == 'o' || before == 'u' || before == 'O' || before == 'U')
            ? SplitTone(c, tone)
            : c;
    if (tone != Tone::kNone && (plain == 'a' || plain == 'e' || plain == 'y' || plain == 'A' ||
                                plain == 'E' || plain == 'Y')) {
      if (before2 != 'q' && before2 != 'Q') {
        tone_onset_ = size_ - 1;
        onset_origin_ = last_origin_;
        pending_tone_ = tone;
        pending_plain_ = plain;
        pending_origin_ = origin;
      }
    }
    Append(c, origin);
  }

  void Finish(int32_t total) {
    ResolveTone(false);
    out_.text.resize(size_);
    out_.lower.resize(size_);
    out_.original_length = total;
  }

 private:
  void Grow(size_t capacity) {
    out_.text.resize(capacity);
    out_.lower.resize(capacity);
    text_ = out_.text.data();
    lower_ = out_.lower.data();
    capacity_ = capacity;
  }

  // Records a checkpoint when the code point about to be written does not continue the original's
  // sequence (a dropped or collapsed character before it, an entity, a composed cluster...).
  // Also every kCheckpointStride bytes, so that finding an offset scans little.
  void Track(int32_t origin) {
    if (origin != expected_ || size_ >= last_checkpoint_ + kCheckpointStride) {
      out_.checkpoints.push_back({static_cast<uint32_t>(size_), origin});
      last_checkpoint_ = size_;
    }
    last_origin_ = origin;
  }

  void Reserve(size_t bytes) {
    if (size_ + bytes > capacity_) Grow(2 * capacity_ + bytes);
  }

  // Writes code point `c`, already encoded as `bytes` (one to four of them).
  void Put(char32_t c, std::string_view bytes, int32_t origin) {
    const size_t n = bytes.size();
    Reserve(n);
    const char32_t lower = ToLowerSameLength(c);
    char encoded[4];
    const char* lower_bytes = bytes.data();
    if (lower != c) {
      EncodeUtf8(lower, encoded);
      lower_bytes = encoded;
    }
    // Byte loops: a library memcpy call costs more than copying three bytes.
    Track(origin);
    for (size_t i = 0; i < n; ++i) {
      text_[size_ + i] = bytes[i];
      lower_[size_ + i] = lower_bytes[i];
    }
    size_ += n;
    expected_ = origin + 1;
  }

  void Append(char32_t c, int32_t origin) {
    char encoded[4];
    const size_t n = EncodeUtf8(c, encoded);
    Put(c, std::string_view(encoded, n), origin);
  }

  void ResolveTone(bool next_is_letter) {
    if (pending_tone_ == Tone::kNone) return;
    if (!next_is_letter) {
      const char onset = text_[tone_onset_];
      size_ = tone_onset_;
      while (!out_.checkpoints.empty() && out_.checkpoints.back().byte >= size_) {
        out_.checkpoints.pop_back();
      }
      last_checkpoint_ = out_.checkpoints.empty() ? 0 : out_.checkpoints.back().byte;
      // What the identity mapping gives the onset now; a checkpoint is made again if it differs.
      expected_ = ExpectedAt(size_);
      Append(ApplyTone(static_cast<char32_t>(onset), pending_tone_), onset_origin_);
      Append(pending_plain_, pending_origin_);
    }
    pending_tone_ = Tone::kNone;
  }

  // The original index the identity mapping gives byte `byte` from the last checkpoint before it.
  int32_t ExpectedAt(size_t byte) const {
    const NormalizedText::Checkpoint last =
        out_.checkpoints.empty() ? NormalizedText::Checkpoint{0, 0} : out_.checkpoints.back();
    int32_t index = last.index;
    for (size_t i = last.byte; i < byte; ++i) {
      if ((static_cast<unsigned char>(text_[i]) & 0xC0) != 0x80) ++index;
    }
    return index;
  }

  NormalizedText& out_;
  char* text_ = nullptr;
  char* lower_ = nullptr;
  size_t size_ = 0;
  int32_t expected_ = 0;     // the original index that continues the identity mapping
  int32_t last_origin_ = 0;  // origin of the last code point written
  int32_t onset_origin_ = 0;
  size_t last_checkpoint_ = 0;
  size_t capacity_ = 0;
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
  Builder builder(out, original.size());
  int32_t index = 0;  // code points of `original` consumed so far
  const bool marks = HasCombiningMarks(original);
  size_t pos = 0;
  std::u32string cluster;
  while (pos < original.size()) {
    if (builder.Idle()) {
      const size_t reached = marks ? builder.EmitFastRun<true>(original, pos, index)
                                   : builder.EmitFastRun<false>(original, pos, index);
      if (reached > pos) {
        pos = reached;
        continue;
      }
    }
    const unsigned char byte = static_cast<unsigned char>(original[pos]);
    // Runs of plain ASCII with single spaces are copied in bulk.
    if (IsPlainAscii(byte) && builder.Idle()) {
      size_t run = pos + 1;
      while (run < original.size()) {
        const unsigned char next = static_cast<unsigned char>(original[run]);
        if (IsPlainAscii(next)) {
          ++run;
        } else if (next == ' ' && run + 1 < original.size() &&
                   IsPlainAscii(static_cast<unsigned char>(original[run + 1]))) {
          run += 2;
        } else {
          break;
        }
      }
      // The last character may take a combining mark (NFD): leave it to the general path.
      if (CombiningMarkAt(original, run)) --run;
      if (run > pos) {
        builder.EmitAsciiRun(original.data() + pos, run - pos, index);
        index += static_cast<int32_t>(run - pos);
        pos = run;
        continue;
      }
    }
    // ASCII fast path, unless a combining mark follows (NFD: "a" + U+0301).
    const bool plain_ascii =
        byte > 0x20 && byte < 0x80 && byte != '&' && byte != '_' && byte != '`';
    if (plain_ascii && !CombiningMarkAt(original, pos + 1)) {
      builder.EmitPlainAscii(static_cast<char>(byte), index++);
      ++pos;
      continue;
    }
    // A single space between two words needs no blank-collapsing state either.
    if (byte == ' ' && pos + 1 < original.size() && builder.CanEmitSpace() &&
        static_cast<unsigned char>(original[pos + 1]) > 0x20 && original[pos + 1] != '&') {
      builder.EmitPlainAscii(' ', index++);
      ++pos;
      continue;
    }
    size_t length;
    char32_t c = DecodeUtf8Fast(original, pos, length);
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
    // Vietnamese letters (Latin-1, Latin Extended-A/B, the Vietnamese block) copied as they are.
    const bool mark_after = CombiningMarkAt(original, next);
    if (!mark_after && ((c >= 0xC0 && c <= 0x24F) || (c >= 0x1EA0 && c <= 0x1EF9)) &&
        builder.EmitPlainLetter(original.substr(pos, length), c, index)) {
      ++index;
      pos = next;
      continue;
    }
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
  return out;
}

}  // namespace

int64_t NormalizedText::OriginalIndex(size_t byte) const {
  if (byte >= text.size()) return original_length;
  // The last checkpoint at or before `byte`, then one index per code point after it.
  const auto after = std::upper_bound(
      checkpoints.begin(), checkpoints.end(), byte,
      [](size_t value, const Checkpoint& checkpoint) { return value < checkpoint.byte; });
  size_t from = 0;
  int64_t index = 0;
  if (after != checkpoints.begin()) {
    from = std::prev(after)->byte;
    index = std::prev(after)->index;
  }
  // Code points that start in [from, byte], less the one `byte` belongs to.
  for (size_t i = from; i <= byte; ++i) {
    if ((static_cast<unsigned char>(text[i]) & 0xC0) != 0x80) ++index;
  }
  return index - 1;
}

absl::StatusOr<NormalizedText> NormalizeText(std::string_view original) {
  return Normalize(original, /*lenient=*/false);
}

NormalizedText NormalizeTextLenient(std::string_view original) {
  return *Normalize(original, /*lenient=*/true);
}

}  // namespace laurel::parser

#include "ingest-service/src/parser/article_metadata.h"

#include <unicode/normalizer2.h>
#include <unicode/unistr.h>

#include <vector>

#include "ingest-service/src/parser/award_lexicon.h"
#include "ingest-service/src/parser/string_util.h"
#include "ingest-service/src/parser/tokenizer.h"
#include "ingest-service/src/parser/utf8.h"
#include "ingest-service/src/parser/vietnamese_letters.h"

namespace laurel::parser {
namespace {

constexpr size_t kMaxBylineWords = 8;
constexpr size_t kBylineTailBytes = 240;
constexpr size_t kDateLineSearch = 4;  // lines from the top where a date line may stand

struct Line {
  size_t begin;  // byte range in the normalised text
  size_t end;
};

std::vector<Line> SplitLines(std::string_view text) {
  std::vector<Line> lines;
  size_t start = 0;
  while (start < text.size()) {
    size_t stop = text.find('\n', start);
    if (stop == std::string_view::npos) stop = text.size();
    if (stop > start) lines.push_back({start, stop});
    start = stop + 1;
  }
  return lines;
}

// The original text behind normalised bytes [begin, end), NFC-composed and trimmed: titles and
// bylines are reported as the article wrote them.
std::string OriginalText(std::string_view original, const NormalizedText& normalized, size_t begin,
                         size_t end) {
  if (end <= begin) return "";
  const int64_t first = normalized.OriginalIndex(begin);
  const int64_t last = normalized.OriginalIndex(end - 1);
  // Code point k starts at the k-th byte that is not a continuation byte (the text is valid UTF-8).
  // Bylines sit at the end of the text: count from whichever end is nearer.
  const int64_t total = normalized.OriginalLength();
  size_t byte_begin = original.size();
  size_t byte_end = original.size();
  if (first < total / 2) {
    int64_t index = -1;
    for (size_t pos = 0; pos < original.size(); ++pos) {
      if ((static_cast<unsigned char>(original[pos]) & 0xC0) == 0x80) continue;
      ++index;
      if (index == first) byte_begin = pos;
      if (index == last + 1) {
        byte_end = pos;
        break;
      }
    }
  } else {
    int64_t index = total;  // the code point starting at `pos` once the loop has stepped onto it
    for (size_t pos = original.size(); pos > 0;) {
      --pos;
      if ((static_cast<unsigned char>(original[pos]) & 0xC0) == 0x80) continue;
      --index;
      if (index == last + 1) byte_end = pos;
      if (index == first) {
        byte_begin = pos;
        break;
      }
    }
  }
  if (byte_begin >= byte_end) return "";
  const std::string_view raw = original.substr(byte_begin, byte_end - byte_begin);
  // Combining marks (U+0300..U+036F start with 0xCC or 0xCD) are the only reason to compose.
  if (raw.find('\xCC') == std::string_view::npos && raw.find('\xCD') == std::string_view::npos) {
    return std::string(TrimAscii(raw));
  }
  UErrorCode status = U_ZERO_ERROR;
  const icu::Normalizer2* nfc = icu::Normalizer2::getNFCInstance(status);
  std::string composed;
  if (U_SUCCESS(status)) {
    const icu::UnicodeString source = icu::UnicodeString::fromUTF8(
        icu::StringPiece(raw.data(), static_cast<int32_t>(raw.size())));
    nfc->normalize(source, status).toUTF8String(composed);
  }
  if (U_FAILURE(status)) composed.assign(raw);
  return std::string(TrimAscii(composed));
}

bool IsHeaderLine(std::string_view line) {
  if (line.size() >= 2 && line[0] == '#' && line.find('=') != std::string_view::npos) return true;
  for (std::string_view key :
       {"LINK:", "TITLE:", "SUMMARY:", "TIME:", "URL:", "DATE:", "SOURCE:"}) {
    if (StartsWith(line, key)) return true;
  }
  return false;
}

std::string_view HeaderValue(std::string_view line) {
  size_t split = line[0] == '#' ? line.find('=') : line.find(':');
  std::string_view value = line.substr(split + 1);
  return TrimAscii(value);
}

bool IsLink(std::string_view line) {
  return StartsWith(line, "http://") || StartsWith(line, "https://") || StartsWith(line, "www.");
}

// A headline candidate that is really a photo caption or a list item.
bool IsCaptionOrItem(std::string_view line) {
  return Contains(line, "Ảnh:") || Contains(line, "(Ảnh") || StartsWith(line, "- ") ||
         StartsWith(line, "* ");
}

// Where a newspaper's source tag ("(NLĐ) -", "(TTXVN)-") opens the body inside a headline line;
// npos when there is none.
size_t SourceTag(std::string_view line) {
  size_t open = line.find('(');
  while (open != std::string_view::npos && open > 0) {
    const size_t close = line.find(')', open);
    if (close == std::string_view::npos || close - open > 12) return std::string_view::npos;
    const std::string_view tag = line.substr(open + 1, close - open - 1);
    size_t after = close + 1;
    while (after < line.size() && line[after] == ' ') ++after;
    if (tag.size() >= 2 && IsAllCaps(tag) && tag.find(' ') == std::string_view::npos &&
        after < line.size() && line[after] == '-') {
      return open;
    }
    open = line.find('(', close);
  }
  return std::string_view::npos;
}

// Whether tokens[first, last) read as a byline: a few capitalised words, optionally with an agency
// ("Hoàng Thị Hoa (TTXVN)", "Hải Yến/VOV.VN", "Nguyễn Hiền/VOV-Trung tâm Tin", "THANH TRÚC").
bool LooksLikeByline(const std::vector<Token>& tokens, size_t first, size_t last) {
  if (last <= first) return false;
  size_t words = 0;
  bool agency = false;
  for (size_t i = first; i < last; ++i) {
    const Token& token = tokens[i];
    if (!token.is_word) {
      if (token.text != "(" && token.text != ")" && token.text != "/" && token.text != "-") {
        return false;
      }
      continue;
    }
    if (++words > kMaxBylineWords) return false;
    if (token.text.find('/') != std::string_view::npos) agency = true;
    // Initials ("T.E.A") are item signatures of digests, not a byline.
    if (token.text.size() >= 3 && token.text[1] == '.') return false;
    if (!token.capitalised && !agency) return false;
    if (token.all_digits) return false;
  }
  if (words < 2 && !(words == 1 && agency)) return false;
  return !IsOneOf(tokens[first], {"theo", "nguồn", "ảnh", "xem"});
}

// Where a photo caption naming someone runs on from the headline on one line ("... bảo đảm ATLĐ
// Phó Thủ tướng Phạm Gia Khiêm trao bằng khen ...", "... Cách mạng Ông Lê Thanh Hải, Chủ tịch
// ..."): a capitalised office or title, a person's name after it, right after a word that cannot
// introduce them. npos when there is none.
size_t CaptionAfterHeadline(const NormalizedText& normalized, size_t begin, size_t end) {
  constexpr size_t kMinHeadlineWords = 4;
  constexpr size_t kNameWithin = 6;       // tokens from the office to the name
  constexpr size_t kHeadlineBytes = 400;  // a headline runs on into a caption well before this
  size_t window_end = end;
  if (end - begin > kHeadlineBytes) {
    // Cut at a space so no word (or UTF-8 sequence) is split.
    window_end = normalized.text.rfind(' ', begin + kHeadlineBytes);
    if (window_end == std::string_view::npos || window_end < begin) window_end = end;
  }
  const std::vector<Token> tokens = Tokenize(normalized, begin, window_end);
  for (size_t k = kMinHeadlineWords; k + 2 < tokens.size(); ++k) {
    const Token& previous = tokens[k - 1];
    if (!tokens[k].capitalised || !previous.is_word ||
        IsOneOf(previous, {"cho", "của", "và", "với", "tặng", "trao", "tại", "gặp", "thăm"})) {
      continue;
    }
    size_t length = 0;
    if (!IsPersonRole(tokens, k, length) &&
        !(IsOneOf(tokens[k], {"ông", "bà"}) && IsHonorific(tokens, k, length))) {
      continue;
    }
    for (size_t n = k + length; n + 1 < tokens.size() && n < k + length + kNameWithin; ++n) {
      if (!tokens[n].is_word) break;
      if (IsFamilyName(tokens[n]) && tokens[n + 1].capitalised) return tokens[k].begin;
    }
  }
  return std::string_view::npos;
}

}  // namespace

ArticleMetadata ReadMetadata(std::string_view original, const NormalizedText& normalized) {
  ArticleMetadata metadata;
  const std::string_view text = normalized.text;
  const std::vector<Line> lines = SplitLines(text);
  size_t next = 0;
  bool title_from_header = false;
  // Dataset header lines.
  for (; next < lines.size(); ++next) {
    const std::string_view line =
        text.substr(lines[next].begin, lines[next].end - lines[next].begin);
    if (!IsHeaderLine(line)) break;
    const std::string_view value = HeaderValue(line);
    if (StartsWith(line, "TITLE:")) {
      const size_t offset = static_cast<size_t>(value.data() - text.data());
      metadata.title = OriginalText(original, normalized, offset, lines[next].end);
      metadata.title_begin = offset;
      metadata.title_end = lines[next].end;
      title_from_header = true;
    } else if (StartsWith(line, "TIME:") || StartsWith(line, "DATE:") ||
               (line[0] == '#' && Contains(line, "date"))) {
      if (auto date = ParseDateLine(value)) metadata.published = date;
    }
  }
  // Date line and headline, in either order.
  size_t body_line = next;
  size_t body_begin_override = std::string_view::npos;
  for (size_t i = next; i < lines.size() && i < next + kDateLineSearch; ++i) {
    const std::string_view line = text.substr(lines[i].begin, lines[i].end - lines[i].begin);
    if (!metadata.published) {
      if (auto date = ParseDateLine(line)) {
        metadata.published = date;
        body_line = std::max(body_line, i + 1);
        continue;
      }
      // "31/02/2021": a date line that writes no real date dates nothing and titles nothing.
      if (i == body_line && IsDateLineShaped(line)) {
        body_line = i + 1;
        continue;
      }
    }
    if (!title_from_header && metadata.title_end == metadata.title_begin && i == body_line) {
      if (!IsCaptionOrItem(line)) {
        // "Headline (NLĐ) - Body ...": a newspaper tag on the first line starts the body; so does
        // a caption running on from the headline.
        size_t tag = SourceTag(line);
        if (tag != std::string_view::npos) tag += lines[i].begin;
        const size_t caption = CaptionAfterHeadline(
            normalized, lines[i].begin, tag == std::string_view::npos ? lines[i].end : tag);
        if (caption != std::string_view::npos) tag = caption;
        const size_t title_end = tag == std::string_view::npos ? lines[i].end : tag;
        metadata.title = OriginalText(original, normalized, lines[i].begin, title_end);
        metadata.title_begin = lines[i].begin;
        metadata.title_end = title_end;
        body_line = i + 1;
        if (tag != std::string_view::npos) {
          body_begin_override = title_end;
          body_line = i;  // the rest of the line is body
        }
      } else {
        break;
      }
    }
  }
  metadata.body_begin = body_line < lines.size() ? lines[body_line].begin : text.size();
  if (body_begin_override != std::string_view::npos) metadata.body_begin = body_begin_override;
  // Byline and links at the end.
  size_t last = lines.size();
  while (last > body_line) {
    const std::string_view line =
        text.substr(lines[last - 1].begin, lines[last - 1].end - lines[last - 1].begin);
    if (!IsLink(line)) break;
    --last;
  }
  metadata.body_end = last > body_line ? lines[last - 1].end : metadata.body_begin;
  if (last > body_line) {
    const Line& line = lines[last - 1];
    // A byline is a few words at the very end: only the line's tail needs reading.
    size_t tail =
        line.end > line.begin + kBylineTailBytes ? line.end - kBylineTailBytes : line.begin;
    while (tail > line.begin && (static_cast<unsigned char>(text[tail]) & 0xC0) == 0x80) --tail;
    while (tail > line.begin && text[tail - 1] != ' ') --tail;
    const std::vector<Token> tokens = Tokenize(normalized, tail, line.end);
    // The byline is what follows the last full stop of the last line (or the whole line).
    size_t start = tokens.size();
    while (start > 0) {
      const Token& token = tokens[start - 1];
      if (!token.is_word && (token.text == "." || token.text == "!" || token.text == "?" ||
                             token.text == "\"" || token.text == ":" || token.text == ";")) {
        break;
      }
      --start;
    }
    size_t first = start;
    while (first < tokens.size() && !tokens[first].is_word && tokens[first].text != "(") ++first;
    size_t stop = tokens.size();
    // "Trung Hùng (Tổng hợp theo báo Dân trí)": where the story came from follows the byline.
    if (stop > first + 2 && tokens[stop - 1].text == ")") {
      size_t open = stop - 1;
      while (open > first && tokens[open].text != "(") --open;
      if (open > first && open + 1 < stop &&
          (MatchesPhrase(tokens, open + 1, "tổng hợp") ||
           IsOneOf(tokens[open + 1], {"theo", "nguồn"}))) {
        stop = open;
      }
    }
    // "Vân Anh/VOV-Trung tâm Tin Vân Anh/VOV-Trung tâm Tin": a byline printed twice.
    const size_t half = (stop - first) / 2;
    if (half > 0 && (stop - first) % 2 == 0) {
      bool repeated = true;
      for (size_t k = 0; k < half && repeated; ++k) {
        repeated = tokens[first + k].text == tokens[first + half + k].text;
      }
      if (repeated) stop = first + half;
    }
    if (first < stop && stop - first <= 2 * kMaxBylineWords + 4 &&
        LooksLikeByline(tokens, first, stop)) {
      size_t begin = tokens[first].begin;
      size_t end = tokens[stop - 1].end;
      // "(Phượng Kiều)": a byline in parentheses loses them.
      if (tokens[first].text == "(" && tokens[stop - 1].text == ")") {
        begin = tokens[first + 1].begin;
        end = tokens[stop - 2].end;
      }
      metadata.author = OriginalText(original, normalized, begin, end);
      metadata.body_end = tokens[first].begin;
    } else if (tokens.size() > 3) {
      // A line without punctuation ending in a name after a number: "... 22 - 25oC Hán Hiển".
      size_t name = tokens.size();
      while (name > 0 && tokens[name - 1].is_word && tokens[name - 1].capitalised &&
             tokens.size() - name < 4) {
        --name;
      }
      if (name > 0 && tokens.size() - name >= 2 && tokens[name - 1].is_word &&
          tokens[name - 1].lower[0] >= '0' && tokens[name - 1].lower[0] <= '9') {
        metadata.author = OriginalText(original, normalized, tokens[name].begin, tokens.back().end);
        metadata.body_end = tokens[name].begin;
      }
    }
  }
  return metadata;
}

}  // namespace laurel::parser

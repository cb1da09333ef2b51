#include "ingest-service/src/parser/text_normalizer.h"

#include <string>
#include <vector>

#include "gtest/gtest.h"
#include "ingest-service/src/parser/parse_article.h"

namespace laurel::parser {
namespace {

std::string Folded(std::string_view text) { return NormalizeTextLenient(text).text; }

TEST(TextNormalizerTest, ComposesDecomposedText) {
  // "Khánh Hòa" written with combining marks (NFD).
  EXPECT_EQ(Folded("Kha\xCC\x81nh Ho\xCC\x80"
                   "a"),
            "Khánh Hòa");
  // ệ decomposed into e + dot below + circumflex.
  EXPECT_EQ(Folded("Vie\xCC\xA3\xCC\x82t Nam"), "Việt Nam");
}

TEST(TextNormalizerTest, UsesTheTraditionalToneMarkPlacement) {
  EXPECT_EQ(Folded("Khánh Hoà"), "Khánh Hòa");
  EXPECT_EQ(Folded("Uỷ ban nhân dân"), "Ủy ban nhân dân");
  EXPECT_EQ(Folded("Thanh Hoá, thuỷ lợi, khoẻ"), "Thanh Hóa, thủy lợi, khỏe");
  EXPECT_EQ(Folded("HOÀ BÌNH"), "HÒA BÌNH");
  // The tone stays where a consonant follows or "qu" is the initial.
  EXPECT_EQ(Folded("Hoàng, thuyền, quý, quà"), "Hoàng, thuyền, quý, quà");
}

TEST(TextNormalizerTest, FoldsLookAlikesQuotesDashesAndSpaces) {
  EXPECT_EQ(Folded("\xC3\x90"
                   "à Nẵng"),
            "Đà Nẵng");  // U+00D0 for U+0110
  EXPECT_EQ(Folded("“Vì an ninh Tổ quốc”"), "\"Vì an ninh Tổ quốc\"");
  EXPECT_EQ(Folded("2015 – 2020"), "2015 - 2020");
  EXPECT_EQ(Folded("Hà\xC2\xA0Nội  \t có"), "Hà Nội có");
  EXPECT_EQ(Folded("Thủ_tướng Chính_phủ"), "Thủ tướng Chính phủ");
  EXPECT_EQ(Folded("dòng 1\n\n   \ndòng 2"), "dòng 1\ndòng 2");
}

TEST(TextNormalizerTest, FoldsLookAlikesInsideLongLines) {
  // Long enough for the sixteen-byte fast path; U+0189 and U+00D0 for U+0110.
  EXPECT_EQ(Folded("Chủ tịch UBND tỉnh \xC6\x89ồng Nai trao bằng khen cho \xC3\x90oàn viên"),
            "Chủ tịch UBND tỉnh Đồng Nai trao bằng khen cho Đoàn viên");
  EXPECT_EQ(Folded("kích thước 3 \xC3\x97 4 mét, chia 6 \xC3\xB7 2 phần bằng nhau"),
            "kích thước 3 × 4 mét, chia 6 ÷ 2 phần bằng nhau");
}

// The fast path takes sixteen bytes at a time; a short text is folded a character at a time. Every
// letter that path takes (Latin-1, Latin Extended-A/B, Latin Extended Additional, with the
// Vietnamese block), after a letter whose tone may move onto it or not, at every position of a
// block, must fold alike both ways.
TEST(TextNormalizerTest, FoldsSixteenBytesAtATimeAsOneAtATime) {
  std::vector<std::string> letters;
  for (int lead = 0xC3; lead <= 0xC6; ++lead) {
    for (int trail = 0x80; trail <= 0xBF; ++trail) {
      letters.push_back({static_cast<char>(lead), static_cast<char>(trail)});
    }
  }
  for (int second = 0xB8; second <= 0xBB; ++second) {
    for (int third = 0x80; third <= 0xBF; ++third) {
      letters.push_back({'\xE1', static_cast<char>(second), static_cast<char>(third)});
    }
  }
  const std::string filler = "abcdefghijklmnopqrstuvwxyz";
  for (const std::string& letter : letters) {
    for (const std::string word :
         {letter + "n", "o" + letter, "U" + letter, "u" + letter + "n", "Q" + letter}) {
      const NormalizedText alone = NormalizeTextLenient(word);
      for (size_t lead_in = 2; lead_in <= 20; ++lead_in) {
        const std::string head = filler.substr(0, lead_in) + " ";
        const std::string tail = " " + filler;
        const NormalizedText inside = NormalizeTextLenient(head + word + tail);
        ASSERT_EQ(inside.text, head + alone.text + tail) << word << " after " << lead_in;
        ASSERT_EQ(inside.lower, head + alone.lower + tail) << word << " after " << lead_in;
        for (size_t byte = 0; byte < alone.text.size(); ++byte) {
          ASSERT_EQ(inside.OriginalIndex(head.size() + byte),
                    static_cast<int64_t>(head.size()) + alone.OriginalIndex(byte))
              << word << " after " << lead_in;
        }
      }
    }
  }
}

TEST(TextNormalizerTest, DecodesHtmlEntities) {
  EXPECT_EQ(Folded("&quot;Bằng khen&quot; &amp; c&#7901; thi &#x111;ua"),
            "\"Bằng khen\" & cờ thi đua");
  EXPECT_EQ(Folded("a&nbsp;b &unknown; &"), "a b &unknown; &");
}

TEST(TextNormalizerTest, KeepsOffsetsIntoTheOriginalText) {
  // Two code points (o + combining grave) fold into one: later characters keep their own index.
  const std::string original =
      "Ho\xCC\x80"
      "a Bình";
  const NormalizedText normalized = NormalizeTextLenient(original);
  ASSERT_EQ(normalized.text, "Hòa Bình");
  const size_t b = normalized.text.find('B');
  EXPECT_EQ(normalized.OriginalIndex(b), 5);  // H, o, U+0300, a, space, B
  EXPECT_EQ(normalized.OriginalIndex(1), 1);  // "ò" composed from o + U+0300
  EXPECT_EQ(normalized.OriginalIndex(2), 1);  // its second byte
  EXPECT_EQ(normalized.OriginalLength(), 9);
  EXPECT_EQ(normalized.OriginalIndex(normalized.text.size()), 9);
  EXPECT_EQ(normalized.lower, "hòa bình");
  EXPECT_EQ(normalized.lower.size(), normalized.text.size());
}

TEST(TextNormalizerTest, OffsetsSurviveFoldingThatChangesLengths) {
  // An entity (5 code points → 1), collapsed blanks, a moved tone mark and an ellipsis (1 → 3).
  const std::string original = "a&amp;b   Hoà…x";
  const NormalizedText normalized = NormalizeTextLenient(original);
  ASSERT_EQ(normalized.text, "a&b Hòa...x");
  EXPECT_EQ(normalized.OriginalIndex(normalized.text.find('b')), 6);
  EXPECT_EQ(normalized.OriginalIndex(normalized.text.find('H')), 10);
  EXPECT_EQ(normalized.OriginalIndex(normalized.text.find("a.")), 12);  // the plain vowel after ò
  EXPECT_EQ(normalized.OriginalIndex(normalized.text.find('x')), 14);
}

TEST(TextNormalizerTest, AMovedToneKeepsTheOffsetsOfItsLetters) {
  // "Khánh Hoà" is read "Khánh Hòa": the tone moves onto the "o", which is still code point 7.
  const NormalizedText normalized = NormalizeTextLenient("Khánh Hoà mở hội");
  ASSERT_EQ(normalized.text, "Khánh Hòa mở hội");
  const size_t o = normalized.text.find("ò");
  EXPECT_EQ(normalized.OriginalIndex(o), 7);
  EXPECT_EQ(normalized.OriginalIndex(o + 1), 7);
  EXPECT_EQ(normalized.OriginalIndex(o + 2), 8);  // "a"
  EXPECT_EQ(normalized.OriginalIndex(normalized.text.find("mở")), 10);
}

TEST(TextNormalizerTest, RejectsInvalidUtf8) {
  const absl::StatusOr<NormalizedText> result = NormalizeText(
      "Hà N\xFF"
      "i");
  ASSERT_FALSE(result.ok());
  EXPECT_EQ(result.status().code(), absl::StatusCode::kInvalidArgument);
  EXPECT_EQ(NormalizeTextLenient("Hà N\xFF"
                                 "i")
                .text,
            "Hà N\xEF\xBF\xBD"
            "i");
}

TEST(FoldForIdentityTest, EncodingDetailsDoNotChangeTheKey) {
  const std::string key = FoldForIdentity("Uỷ ban tỉnh Khánh Hoà trao “Bằng khen”.\n\nTHANH TRÚC");
  EXPECT_EQ(FoldForIdentity("Ủy ban tỉnh Khánh Hòa trao \"Bằng khen\". THANH TRÚC"), key);
  EXPECT_EQ(FoldForIdentity("U\xCC\x89y ban ti\xCC\x89nh Kha\xCC\x81nh Ho\xCC\x80"
                            "a trao "
                            "&quot;Bằng khen&quot;.   THANH TRÚC  "),
            key);
  EXPECT_NE(FoldForIdentity("Ủy ban tỉnh Khánh Hòa trao Giấy khen."), key);
}

}  // namespace
}  // namespace laurel::parser

#include "ingest-service/src/parser/text_normalizer.h"

#include <string>

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

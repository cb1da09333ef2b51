#include "ingest-service/src/parser/article_metadata.h"

#include <string>

#include "gtest/gtest.h"
#include "tests/parser/gold_corpus.h"
#include "tests/parser/test_articles.h"

namespace laurel::parser {
namespace {

using testing::FormatPublished;
using testing::MustParse;

TEST(ArticleMetadataTest, DateLineTitleAndBylineOnTheirOwnLines) {
  const ParsedArticle article = MustParse(
      "Thứ sáu, 05/06/2020 - 01:06\n\nTiêu đề bài viết\n\nNội dung bài viết.\n\nTHANH HÀ");
  ASSERT_TRUE(article.published_at.has_value());
  EXPECT_EQ(FormatPublished(*article.published_at), "2020-06-05T01:06:00+07:00");
  EXPECT_EQ(article.title, "Tiêu đề bài viết");
  EXPECT_EQ(article.author, "THANH HÀ");
}

TEST(ArticleMetadataTest, DatasetHeaderLines) {
  const ParsedArticle article = MustParse(
      "# doc_id = x1\n# url = https://example.vn/a.htm\n# date = 20201002\nTiêu đề\nNội dung.");
  ASSERT_TRUE(article.published_at.has_value());
  EXPECT_EQ(FormatPublished(*article.published_at), "2020-10-02T00:00:00+07:00");
  EXPECT_EQ(article.title, "Tiêu đề");
  const ParsedArticle segmented = MustParse(
      "LINK: http://example.vn/b\nTITLE: Đại_hội Hội_Nông dân \nTIME: 3/11/2013 11:01\n\nNội "
      "dung.");
  EXPECT_EQ(segmented.title, "Đại_hội Hội_Nông dân");
  EXPECT_EQ(FormatPublished(*segmented.published_at), "2013-11-03T11:01:00+07:00");
}

TEST(ArticleMetadataTest, IsoDateUnderTheTitleAndTrailingLinks) {
  const ParsedArticle article = MustParse(
      "Tiêu đề\n2025-06-28T23:20:47+07:00\nNội dung.\nLê Hà (TTXVN)\nhttps://example.vn/c.epi");
  EXPECT_EQ(FormatPublished(*article.published_at), "2025-06-28T23:20:47+07:00");
  EXPECT_EQ(article.author, "Lê Hà (TTXVN)");
}

TEST(ArticleMetadataTest, BylinesAfterTheLastSentence) {
  EXPECT_EQ(MustParse("Tiêu đề\nCâu một. Câu hai kết thúc. Trần Bình").author, "Trần Bình");
  EXPECT_EQ(MustParse("Tiêu đề\nCâu một kết thúc./. Hải Yến/VOV.VN").author, "Hải Yến/VOV.VN");
  EXPECT_EQ(MustParse("Tiêu đề\nCâu một kết thúc. (Phương Anh)").author, "Phương Anh");
  EXPECT_EQ(MustParse("Tiêu đề\nCâu một kết thúc. Trung Hùng (Tổng hợp theo báo Dân trí, Dân Việt)")
                .author,
            "Trung Hùng");
  EXPECT_EQ(MustParse("Tiêu đề\nCâu một kết thúc. Theo Dân trí").author, "");
  EXPECT_EQ(MustParse("Tiêu đề\nCâu cuối cùng của Công ty.").author, "");
}

TEST(ArticleMetadataTest, NoDateLineMeansNoPublicationDate) {
  const ParsedArticle article = MustParse("Thời tiết hôm nay 7/2/2017: trời rét\nNội dung.");
  EXPECT_FALSE(article.published_at.has_value());
  EXPECT_EQ(article.title, "Thời tiết hôm nay 7/2/2017: trời rét");
}

TEST(ArticleMetadataTest, SourceTagsAndCaptions) {
  EXPECT_EQ(MustParse("Hai nông dân được khen (NLĐ) - Nội dung bài.").title,
            "Hai nông dân được khen");
  EXPECT_EQ(MustParse("Bộ trưởng trao quà. Ảnh: Minh Hà\nNội dung bài.").title, "");
}

TEST(ArticleMetadataTest, AnImpossibleDateLineIsNeitherDateNorTitle) {
  const ParsedArticle article = MustParse("31/02/2021 08:15\n\nTiêu đề bài viết\n\nNội dung.");
  EXPECT_FALSE(article.published_at.has_value());
  EXPECT_EQ(article.title, "Tiêu đề bài viết");
  EXPECT_EQ(MustParse("Thứ hai, 31/02/2021\nTiêu đề\nNội dung.").title, "Tiêu đề");
}

TEST(ArticleMetadataTest, ACaptionRunningOnFromTheHeadlineStartsTheBody) {
  EXPECT_EQ(MustParse("Phải bảo đảm an toàn lao động Phó Thủ tướng Lê Văn Hai trao bằng khen cho "
                      "các đơn vị. Năm qua cả nước xảy ra 6.000 vụ tai nạn.\nNội dung.")
                .title,
            "Phải bảo đảm an toàn lao động");
  EXPECT_EQ(MustParse("Sống xứng đáng với quê hương Ông Lê Thanh Hải, Chủ tịch UBND TPHCM thăm "
                      "hỏi các cán bộ. (NLĐO)-Buổi họp mặt đã diễn ra.\nNội dung.")
                .title,
            "Sống xứng đáng với quê hương");
  // A title naming the person it is about stays whole.
  EXPECT_EQ(MustParse("Trao Huân chương Lao động cho Ông Nguyễn Văn An\nNội dung.").title,
            "Trao Huân chương Lao động cho Ông Nguyễn Văn An");
  EXPECT_EQ(MustParse("Bộ trưởng Nguyễn Kim Sơn gửi thư khen học sinh\nNội dung.").title,
            "Bộ trưởng Nguyễn Kim Sơn gửi thư khen học sinh");
}

}  // namespace
}  // namespace laurel::parser

#include <string>
#include <utility>
#include <vector>

#include "gtest/gtest.h"
#include "ingest-service/src/parser/body_names.h"
#include "tests/parser/gold_corpus.h"
#include "tests/parser/test_articles.h"

// Every ministry and ministerial-level body, before and after the reorganisation of 1 March 2025,
// by its full name (with its "và", commas and dashes) and its common abbreviations, as the body
// giving awards and as the organiser of a gathering.
namespace laurel::parser {
namespace {

using testing::AwardLines;
using testing::EventLines;
using testing::MustParse;

ParsedArticle Parse(const std::string& body) {
  return MustParse("08:30, 12/03/2021\n\nTin khen thưởng\n\n" + body + "\n\nMINH ANH");
}

// How the head of `body` is styled: "Bộ trưởng Bộ Y tế", "Thống đốc Ngân hàng Nhà nước Việt Nam".
std::string HeadOf(const std::string& body) {
  if (body.rfind("Bộ ", 0) == 0) return "Bộ trưởng " + body;
  if (body == "Ngân hàng Nhà nước Việt Nam") return "Thống đốc " + body;
  if (body == "Thanh tra Chính phủ") return "Tổng Thanh tra Chính phủ";
  return "Bộ trưởng, Chủ nhiệm " + body;  // Ủy ban Dân tộc, Văn phòng Chính phủ
}

TEST(EveryMinistryTest, EachMinistryGivesAwardsAndOrganises) {
  ASSERT_EQ(Ministries().size(), 24u);  // 18 + 4 before March 2025, and the 2 it created
  for (std::string_view name : Ministries()) {
    const std::string ministry(name);
    SCOPED_TRACE(ministry);
    const std::string head = HeadOf(ministry);
    EXPECT_EQ(AwardLines(Parse(head + " tặng bằng khen cho 5 tập thể.")),
              std::vector<std::string>{"CERTIFICATE_OF_MERIT | Bằng khen | " + ministry +
                                       " | COLLECTIVE | 5"});
    EXPECT_EQ(AwardLines(Parse("Ông Lê Văn Thành trao Bằng khen của " + head + " cho 4 cá nhân.")),
              std::vector<std::string>{"CERTIFICATE_OF_MERIT | Bằng khen | " + ministry +
                                       " | INDIVIDUAL | 4"});
    EXPECT_EQ(AwardLines(Parse("Thừa ủy quyền của " + head +
                               ", ông Lê Văn Thành trao Cờ thi đua cho 3 đơn vị.")),
              std::vector<std::string>{"EMULATION_FLAG | Cờ thi đua | " + ministry +
                                       " | COLLECTIVE | 3"});
    const ParsedArticle organised =
        Parse("Sáng 12-3, " + ministry +
              " tổ chức hội nghị tổng kết công tác thi đua, khen thưởng năm 2020. Dịp này, " +
              head + " tặng bằng khen cho 8 tập thể.");
    EXPECT_EQ(EventLines(organised),
              std::vector<std::string>{"CONFERENCE | 2021-03-12 |  | " + ministry});
    ASSERT_EQ(organised.awards.size(), 1u);
    EXPECT_EQ(organised.awards[0].issuer, ministry);
    EXPECT_EQ(organised.awards[0].issuer_level, IssuerLevel::kMinistry);
  }
}

TEST(EveryMinistryTest, AbbreviationsAndCasingGiveTheFullName) {
  const std::vector<std::pair<std::string, std::string>> written = {
      {"Bộ GD&ĐT", "Bộ Giáo dục và Đào tạo"},
      {"Bộ GD-ĐT", "Bộ Giáo dục và Đào tạo"},
      {"Bộ giáo dục và đào tạo", "Bộ Giáo dục và Đào tạo"},
      {"Bộ LĐ-TB&XH", "Bộ Lao động - Thương binh và Xã hội"},
      {"Bộ LĐTBXH", "Bộ Lao động - Thương binh và Xã hội"},
      {"Bộ Lao động, Thương binh và Xã hội", "Bộ Lao động - Thương binh và Xã hội"},
      {"Bộ VHTTDL", "Bộ Văn hóa, Thể thao và Du lịch"},
      {"Bộ VH-TT&DL", "Bộ Văn hóa, Thể thao và Du lịch"},
      {"Bộ Văn hoá, Thể thao và Du lịch", "Bộ Văn hóa, Thể thao và Du lịch"},
      {"Bộ KH&ĐT", "Bộ Kế hoạch và Đầu tư"},
      {"Bộ NN&PTNT", "Bộ Nông nghiệp và Phát triển nông thôn"},
      {"Bộ NN&MT", "Bộ Nông nghiệp và Môi trường"},
      {"Bộ TN&MT", "Bộ Tài nguyên và Môi trường"},
      {"Bộ TT&TT", "Bộ Thông tin và Truyền thông"},
      {"Bộ KH&CN", "Bộ Khoa học và Công nghệ"},
      {"Bộ GTVT", "Bộ Giao thông vận tải"},
      {"Bộ Giao thông Vận tải", "Bộ Giao thông vận tải"},
      {"Bộ Công thương", "Bộ Công Thương"},
      {"Bộ CA", "Bộ Công an"},
      {"Bộ y tế", "Bộ Y tế"},
      {"NHNN", "Ngân hàng Nhà nước Việt Nam"},
  };
  for (const auto& [abbreviation, full] : written) {
    SCOPED_TRACE(abbreviation);
    EXPECT_EQ(AwardLines(Parse(abbreviation + " tặng bằng khen cho 5 tập thể.")),
              std::vector<std::string>{"CERTIFICATE_OF_MERIT | Bằng khen | " + full +
                                       " | COLLECTIVE | 5"});
  }
}

TEST(EveryMinistryTest, DepartmentsOfAProvinceAreNamedAsTheirMinistries) {
  for (const auto& [written, full] : std::vector<std::pair<std::string, std::string>>{
           {"Sở GD&ĐT", "Sở Giáo dục và Đào tạo"},
           {"Sở LĐ-TB&XH", "Sở Lao động - Thương binh và Xã hội"},
           {"Sở VH-TT&DL", "Sở Văn hóa, Thể thao và Du lịch"},
           {"Sở Văn hóa và Thể thao", "Sở Văn hóa và Thể thao"},
           {"Sở TN&MT", "Sở Tài nguyên và Môi trường"},
           {"Sở NN&PTNT", "Sở Nông nghiệp và Phát triển nông thôn"},
           {"Sở KH&ĐT", "Sở Kế hoạch và Đầu tư"},
           {"Sở Tư pháp", "Sở Tư pháp"},
       }) {
    SCOPED_TRACE(written);
    EXPECT_EQ(AwardLines(Parse("Giám đốc " + written +
                               " tỉnh Nghệ An tặng giấy khen cho 6 tập "
                               "thể.")),
              std::vector<std::string>{"CERTIFICATE_OF_COMMENDATION | Giấy khen | " + full +
                                       " tỉnh Nghệ An | COLLECTIVE | 6"});
  }
}

}  // namespace
}  // namespace laurel::parser

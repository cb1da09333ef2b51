#include <string>
#include <vector>

#include "gtest/gtest.h"
#include "tests/parser/gold_corpus.h"
#include "tests/parser/test_articles.h"

// Every order, medal, title and prize of DOMAIN.md with each way articles spell its class, and
// every other form of recognition, conferred in a short sentence: each must come out with its
// type, its canonical name, its issuer and its recipients.
namespace laurel::parser {
namespace {

using testing::AwardLines;
using testing::MustParse;

std::vector<std::string> Awards(const std::string& body) {
  return AwardLines(MustParse("08:30, 12/03/2021\n\nTin khen thưởng\n\n" + body + "\n\nMINH ANH"));
}

// The President's awards, handed over on his behalf.
std::string OnThePresidentsBehalf(const std::string& award, const std::string& recipients) {
  return "Thừa ủy quyền của Chủ tịch nước, ông Lê Văn Thành trao " + award + " cho " + recipients +
         ".";
}

TEST(EveryAwardFormTest, OrdersInEveryClassSpelling) {
  const std::vector<std::pair<std::string, std::vector<std::string>>> kClasses = {
      {"Nhất", {"hạng Nhất", "hạng nhất", "hạng 1", "hạng I", "Hạng Nhất"}},
      {"Nhì", {"hạng Nhì", "hạng nhì", "hạng 2", "hạng II", "Hạng Nhì"}},
      {"Ba", {"hạng Ba", "hạng ba", "hạng 3", "hạng III", "Hạng Ba"}},
  };
  for (const char* order : {"Độc lập", "Quân công", "Lao động", "Bảo vệ Tổ quốc", "Chiến công"}) {
    for (const auto& [rank, spellings] : kClasses) {
      for (const std::string& spelling : spellings) {
        const std::string written = std::string("Huân chương ") + order + " " + spelling;
        SCOPED_TRACE(written);
        EXPECT_EQ(Awards(OnThePresidentsBehalf(written, "2 tập thể")),
                  std::vector<std::string>{std::string("ORDER | Huân chương ") + order + " hạng " +
                                           rank + " | Chủ tịch nước | COLLECTIVE | 2"});
      }
    }
  }
  EXPECT_EQ(Awards(OnThePresidentsBehalf("huân chương lao động hạng ba", "3 cá nhân")),
            std::vector<std::string>{
                "ORDER | Huân chương Lao động hạng Ba | Chủ tịch nước | INDIVIDUAL | 3"});
}

TEST(EveryAwardFormTest, OrdersWithoutClasses) {
  for (const char* order :
       {"Sao vàng", "Hồ Chí Minh", "Đại đoàn kết dân tộc", "Dũng cảm", "Hữu nghị"}) {
    SCOPED_TRACE(order);
    EXPECT_EQ(Awards(OnThePresidentsBehalf(std::string("Huân chương ") + order, "2 tập thể")),
              std::vector<std::string>{std::string("ORDER | Huân chương ") + order +
                                       " | Chủ tịch nước | COLLECTIVE | 2"});
  }
}

TEST(EveryAwardFormTest, Medals) {
  for (const char* medal :
       {"Quân kỳ quyết thắng", "Vì an ninh Tổ quốc", "Hữu nghị", "Thanh niên xung phong vẻ vang",
        "Chiến sĩ vẻ vang hạng Nhất", "Chiến sĩ vẻ vang hạng Nhì", "Chiến sĩ vẻ vang hạng Ba"}) {
    SCOPED_TRACE(medal);
    EXPECT_EQ(Awards(OnThePresidentsBehalf(std::string("Huy chương ") + medal, "4 cá nhân")),
              std::vector<std::string>{std::string("MEDAL | Huy chương ") + medal +
                                       " | Chủ tịch nước | INDIVIDUAL | 4"});
  }
  EXPECT_EQ(Awards(OnThePresidentsBehalf("Huy chương Chiến sĩ vẻ vang hạng III", "4 cá nhân")),
            std::vector<std::string>{
                "MEDAL | Huy chương Chiến sĩ vẻ vang hạng Ba | Chủ tịch nước | INDIVIDUAL | 4"});
}

TEST(EveryAwardFormTest, StateHonoraryTitles) {
  for (const char* title :
       {"Anh hùng Lao động", "Anh hùng Lực lượng vũ trang nhân dân", "Bà mẹ Việt Nam anh hùng",
        "Nhà giáo Nhân dân", "Nhà giáo Ưu tú", "Thầy thuốc Nhân dân", "Thầy thuốc Ưu tú",
        "Nghệ sĩ Nhân dân", "Nghệ sĩ Ưu tú", "Nghệ nhân Nhân dân", "Nghệ nhân Ưu tú"}) {
    SCOPED_TRACE(title);
    EXPECT_EQ(Awards(OnThePresidentsBehalf(std::string("danh hiệu ") + title, "3 cá nhân")),
              std::vector<std::string>{std::string("STATE_HONORARY_TITLE | ") + title +
                                       " | Chủ tịch nước | INDIVIDUAL | 3"});
  }
  EXPECT_EQ(
      Awards("Chủ tịch nước truy tặng danh hiệu vinh dự Nhà nước \"Bà mẹ Việt Nam anh hùng\" cho "
             "167 mẹ."),
      std::vector<std::string>{
          "STATE_HONORARY_TITLE | Bà mẹ Việt Nam anh hùng | Chủ tịch nước | INDIVIDUAL | 167"});
  EXPECT_EQ(Awards(OnThePresidentsBehalf("danh hiệu Anh hùng Lực lượng vũ trang nhân dân",
                                         "Công an tỉnh Gia Lai")),
            std::vector<std::string>{"STATE_HONORARY_TITLE | Anh hùng Lực lượng vũ trang nhân dân "
                                     "| Chủ tịch nước | COLLECTIVE | 1"});
}

TEST(EveryAwardFormTest, StatePrizes) {
  for (const char* prize : {"Giải thưởng Hồ Chí Minh", "Giải thưởng Nhà nước"}) {
    SCOPED_TRACE(prize);
    EXPECT_EQ(Awards(OnThePresidentsBehalf(prize, "3 nhà khoa học")),
              std::vector<std::string>{std::string("STATE_PRIZE | ") + prize +
                                       " | Chủ tịch nước | INDIVIDUAL | 3"});
  }
}

TEST(EveryAwardFormTest, CommemorativeMedalsQuotedOrNot) {
  EXPECT_EQ(Awards("Bộ trưởng Bộ Giáo dục và Đào tạo tặng Kỷ niệm chương \"Vì sự nghiệp Giáo dục\" "
                   "cho 30 nhà giáo."),
            std::vector<std::string>{"COMMEMORATIVE_MEDAL | Kỷ niệm chương Vì sự nghiệp Giáo dục | "
                                     "Bộ Giáo dục và Đào tạo | INDIVIDUAL | 30"});
  EXPECT_EQ(
      Awards("Bộ trưởng Bộ Y tế tặng Kỷ niệm chương Vì sự nghiệp y tế cho 12 cá nhân."),
      std::vector<std::string>{
          "COMMEMORATIVE_MEDAL | Kỷ niệm chương Vì sự nghiệp y tế | Bộ Y tế | INDIVIDUAL | 12"});
  EXPECT_EQ(Awards("Hội Nông dân Việt Nam trao tặng kỷ niệm chương cho 5 hội viên."),
            std::vector<std::string>{"COMMEMORATIVE_MEDAL | Kỷ niệm chương | Hội Nông dân Việt Nam "
                                     "| INDIVIDUAL | 5"});
}

TEST(EveryAwardFormTest, CertificatesOfMeritAndCommendation) {
  EXPECT_EQ(Awards("Thừa ủy quyền của Thủ tướng Chính phủ, ông Lê Văn Thành trao Bằng khen của Thủ "
                   "tướng Chính phủ cho 3 tập thể và 5 cá nhân."),
            (std::vector<std::string>{
                "CERTIFICATE_OF_MERIT | Bằng khen | Thủ tướng Chính phủ | COLLECTIVE | 3",
                "CERTIFICATE_OF_MERIT | Bằng khen | Thủ tướng Chính phủ | INDIVIDUAL | 5"}));
  EXPECT_EQ(Awards("Thủ tướng Chính phủ tặng bằng khen cho hai tập thể."),
            std::vector<std::string>{
                "CERTIFICATE_OF_MERIT | Bằng khen | Thủ tướng Chính phủ | COLLECTIVE | 2"});
  EXPECT_EQ(Awards("Giám đốc Công an tỉnh Nghệ An tặng Giấy khen cho 12 tập thể."),
            std::vector<std::string>{"CERTIFICATE_OF_COMMENDATION | Giấy khen | Công an tỉnh Nghệ "
                                     "An | COLLECTIVE | 12"});
  EXPECT_EQ(Awards("Chủ tịch UBND huyện Nam Đàn tặng giấy khen cho 20 học sinh."),
            std::vector<std::string>{"CERTIFICATE_OF_COMMENDATION | Giấy khen | UBND huyện Nam Đàn "
                                     "| INDIVIDUAL | 20"});
}

TEST(EveryAwardFormTest, EmulationTitlesGivenOrRecognised) {
  for (const char* title : {"Chiến sĩ thi đua toàn quốc", "Chiến sĩ thi đua cấp bộ",
                            "Chiến sĩ thi đua cấp ngành", "Chiến sĩ thi đua cấp tỉnh",
                            "Chiến sĩ thi đua cơ sở", "Lao động tiên tiến", "Chiến sĩ tiên tiến"}) {
    SCOPED_TRACE(title);
    const std::vector<std::string> expected = {std::string("EMULATION_TITLE | ") + title +
                                               " | UBND tỉnh Nghệ An | INDIVIDUAL | 7"};
    EXPECT_EQ(Awards(std::string("Chủ tịch UBND tỉnh Nghệ An tặng danh hiệu ") + title +
                     " cho 7 cá nhân."),
              expected);
    EXPECT_EQ(Awards(std::string("UBND tỉnh Nghệ An quyết định công nhận danh hiệu ") + title +
                     " cho 7 cá nhân."),
              expected);
  }
  for (const char* title : {"Tập thể lao động xuất sắc", "Tập thể lao động tiên tiến",
                            "Đơn vị quyết thắng", "Đơn vị tiên tiến"}) {
    SCOPED_TRACE(title);
    EXPECT_EQ(Awards(std::string("Chủ tịch UBND tỉnh Nghệ An tặng danh hiệu \"") + title +
                     "\" cho 7 tập thể."),
              std::vector<std::string>{std::string("EMULATION_TITLE | ") + title +
                                       " | UBND tỉnh Nghệ An | COLLECTIVE | 7"});
  }
}

TEST(EveryAwardFormTest, EmulationFlagsAndTheirGivers) {
  EXPECT_EQ(Awards("Thừa ủy quyền của Thủ tướng Chính phủ, ông Lê Văn Thành trao Cờ thi đua của "
                   "Chính phủ cho 2 đơn vị."),
            std::vector<std::string>{
                "EMULATION_FLAG | Cờ thi đua của Chính phủ | Chính phủ | COLLECTIVE | 2"});
  EXPECT_EQ(
      Awards("Ông Lê Văn Thành trao Cờ thi đua của UBND tỉnh Nghệ An cho 6 đơn vị."),
      std::vector<std::string>{"EMULATION_FLAG | Cờ thi đua | UBND tỉnh Nghệ An | COLLECTIVE | 6"});
  EXPECT_EQ(Awards("Ông Lê Văn Thành trao Cờ thi đua của Bộ trưởng Bộ Công an cho 6 đơn vị."),
            std::vector<std::string>{"EMULATION_FLAG | Cờ thi đua | Bộ Công an | COLLECTIVE | 6"});
  EXPECT_EQ(
      Awards("Chủ tịch UBND tỉnh Nghệ An trao Cờ thi đua cho 6 đơn vị."),
      std::vector<std::string>{"EMULATION_FLAG | Cờ thi đua | UBND tỉnh Nghệ An | COLLECTIVE | 6"});
}

TEST(EveryAwardFormTest, OtherFormsOfRecognition) {
  EXPECT_EQ(Awards("UBND tỉnh Nghệ An thưởng nóng 5 cá nhân."),
            std::vector<std::string>{"OTHER | Thưởng nóng | UBND tỉnh Nghệ An | INDIVIDUAL | 5"});
  EXPECT_EQ(Awards("UBND huyện Đông Anh khen thưởng đột xuất 4 cá nhân."),
            std::vector<std::string>{
                "OTHER | Khen thưởng đột xuất | UBND huyện Đông Anh | INDIVIDUAL | 4"});
  EXPECT_EQ(Awards("Chủ tịch UBND tỉnh Nghệ An gửi Thư khen cho 5 cá nhân."),
            std::vector<std::string>{"OTHER | Thư khen | UBND tỉnh Nghệ An | INDIVIDUAL | 5"});
  EXPECT_EQ(Awards("Bí thư Tỉnh ủy Nghệ An trao Huy hiệu 30 năm tuổi Đảng cho 15 đảng viên."),
            std::vector<std::string>{
                "OTHER | Huy hiệu 30 năm tuổi Đảng | Tỉnh ủy Nghệ An | INDIVIDUAL | 15"});
  EXPECT_EQ(Awards("UBND tỉnh Nghệ An tuyên dương 12 gương người tốt việc tốt."),
            std::vector<std::string>{"OTHER | Tuyên dương | UBND tỉnh Nghệ An | INDIVIDUAL | 12"});
}

}  // namespace
}  // namespace laurel::parser

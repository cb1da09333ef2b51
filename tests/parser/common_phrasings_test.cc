#include <string>
#include <vector>

#include "gtest/gtest.h"
#include "tests/parser/gold_corpus.h"
#include "tests/parser/test_articles.h"

// The ways news sentences commonly report awards (active and passive, lists, totals, several givers
// in one sentence, awards welcomed, captions) and the ways they mention awards without giving any
// (plans, proposals, rules, background, standards, sports, gifts): each sentence was written for
// this test, with the records a reader takes from it.
namespace laurel::parser {
namespace {

using testing::AwardLines;
using testing::MustParse;

struct Case {
  const char* sentence;
  std::vector<std::string> awards;
};

std::vector<std::string> Awards(const std::string& body) {
  return AwardLines(MustParse("08:30, 12/03/2021\n\nTin khen thưởng\n\n" + body + "\n\nMINH ANH"));
}

TEST(CommonPhrasingsTest, AwardsAsNewsReportsThem) {
  const std::vector<Case> kCases = {
      {"Dịp này, 25 tập thể và 40 cá nhân được UBND tỉnh Nghệ An tặng Bằng khen vì có thành tích "
       "xuất sắc.",
       {"CERTIFICATE_OF_MERIT | Bằng khen | UBND tỉnh Nghệ An | COLLECTIVE | 25",
        "CERTIFICATE_OF_MERIT | Bằng khen | UBND tỉnh Nghệ An | INDIVIDUAL | 40"}},
      {"Có 10 tập thể, 15 cá nhân được nhận Bằng khen của Chủ tịch UBND tỉnh Nghệ An.",
       {"CERTIFICATE_OF_MERIT | Bằng khen | UBND tỉnh Nghệ An | COLLECTIVE | 10",
        "CERTIFICATE_OF_MERIT | Bằng khen | UBND tỉnh Nghệ An | INDIVIDUAL | 15"}},
      {"Nhân dịp này, UBND tỉnh Nghệ An đã khen thưởng 20 tập thể, 35 cá nhân có thành tích xuất "
       "sắc.",
       {"OTHER | Khen thưởng | UBND tỉnh Nghệ An | COLLECTIVE | 20",
        "OTHER | Khen thưởng | UBND tỉnh Nghệ An | INDIVIDUAL | 35"}},
      {"Tại hội nghị, 15 tập thể và 20 cá nhân vinh dự nhận Bằng khen của Bộ trưởng Bộ Công an.",
       {"CERTIFICATE_OF_MERIT | Bằng khen | Bộ Công an | COLLECTIVE | 15",
        "CERTIFICATE_OF_MERIT | Bằng khen | Bộ Công an | INDIVIDUAL | 20"}},
      {"Bộ trưởng Bộ Công an tặng Bằng khen cho 10 tập thể, 12 cá nhân; Giám đốc Công an tỉnh Nghệ "
       "An tặng Giấy khen cho 20 tập thể, 35 cá nhân.",
       {"CERTIFICATE_OF_MERIT | Bằng khen | Bộ Công an | COLLECTIVE | 10",
        "CERTIFICATE_OF_MERIT | Bằng khen | Bộ Công an | INDIVIDUAL | 12",
        "CERTIFICATE_OF_COMMENDATION | Giấy khen | Công an tỉnh Nghệ An | COLLECTIVE | 20",
        "CERTIFICATE_OF_COMMENDATION | Giấy khen | Công an tỉnh Nghệ An | INDIVIDUAL | 35"}},
      {"Cũng tại buổi lễ, Chủ tịch UBND tỉnh Nghệ An đã trao Bằng khen cho 15 tập thể và 20 cá "
       "nhân có thành tích xuất sắc trong phong trào thi đua.",
       {"CERTIFICATE_OF_MERIT | Bằng khen | UBND tỉnh Nghệ An | COLLECTIVE | 15",
        "CERTIFICATE_OF_MERIT | Bằng khen | UBND tỉnh Nghệ An | INDIVIDUAL | 20"}},
      {"UBND tỉnh Nghệ An tặng Bằng khen cho 15 tập thể, 20 cá nhân; tặng danh hiệu Chiến sĩ thi "
       "đua cấp tỉnh cho 10 cá nhân.",
       {"CERTIFICATE_OF_MERIT | Bằng khen | UBND tỉnh Nghệ An | COLLECTIVE | 15",
        "CERTIFICATE_OF_MERIT | Bằng khen | UBND tỉnh Nghệ An | INDIVIDUAL | 20",
        "EMULATION_TITLE | Chiến sĩ thi đua cấp tỉnh | UBND tỉnh Nghệ An | INDIVIDUAL | 10"}},
      {"Hội nghị đã khen thưởng 30 tập thể và 45 cá nhân.",
       {"OTHER | Khen thưởng |  | COLLECTIVE | 30", "OTHER | Khen thưởng |  | INDIVIDUAL | 45"}},
      {"Trong dịp này, có 5 tập thể được tặng Cờ thi đua của UBND tỉnh Nghệ An, 12 tập thể và 20 "
       "cá nhân được tặng Bằng khen.",
       {"EMULATION_FLAG | Cờ thi đua | UBND tỉnh Nghệ An | COLLECTIVE | 5",
        "CERTIFICATE_OF_MERIT | Bằng khen | UBND tỉnh Nghệ An | COLLECTIVE | 12",
        "CERTIFICATE_OF_MERIT | Bằng khen | UBND tỉnh Nghệ An | INDIVIDUAL | 20"}},
      {"Thừa ủy quyền của Chủ tịch nước, đồng chí Nguyễn Văn An, Bí thư Tỉnh ủy đã trao Huân "
       "chương Lao động hạng Ba cho Sở Y tế Nghệ An.",
       {"ORDER | Huân chương Lao động hạng Ba | Chủ tịch nước | COLLECTIVE | 1"}},
      {"Sở Y tế Nghệ An vinh dự đón nhận Huân chương Lao động hạng Nhì.",
       {"ORDER | Huân chương Lao động hạng Nhì | Chủ tịch nước | COLLECTIVE | 1"}},
      {"Tập thể Bệnh viện Đa khoa tỉnh Nghệ An được Chủ tịch nước tặng Huân chương Lao động hạng "
       "Ba.",
       {"ORDER | Huân chương Lao động hạng Ba | Chủ tịch nước | COLLECTIVE | 1"}},
      {"Ban Tổ chức đã trao 1 giải Nhất, 2 giải Nhì, 3 giải Ba và 5 giải Khuyến khích cho các tác "
       "giả.",
       {"OTHER | Giải Nhất | Ban Tổ chức | INDIVIDUAL | 1",
        "OTHER | Giải Nhì | Ban Tổ chức | INDIVIDUAL | 2",
        "OTHER | Giải Ba | Ban Tổ chức | INDIVIDUAL | 3",
        "OTHER | Giải Khuyến khích | Ban Tổ chức | INDIVIDUAL | 5"}},
      {"Đồng thời, UBND tỉnh Nghệ An tuyên dương 100 gương điển hình tiên tiến.",
       {"OTHER | Tuyên dương | UBND tỉnh Nghệ An | UNSPECIFIED | 100"}},
      {"Với thành tích đó, Phòng Cảnh sát hình sự được Bộ trưởng Bộ Công an tặng Bằng khen.",
       {"CERTIFICATE_OF_MERIT | Bằng khen | Bộ Công an | COLLECTIVE | 1"}},
      {"Ông Nguyễn Văn An được Thủ tướng Chính phủ tặng Bằng khen.",
       {"CERTIFICATE_OF_MERIT | Bằng khen | Thủ tướng Chính phủ | INDIVIDUAL | 1"}},
      {"UBND tỉnh Nghệ An quyết định tặng Bằng khen cho 5 tập thể và 10 cá nhân đã có thành tích "
       "xuất sắc trong công tác phòng, chống dịch Covid-19.",
       {"CERTIFICATE_OF_MERIT | Bằng khen | UBND tỉnh Nghệ An | COLLECTIVE | 5",
        "CERTIFICATE_OF_MERIT | Bằng khen | UBND tỉnh Nghệ An | INDIVIDUAL | 10"}},
      {"Chủ tịch UBND tỉnh Nghệ An ký quyết định khen thưởng 3 tập thể và 7 cá nhân có thành tích "
       "xuất sắc.",
       {"OTHER | Khen thưởng | UBND tỉnh Nghệ An | COLLECTIVE | 3",
        "OTHER | Khen thưởng | UBND tỉnh Nghệ An | INDIVIDUAL | 7"}},
      {"Dịp này, Bộ Y tế tặng Kỷ niệm chương Vì sự nghiệp Y tế cho 50 cá nhân; Công đoàn Y tế Việt "
       "Nam tặng Bằng khen cho 10 tập thể.",
       {"COMMEMORATIVE_MEDAL | Kỷ niệm chương Vì sự nghiệp Y tế | Bộ Y tế | INDIVIDUAL | 50",
        "CERTIFICATE_OF_MERIT | Bằng khen | Công đoàn Y tế Việt Nam | COLLECTIVE | 10"}},
      {"Có 35 tập thể, 52 cá nhân được nhận Bằng khen của Chủ tịch UBND tỉnh Nghệ An; 80 tập thể, "
       "120 cá nhân được nhận Giấy khen của Giám đốc Sở Y tế.",
       {"CERTIFICATE_OF_MERIT | Bằng khen | UBND tỉnh Nghệ An | COLLECTIVE | 35",
        "CERTIFICATE_OF_MERIT | Bằng khen | UBND tỉnh Nghệ An | INDIVIDUAL | 52",
        "CERTIFICATE_OF_COMMENDATION | Giấy khen | Sở Y tế tỉnh Nghệ An | COLLECTIVE | 80",
        "CERTIFICATE_OF_COMMENDATION | Giấy khen | Sở Y tế tỉnh Nghệ An | INDIVIDUAL | 120"}},
      {"Hai cá nhân được trao tặng danh hiệu Chiến sĩ thi đua toàn quốc.",
       {"EMULATION_TITLE | Chiến sĩ thi đua toàn quốc | Thủ tướng Chính phủ | INDIVIDUAL | 2"}},
      {"Nhân dịp này, Chủ tịch nước tặng Huân chương Lao động hạng Nhì cho Trường Đại học Vinh; "
       "Thủ tướng Chính phủ tặng Bằng khen cho 5 cá nhân.",
       {"ORDER | Huân chương Lao động hạng Nhì | Chủ tịch nước | COLLECTIVE | 1",
        "CERTIFICATE_OF_MERIT | Bằng khen | Thủ tướng Chính phủ | INDIVIDUAL | 5"}},
      {"Trường THPT Phan Bội Châu đón nhận Huân chương Lao động hạng Ba và Cờ thi đua của Bộ "
       "GD&ĐT.",
       {"ORDER | Huân chương Lao động hạng Ba | Chủ tịch nước | COLLECTIVE | 1",
        "EMULATION_FLAG | Cờ thi đua | Bộ Giáo dục và Đào tạo | COLLECTIVE | 1"}},
      {"Chủ tịch UBND tỉnh Nghệ An trao Bằng khen cho 15 tập thể (trong đó có 5 doanh nghiệp) và "
       "20 cá nhân.",
       {"CERTIFICATE_OF_MERIT | Bằng khen | UBND tỉnh Nghệ An | COLLECTIVE | 15",
        "CERTIFICATE_OF_MERIT | Bằng khen | UBND tỉnh Nghệ An | INDIVIDUAL | 20"}},
      {"Lãnh đạo tỉnh Nghệ An trao tặng 19 Bằng khen của UBND tỉnh cho các tập thể và cá nhân.",
       {"CERTIFICATE_OF_MERIT | Bằng khen | UBND tỉnh Nghệ An | UNSPECIFIED | 19"}},
      {"Tỉnh Đoàn Nghệ An trao tặng 12 Huy hiệu \"Tuổi trẻ dũng cảm\" cho các đoàn viên.",
       {"OTHER | Huy hiệu Tuổi trẻ dũng cảm | Tỉnh Đoàn Nghệ An | INDIVIDUAL | 12"}},
      {"Ngoài ra, 150 học sinh đạt giải trong kỳ thi học sinh giỏi được UBND tỉnh Nghệ An tặng "
       "Bằng khen.",
       {"CERTIFICATE_OF_MERIT | Bằng khen | UBND tỉnh Nghệ An | INDIVIDUAL | 150"}},
      {"UBND tỉnh Nghệ An đã tặng Bằng khen cho 8 tập thể, 14 cá nhân và 2 hộ gia đình.",
       {"CERTIFICATE_OF_MERIT | Bằng khen | UBND tỉnh Nghệ An | COLLECTIVE | 8",
        "CERTIFICATE_OF_MERIT | Bằng khen | UBND tỉnh Nghệ An | INDIVIDUAL | 14",
        "CERTIFICATE_OF_MERIT | Bằng khen | UBND tỉnh Nghệ An | COLLECTIVE | 2"}},
      {"Chủ tịch UBND tỉnh Nghệ An tặng Bằng khen cho các ông, bà: Nguyễn Văn An, Lê Thị Hoa và "
       "Trần Văn Bình.",
       {"CERTIFICATE_OF_MERIT | Bằng khen | UBND tỉnh Nghệ An | INDIVIDUAL | 3"}},
      {"Tặng Bằng khen cho 12 tập thể và 18 cá nhân.",
       {"CERTIFICATE_OF_MERIT | Bằng khen |  | COLLECTIVE | 12",
        "CERTIFICATE_OF_MERIT | Bằng khen |  | INDIVIDUAL | 18"}},
      {"Trước đó, Sở Y tế đã được Chính phủ tặng Cờ thi đua.",
       {"EMULATION_FLAG | Cờ thi đua | Chính phủ | COLLECTIVE | 1"}},
      {"Với những thành tích đạt được, Công ty vinh dự được Chủ tịch nước trao tặng Huân chương "
       "Lao động hạng Ba.",
       {"ORDER | Huân chương Lao động hạng Ba | Chủ tịch nước | COLLECTIVE | 1"}},
      {"Dịp này, UBND tỉnh Nghệ An trao tặng danh hiệu \"Tập thể lao động xuất sắc\" cho 20 tập "
       "thể; Bằng khen cho 30 tập thể và 45 cá nhân.",
       {"EMULATION_TITLE | Tập thể lao động xuất sắc | UBND tỉnh Nghệ An | COLLECTIVE | 20",
        "CERTIFICATE_OF_MERIT | Bằng khen | UBND tỉnh Nghệ An | COLLECTIVE | 30",
        "CERTIFICATE_OF_MERIT | Bằng khen | UBND tỉnh Nghệ An | INDIVIDUAL | 45"}},
      {"Giám đốc Sở Giáo dục và Đào tạo đã ký quyết định tặng giấy khen cho 45 giáo viên.",
       {"CERTIFICATE_OF_COMMENDATION | Giấy khen | Sở Giáo dục và Đào tạo | INDIVIDUAL | 45"}},
      {"Phó Chủ tịch UBND tỉnh Lê Văn An trao Bằng khen của Chủ tịch UBND tỉnh Nghệ An cho các tập "
       "thể, cá nhân.",
       {"CERTIFICATE_OF_MERIT | Bằng khen | UBND tỉnh Nghệ An | COLLECTIVE | null",
        "CERTIFICATE_OF_MERIT | Bằng khen | UBND tỉnh Nghệ An | INDIVIDUAL | null"}},
      {"Tổng cộng có 135 tập thể, cá nhân được khen thưởng.",
       {"OTHER | Khen thưởng |  | UNSPECIFIED | 135"}},
      {"Chủ tịch UBND tỉnh Nghệ An trao Bằng khen cho 4 tập thể, 6 cá nhân và trao Giấy khen cho "
       "12 tập thể, 20 cá nhân.",
       {"CERTIFICATE_OF_MERIT | Bằng khen | UBND tỉnh Nghệ An | COLLECTIVE | 4",
        "CERTIFICATE_OF_MERIT | Bằng khen | UBND tỉnh Nghệ An | INDIVIDUAL | 6",
        "CERTIFICATE_OF_COMMENDATION | Giấy khen | UBND tỉnh Nghệ An | COLLECTIVE | 12",
        "CERTIFICATE_OF_COMMENDATION | Giấy khen | UBND tỉnh Nghệ An | INDIVIDUAL | 20"}},
      {"Công an tỉnh Nghệ An khen thưởng Đội Cảnh sát giao thông số 1 vì thành tích bắt giữ đối "
       "tượng.",
       {"OTHER | Khen thưởng | Công an tỉnh Nghệ An | COLLECTIVE | 1"}},
      {"Giám đốc Công an tỉnh Nghệ An quyết định khen thưởng nóng cho Tổ công tác 141.",
       {"OTHER | Thưởng nóng | Công an tỉnh Nghệ An | COLLECTIVE | 1"}},
      {"Hội Khuyến học tỉnh Nghệ An trao thưởng cho 30 học sinh đạt giải quốc gia.",
       {"OTHER | Thưởng | Hội Khuyến học tỉnh Nghệ An | INDIVIDUAL | 30"}},
      {"Trao Bằng khen của UBND tỉnh cho 10 tập thể có thành tích xuất sắc. Ảnh: Minh Hà",
       {"CERTIFICATE_OF_MERIT | Bằng khen | UBND tỉnh | COLLECTIVE | 10"}},
      {"Các tập thể, cá nhân nhận Bằng khen của Thủ tướng Chính phủ.",
       {"CERTIFICATE_OF_MERIT | Bằng khen | Thủ tướng Chính phủ | COLLECTIVE | null",
        "CERTIFICATE_OF_MERIT | Bằng khen | Thủ tướng Chính phủ | INDIVIDUAL | null"}},
      {"Tại lễ kỷ niệm, Trường đón nhận Bằng khen của Bộ trưởng Bộ GD&ĐT.",
       {"CERTIFICATE_OF_MERIT | Bằng khen | Bộ Giáo dục và Đào tạo | COLLECTIVE | 1"}},
      {"Dịp này, Hội Nông dân tỉnh Nghệ An được Trung ương Hội Nông dân Việt Nam tặng Cờ thi đua "
       "xuất sắc.",
       {"EMULATION_FLAG | Cờ thi đua xuất sắc | Trung ương Hội Nông dân Việt Nam | COLLECTIVE | "
        "1"}},
      {"Nhân dịp này, có 3 tập thể và 5 cá nhân được Bộ trưởng Bộ Tài chính tặng Bằng khen; 10 tập "
       "thể, 15 cá nhân được Tổng cục trưởng Tổng cục Thuế tặng Giấy khen.",
       {"CERTIFICATE_OF_MERIT | Bằng khen | Bộ Tài chính | COLLECTIVE | 3",
        "CERTIFICATE_OF_MERIT | Bằng khen | Bộ Tài chính | INDIVIDUAL | 5",
        "CERTIFICATE_OF_COMMENDATION | Giấy khen | Tổng cục Thuế | COLLECTIVE | 10",
        "CERTIFICATE_OF_COMMENDATION | Giấy khen | Tổng cục Thuế | INDIVIDUAL | 15"}},
      // Items of a list given by the body that opens it.
      {"Tại hội nghị, UBND tỉnh Hòa Bình đã trao tặng:\n- Cờ thi đua cho 5 tập thể;\n- Bằng khen "
       "cho 20 tập thể và 35 cá nhân.",
       {"EMULATION_FLAG | Cờ thi đua | UBND tỉnh Hòa Bình | COLLECTIVE | 5",
        "CERTIFICATE_OF_MERIT | Bằng khen | UBND tỉnh Hòa Bình | COLLECTIVE | 20",
        "CERTIFICATE_OF_MERIT | Bằng khen | UBND tỉnh Hòa Bình | INDIVIDUAL | 35"}},
      // The body the article is about, capitalised without its name.
      {"Dịp này, Tổng công ty Điện lực miền Trung tặng Cờ thi đua cho Công ty và Bằng khen cho 10 "
       "cá nhân.",
       {"EMULATION_FLAG | Cờ thi đua | Tổng công ty Điện lực miền Trung | COLLECTIVE | 1",
        "CERTIFICATE_OF_MERIT | Bằng khen | Tổng công ty Điện lực miền Trung | INDIVIDUAL | 10"}},
      // A district's Party committee is a body of its own.
      {"Huyện ủy Thạch Thành tặng Giấy khen cho 15 đảng viên.",
       {"CERTIFICATE_OF_COMMENDATION | Giấy khen | Huyện ủy Thạch Thành | INDIVIDUAL | 15"}},
      // Verbs listed before the giving one name no giver.
      {"Chiều 19-3, Đại tá Vũ Xuân Viên đã đến thăm, động viên và trao Giấy khen cho 3 cán bộ.",
       {"CERTIFICATE_OF_COMMENDATION | Giấy khen |  | INDIVIDUAL | 3"}},
      // A team is one body.
      {"Thủ tướng cũng quyết định tặng Bằng khen cho đội tuyển.",
       {"CERTIFICATE_OF_MERIT | Bằng khen | Thủ tướng Chính phủ | COLLECTIVE | 1"}},
      // Groups counted by what they are: models, districts, civil servants.
      {"Dịp này, Ban Dân vận Tỉnh ủy Nghệ An tặng Giấy khen cho 40 mô hình tiêu biểu.",
       {"CERTIFICATE_OF_COMMENDATION | Giấy khen | Ban Dân vận Tỉnh ủy Nghệ An | UNSPECIFIED | "
        "40"}},
      {"UBND tỉnh Nghệ An tặng Cờ thi đua cho 5 huyện và Bằng khen cho 12 công chức.",
       {"EMULATION_FLAG | Cờ thi đua | UBND tỉnh Nghệ An | COLLECTIVE | 5",
        "CERTIFICATE_OF_MERIT | Bằng khen | UBND tỉnh Nghệ An | INDIVIDUAL | 12"}},
      // Members listed after a passive act; "mỗi người" after them names its form.
      {"Các cá nhân được khen thưởng gồm: anh Nguyễn Văn Long, anh Trần Văn Hùng và chị Lê Thị "
       "Hoa. Mỗi người được UBND huyện Tuy Phước tặng Giấy khen.",
       {"CERTIFICATE_OF_COMMENDATION | Giấy khen | UBND huyện Tuy Phước | INDIVIDUAL | 3"}},
      // "là" ends the giver's name.
      {"Hai tập thể được tặng Cờ thi đua của UBND tỉnh Bình Định là Công an huyện Tuy Phước và "
       "Trường THPT Nguyễn Diêu.",
       {"EMULATION_FLAG | Cờ thi đua | UBND tỉnh Bình Định | COLLECTIVE | 2"}},
      // A total and its breakdown: the breakdown is the records.
      {"UBND huyện Gia Lâm đã khen thưởng 35 tập thể, cá nhân, trong đó có 10 tập thể và 25 cá "
       "nhân có thành tích xuất sắc.",
       {"OTHER | Khen thưởng | UBND huyện Gia Lâm | COLLECTIVE | 10",
        "OTHER | Khen thưởng | UBND huyện Gia Lâm | INDIVIDUAL | 25"}},
      {"Phó Chủ tịch nước đã trao 15 Huân chương Lao động cho các tập thể và cá nhân. Trong đó có "
       "5 Huân chương Lao động hạng Nhì và 10 Huân chương Lao động hạng Ba.",
       {"ORDER | Huân chương Lao động hạng Nhì | Chủ tịch nước | UNSPECIFIED | 5",
        "ORDER | Huân chương Lao động hạng Ba | Chủ tịch nước | UNSPECIFIED | 10"}},
      // ... and a part told of alone leaves the whole as it is.
      {"UBND tỉnh Nghệ An tặng Bằng khen cho 50 cá nhân, trong đó có 10 đảng viên trẻ.",
       {"CERTIFICATE_OF_MERIT | Bằng khen | UBND tỉnh Nghệ An | INDIVIDUAL | 50"}},
      {"Dịp này, 12 (mười hai) cá nhân được UBND tỉnh Nghệ An tặng Bằng khen.",
       {"CERTIFICATE_OF_MERIT | Bằng khen | UBND tỉnh Nghệ An | INDIVIDUAL | 12"}},
      // The address after a person's office is no body of its own.
      {"Ông Nguyễn Văn An, Chủ tịch UBND xã Tân Phú, huyện Đồng Phú, tỉnh Bình Phước vừa được Thủ "
       "tướng Chính phủ tặng Bằng khen.",
       {"CERTIFICATE_OF_MERIT | Bằng khen | Thủ tướng Chính phủ | INDIVIDUAL | 1"}},
      // Commas in brackets separate no givers; schools are named after people.
      {"Trường THCS Nguyễn Du (huyện Krông Pắc, Đắk Lắk) đã tặng Giấy khen cho em Lê Minh Khang.",
       {"CERTIFICATE_OF_COMMENDATION | Giấy khen | Trường THCS Nguyễn Du | INDIVIDUAL | 1"}},
      // "công nhận" is the verb, not the giver.
      {"Cũng tại buổi lễ, 8 nhà giáo được công nhận danh hiệu Chiến sĩ thi đua cơ sở.",
       {"EMULATION_TITLE | Chiến sĩ thi đua cơ sở |  | INDIVIDUAL | 8"}},
  };
  for (const Case& c : kCases) EXPECT_EQ(Awards(c.sentence), c.awards) << c.sentence;
}

TEST(CommonPhrasingsTest, MentionsThatGiveNothing) {
  for (const char* sentence : {
           "Nhiều năm liền, Công ty được UBND tỉnh Nghệ An tặng Bằng khen.",
           "Năm 2019, Công ty được UBND tỉnh Nghệ An tặng Bằng khen vì thành tích xuất sắc.",
           "Trong 5 năm qua, toàn tỉnh có 1.200 tập thể, 3.500 cá nhân được khen thưởng.",
           "Công ty trao học bổng cho 50 học sinh nghèo vượt khó.",
           "Hội Chữ thập đỏ tặng quà cho 100 hộ nghèo.",
           "Dự kiến, UBND tỉnh Nghệ An sẽ khen thưởng 20 tập thể.",
           "Sở Nội vụ đề nghị UBND tỉnh Nghệ An tặng Bằng khen cho 15 tập thể.",
           "Hội đồng đã xét và đề nghị Chủ tịch nước tặng Huân chương Lao động cho 5 tập thể.",
           "Theo quy định, Bằng khen được tặng cho cá nhân có 2 năm liên tục hoàn thành xuất sắc "
           "nhiệm vụ.",
           "Công ty có 50 cán bộ, công nhân viên.",
           "Năm 2019, xã đạt danh hiệu xã văn hóa.",
           "Trường được công nhận đạt chuẩn quốc gia.",
           "Vận động viên Nguyễn Thị Oanh giành huy chương vàng.",
           "Thủ môn Đặng Văn Lâm được trao danh hiệu Thủ môn xuất sắc nhất giải.",
           "Thủ tướng gửi thư khen đội tuyển bóng đá nữ đã giành Huy chương Vàng SEA Games 32.",
           "Tiền đạo Nguyễn Tiến Linh nhận danh hiệu Vua phá lưới của giải đấu.",
           "Tỉnh đã thu hồi Bằng khen của 2 cá nhân vi phạm.",
           "Anh Nguyễn Văn An từng được tặng nhiều Bằng khen.",
           // A sum over a period under way is background (the article is dated 2021).
           "Giai đoạn 2016 - 2021, toàn tỉnh đã khen thưởng 12.500 tập thể và cá nhân.",
           "Giai đoạn 2020 - 2025, UBND tỉnh đã tặng Bằng khen cho 800 tập thể.",
       }) {
    EXPECT_TRUE(Awards(sentence).empty()) << sentence;
  }
}

}  // namespace
}  // namespace laurel::parser

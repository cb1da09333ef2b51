#include "bench/synthetic/vocabulary.h"

namespace laurel::synthetic {
namespace {

// Leaked on purpose: function-local statics that are never destroyed (Google style).
const std::vector<std::string>& List(std::initializer_list<const char*> items) {
  return *new std::vector<std::string>(items.begin(), items.end());
}

}  // namespace

const std::vector<std::string>& FamilyNames() {
  static const auto& kNames = List({"Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Huỳnh", "Phan", "Vũ",
                                    "Võ", "Đặng", "Bùi", "Đỗ", "Ngô", "Đinh", "Trịnh"});
  return kNames;
}

const std::vector<std::string>& MiddleNames() {
  static const auto& kNames =
      List({"Văn", "Thị", "Đức", "Minh", "Ngọc", "Thanh", "Quốc", "Hữu", "Thu", "Xuân"});
  return kNames;
}

const std::vector<std::string>& GivenNames() {
  static const auto& kNames =
      List({"An",   "Bình", "Cường", "Dũng", "Hà",  "Hải",  "Hạnh",  "Hoa",   "Huy",  "Khải", "Lan",
            "Long", "Mai",  "Nam",   "Quân", "Sơn", "Thảo", "Thắng", "Trang", "Tuấn", "Yến"});
  return kNames;
}

const std::vector<std::string>& LocalUnitNames() {
  static const auto& kNames =
      List({"Yên Thành", "Diễn Châu", "Thạch Hà", "Lương Sơn", "Đông Anh", "Gia Lâm",  "Củ Chi",
            "Krông Pắc", "Tam Nông",  "Hải Hậu",  "Kim Sơn",   "Nho Quan", "Thọ Xuân", "Quỳnh Lưu",
            "Can Lộc",   "Bố Trạch",  "Mộ Đức",   "Cam Lâm",   "Cái Bè",   "Mỏ Cày",   "Cầu Kè",
            "Thới Bình", "Vĩnh Lợi",  "Lục Ngạn", "Đoan Hùng", "Sóc Sơn"});
  return kNames;
}

const std::vector<std::string>& Ministries() {
  static const auto& kNames = List({"Bộ Công an", "Bộ Quốc phòng", "Bộ Y tế", "Bộ Tài chính",
                                    "Bộ Công Thương", "Bộ Nội vụ", "Bộ Xây dựng", "Bộ Ngoại giao"});
  return kNames;
}

const std::vector<std::string>& Enterprises() {
  static const auto& kNames =
      List({"Công ty Cổ phần Cơ khí Đông Á", "Công ty Cổ phần Xây dựng Trường Sơn",
            "Công ty Cổ phần Dệt may Thành Công", "Công ty Cổ phần Thủy sản Minh Phú",
            "Công ty Cổ phần Điện lực Sông Đà", "Công ty Cổ phần Chè Hạnh Lâm",
            "Công ty Cổ phần Cao su Phước Hòa", "Công ty Cổ phần Vận tải Biển Bắc"});
  return kNames;
}

const std::vector<std::string>& NationalOrganisations() {
  static const auto& kNames =
      List({"Tổng Liên đoàn Lao động Việt Nam", "Hội Nông dân Việt Nam",
            "Hội Liên hiệp Phụ nữ Việt Nam", "Hội Cựu chiến binh Việt Nam"});
  return kNames;
}

const std::vector<std::string>& ProvincialBodies() {
  static const auto& kNames =
      List({"Công an", "Sở Y tế", "Sở Xây dựng", "Sở Tài chính", "Sở Nội vụ"});
  return kNames;
}

const std::vector<std::string>& Movements() {
  static const auto& kNames =
      List({"Vì an ninh Tổ quốc", "Cả nước chung sức xây dựng nông thôn mới", "Dạy tốt, học tốt",
            "Chung tay vì người nghèo - Không để ai bị bỏ lại phía sau",
            "Doanh nghiệp Việt Nam hội nhập và phát triển", "Lao động giỏi, lao động sáng tạo",
            "Đổi mới, sáng tạo trong dạy và học", "Toàn dân bảo vệ an ninh Tổ quốc",
            "Phụ nữ tích cực học tập, lao động sáng tạo, xây dựng gia đình hạnh phúc",
            "Xanh - Sạch - Đẹp"});
  return kNames;
}

const std::vector<std::string>& Sources() {
  static const auto& kNames =
      List({"Báo Tin tức", "Báo Điện tử Đảng Cộng sản", "Báo Lao động", "Báo Giáo dục",
            "Báo Quân đội", "Báo Công an", "Báo Phụ nữ", "Báo Nông thôn", "Cổng thông tin tỉnh",
            "Đài Phát thanh và Truyền hình"});
  return kNames;
}

const std::vector<std::string>& BackgroundSentences() {
  static const auto& kSentences = List({
      "Thời gian qua, các cấp, các ngành đã triển khai nhiều giải pháp đồng bộ, bám sát nhiệm vụ "
      "chính trị của từng cơ quan, đơn vị.",
      "Đời sống vật chất và tinh thần của người dân từng bước được nâng lên, bộ mặt nông thôn có "
      "nhiều đổi mới.",
      "Nhiều mô hình hay, cách làm sáng tạo đã được nhân rộng, tạo sức lan tỏa trong cộng đồng.",
      "Công tác cải cách hành chính được đẩy mạnh, chỉ số hài lòng của người dân tăng qua từng "
      "năm.",
      "Tổng thu ngân sách trên địa bàn vượt dự toán, tốc độ tăng trưởng kinh tế duy trì ở mức "
      "khá.",
      "Các đơn vị đã chủ động phối hợp, kịp thời tháo gỡ khó khăn, vướng mắc trong sản xuất, "
      "kinh doanh.",
      "Hệ thống giao thông, trường học, trạm y tế được đầu tư xây dựng khang trang, đáp ứng nhu "
      "cầu của người dân.",
  });
  return kSentences;
}

const std::vector<std::string>& OrdinaryHeadlines() {
  static const auto& kHeadlines = List({
      "Mưa lớn kéo dài, nhiều tuyến đường ngập sâu",
      "Giá rau xanh tăng mạnh sau đợt rét đậm",
      "Khởi công dự án đường ven biển",
      "Cảnh báo lừa đảo qua mạng dịp cuối năm",
      "Sản lượng lúa vụ đông xuân đạt khá",
      "Thêm một tuyến xe buýt mới phục vụ người dân",
  });
  return kHeadlines;
}

const std::vector<std::string>& OrdinaryParagraphs() {
  static const auto& kParagraphs = List({
      "Theo cơ quan khí tượng, lượng mưa đo được trong 24 giờ qua phổ biến từ 80 đến 150 mm, có "
      "nơi trên 200 mm. Nhiều tuyến đường bị ngập từ 0,3 đến 0,5 m, giao thông bị ách tắc cục bộ.",
      "Tại các chợ đầu mối, giá nhiều loại rau xanh tăng từ 20 đến 30% so với tuần trước. Tiểu "
      "thương cho biết nguồn hàng về chợ giảm do thời tiết bất lợi.",
      "Dự án có tổng chiều dài hơn 25 km, tổng mức đầu tư khoảng 2.300 tỷ đồng, dự kiến hoàn "
      "thành trong năm tới. Khi đưa vào sử dụng, tuyến đường sẽ rút ngắn thời gian đi lại.",
      "Cơ quan công an khuyến cáo người dân không cung cấp mã OTP, không truy cập các đường link "
      "lạ và không chuyển tiền cho người không quen biết.",
      "Năng suất bình quân đạt hơn 6,5 tấn mỗi ha, tăng 0,3 tấn so với cùng kỳ. Giá lúa ổn định "
      "giúp nông dân có lãi khá.",
      "Tuyến xe buýt mới dài khoảng 30 km, tần suất 20 phút một chuyến, giá vé 7.000 đồng một "
      "lượt. Đơn vị vận hành cho biết sẽ bố trí thêm xe vào giờ cao điểm.",
  });
  return kParagraphs;
}

}  // namespace laurel::synthetic

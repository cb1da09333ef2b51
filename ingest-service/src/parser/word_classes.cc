#include "ingest-service/src/parser/word_classes.h"

#include <array>
#include <cstdint>
#include <cstring>
#include <vector>

#include "ingest-service/src/parser/gazetteer.h"

namespace laurel::parser {
namespace {

struct ClassWords {
  WordClass word_class;
  std::vector<std::string_view> words;
};

// Every class's words, in a table for WordClassesOf.
std::array<word_classes_internal::Slot, word_classes_internal::kSlots> MakeTable() {
  namespace internal = word_classes_internal;
  std::array<internal::Slot, internal::kSlots> table{};
  const std::vector<ClassWords> kClasses = {
      {kTimeOfDay, {"sáng", "chiều", "tối", "trưa", "đêm", "ngày", "sớm", "khuya", "nay"}},
      {kEventWord, {"đại", "hội",  "lễ",   "mít", "gặp", "tổng",  "sơ",  "chương", "sáng", "chiều",
                    "tối", "trưa", "ngày", "đêm", "sớm", "khuya", "nay", "hôm",    "buổi", "kỳ"}},
      {kEventCue, {"đại", "hội",  "lễ",  "mít", "gặp", "tổng", "sơ", "chương", "tổ",   "diễn",
                   "làm", "khai", "yêu", "kế",  "dự",  "đề",   "sẽ", "kỳ",     "ngày", "giải"}},
      {kTriggerWord,
       {"khen", "chương", "hiệu", "cờ", "giải", "dương", "vinh", "hùng", "thưởng", "tú", "tiến",
        "thi"}},
      {kSentenceOpener,
       {"tại",   "theo", "trong", "thay", "sau",  "trước", "đây",  "với",   "các",
        "những", "ông",  "bà",    "tham", "dự",   "tới",   "cùng", "ngoài", "hiện",
        "hôm",   "sáng", "chiều", "tối",  "trưa", "được",  "cũng", "tuy",   "khi",
        "nhằm",  "đến",  "nhân",  "phát", "đồng", "dịp",   "bên",  "đặc",   "vừa"}},
      {kLocalUnit, {"huyện", "xã", "quận", "phường", "thị"}},
      {kBodyHead, {"trường", "công", "bệnh", "bộ"}},
      {kAwardStart,
       {"huân",  "huy",   "kỷ",   "bằng", "giấy", "thư",  "cờ",   "danh",  "giải", "thưởng", "khen",
        "tuyên", "tôn",   "vinh", "anh",  "bà",   "mẹ",   "tỉnh", "thành", "nhà",  "biểu",   "thầy",
        "nghệ",  "chiến", "lao",  "tập",  "đơn",  "nsnd", "nsưt", "ngnd",  "ngưt", "phần"}},
      {kNotConferredStart,
       {"nếu", "sẽ", "hủy", "huỷ", "tước", "xét",  "trình", "đề",    "kiến", "xem", "thu",
        "có",  "dự", "hồ",  "đủ",  "đạt",  "công", "chưa",  "không", "cần",  "nên"}},
      {kHypotheticalStart, {"quy", "dự", "xứng", "mong", "luật"}},
      {kBackgroundStart, {"từng", "trước", "nhiệm", "năm", "đến", "tính", "nhiều", "phần"}},
      {kEventVerbStart,
       {"trao", "tặng", "gắn", "tổ", "diễn", "khai", "khép", "bế", "đón", "kỷ", "làm"}},
      {kReportStart, {"cho", "thông", "quyết", "ban", "vừa"}},
      {kIssuerStop, {"nhân",  "tổ",  "lễ",    "có",   "ra",   "cho", "tặng", "trao", "vì",  "ký",
                     "phong", "do",  "đã",    "vừa",  "cũng", "về",  "lần",  "năm",  "tại", "trong",
                     "với",   "kèm", "quyết", "được", "đến",  "khi", "sau",  "và",   "là"}},
      {kPhraseEnd,
       {"vì", "do", "nhân", "trong", "tại", "về", "nhằm", "để", "đã", "đang", "sau", "khi", "góp",
        "với", "theo"}},
      {kOnBehalfStart, {"thay", "thừa"}},
      {kPhotoCredit, {"ảnh"}},
      {kMentionStart, {"buổi", "phong", "tổng", "đón", "vừa", "hội", "phát", "cùng"}},
      {kFamilyName, {"nguyễn", "trần",  "lê",   "phạm",  "hoàng", "huỳnh", "phan", "vũ",    "võ",
                     "đặng",   "bùi",   "đỗ",   "hồ",    "ngô",   "dương", "lý",   "đinh",  "đoàn",
                     "trịnh",  "lương", "mai",  "tạ",    "cao",   "lâm",   "châu", "tô",    "hà",
                     "trương", "văn",   "chu",  "kiều",  "lại",   "quách", "thái", "triệu", "tống",
                     "vương",  "la",    "lưu",  "phùng", "khúc",  "doãn",  "thân", "đàm",   "lục",
                     "nông",   "hứa",   "tăng", "khổng", "mạc",   "đào"}},
  };
  const auto add = [&](std::string_view word, WordClass word_class) {
    if (word.empty() || word.size() > internal::kMaxClassedWordBytes) return;
    const internal::Key key = internal::KeyOf(word);
    size_t slot = internal::SlotOf(internal::HashOf(key));
    while (table[slot].classes != 0 && !(table[slot].key == key)) {
      slot = (slot + 1) & internal::kMask;
    }
    table[slot].key = key;
    table[slot].classes |= word_class;
  };
  for (const ClassWords& entry : kClasses) {
    for (std::string_view word : entry.words) add(word, entry.word_class);
  }
  for (const std::string& word : PlaceFirstWords()) add(word, kPlaceStart);
  return table;
}

}  // namespace

const std::array<word_classes_internal::Slot, word_classes_internal::kSlots>
    word_classes_internal::kTable = MakeTable();

namespace {

std::array<uint16_t, word_classes_internal::kSlots> MakeTags() {
  namespace internal = word_classes_internal;
  std::array<uint16_t, internal::kSlots> tags{};
  for (size_t slot = 0; slot < internal::kSlots; ++slot) {
    const internal::Slot& entry = internal::kTable[slot];
    if (entry.classes != 0) tags[slot] = internal::TagOf(internal::HashOf(entry.key));
  }
  return tags;
}

}  // namespace

// After kTable, which it is made from (initialised in the order of definition).
const std::array<uint16_t, word_classes_internal::kSlots> word_classes_internal::kTags = MakeTags();

size_t WordHash(std::string_view word) {
  const auto byte = [&](size_t i) {
    return static_cast<uint32_t>(static_cast<unsigned char>(word[i]));
  };
  const size_t n = word.size();
  const uint32_t key =
      byte(0) | (byte(n > 1 ? 1 : 0) << 8) | (byte(n - 1) << 16) | (byte(n > 1 ? n - 2 : 0) << 24);
  return ((key ^ static_cast<uint32_t>(n)) * 2654435761u) >> 16;
}

}  // namespace laurel::parser

#include "ingest-service/src/parser/word_classes.h"

#include <array>
#include <cstdint>
#include <cstring>
#include <vector>

namespace laurel::parser {
namespace {

struct ClassWords {
  WordClass word_class;
  std::vector<std::string_view> words;
};

// Open addressing on a hash of a word's ends: the tokenizer asks it of every word of every
// article.
class WordClassTable {
 public:
  WordClassTable() {
    const std::vector<ClassWords> kClasses = {
        {kTimeOfDay, {"sáng", "chiều", "tối", "trưa", "đêm", "ngày", "sớm", "khuya", "nay"}},
        {kEventWord,
         {"đại", "hội", "lễ", "mít", "gặp", "tổng", "sơ", "chương", "sáng", "chiều", "tối", "trưa",
          "ngày", "đêm", "sớm", "khuya", "nay", "hôm", "buổi"}},
        {kEventCue,
         {"đại", "hội", "lễ", "mít", "gặp", "tổng", "sơ", "chương", "tổ", "diễn", "làm", "khai",
          "yêu", "kế", "dự", "đề", "sẽ"}},
        {kTriggerWord,
         {"khen", "chương", "hiệu", "cờ", "giải", "dương", "vinh", "hùng", "thưởng", "tú", "tiến",
          "thi"}},
        {kSentenceOpener,
         {"tại",   "theo", "trong", "thay", "sau",  "trước", "đây",  "với",   "các",
          "những", "ông",  "bà",    "tham", "dự",   "tới",   "cùng", "ngoài", "hiện",
          "hôm",   "sáng", "chiều", "tối",  "trưa", "được",  "cũng", "tuy",   "khi",
          "nhằm",  "đến",  "nhân",  "phát", "đồng", "dịp",   "bên",  "đặc",   "vừa"}},
        {kLocalUnit, {"huyện", "xã", "quận", "phường", "thị"}},
        {kBodyHead, {"trường", "công", "bệnh"}},
        {kAwardStart, {"huân", "huy",    "kỷ",    "bằng",  "giấy", "thư",  "cờ",   "danh",
                       "giải", "thưởng", "khen",  "tuyên", "tôn",  "vinh", "anh",  "bà",
                       "mẹ",   "tỉnh",   "thành", "nhà",   "biểu", "thầy", "nghệ", "chiến",
                       "lao",  "tập",    "đơn",   "nsnd",  "nsưt", "ngnd", "ngưt"}},
        {kNotConferredStart,
         {"nếu", "sẽ", "hủy", "huỷ", "tước", "xét",  "trình", "đề",    "kiến", "xem", "thu",
          "có",  "dự", "hồ",  "đủ",  "đạt",  "công", "chưa",  "không", "cần",  "nên"}},
        {kHypotheticalStart, {"quy", "dự", "xứng", "mong", "luật"}},
        {kBackgroundStart, {"từng", "trước", "nhiệm", "năm", "đến", "tính", "nhiều", "phần"}},
        {kEventVerbStart,
         {"trao", "tặng", "gắn", "tổ", "diễn", "khai", "khép", "bế", "đón", "kỷ", "làm"}},
        {kReportStart, {"cho", "thông", "quyết", "ban", "vừa"}},
        {kIssuerStop, {"nhân",  "tổ",  "lễ",  "có",    "ra",   "cho", "tặng", "trao", "vì",
                       "phong", "do",  "đã",  "vừa",   "cũng", "về",  "lần",  "năm",  "tại",
                       "trong", "với", "kèm", "quyết", "được", "đến", "khi",  "sau",  "và"}},
        {kPhraseEnd,
         {"vì", "do", "nhân", "trong", "tại", "về", "nhằm", "để", "đã", "đang", "sau", "khi", "góp",
          "với", "theo"}},
        {kOnBehalfStart, {"thay", "thừa"}},
        {kMentionStart, {"buổi", "phong", "tổng", "đón", "vừa", "hội", "phát"}},
        {kFamilyName,
         {"nguyễn", "trần",  "lê",   "phạm",  "hoàng", "huỳnh", "phan", "vũ",    "võ",
          "đặng",   "bùi",   "đỗ",   "hồ",    "ngô",   "dương", "lý",   "đinh",  "đoàn",
          "trịnh",  "lương", "mai",  "tạ",    "cao",   "lâm",   "châu", "tô",    "hà",
          "trương", "văn",   "chu",  "kiều",  "lại",   "quách", "thái", "triệu", "tống",
          "vương",  "la",    "lưu",  "phùng", "khúc",  "doãn",  "thân", "đàm",   "lục",
          "nông",   "hứa",   "tăng", "khổng", "mạc",   "đào"}},
    };
    for (const ClassWords& entry : kClasses) {
      for (std::string_view word : entry.words) Add(word, entry.word_class);
    }
  }

  uint32_t Find(std::string_view word) const {
    if (word.empty() || word.size() > kMaxWordBytes) return 0;
    const Key key = KeyOf(word);
    for (size_t slot = SlotOf(key);; slot = (slot + 1) & kMask) {
      const Slot& entry = slots_[slot];
      if (entry.classes == 0) return 0;
      if (entry.key == key) return entry.classes;
    }
  }

 private:
  static constexpr size_t kSlots = 1024;  // a power of two well above the ~200 words
  static constexpr size_t kMask = kSlots - 1;
  static constexpr size_t kMaxWordBytes = 9;  // "thưởng", "phường"; longer words are in no class

  // A word of one to kMaxWordBytes bytes as two integers that identify it, compared without a
  // call to memcmp: its first four bytes and its last four (overlapping when shorter than eight);
  // then its length and the middle byte of a nine-byte word.
  struct Key {
    uint64_t ends = 0;
    uint32_t rest = 0;
    bool operator==(const Key& other) const { return ends == other.ends && rest == other.rest; }
  };
  static Key KeyOf(std::string_view word) {
    const size_t n = word.size();
    const unsigned char* bytes = reinterpret_cast<const unsigned char*>(word.data());
    uint32_t head = 0;
    uint32_t tail = 0;
    if (n >= 4) {
      std::memcpy(&head, bytes, 4);
      std::memcpy(&tail, bytes + n - 4, 4);
    } else {
      for (size_t i = 0; i < n; ++i) head |= static_cast<uint32_t>(bytes[i]) << (8 * i);
    }
    return {static_cast<uint64_t>(head) | static_cast<uint64_t>(tail) << 32,
            static_cast<uint32_t>(n) | (n == 9 ? static_cast<uint32_t>(bytes[4]) << 8 : 0)};
  }
  static size_t SlotOf(const Key& key) {
    return ((key.ends ^ key.rest) * 0x9E3779B97F4A7C15ull) >> 54 & kMask;
  }

  struct Slot {
    Key key;
    uint32_t classes = 0;
  };

  void Add(std::string_view word, WordClass word_class) {
    const Key key = KeyOf(word);
    size_t slot = SlotOf(key);
    while (slots_[slot].classes != 0 && !(slots_[slot].key == key)) slot = (slot + 1) & kMask;
    slots_[slot].key = key;
    slots_[slot].classes |= word_class;
  }

  std::array<Slot, kSlots> slots_{};
};

}  // namespace

size_t WordHash(std::string_view word) {
  const auto byte = [&](size_t i) {
    return static_cast<uint32_t>(static_cast<unsigned char>(word[i]));
  };
  const size_t n = word.size();
  const uint32_t key =
      byte(0) | (byte(n > 1 ? 1 : 0) << 8) | (byte(n - 1) << 16) | (byte(n > 1 ? n - 2 : 0) << 24);
  return ((key ^ static_cast<uint32_t>(n)) * 2654435761u) >> 16;
}

uint32_t WordClassesOf(std::string_view lower_word) {
  static const auto* const kTable = new WordClassTable();
  return kTable->Find(lower_word);
}

}  // namespace laurel::parser

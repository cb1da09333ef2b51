#pragma once

#include <array>
#include <cstddef>
#include <cstdint>
#include <cstring>
#include <string_view>

// The small sets of words the scanners test every token against (the first words of award names,
// words of time, sentence openers...), looked up once per token by the tokenizer: a scan over a
// whole article then tests a bit instead of comparing strings.
namespace laurel::parser {

enum WordClass : uint32_t {
  kTimeOfDay = 1u << 0,       // "sáng", "chiều", "ngày", "nay": a day may follow
  kEventWord = 1u << 1,       // a gathering or a day may be told of: "hội", "lễ", "sáng"
  kEventCue = 1u << 2,        // first words of gatherings, organising and plans: "tổ", "dự"
  kTriggerWord = 1u << 3,     // words of commendation next to their neighbour: "khen", "chương"
  kSentenceOpener = 1u << 4,  // capitalised, they start a sentence glued to a caption: "Tại"
  kLocalUnit = 1u << 5,       // "huyện", "xã", "quận", "phường", "thị"
  kBodyHead = 1u << 6,  // "trường", "công", "bệnh", "bộ": a school, company, hospital, ministry
  kAwardStart = 1u << 7,         // first words of every award form: "huân", "bằng", "danh"
  kNotConferredStart = 1u << 8,  // first words of proposals, reviews and conditions: "đề", "nếu"
  kHypotheticalStart = 1u << 9,  // first words of rules and wishes: "quy", "mong", "xứng"
  kBackgroundStart = 1u << 10,  // first words of summaries of the past: "từng", "nhiều", "năm"
  kEventVerbStart = 1u << 11,   // first words of acts that make a dated sentence an event: "trao"
  kReportStart = 1u << 12,      // first words of reported speech and paperwork: "cho", "vừa"
  kIssuerStop = 1u << 13,       // words that end a giver's name: "cho", "tặng", "đã", "tại"
  kPhraseEnd = 1u << 14,        // words after which a recipient phrase is over: "vì", "để"
  kOnBehalfStart = 1u << 15,    // "thay (mặt)", "thừa (ủy quyền)"
  kFamilyName = 1u << 16,       // common Vietnamese family names: "nguyễn", "trần", "lê"
  kMentionStart = 1u << 17,  // first words of phrases looked for in every sentence: "buổi (lễ)"
  kPlaceStart = 1u << 18,    // first syllables of places' names: "khánh", "tp", "nha" (gazetteer)
  kPhotoCredit = 1u << 19,   // "ảnh", which opens a photo credit ("Ảnh: Trọng Đức")
};

// The table behind WordClassesOf, inline because the tokenizer asks it of every word of every
// article: open addressing on a key that identifies a word of up to kMaxClassedWordBytes bytes
// without a call to memcmp.
namespace word_classes_internal {

inline constexpr size_t kMaxClassedWordBytes =
    9;                                  // "thưởng", "phường"; longer words are in no class
inline constexpr size_t kSlots = 1024;  // a power of two well above the ~400 words
inline constexpr size_t kMask = kSlots - 1;

// The word's first four bytes and its last four (overlapping when shorter than eight); then its
// length and the middle byte of a nine-byte word.
struct Key {
  uint64_t ends = 0;
  uint32_t rest = 0;
  bool operator==(const Key& other) const { return ends == other.ends && rest == other.rest; }
};

inline Key KeyOf(std::string_view word) {
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

inline uint64_t HashOf(const Key& key) { return (key.ends ^ key.rest) * 0x9E3779B97F4A7C15ull; }
inline size_t SlotOf(uint64_t hash) { return hash >> 54 & kMask; }
// A non-zero tag from other bits of the hash: most words are in no class, and comparing tags in a
// small array tells so without reading the table itself.
inline uint16_t TagOf(uint64_t hash) { return static_cast<uint16_t>(hash >> 16) | 1; }

struct Slot {
  Key key;
  uint32_t classes = 0;  // 0: an empty slot
};

// Filled before main() from the lists in word_classes.cc; kTags[slot] is 0 for an empty slot,
// else the tag of the word in kTable[slot].
extern const std::array<Slot, kSlots> kTable;
extern const std::array<uint16_t, kSlots> kTags;

}  // namespace word_classes_internal

// The classes of a lower-case word; 0 for a word in none.
inline uint32_t WordClassesOf(std::string_view lower_word) {
  namespace internal = word_classes_internal;
  if (lower_word.empty() || lower_word.size() > internal::kMaxClassedWordBytes) return 0;
  const internal::Key key = internal::KeyOf(lower_word);
  const uint64_t hash = internal::HashOf(key);
  const uint16_t tag = internal::TagOf(hash);
  for (size_t slot = internal::SlotOf(hash);; slot = (slot + 1) & internal::kMask) {
    const uint16_t slot_tag = internal::kTags[slot];
    if (slot_tag == 0) return 0;
    if (slot_tag == tag && internal::kTable[slot].key == key) return internal::kTable[slot].classes;
  }
}

// A hash of a non-empty word from its first two bytes, its last two and its length: constant time
// whatever the word, for the tables looked up once per token.
size_t WordHash(std::string_view word);

}  // namespace laurel::parser

#pragma once

#include <cstdint>
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
  kBodyHead = 1u << 6,        // "trường", "công", "bệnh": a school, company or hospital
  kAwardStart = 1u << 7,      // first words of every award form: "huân", "bằng", "danh"
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
};

// The classes of a lower-case word; 0 for a word in none.
uint32_t WordClassesOf(std::string_view lower_word);

// A hash of a non-empty word from its first two bytes, its last two and its length: constant time
// whatever the word, for the tables looked up once per token.
size_t WordHash(std::string_view word);

}  // namespace laurel::parser

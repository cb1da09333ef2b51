#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "ingest-service/src/parser/tokenizer.h"

// The names of bodies as articles abbreviate, punctuate or case them ("Bộ GD&ĐT", "Bộ giáo dục và
// đào tạo", "Sở VH-TT&DL", "TƯ Đoàn") and their canonical forms. The names of ministries and
// departments join their fields with "và", commas and dashes ("Bộ Lao động - Thương binh và Xã
// hội"), which elsewhere separate two bodies: readers of a body's name ask KnownBodyAt first.
namespace laurel::parser {

// The canonical names of the ministries and ministerial-level bodies, those before the
// reorganisation of 1 March 2025 and those it created.
const std::vector<std::string_view>& Ministries();

// How many tokens the ministry or department named at tokens[i] spans ("Bộ", "Sở" or "Phòng" and
// a field written in any of its forms: "Sở Văn hóa, Thể thao và Du lịch", "Phòng LĐ-TB&XH"); 0
// when none is named there.
size_t KnownBodyAt(const std::vector<Token>& tokens, size_t i, size_t end);

// Whether tokens[i] lies inside a ministry's or department's name that starts at or after
// tokens[from] (not at its first word): its commas and "và" separate nothing.
bool InsideKnownBody(const std::vector<Token>& tokens, size_t i, size_t from);

// `text` with every whole-word abbreviation or variant spelling of a body replaced by its
// canonical name, matched on `lower` (its lower-case copy, byte-aligned). Acronyms that are also
// ordinary words ("TƯ" / "Tư pháp", "VN") match only in capitals.
std::string ExpandBodyNames(std::string_view text, std::string_view lower);

}  // namespace laurel::parser

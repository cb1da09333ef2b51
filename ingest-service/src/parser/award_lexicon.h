#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <vector>

#include "ingest-service/src/parser/model.h"
#include "ingest-service/src/parser/tokenizer.h"

// The names of Vietnam's honours as articles write them, mapped onto the award taxonomy, and the
// words around them that matter: who receives (tập thể, cá nhân, named people), how an award is
// conferred (trao, tặng, truy tặng, đón nhận) and when it is not (đề nghị, thu hồi, huy chương
// vàng).
namespace laurel::parser {

struct AwardMention {
  AwardType type = AwardType::kUnspecified;
  std::string name;  // normalised: "Huân chương Lao động hạng Ba", "Bằng khen"
  size_t first = 0;  // token range
  size_t last = 0;
  // A form of recognition without a named award ("tuyên dương", "khen thưởng", "tôn vinh"): it
  // yields a record only when nothing more specific covers the same recipients.
  bool generic = false;
  bool specific_name = false;  // the name carries more than the bare form ("... hạng Nhì")
  bool self_conferring = false;  // the name is also the verb ("khen thưởng đột xuất 9 người")
  std::string implied_issuer;  // "Cờ thi đua của Chính phủ" → "Chính phủ"
};

// The award named at tokens[i], if any, reading at most up to tokens[end).
std::optional<AwardMention> MatchAward(const std::vector<Token>& tokens, size_t i, size_t end);

// Sports medals and competition results ("huy chương vàng", "đoạt giải") are not commendations.
// tokens[begin, end) is the sentence.
bool IsCompetitionResult(const std::vector<Token>& tokens, const AwardMention& mention,
                         size_t begin, size_t end);

// Who a recipient noun names: "tập thể" → COLLECTIVE, "cá nhân" → INDIVIDUAL. kUnspecified when the
// word is a recipient noun of neither kind ("tác phẩm", "đại biểu"); nullopt when it is not a
// recipient noun. `length` is set to the number of tokens the noun spans.
std::optional<RecipientKind> RecipientNoun(const std::vector<Token>& tokens, size_t i,
                                           size_t& length);

// Titles written before a person's name: "ông", "chị", "PGS.", "Trung tá".
bool IsHonorific(const std::vector<Token>& tokens, size_t i, size_t& length);

// A person's office written before the body and the name ("Giám đốc Sở Y tế Nguyễn Văn An",
// "Phó Chủ tịch UBND xã"): the words of the office, optionally after "Phó".
bool IsPersonRole(const std::vector<Token>& tokens, size_t i, size_t& length);

// Words that head an organisation's name: "Bệnh viện", "Công ty", "Hội", "NXB".
bool IsOrganisationHead(const std::vector<Token>& tokens, size_t i, size_t& length);

// Verbs of conferring, from either side: "trao", "tặng", "truy tặng", "đón nhận", "nhận".
bool IsConferringVerb(const Token& token);
// Words by which a recipient receives: "được", "nhận", "đón nhận".
bool IsReceivingWord(const Token& token);

// Cues that an award is only proposed, under review, revoked or conditional.
bool IsNotConferredCue(const std::vector<Token>& tokens, size_t i);

// Cues that put a whole sentence outside the news: rules ("quy định", "dự luật"), wishes ("mong",
// "xứng đáng").
bool IsHypotheticalCue(const std::vector<Token>& tokens, size_t i);

// Common Vietnamese family names, which start a person's name without any title.
bool IsFamilyName(const Token& token);

}  // namespace laurel::parser

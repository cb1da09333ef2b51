#pragma once

#include <cstddef>
#include <string>
#include <vector>

#include "ingest-service/src/parser/issuer_resolution.h"
#include "ingest-service/src/parser/model.h"
#include "ingest-service/src/parser/recipients.h"
#include "ingest-service/src/parser/sentence_splitter.h"
#include "ingest-service/src/parser/tokenizer.h"

// Reads the award records one sentence states: which award, conferred by whom on whom and how many,
// and whether it is conferred at all in the news reported (not proposed, revoked, reached as a
// standard, won in a competition or received in an earlier year).
namespace laurel::parser {

struct AwardCandidate {
  Award award;
  std::string recipient_noun;  // "tập thể", "gia đình": tells restated groups from different ones
  std::string recipient_qualifier;  // "tài trợ" in "các đơn vị tài trợ": likewise, when uncounted
  bool generic = false;             // "tuyên dương", "khen thưởng" without a named award
  bool specific_name = false;  // the award's name is more than its bare form
  bool issuer_weak = false;    // read from a presenter's title, or not stated at all
  bool issuer_stated = false;  // named with the award itself: "Bằng khen của X", "do X trao"
  bool from_title = false;     // read from the headline
  // "Hà Tĩnh có 76 học sinh được nhận bằng khen": one place's share of a larger group.
  bool partial = false;
  bool named_only = false;  // counted by its names alone ("bà Nga"), perhaps one of a larger group
  size_t sentence = 0;      // index of the sentence it was read from
};

struct AwardSentenceContext {
  IssuerContext issuer;
  int reference_year = 0;  // awards dated in an earlier year are background
  bool previous_conferred =
      false;  // for "Trong đó, 7 giải A, ...": breakdowns of the previous sentence
  // "UBND tỉnh đã trao tặng:" before items "- Cờ thi đua cho 5 tập thể;": the sentence that opens
  // the list the sentence read is an item of, whose subject gives its awards; null when none.
  const Sentence* list_opener = nullptr;
  // The counted or named groups the sentence before recognised with a generic act ("khen thưởng"),
  // for "Mỗi người được ... tặng Giấy khen" after them.
  std::vector<RecipientGroup> previous_groups;
};

std::vector<AwardCandidate> ExtractAwards(const std::vector<Token>& tokens,
                                          const Sentence& sentence,
                                          const AwardSentenceContext& context);

}  // namespace laurel::parser

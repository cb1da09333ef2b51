#pragma once

#include <vector>

#include "ingest-service/src/parser/award_extraction.h"

// One record per group of recipients (rule 2): a caption or later sentence that restates a group
// ("trao bằng khen cho 21 tập thể") is folded into the record it repeats, a generic "tuyên dương"
// of a group that also got a named award disappears into that award, a total whose breakdown is
// given gives way to the breakdown, and a headline only adds what the body does not say.
namespace laurel::parser {

std::vector<AwardCandidate> MergeRestatements(const std::vector<AwardCandidate>& candidates);

}  // namespace laurel::parser

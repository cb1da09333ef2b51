#pragma once

#include <optional>
#include <vector>

#include "ingest-service/src/parser/model.h"
#include "ingest-service/src/parser/sentence_splitter.h"
#include "ingest-service/src/parser/text_normalizer.h"
#include "ingest-service/src/parser/tokenizer.h"

// The gathering an article reports (rule 1: one event however often restated): its kind, day (rule
// 7), province (rule 8), organiser, and the emulation movement and period it reviews (rule 9).
namespace laurel::parser {

struct EventInputs {
  const NormalizedText* text = nullptr;
  const std::vector<Token>* tokens = nullptr;
  const std::vector<Sentence>* sentences = nullptr;
  std::optional<Date> published;
  int article_province = -1;  // the province the article names most, for events that name none
  bool has_awards = false;
  std::vector<size_t> award_sentences;  // where award records were read
};

struct ExtractedEvent {
  Event event;
  int province_index = -1;
  size_t sentence = 0;
};

std::optional<ExtractedEvent> ExtractEvent(const EventInputs& inputs);

// The gathering named at tokens[i], and how many tokens name it ("hội nghị" → CONFERENCE).
std::optional<EventKind> GatheringAt(const std::vector<Token>& tokens, size_t i, size_t end,
                                     size_t& length);

}  // namespace laurel::parser

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
};

struct ExtractedEvent {
  Event event;
  int province_index = -1;
  size_t sentence = 0;
  // Organised or dated, and about commendation: an event even when no award record is read.
  bool about_commendation = false;
  bool gathering = false;  // a gathering is named, not only a dated act of giving
};

// The gathering the article reports: kind, day, province, organiser.
std::optional<ExtractedEvent> ExtractEvent(const EventInputs& inputs);

// Adds the movement and the period reviewed, read from the event's sentence, then the sentences
// awards were read from, then any sentence about an emulation movement.
void CompleteEvent(const EventInputs& inputs, const std::vector<size_t>& award_sentences,
                   ExtractedEvent& extracted);

// The gathering named at tokens[i], and how many tokens name it ("hội nghị" → CONFERENCE).
std::optional<EventKind> GatheringAt(const std::vector<Token>& tokens, size_t i, size_t end,
                                     size_t& length);

}  // namespace laurel::parser

#pragma once

#include <optional>
#include <string>
#include <vector>

#include "ingest-service/src/parser/gazetteer.h"
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
  const std::vector<PlaceMention>* places = nullptr;  // every place the article names, in order
};

struct ExtractedEvent {
  Event event;
  int province_index = -1;
  size_t sentence = 0;
  // Organised or dated, and about commendation: an event even when no award record is read.
  bool about_commendation = false;
  bool gathering = false;   // a gathering is named, not only a dated act of giving
  int named_province = -1;  // the province its own sentence names (-2 abroad, -1 none)
  bool same_day = false;    // told of as held "cùng ngày", the day of the gathering before
  std::string day_part;  // the part of the day its sentence opens with ("sáng", "chiều"), if any
  // The day and month its sentence writes, when no year for them is known (year 0): "Sáng 22-6" in
  // an article without a date.
  Date day_without_year;
};

// `places` without those that only say where the people given something come from: a bracket
// after the names a sentence gives to ("tặng bằng khen cho hai lão nông A và B (Thuận Thành, Bắc
// Ninh)"). A venue's bracket ("tại Trường X (TP Đà Lạt, Lâm Đồng)") stays.
std::vector<PlaceMention> PlacesOfGatherings(const std::vector<Token>& tokens,
                                             const std::vector<PlaceMention>& places);

// The gatherings the article reports: kind, day, province, organiser. The first is the one it
// is mostly about; others are gatherings held apart from it (another day or province, within the
// same news), each once however often restated. Empty when it reports none.
std::vector<ExtractedEvent> ExtractEvents(const EventInputs& inputs);

// Adds the movement and the period reviewed, read from the event's sentence, then the sentences
// its awards were read from, then (for the event the article is about, `whole_article`) any
// sentence about an emulation movement.
void CompleteEvent(const EventInputs& inputs, const std::vector<size_t>& award_sentences,
                   bool whole_article, ExtractedEvent& extracted);

// The gathering named at tokens[i], and how many tokens name it ("hội nghị" → CONFERENCE).
std::optional<EventKind> GatheringAt(const std::vector<Token>& tokens, size_t i, size_t end,
                                     size_t& length);

}  // namespace laurel::parser

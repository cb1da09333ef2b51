#pragma once

#include <string>
#include <utility>

#include "ingest-service/src/article_identity.h"
#include "ingest-service/src/article_repository.h"

// Hand-made articles for storage tests, independent of what the parser extracts.
namespace laurel::testing {

struct AwardSpec {
  v1::AwardType type = v1::AWARD_TYPE_CERTIFICATE_OF_MERIT;
  std::string issuer = "UBND tỉnh Khánh Hòa";
  v1::RecipientKind kind = v1::RECIPIENT_KIND_COLLECTIVE;
  int64_t count = 1;
  int event_index = 0;
};

struct EventSpec {
  std::string province = "Khánh Hòa";
  int year = 2020, month = 6, day = 5;
  std::string movement = "Vì an ninh Tổ quốc";
};

inline ingest::NewArticle MakeArticle(const std::string& text, const std::vector<EventSpec>& events,
                                      const std::vector<AwardSpec>& awards,
                                      const std::string& url = "") {
  ingest::NewArticle article;
  article.text = text;
  article.keys.url = url;
  article.keys.identity_hash = ingest::ArticleIdentityHash(text);
  article.source = "Báo Thử nghiệm";
  article.parser_version = 1;
  article.records.article.set_title(text.substr(0, 20));
  article.records.article.mutable_published_at()->set_seconds(1591293960);  // 2020-06-05 01:06 +07
  article.records.published_utc_offset_minutes = 420;
  for (const EventSpec& spec : events) {
    v1::Event& event = article.records.events.emplace_back();
    event.set_kind(v1::EVENT_KIND_CONFERENCE);
    event.mutable_date()->set_year(spec.year);
    event.mutable_date()->set_month(spec.month);
    event.mutable_date()->set_day(spec.day);
    event.set_province(spec.province);
    event.set_current_province(spec.province);
    event.set_movement(spec.movement);
    event.mutable_source_span()->set_begin(0);
    event.mutable_source_span()->set_end(10);
    event.set_confidence(0.9);
  }
  for (const AwardSpec& spec : awards) {
    ingest::UnstoredAward& award = article.records.awards.emplace_back();
    award.event_index = spec.event_index < static_cast<int>(events.size()) ? spec.event_index : -1;
    award.award.set_award_type(spec.type);
    award.award.set_award_name("Bằng khen");
    award.award.set_issuer(spec.issuer);
    award.award.set_issuer_level(v1::ISSUER_LEVEL_PROVINCE);
    award.award.set_recipient_kind(spec.kind);
    award.award.set_count(spec.count);
    award.award.mutable_source_span()->set_begin(11);
    award.award.mutable_source_span()->set_end(40);
    award.award.set_confidence(0.8);
  }
  return article;
}

// Stores `article` alone, in a transaction of its own, and reads it back as IngestArticle answers.
inline absl::StatusOr<v1::IngestArticleResponse> StoreOne(ingest::ArticleRepository& repository,
                                                          const ingest::NewArticle& article) {
  auto stored = repository.InsertBatch({article});
  if (!stored.ok()) return stored.status();
  auto loaded = repository.Load(stored->front().id);
  if (!loaded.ok()) return loaded.status();
  if (!loaded->has_value()) return absl::NotFoundError("the stored article is gone");
  (*loaded)->set_created(stored->front().created);
  return std::move(**loaded);
}

}  // namespace laurel::testing

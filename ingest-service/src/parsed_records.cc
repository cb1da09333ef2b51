#include "ingest-service/src/parsed_records.h"

#include "google/protobuf/util/time_util.h"

namespace laurel::ingest {
namespace {

v1::EventKind ToProto(parser::EventKind kind) {
  switch (kind) {
    case parser::EventKind::kConference:
      return v1::EVENT_KIND_CONFERENCE;
    case parser::EventKind::kCeremony:
      return v1::EVENT_KIND_CEREMONY;
    case parser::EventKind::kCongress:
      return v1::EVENT_KIND_CONGRESS;
    case parser::EventKind::kOther:
      return v1::EVENT_KIND_OTHER;
    case parser::EventKind::kUnspecified:
      break;
  }
  return v1::EVENT_KIND_UNSPECIFIED;
}

v1::AwardType ToProto(parser::AwardType type) {
  switch (type) {
    case parser::AwardType::kOrder:
      return v1::AWARD_TYPE_ORDER;
    case parser::AwardType::kMedal:
      return v1::AWARD_TYPE_MEDAL;
    case parser::AwardType::kStateHonoraryTitle:
      return v1::AWARD_TYPE_STATE_HONORARY_TITLE;
    case parser::AwardType::kStatePrize:
      return v1::AWARD_TYPE_STATE_PRIZE;
    case parser::AwardType::kCommemorativeMedal:
      return v1::AWARD_TYPE_COMMEMORATIVE_MEDAL;
    case parser::AwardType::kCertificateOfMerit:
      return v1::AWARD_TYPE_CERTIFICATE_OF_MERIT;
    case parser::AwardType::kCertificateOfCommendation:
      return v1::AWARD_TYPE_CERTIFICATE_OF_COMMENDATION;
    case parser::AwardType::kEmulationFlag:
      return v1::AWARD_TYPE_EMULATION_FLAG;
    case parser::AwardType::kEmulationTitle:
      return v1::AWARD_TYPE_EMULATION_TITLE;
    case parser::AwardType::kOther:
      return v1::AWARD_TYPE_OTHER;
    case parser::AwardType::kUnspecified:
      break;
  }
  return v1::AWARD_TYPE_UNSPECIFIED;
}

v1::RecipientKind ToProto(parser::RecipientKind kind) {
  switch (kind) {
    case parser::RecipientKind::kCollective:
      return v1::RECIPIENT_KIND_COLLECTIVE;
    case parser::RecipientKind::kIndividual:
      return v1::RECIPIENT_KIND_INDIVIDUAL;
    case parser::RecipientKind::kUnspecified:
      break;
  }
  return v1::RECIPIENT_KIND_UNSPECIFIED;
}

v1::IssuerLevel ToProto(parser::IssuerLevel level) {
  switch (level) {
    case parser::IssuerLevel::kState:
      return v1::ISSUER_LEVEL_STATE;
    case parser::IssuerLevel::kGovernment:
      return v1::ISSUER_LEVEL_GOVERNMENT;
    case parser::IssuerLevel::kMinistry:
      return v1::ISSUER_LEVEL_MINISTRY;
    case parser::IssuerLevel::kProvince:
      return v1::ISSUER_LEVEL_PROVINCE;
    case parser::IssuerLevel::kLocal:
      return v1::ISSUER_LEVEL_LOCAL;
    case parser::IssuerLevel::kOrganization:
      return v1::ISSUER_LEVEL_ORGANIZATION;
    case parser::IssuerLevel::kForeign:
      return v1::ISSUER_LEVEL_FOREIGN;
    case parser::IssuerLevel::kUnspecified:
      break;
  }
  return v1::ISSUER_LEVEL_UNSPECIFIED;
}

void SetSpan(const parser::Span& span, v1::SourceSpan* out) {
  out->set_begin(span.begin);
  out->set_end(span.end);
}

}  // namespace

UnstoredRecords ToUnstoredRecords(const parser::ParsedArticle& parsed) {
  UnstoredRecords records;
  records.article.set_title(parsed.title);
  records.article.set_author(parsed.author);
  if (parsed.published_at.has_value()) {
    *records.article.mutable_published_at() =
        google::protobuf::util::TimeUtil::SecondsToTimestamp(parsed.published_at->unix_seconds);
    records.published_utc_offset_minutes = parsed.published_at->utc_offset_minutes;
  }
  for (const parser::Event& event : parsed.events) {
    v1::Event& out = records.events.emplace_back();
    out.set_kind(ToProto(event.kind));
    out.mutable_date()->set_year(event.date.year);
    out.mutable_date()->set_month(event.date.month);
    out.mutable_date()->set_day(event.date.day);
    out.set_province(event.province);
    out.set_current_province(event.current_province);
    out.set_organizer(event.organizer);
    out.set_movement(event.movement);
    out.set_period_start_year(event.period_start_year);
    out.set_period_end_year(event.period_end_year);
    SetSpan(event.span, out.mutable_source_span());
    out.set_confidence(event.confidence);
  }
  for (const parser::Award& award : parsed.awards) {
    UnstoredAward& out = records.awards.emplace_back();
    const bool has_event =
        award.event_index >= 0 && award.event_index < static_cast<int>(parsed.events.size());
    out.event_index = has_event ? award.event_index : -1;
    out.award.set_award_type(ToProto(award.award_type));
    out.award.set_award_name(award.award_name);
    out.award.set_issuer(award.issuer);
    out.award.set_issuer_level(ToProto(award.issuer_level));
    out.award.set_recipient_kind(ToProto(award.recipient_kind));
    if (award.count.has_value()) out.award.set_count(*award.count);
    for (const std::string& recipient : award.recipients) out.award.add_recipients(recipient);
    out.award.set_presenter(award.presenter);
    SetSpan(award.span, out.award.mutable_source_span());
    out.award.set_confidence(award.confidence);
  }
  return records;
}

}  // namespace laurel::ingest

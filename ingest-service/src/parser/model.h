#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

// What the parser reads out of one article. Plain values only: the parser is a pure library, and
// the ingest service maps these structs onto protobuf and SQL rows.
namespace laurel::parser {

// A calendar date as far as the text states it; 0 means "not stated" for any part.
struct Date {
  int year = 0;
  int month = 0;
  int day = 0;

  bool known() const { return year != 0 && month != 0 && day != 0; }
  friend bool operator==(const Date& a, const Date& b) {
    return a.year == b.year && a.month == b.month && a.day == b.day;
  }
};

// Where a record was read from: [begin, end) in Unicode code points of the text as submitted, so a
// client can highlight the sentence in the original article whatever normalisation the parser
// applied.
struct Span {
  int64_t begin = 0;
  int64_t end = 0;
};

enum class EventKind { kUnspecified, kConference, kCeremony, kCongress, kOther };

enum class AwardType {
  kUnspecified,
  kOrder,
  kMedal,
  kStateHonoraryTitle,
  kStatePrize,
  kCommemorativeMedal,
  kCertificateOfMerit,
  kCertificateOfCommendation,
  kEmulationFlag,
  kEmulationTitle,
  kOther,
};

// UNSPECIFIED is a real answer here: the text does not say whether the recipients are people or
// bodies.
enum class RecipientKind { kUnspecified, kCollective, kIndividual };

// The tier of the authority in whose name an award is given; statistics group by it.
enum class IssuerLevel {
  kUnspecified,
  kState,         // Chủ tịch nước, Quốc hội
  kGovernment,    // Thủ tướng Chính phủ, Chính phủ
  kMinistry,      // ministries and central bodies
  kProvince,      // UBND tỉnh / thành phố trực thuộc trung ương and provincial bodies
  kLocal,         // district and commune level
  kOrganization,  // Party, mass organisations, enterprises, schools, associations
  kForeign,       // foreign states and their bodies
};

struct Event {
  EventKind kind = EventKind::kUnspecified;
  Date date;
  std::string province;  // canonical name on the article's date; empty when not in a province
  std::string current_province;  // the province it belongs to since 1 July 2025; empty when unknown
  std::string organizer;
  std::string movement;  // without quotes; empty when none
  int period_start_year = 0;
  int period_end_year = 0;
  Span span;
  double confidence = 0;
};

struct Award {
  // Index into ParsedArticle::events of the gathering where it was given; -1 when none was
  // reported.
  int event_index = -1;
  AwardType award_type = AwardType::kUnspecified;
  std::string award_name;  // "Bằng khen", "Huân chương Lao động hạng Ba"
  std::string issuer;      // canonical issuer, empty when the text does not say
  IssuerLevel issuer_level = IssuerLevel::kUnspecified;
  RecipientKind recipient_kind = RecipientKind::kUnspecified;
  std::optional<int64_t> count;  // absent when the text gives no number ("nhiều cá nhân")
  std::vector<std::string> recipients;  // named recipients, as written
  std::string presenter;                // the person handing it over, when named
  Span span;
  double confidence = 0;
};

// Publication instant as the date line writes it: local wall-clock time plus the UTC offset it is
// in.
struct PublishedAt {
  int64_t unix_seconds = 0;
  int utc_offset_minutes = 0;
};

struct ParsedArticle {
  std::string title;
  std::optional<PublishedAt> published_at;
  std::string author;  // byline as written; empty when none
  std::vector<Event> events;
  std::vector<Award> awards;
};

}  // namespace laurel::parser

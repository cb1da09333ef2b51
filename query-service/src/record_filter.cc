#include "query-service/src/record_filter.h"

#include <functional>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_format.h"
#include "absl/strings/str_join.h"
#include "common/enum_codes.h"
#include "common/grpc_status.h"

namespace laurel::query {
namespace {

enum class Level { kAward, kEvent, kArticle };

absl::Status InvalidFilter(absl::string_view field, std::string message) {
  return WithErrorDetails(absl::InvalidArgumentError(std::move(message)), "INVALID_FILTER",
                          absl::StrCat("filter.", field));
}

int DaysInMonth(int year, int month) {
  static constexpr int kDays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  const bool leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
  return month == 2 && leap ? 29 : kDays[month - 1];
}

// Validates a possibly partial date and returns it as an ISO date string for comparison: the
// earliest day it covers for a lower bound, the latest for an upper one ({year: 2020} → 2020-01-01
// or 2020-12-31).
absl::StatusOr<std::string> BoundDate(const v1::Date& date, absl::string_view field, bool upper) {
  if (date.year() < 1800 || date.year() > 2200) {
    return InvalidFilter(field,
                         absl::StrCat("filter.", field, ".year must be between 1800 and 2200"));
  }
  if (date.month() < 0 || date.month() > 12 || date.day() < 0 ||
      date.day() > DaysInMonth(date.year(), date.month() != 0 ? date.month() : 1) ||
      (date.day() != 0 && date.month() == 0)) {
    return InvalidFilter(field, absl::StrCat("filter.", field,
                                             " is not a date: month 1-12, a day that month has, "
                                             "and a day only with a month"));
  }
  const int month = date.month() != 0 ? date.month() : (upper ? 12 : 1);
  const int day = date.day() != 0 ? date.day() : (upper ? DaysInMonth(date.year(), month) : 1);
  return absl::StrFormat("%04d-%02d-%02d", date.year(), month, day);
}

template <typename Enum>
absl::StatusOr<std::string> EnumFilterCode(int value, absl::string_view field) {
  const auto* descriptor = google::protobuf::GetEnumDescriptor<Enum>();
  if (descriptor->FindValueByNumber(value) == nullptr) {
    return InvalidFilter(field, absl::StrCat("filter.", field, " has unknown value ", value));
  }
  return EnumCode(static_cast<Enum>(value));
}

// One filter field turned into a condition on the facts of its level.
struct Condition {
  Level level;
  // Renders the condition on the relation aliased `alias`, binding its values into `sql`.
  std::function<std::string(SqlConditions& sql, absl::string_view alias)> render;
};

}  // namespace

std::string SqlConditions::WhereClause() const {
  return conditions.empty() ? "" : absl::StrCat("WHERE ", absl::StrJoin(conditions, " AND "));
}

std::string SqlConditions::Bind(std::string value) {
  params.push_back(std::move(value));
  return absl::StrCat("$", params.size());
}

absl::StatusOr<SqlConditions> FilterConditions(const v1::RecordFilter& filter,
                                               FilterTarget target) {
  std::vector<Condition> wanted;
  const auto equals = [&wanted](Level level, absl::string_view column, std::string value) {
    wanted.push_back({level, [column = std::string(column), value = std::move(value)](
                                 SqlConditions& sql, absl::string_view alias) {
                        return absl::StrCat(alias, ".", column, " = ", sql.Bind(value));
                      }});
  };
  if (!filter.province().empty()) equals(Level::kEvent, "province", filter.province());
  if (!filter.current_province().empty()) {
    equals(Level::kEvent, "current_province", filter.current_province());
  }
  if (!filter.movement().empty()) equals(Level::kEvent, "movement", filter.movement());
  if (!filter.organizer().empty()) equals(Level::kEvent, "organizer", filter.organizer());
  if (filter.event_kind() != 0) {
    auto code = EnumFilterCode<v1::EventKind>(filter.event_kind(), "event_kind");
    if (!code.ok()) return code.status();
    equals(Level::kEvent, "event_kind", *code);
  }
  if (!filter.issuer().empty()) equals(Level::kAward, "issuer", filter.issuer());
  if (!filter.award_name().empty()) equals(Level::kAward, "award_name", filter.award_name());
  if (filter.issuer_level() != 0) {
    auto code = EnumFilterCode<v1::IssuerLevel>(filter.issuer_level(), "issuer_level");
    if (!code.ok()) return code.status();
    equals(Level::kAward, "issuer_level", *code);
  }
  if (filter.award_type() != 0) {
    auto code = EnumFilterCode<v1::AwardType>(filter.award_type(), "award_type");
    if (!code.ok()) return code.status();
    equals(Level::kAward, "award_type", *code);
  }
  if (filter.has_recipient_kind()) {
    auto code = EnumFilterCode<v1::RecipientKind>(filter.recipient_kind(), "recipient_kind");
    if (!code.ok()) return code.status();
    equals(Level::kAward, "recipient_kind", *code);
  }
  if (!filter.source().empty()) equals(Level::kArticle, "source", filter.source());
  // Award dates are (year, month, day) columns with 0 for unknown parts; comparing them as an ISO
  // string keeps partial dates ordered sensibly and ranks unknown years before every bound.

  for (const auto& [date, field, upper] : {std::tuple(&filter.date_from(), "date_from", false),
                                           std::tuple(&filter.date_to(), "date_to", true)}) {
    if (date->year() == 0 && date->month() == 0 && date->day() == 0) continue;
    auto bound = BoundDate(*date, field, upper);
    if (!bound.ok()) return bound.status();
    wanted.push_back(
        {Level::kEvent, [bound = *bound, upper = upper](SqlConditions& sql, absl::string_view a) {
           return absl::StrCat(a, ".award_year > 0 AND to_char(", a,
                               ".award_year, 'FM0000') || '-' || ", "to_char(", a,
                               ".award_month, 'FM00') || '-' || to_char(", a, ".award_day, 'FM00')",
                               upper ? " <= " : " >= ", sql.Bind(bound));
         }});
  }
  for (const auto& [instant, field, upper] :
       {std::tuple(&filter.published_from(), "published_from", false),
        std::tuple(&filter.published_to(), "published_to", true)}) {
    if (!filter.has_published_from() && !upper) continue;
    if (!filter.has_published_to() && upper) continue;
    // google.protobuf.Timestamp's own range (years 1 to 9999); beyond it the microseconds below
    // would overflow.
    if (instant->seconds() < -62135596800 || instant->seconds() > 253402300799 ||
        instant->nanos() < 0 || instant->nanos() > 999999999) {
      return InvalidFilter(field, absl::StrCat("filter.", field,
                                               " is outside 0001-01-01 to 9999-12-31 or has "
                                               "nanos outside 0-999999999"));
    }
    const std::string micros = absl::StrCat(instant->seconds() * 1000000 + instant->nanos() / 1000);
    wanted.push_back(
        {Level::kArticle, [micros, upper = upper](SqlConditions& sql, absl::string_view alias) {
           return absl::StrCat(alias, ".published_at ", upper ? "< " : ">= ", "to_timestamp(",
                               sql.Bind(micros), "::BIGINT / 1000000.0)");
         }});
  }

  // Render each condition where its column lives: directly on the target's own relation (alias f),
  // or through an EXISTS over the award facts that belong to the target row.
  SqlConditions sql;
  std::vector<const Condition*> through_awards;
  for (const Condition& condition : wanted) {
    const bool direct = target == FilterTarget::kAwards ||
                        (target == FilterTarget::kEvents && condition.level != Level::kAward) ||
                        (target == FilterTarget::kArticles && condition.level == Level::kArticle);
    if (direct) {
      sql.conditions.push_back(condition.render(sql, "f"));
    } else {
      through_awards.push_back(&condition);
    }
  }
  if (!through_awards.empty()) {
    std::vector<std::string> inner;
    for (const Condition* condition : through_awards) inner.push_back(condition->render(sql, "af"));
    const char* link =
        target == FilterTarget::kEvents ? "af.event_id = f.event_id" : "af.article_id = f.id";
    sql.conditions.push_back(absl::StrCat("EXISTS (SELECT 1 FROM award_facts af WHERE ", link,
                                          " AND ", absl::StrJoin(inner, " AND "), ")"));
  }
  return sql;
}

}  // namespace laurel::query

#include "query-service/src/record_filter.h"

#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "absl/time/civil_time.h"
#include "common/enum_codes.h"
#include "common/grpc_status.h"

namespace laurel::query {
namespace {

using Kind = FilterCondition::Kind;

absl::Status InvalidFilter(absl::string_view field, std::string message) {
  return WithErrorDetails(absl::InvalidArgumentError(std::move(message)), "INVALID_FILTER",
                          absl::StrCat("filter.", field));
}

int DaysInMonth(int year, int month) {
  return (absl::CivilDay(absl::CivilMonth(year, month) + 1) - 1).day();
}

// A possibly partial date as the bound it means: the earliest day it covers for a lower bound, the
// latest for an upper one ({year: 2020} → 2020-01-01 or 2020-12-31).
absl::StatusOr<FilterCondition> DateBound(const v1::Date& date, absl::string_view field,
                                          bool upper) {
  if (date.year() < 1800 || date.year() > 2200) {
    return InvalidFilter(field,
                         absl::StrCat("filter.", field, ".year must be between 1800 and 2200"));
  }
  if (date.month() < 0 || date.month() > 12 || date.day() < 0 ||
      (date.day() != 0 && date.month() == 0) ||
      (date.day() != 0 && date.day() > DaysInMonth(date.year(), date.month()))) {
    return InvalidFilter(field,
                         absl::StrCat("filter.", field,
                                      " is not a date: month 1-12 and a day of that month, a "
                                      "day only with a month"));
  }
  FilterCondition bound;
  bound.kind = upper ? Kind::kDateTo : Kind::kDateFrom;
  bound.level = FilterLevel::kEvent;
  bound.year = date.year();
  bound.month = date.month() != 0 ? date.month() : (upper ? 12 : 1);
  const int last_day = DaysInMonth(bound.year, bound.month);
  bound.day = date.day() != 0 ? date.day() : (upper ? last_day : 1);
  bound.whole_months = upper ? bound.day == last_day : bound.day == 1;
  return bound;
}

template <typename Enum>
absl::StatusOr<std::string> EnumFilterCode(int value, absl::string_view field) {
  const auto* descriptor = google::protobuf::GetEnumDescriptor<Enum>();
  if (descriptor->FindValueByNumber(value) == nullptr) {
    return InvalidFilter(field, absl::StrCat("filter.", field, " has unknown value ", value));
  }
  return EnumCode(static_cast<Enum>(value));
}

FilterCondition Equals(FilterLevel level, absl::string_view column, std::string value) {
  FilterCondition condition;
  condition.kind = Kind::kEquals;
  condition.level = level;
  condition.column = std::string(column);
  condition.value = std::move(value);
  return condition;
}

FilterCondition Number(Kind kind, int value) {
  FilterCondition condition;
  condition.kind = kind;
  condition.level = FilterLevel::kEvent;
  condition.value = absl::StrCat(value);
  return condition;
}

}  // namespace

std::string SqlConditions::WhereClause() const {
  return conditions.empty() ? "" : absl::StrCat("WHERE ", absl::StrJoin(conditions, " AND "));
}

std::string SqlConditions::Bind(std::string value) {
  params.push_back(std::move(value));
  return absl::StrCat("$", params.size());
}

std::vector<absl::string_view> FilterCondition::Columns() const {
  switch (kind) {
    case Kind::kEquals:
      return {column};
    case Kind::kPublishedFrom:
    case Kind::kPublishedTo:
      return {};
    default:
      return {"award_year", "award_month"};
  }
}

std::string FilterCondition::Render(SqlConditions& sql, absl::string_view alias,
                                    bool by_month) const {
  switch (kind) {
    case Kind::kEquals:
      return absl::StrCat(alias, ".", column, " = ", sql.Bind(value));
    case Kind::kYear:
      return absl::StrCat(alias, ".award_year = ", sql.Bind(value), "::INT");
    case Kind::kQuarter:
      return absl::StrCat("(", alias, ".award_month + 2) / 3 = ", sql.Bind(value), "::INT");
    case Kind::kMonth:
      return absl::StrCat(alias, ".award_month = ", sql.Bind(value), "::INT");
    case Kind::kDateFrom:
    case Kind::kDateTo: {
      // A date missing its month or day counts as the first month or day, so a month-long range
      // means the same whether records are compared by day or, in a rollup, by month.
      const char* op = kind == Kind::kDateFrom ? " >= " : " <= ";
      std::string date =
          absl::StrCat("(", alias, ".award_year, GREATEST(", alias, ".award_month, 1)");
      std::string bound = absl::StrCat("(", sql.Bind(absl::StrCat(year)), "::INT, ",
                                       sql.Bind(absl::StrCat(month)), "::INT");
      if (!by_month) {
        absl::StrAppend(&date, ", GREATEST(", alias, ".award_day, 1)");
        absl::StrAppend(&bound, ", ", sql.Bind(absl::StrCat(day)), "::INT");
      }
      return absl::StrCat(alias, ".award_year > 0 AND ", date, ")", op, bound, ")");
    }
    case Kind::kPublishedFrom:
    case Kind::kPublishedTo:
      return absl::StrCat(alias, ".published_at ", kind == Kind::kPublishedFrom ? ">= " : "< ",
                          "to_timestamp(", sql.Bind(value), "::BIGINT / 1000000.0)");
  }
  return "TRUE";
}

absl::StatusOr<std::vector<FilterCondition>> ReadFilter(const v1::RecordFilter& filter) {
  std::vector<FilterCondition> conditions;
  const auto text = [&](bool set, FilterLevel level, absl::string_view column,
                        const std::string& value) {
    if (set) conditions.push_back(Equals(level, column, value));
  };
  text(filter.has_province(), FilterLevel::kEvent, "province", filter.province());
  text(filter.has_current_province(), FilterLevel::kEvent, "current_province",
       filter.current_province());
  text(filter.has_movement(), FilterLevel::kEvent, "movement", filter.movement());
  text(filter.has_organizer(), FilterLevel::kEvent, "organizer", filter.organizer());
  text(filter.has_issuer(), FilterLevel::kAward, "issuer", filter.issuer());
  text(filter.has_award_name(), FilterLevel::kAward, "award_name", filter.award_name());
  text(filter.has_source(), FilterLevel::kArticle, "source", filter.source());

  const auto code = [&](auto status_or_code, FilterLevel level,
                        absl::string_view column) -> absl::Status {
    if (!status_or_code.ok()) return status_or_code.status();
    conditions.push_back(Equals(level, column, *status_or_code));
    return absl::OkStatus();
  };
  absl::Status status;
  if (filter.has_event_kind()) {
    status.Update(code(EnumFilterCode<v1::EventKind>(filter.event_kind(), "event_kind"),
                       FilterLevel::kEvent, "event_kind"));
  }
  if (filter.has_issuer_level()) {
    status.Update(code(EnumFilterCode<v1::IssuerLevel>(filter.issuer_level(), "issuer_level"),
                       FilterLevel::kAward, "issuer_level"));
  }
  if (filter.has_award_type()) {
    status.Update(code(EnumFilterCode<v1::AwardType>(filter.award_type(), "award_type"),
                       FilterLevel::kAward, "award_type"));
  }
  if (filter.has_recipient_kind()) {
    status.Update(code(EnumFilterCode<v1::RecipientKind>(filter.recipient_kind(), "recipient_kind"),
                       FilterLevel::kAward, "recipient_kind"));
  }
  if (!status.ok()) return status;

  if (filter.has_year()) {
    if (filter.year() < 0 || filter.year() > 2200) {
      return InvalidFilter("year", "filter.year must be 0 (no known date) or a year up to 2200");
    }
    conditions.push_back(Number(Kind::kYear, filter.year()));
  }
  if (filter.has_quarter()) {
    if (filter.quarter() < 1 || filter.quarter() > 4) {
      return InvalidFilter("quarter", "filter.quarter must be 1-4");
    }
    conditions.push_back(Number(Kind::kQuarter, filter.quarter()));
  }
  if (filter.has_month()) {
    if (filter.month() < 1 || filter.month() > 12) {
      return InvalidFilter("month", "filter.month must be 1-12");
    }
    conditions.push_back(Number(Kind::kMonth, filter.month()));
  }
  for (const auto& [set, date, field, upper] :
       {std::tuple(filter.has_date_from(), &filter.date_from(), "date_from", false),
        std::tuple(filter.has_date_to(), &filter.date_to(), "date_to", true)}) {
    if (!set || (date->year() == 0 && date->month() == 0 && date->day() == 0)) continue;
    auto bound = DateBound(*date, field, upper);
    if (!bound.ok()) return bound.status();
    conditions.push_back(*bound);
  }
  for (const auto& [set, instant, field, kind] :
       {std::tuple(filter.has_published_from(), &filter.published_from(), "published_from",
                   Kind::kPublishedFrom),
        std::tuple(filter.has_published_to(), &filter.published_to(), "published_to",
                   Kind::kPublishedTo)}) {
    if (!set) continue;
    // google.protobuf.Timestamp's own range (years 1 to 9999); beyond it the microseconds below
    // would overflow.
    if (instant->seconds() < -62135596800 || instant->seconds() > 253402300799 ||
        instant->nanos() < 0 || instant->nanos() > 999999999) {
      return InvalidFilter(field, absl::StrCat("filter.", field,
                                               " is outside 0001-01-01 to 9999-12-31 or has "
                                               "nanos outside 0-999999999"));
    }
    FilterCondition condition;
    condition.kind = kind;
    condition.level = FilterLevel::kArticle;
    condition.value = absl::StrCat(instant->seconds() * 1000000 + instant->nanos() / 1000);
    conditions.push_back(std::move(condition));
  }
  return conditions;
}

absl::StatusOr<SqlConditions> FilterConditions(const v1::RecordFilter& filter,
                                               FilterTarget target) {
  auto wanted = ReadFilter(filter);
  if (!wanted.ok()) return wanted.status();
  // Render each condition where its column lives: directly on the target's own relation (alias f),
  // or through an EXISTS over the award facts that belong to the target row.
  SqlConditions sql;
  std::vector<const FilterCondition*> through_awards;
  for (const FilterCondition& condition : *wanted) {
    const bool direct =
        target == FilterTarget::kAwards ||
        (target == FilterTarget::kEvents && condition.level != FilterLevel::kAward) ||
        (target == FilterTarget::kArticles && condition.level == FilterLevel::kArticle);
    if (direct) {
      sql.conditions.push_back(condition.Render(sql, "f"));
    } else {
      through_awards.push_back(&condition);
    }
  }
  if (!through_awards.empty()) {
    std::vector<std::string> inner;
    for (const FilterCondition* condition : through_awards) {
      inner.push_back(condition->Render(sql, "af"));
    }
    // An event's records are its own (it is a first report); an article's are those of every event
    // it reports, counted with the event's first report, and its own records given at no event.
    const char* from = target == FilterTarget::kEvents
                           ? "award_facts af WHERE af.event_id = f.event_id"
                           : "article_reports r JOIN award_facts af ON af.award_id = r.award_id "
                             "WHERE r.article_id = f.id";
    sql.conditions.push_back(
        absl::StrCat("EXISTS (SELECT 1 FROM ", from, " AND ", absl::StrJoin(inner, " AND "), ")"));
  }
  return sql;
}

}  // namespace laurel::query

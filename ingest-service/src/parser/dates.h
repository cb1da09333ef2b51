#pragma once

#include <cstddef>
#include <optional>
#include <string_view>
#include <vector>

#include "ingest-service/src/parser/model.h"
#include "ingest-service/src/parser/tokenizer.h"

// Dates as Vietnamese news writes them: publication date lines ("01:06, 05/06/2020",
// "Thứ sáu, 05/06/2020 - 01:06", "2025-06-28T23:48:00+07:00", "20201002"), the day an event
// happened
// ("Sáng 5-6", "chiều 12/3", "Hôm nay (8/7)", "ngày 30/6/2017") and the periods a report reviews
// ("giai đoạn 2015 - 2020", "5 năm (2016-2020)"), which are never dates.
namespace laurel::parser {

inline constexpr int kDefaultUtcOffsetMinutes = 7 * 60;  // Vietnam has one time zone

struct DateTime {
  Date date;
  int hour = 0;
  int minute = 0;
  int second = 0;
  int utc_offset_minutes = kDefaultUtcOffsetMinutes;
};

// A line that is nothing but a publication date and time; nullopt for any other line.
std::optional<DateTime> ParseDateLine(std::string_view line);

// Whether `line` has the shape of a date line (digits in date and time groups, weekdays, "GMT"),
// whether or not the date it writes exists ("31/02/2021"): such a line is never a headline.
bool IsDateLineShaped(std::string_view line);

// Seconds since the Unix epoch of a local date-time.
int64_t ToUnixSeconds(const DateTime& date_time);

// The calendar date `days` after (or before, when negative) `date`.
Date AddDays(const Date& date, int days);
bool IsBefore(const Date& a, const Date& b);

// When an event happened, as written in tokens[begin, end): day and month, the year when written
// ("ngày 30/6/2017"), or a day relative to publication ("hôm qua", "hôm nay"). A gathering over
// several days ("ngày 3 và 4/6", "3-4/6", "từ ngày 3 đến 5/6") is dated by its first day.
struct EventDay {
  int day = 0;
  int month = 0;
  int year = 0;  // 0 when not written
  int days_from_publication = 0;
  bool relative = false;  // "hôm nay" / "hôm qua": a day counted from the publication date
  size_t token = 0;       // where it was written
};

std::optional<EventDay> FindEventDay(const std::vector<Token>& tokens, size_t begin, size_t end);

struct Period {
  int start_year = 0;
  int end_year = 0;
  size_t token = 0;
  bool anniversary =
      false;  // "kỷ niệm 55 năm thành lập (1962-2017)": a lifetime, not a period reviewed
};

std::vector<Period> FindPeriods(const std::vector<Token>& tokens, size_t begin, size_t end);

// Years written in tokens[begin, end) outside periods: "năm 2017", "2017", "30/6/2017", the end of
// "(5/9/1962 - 5/9/2017)". Each comes with its token index.
struct WrittenYear {
  int year = 0;
  size_t token = 0;
  bool in_range = false;  // part of a "(1962-2017)"-style span
  int month = 0;          // written with it ("31/12/2019"); 0 when only the year is
};
std::vector<WrittenYear> FindYears(const std::vector<Token>& tokens, size_t begin, size_t end);

}  // namespace laurel::parser

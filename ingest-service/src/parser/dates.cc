#include "ingest-service/src/parser/dates.h"

#include <array>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <string>

#include "ingest-service/src/parser/numbers.h"
#include "ingest-service/src/parser/text_normalizer.h"

namespace laurel::parser {
namespace {

constexpr int kMinYear = 1900;
constexpr int kMaxYear = 2100;
constexpr int kMaxPeriodYears = 30;  // a reviewed period; longer spans are ages

bool ValidDate(int year, int month, int day) {
  static constexpr std::array<int, 12> kDays = {31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  if (month < 1 || month > 12 || day < 1) return false;
  if (day > kDays[month - 1]) return false;
  if (year != 0 && month == 2 && day == 29) {
    return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
  }
  return true;
}

// Splits "5/6", "05-06-2020", "8.2" into numbers; returns how many parts (0 when not all digits).
int SplitNumbers(std::string_view word, std::array<int, 3>& parts, char& separator) {
  int count = 0;
  int value = 0;
  int digits = 0;
  separator = 0;
  for (char ch : word) {
    if (ch >= '0' && ch <= '9') {
      if (++digits > 4) return 0;
      value = value * 10 + (ch - '0');
      continue;
    }
    if (ch != '/' && ch != '-' && ch != '.') return 0;
    if (separator != 0 && ch != separator) return 0;
    if (digits == 0 || count == 2) return 0;
    separator = ch;
    parts[count++] = value;
    value = 0;
    digits = 0;
  }
  if (digits == 0) return 0;
  parts[count++] = value;
  return count;
}

// Words that introduce the time of an event: "Sáng 5-6", "chiều tối 28/6", "ngày 12/5".
bool IsTimeOfDay(const Token& token) { return (token.classes & kTimeOfDay) != 0; }

int ParseYear(std::string_view word) {
  if (word.size() != 4) return 0;
  int year = 0;
  for (char ch : word) {
    if (ch < '0' || ch > '9') return 0;
    year = year * 10 + (ch - '0');
  }
  return year >= kMinYear && year <= kMaxYear ? year : 0;
}

int64_t DaysFromCivil(int year, int month, int day) {
  // Howard Hinnant's algorithm.
  year -= month <= 2 ? 1 : 0;
  const int64_t era = (year >= 0 ? year : year - 399) / 400;
  const int64_t yoe = year - era * 400;
  const int64_t doy = (153 * (month + (month > 2 ? -3 : 9)) + 2) / 5 + day - 1;
  const int64_t doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
  return era * 146097 + doe - 719468;
}

Date CivilFromDays(int64_t days) {
  days += 719468;
  const int64_t era = (days >= 0 ? days : days - 146096) / 146097;
  const int64_t doe = days - era * 146097;
  const int64_t yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
  const int64_t doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
  const int64_t mp = (5 * doy + 2) / 153;
  const int day = static_cast<int>(doy - (153 * mp + 2) / 5 + 1);
  const int month = static_cast<int>(mp < 10 ? mp + 3 : mp - 9);
  const int year = static_cast<int>(yoe + era * 400 + (month <= 2 ? 1 : 0));
  return {year, month, day};
}

bool IsDash(const Token& token) { return token.text == "-"; }

// Weekday names and filler words allowed on a date line.
bool IsDateLineFiller(const Token& token) {
  return IsOneOf(token, {"thứ", "hai",  "ba",  "tư", "năm", "sáu",  "bảy",  "chủ", "nhật", "ngày",
                         "cập", "đăng", "lúc", "am", "pm",  "time", "date", "cn",  "gmt",  "utc"});
}

// The date written at tokens[j]: "5/6", "30/6/2017", "ngày 5 tháng 6 năm 2020". A gathering over
// several days is dated by the day it opens: "3 và 4/6", "3-4/6", "3 đến 5/6", "29 - 30/5".
std::optional<EventDay> ReadDate(const std::vector<Token>& tokens, size_t j, size_t end) {
  std::array<int, 3> parts{};
  char separator;
  const std::string_view word = tokens[j].lower;
  int count = SplitNumbers(word, parts, separator);
  EventDay day;
  day.token = j;
  if (count >= 2) {
    day.day = parts[0];
    day.month = parts[1];
    day.year = count == 3 ? ParseYear(std::to_string(parts[2])) : 0;
    if (count == 3 && day.year == 0) return std::nullopt;
  } else if (count == 1 && j + 2 < end && tokens[j + 1].lower == "tháng" &&
             tokens[j + 2].all_digits) {
    day.day = parts[0];
    day.month = std::atoi(std::string(tokens[j + 2].lower).c_str());
    if (j + 4 < end && tokens[j + 3].lower == "năm") day.year = ParseYear(tokens[j + 4].lower);
  } else {
    // The first day alone, then the last day with its month: "3 và 4/6", "3 đến ngày 5/6".
    size_t last = j + 1;
    const size_t dash = word.find('-');
    if (count == 0 && dash != std::string_view::npos) {
      // "3-4/6" is one token.
      count = SplitNumbers(word.substr(0, dash), parts, separator);
    } else if (count == 1 && last < end &&
               (IsOneOf(tokens[last], {"và", "đến", "tới"}) || tokens[last].text == "-" ||
                tokens[last].text == ",")) {
      ++last;
      if (last < end && tokens[last].lower == "ngày") ++last;
    } else {
      return std::nullopt;
    }
    if (count != 1 || last >= end) return std::nullopt;
    std::array<int, 3> closing{};
    const std::string_view closing_word =
        last == j + 1 ? word.substr(dash + 1) : tokens[last].lower;
    const int closing_count = SplitNumbers(closing_word, closing, separator);
    if (closing_count < 2 || closing[0] <= parts[0]) return std::nullopt;
    day.day = parts[0];
    day.month = closing[1];
    day.year = closing_count == 3 ? ParseYear(std::to_string(closing[2])) : 0;
    if (closing_count == 3 && day.year == 0) return std::nullopt;
  }
  if (!ValidDate(day.year, day.month, day.day)) return std::nullopt;
  return day;
}

}  // namespace

Date AddDays(const Date& date, int days) {
  return CivilFromDays(DaysFromCivil(date.year, date.month, date.day) + days);
}

bool IsBefore(const Date& a, const Date& b) {
  if (a.year != b.year) return a.year < b.year;
  if (a.month != b.month) return a.month < b.month;
  return a.day < b.day;
}

int64_t ToUnixSeconds(const DateTime& dt) {
  return DaysFromCivil(dt.date.year, dt.date.month, dt.date.day) * 86400 + dt.hour * 3600 +
         dt.minute * 60 + dt.second - static_cast<int64_t>(dt.utc_offset_minutes) * 60;
}

std::optional<DateTime> ParseDateLine(std::string_view line) {
  if (line.size() > 80) return std::nullopt;
  const NormalizedText normalized = NormalizeTextLenient(line);
  const std::vector<Token> tokens = Tokenize(normalized, 0, normalized.text.size());
  DateTime result;
  bool have_date = false;
  bool have_time = false;
  for (size_t i = 0; i < tokens.size(); ++i) {
    const Token& token = tokens[i];
    const std::string_view word = token.lower;
    if (!token.is_word) continue;
    // ISO 8601: 2025-06-28T23:48:00+07:00 (the tokenizer keeps "2025-06-28t23" together).
    if (word.size() >= 10 && word[4] == '-' && word[7] == '-') {
      const std::string_view lower = normalized.lower;
      const std::string_view rest = lower.substr(token.begin);
      int y, mo, d, h = 0, mi = 0, s = 0;
      char sign = 0;
      int oh = 0, om = 0;
      const std::string iso(rest.substr(0, 25));
      const int fields = std::sscanf(iso.c_str(), "%4d-%2d-%2dt%2d:%2d:%2d%c%2d:%2d", &y, &mo, &d,
                                     &h, &mi, &s, &sign, &oh, &om);
      if (fields < 3 || !ValidDate(y, mo, d)) return std::nullopt;
      result.date = {y, mo, d};
      if (fields == 3) {
        // "2020-06-05 10:30": the time, if any, follows as its own words.
        have_date = true;
        continue;
      }
      result.hour = h, result.minute = mi, result.second = s;
      if (fields >= 9 && (sign == '+' || sign == '-')) {
        result.utc_offset_minutes = (sign == '-' ? -1 : 1) * (oh * 60 + om);
      }
      return result;
    }
    // Compact dataset form: 20201002.
    if (word.size() == 8 && token.all_digits && tokens.size() <= 3) {
      const int y = ParseYear(word.substr(0, 4));
      const int mo = (word[4] - '0') * 10 + (word[5] - '0');
      const int d = (word[6] - '0') * 10 + (word[7] - '0');
      if (y == 0 || !ValidDate(y, mo, d)) return std::nullopt;
      result.date = {y, mo, d};
      have_date = true;
      continue;
    }
    std::array<int, 3> parts{};
    char separator;
    const int count = token.all_digits ? SplitNumbers(word, parts, separator) : 0;
    // "05/06/2020", "05-06-2020", "05.06.2020" (a count grouped by dots has no year at its end).
    if (count == 3 && ParseYear(std::to_string(parts[2])) != 0 &&
        ValidDate(parts[2], parts[1], parts[0])) {
      result.date = {parts[2], parts[1], parts[0]};
      have_date = true;
      continue;
    }
    if (token.all_digits && word.size() <= 2 && i + 2 < tokens.size() &&
        tokens[i + 1].text == ":" && tokens[i + 2].all_digits) {
      result.hour = std::atoi(std::string(word).c_str());
      result.minute = std::atoi(std::string(tokens[i + 2].lower).c_str());
      i += 2;
      if (i + 2 < tokens.size() && tokens[i + 1].text == ":" && tokens[i + 2].all_digits) {
        result.second = std::atoi(std::string(tokens[i + 2].lower).c_str());
        i += 2;
      }
      if (result.hour > 23 || result.minute > 59 || result.second > 59) return std::nullopt;
      have_time = true;
      continue;
    }
    if (word == "gmt" || word == "utc") {
      // "GMT+7": the offset follows as "+", "7".
      if (i + 2 < tokens.size() && (tokens[i + 1].text == "+" || tokens[i + 1].text == "-") &&
          tokens[i + 2].all_digits) {
        const int hours = std::atoi(std::string(tokens[i + 2].lower).c_str());
        result.utc_offset_minutes = (tokens[i + 1].text == "-" ? -1 : 1) * hours * 60;
        i += 2;
      }
      continue;
    }
    if (IsDateLineFiller(token)) {
      if (word == "pm" && have_time && result.hour < 12) result.hour += 12;
      continue;
    }
    return std::nullopt;
  }
  if (!have_date) return std::nullopt;
  (void)have_time;
  return result;
}

bool IsDateLineShaped(std::string_view line) {
  if (line.size() > 80) return false;
  const NormalizedText normalized = NormalizeTextLenient(line);
  const std::vector<Token> tokens = Tokenize(normalized, 0, normalized.text.size());
  bool dated = false;
  for (const Token& token : tokens) {
    if (token.all_digits) {
      std::array<int, 3> parts{};
      char separator;
      dated = dated || SplitNumbers(token.lower, parts, separator) == 3 || token.lower.size() == 8;
      continue;
    }
    if (token.is_word ? !IsDateLineFiller(token)
                      : !(token.text == ":" || token.text == "," || token.text == "-" ||
                          token.text == "+" || token.text == "(" || token.text == ")")) {
      return false;
    }
  }
  return dated;
}

std::optional<EventDay> FindEventDay(const std::vector<Token>& tokens, size_t begin, size_t end) {
  constexpr size_t kMaxWordsBeforeDate = 6;  // "sáng thứ Tư, ngày" and a bracket
  end = std::min(end, tokens.size());
  for (size_t i = begin; i < end; ++i) {
    const Token& token = tokens[i];
    // "hôm" is a word of events; every time of day too.
    if (!(token.classes & (kTimeOfDay | kEventWord))) continue;
    if (!token.is_word || (token.lower != "hôm" && !IsTimeOfDay(token))) continue;
    if (MatchesPhrase(tokens, i, "hôm qua")) {
      EventDay day;
      day.relative = true;
      day.days_from_publication = -1;
      day.token = i;
      return day;
    }
    const bool today =
        MatchesPhrase(tokens, i, "hôm nay") || (IsOneOf(token, {"sáng", "chiều", "tối", "trưa"}) &&
                                                i + 1 < end && tokens[i + 1].lower == "nay");
    // "Hôm 3/6": "hôm" before a date is the day.
    const bool dated_day = token.lower == "hôm" && i + 1 < end && tokens[i + 1].all_digits;
    if (!IsTimeOfDay(token) && !today && !dated_day) continue;
    // The date follows the time words, possibly in parentheses and after the weekday: "Tối nay
    // (14/6)", "chiều ngày 29/4", "Sáng thứ Tư (3/6)", "sáng Chủ nhật, 7/6".
    size_t j = i + 1;
    while (j < end && j < i + kMaxWordsBeforeDate &&
           (IsTimeOfDay(tokens[j]) || tokens[j].text == "(" || tokens[j].text == "," ||
            IsOneOf(tokens[j], {"hôm", "qua", "vào", "nay"}) ||
            (IsOneOf(tokens[j], {"thứ", "chủ"}) && j + 1 < end &&
             IsOneOf(tokens[j + 1], {"hai", "ba", "tư", "năm", "sáu", "bảy", "nhật"})))) {
      j += IsOneOf(tokens[j], {"thứ", "chủ"}) ? 2 : 1;
    }
    if (j < end && tokens[j].all_digits) {
      if (std::optional<EventDay> day = ReadDate(tokens, j, end)) return day;
    }
    // "hôm nay", "sáng nay" without a date: the day of publication.
    if (today) {
      EventDay day;
      day.relative = true;
      day.token = i;
      return day;
    }
  }
  return std::nullopt;
}

std::vector<Period> FindPeriods(const std::vector<Token>& tokens, size_t begin, size_t end) {
  std::vector<Period> periods;
  end = std::min(end, tokens.size());
  for (size_t i = begin; i < end; ++i) {
    // Either one token "2015-2020" or three: "2015", "-", "2020".
    int first = 0;
    int last = 0;
    size_t span = 0;
    std::array<int, 3> parts{};
    char separator;
    if (tokens[i].all_digits && SplitNumbers(tokens[i].lower, parts, separator) == 2 &&
        separator == '-') {
      first = ParseYear(std::to_string(parts[0]));
      last = ParseYear(std::to_string(parts[1]));
      span = 1;
    } else if (i + 2 < end && ParseYear(tokens[i].lower) != 0 && IsDash(tokens[i + 1]) &&
               ParseYear(tokens[i + 2].lower) != 0) {
      first = ParseYear(tokens[i].lower);
      last = ParseYear(tokens[i + 2].lower);
      span = 3;
    }
    if (first == 0 || last == 0 || last <= first) continue;
    // What introduces it decides whether it is a reviewed period.
    size_t k = i;
    if (k > begin && tokens[k - 1].text == "(") --k;
    const auto preceded_by = [&](std::string_view phrase) {
      if (k <= begin) return false;
      const size_t words = PhraseLength(phrase);
      return k >= begin + words && MatchesPhrase(tokens, k - words, phrase);
    };
    Period period;
    period.start_year = first;
    period.end_year = last;
    period.token = i;
    const bool plausible = last - first <= kMaxPeriodYears;
    if (!plausible) {
      if (tokens[k].text == "(") {
        period.anniversary = true;
        periods.push_back(period);
      }
    } else if (preceded_by("giai đoạn") || preceded_by("nhiệm kỳ") || preceded_by("năm học") ||
               preceded_by("thời kỳ") || preceded_by("từ") || preceded_by("khóa")) {
      periods.push_back(period);
    } else if (k >= begin + 2 && tokens[k - 1].lower == "năm" && ParseCount(tokens, k - 2)) {
      // "5 năm (2016-2020)" reviews a period; "kỷ niệm 55 năm thành lập (1962-2017)" is an age.
      bool anniversary = false;
      for (size_t back = k - 2; back + 6 >= k && back > begin; --back) {
        if (IsOneOf(tokens[back - 1], {"kỷ", "niệm", "thành", "lập"})) anniversary = true;
      }
      period.anniversary = anniversary;
      periods.push_back(period);
    } else if (tokens[k].text == "(" || (k > begin && tokens[k - 1].text == "(")) {
      period.anniversary = true;
      periods.push_back(period);
    }
    i += span - 1;
  }
  return periods;
}

std::vector<WrittenYear> FindYears(const std::vector<Token>& tokens, size_t begin, size_t end) {
  std::vector<WrittenYear> years;
  end = std::min(end, tokens.size());
  for (size_t i = begin; i < end; ++i) {
    if (!tokens[i].all_digits) continue;
    std::array<int, 3> parts{};
    char separator;
    const int count = SplitNumbers(tokens[i].lower, parts, separator);
    const bool in_parentheses = i > begin && (tokens[i - 1].text == "(" || IsDash(tokens[i - 1]));
    if (count == 1) {
      // "1981 năm khởi nghĩa Hai Bà Trưng": a number of years, not a year.
      if (i + 1 < end && tokens[i + 1].lower == "năm") continue;
      const int year = ParseYear(tokens[i].lower);
      if (year != 0) years.push_back({year, i, in_parentheses});
    } else if (count == 3 && separator != '.') {
      const int year = ParseYear(std::to_string(parts[2]));
      if (year != 0) years.push_back({year, i, in_parentheses, parts[1]});
    } else if (count == 2 && separator == '-') {
      const int year = ParseYear(std::to_string(parts[1]));
      if (year != 0 && ParseYear(std::to_string(parts[0])) != 0) years.push_back({year, i, true});
    } else if (count == 0) {
      // "(3/7/1957-3/7/2017)" written without spaces: the year the span ends in.
      const std::string_view word = tokens[i].lower;
      const size_t dash = word.find('-');
      std::array<int, 3> from{};
      char from_separator;
      if (dash != std::string_view::npos &&
          SplitNumbers(word.substr(0, dash), from, from_separator) == 3 &&
          SplitNumbers(word.substr(dash + 1), parts, separator) == 3 && separator == '/') {
        const int year = ParseYear(std::to_string(parts[2]));
        if (year != 0) years.push_back({year, i, true});
      }
    }
  }
  return years;
}

}  // namespace laurel::parser

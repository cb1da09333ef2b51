#pragma once

#include <cstdint>

#include "ingest-service/src/parser/model.h"

// Civil-calendar arithmetic for the synthetic articles' dates (proleptic Gregorian).
namespace laurel::synthetic {

int DaysInMonth(int year, int month);

// Days since 1970-01-01 of a civil date, and back.
int64_t DaysFromCivil(const parser::Date& date);
parser::Date CivilFromDays(int64_t days);

// 0 = Sunday ... 6 = Saturday.
int Weekday(const parser::Date& date);

bool OnOrAfter(const parser::Date& date, int year, int month, int day);

}  // namespace laurel::synthetic

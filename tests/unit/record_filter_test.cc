#include "query-service/src/record_filter.h"

#include <cstdint>
#include <limits>
#include <tuple>

#include "common/grpc_status.h"
#include "gtest/gtest.h"

namespace laurel::query {
namespace {

v1::Date MakeDate(int year, int month, int day) {
  v1::Date date;
  date.set_year(year);
  date.set_month(month);
  date.set_day(day);
  return date;
}

TEST(RecordFilter, ImpossibleDatesAreInvalid) {
  for (const v1::Date& date : {MakeDate(2021, 2, 29), MakeDate(2021, 2, 31), MakeDate(2020, 4, 31),
                               MakeDate(2020, 13, 1), MakeDate(2020, 0, 5), MakeDate(2020, -1, 1),
                               MakeDate(std::numeric_limits<int32_t>::max(), 1, 1),
                               MakeDate(std::numeric_limits<int32_t>::min(), 1, 1)}) {
    v1::RecordFilter filter;
    *filter.mutable_date_from() = date;
    const auto conditions = FilterConditions(filter, FilterTarget::kAwards);
    EXPECT_TRUE(absl::IsInvalidArgument(conditions.status())) << date.DebugString();
    EXPECT_EQ(ErrorReason(conditions.status()), "INVALID_FILTER");
  }
}

TEST(RecordFilter, RealDatesAndPartialDatesBind) {
  v1::RecordFilter filter;
  *filter.mutable_date_from() = MakeDate(2020, 2, 29);
  *filter.mutable_date_to() = MakeDate(2021, 2, 0);
  const auto conditions = ReadFilter(filter);
  ASSERT_TRUE(conditions.ok()) << conditions.status();
  ASSERT_EQ(conditions->size(), 2u);
  const FilterCondition& from = (*conditions)[0];
  const FilterCondition& to = (*conditions)[1];
  EXPECT_EQ(std::tuple(from.year, from.month, from.day), std::tuple(2020, 2, 29));
  EXPECT_EQ(std::tuple(to.year, to.month, to.day), std::tuple(2021, 2, 28));  // not a leap year
  EXPECT_TRUE(to.whole_months);
}

TEST(RecordFilter, TimestampsOutsideTheirRangeAreInvalid) {
  for (const auto& [seconds, nanos] :
       {std::pair<int64_t, int32_t>(std::numeric_limits<int64_t>::max(), 0),
        std::pair<int64_t, int32_t>(std::numeric_limits<int64_t>::min(), 0),
        std::pair<int64_t, int32_t>(253402300800, 0), std::pair<int64_t, int32_t>(0, -1),
        std::pair<int64_t, int32_t>(0, 1000000000)}) {
    v1::RecordFilter filter;
    filter.mutable_published_to()->set_seconds(seconds);
    filter.mutable_published_to()->set_nanos(nanos);
    const auto conditions = FilterConditions(filter, FilterTarget::kArticles);
    EXPECT_TRUE(absl::IsInvalidArgument(conditions.status())) << seconds << " " << nanos;
  }
}

TEST(RecordFilter, ValuesAreBoundNeverSpliced) {
  v1::RecordFilter filter;
  filter.set_province("'; DROP TABLE articles; --");
  const auto conditions = FilterConditions(filter, FilterTarget::kAwards);
  ASSERT_TRUE(conditions.ok());
  EXPECT_EQ(conditions->WhereClause().find("DROP"), std::string::npos);
  EXPECT_EQ(conditions->params, (std::vector<std::string>{"'; DROP TABLE articles; --"}));
}

}  // namespace
}  // namespace laurel::query

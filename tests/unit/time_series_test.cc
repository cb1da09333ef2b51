#include "query-service/src/time_series.h"

#include "gtest/gtest.h"

namespace laurel::query {
namespace {

void AddRow(v1::GetAwardStatisticsResponse& response, std::vector<std::string> keys,
            int64_t records) {
  v1::StatisticsRow* row = response.add_rows();
  for (std::string& key : keys) row->add_keys(std::move(key));
  row->set_award_records(records);
}

std::vector<std::string> Keys(const v1::GetAwardStatisticsResponse& response) {
  std::vector<std::string> keys;
  for (const auto& row : response.rows()) {
    std::string line;
    for (const auto& key : row.keys()) line += (line.empty() ? "" : "/") + key;
    keys.push_back(line + "=" + std::to_string(row.award_records()));
  }
  return keys;
}

TEST(TimeSeries, FillsEveryMonthOfTheRangeForEachProvince) {
  v1::GetAwardStatisticsRequest request;
  request.add_group_by(v1::DIMENSION_PROVINCE);
  request.add_group_by(v1::DIMENSION_MONTH);
  request.mutable_filter()->mutable_date_from()->set_year(2020);
  request.mutable_filter()->mutable_date_from()->set_month(11);
  request.mutable_filter()->mutable_date_to()->set_year(2021);
  request.mutable_filter()->mutable_date_to()->set_month(1);
  v1::GetAwardStatisticsResponse response;
  AddRow(response, {"Nghệ An", "2020-12"}, 4);
  AddRow(response, {"Cần Thơ", "2021-01"}, 2);
  AddRow(response, {"Cần Thơ", ""}, 1);  // no known date: kept, not filled
  ASSERT_TRUE(FillTimeGaps(request, response).ok());
  OrderAndLimit(request, response);
  EXPECT_EQ(Keys(response),
            (std::vector<std::string>{"Cần Thơ/=1", "Cần Thơ/2020-11=0", "Cần Thơ/2020-12=0",
                                      "Cần Thơ/2021-01=2", "Nghệ An/2020-11=0", "Nghệ An/2020-12=4",
                                      "Nghệ An/2021-01=0"}));
}

TEST(TimeSeries, WithoutARangeFillsBetweenTheFirstAndLastBucketAndHonoursTheFilter) {
  v1::GetAwardStatisticsRequest request;
  request.add_group_by(v1::DIMENSION_QUARTER);
  request.mutable_filter()->set_quarter(2);
  v1::GetAwardStatisticsResponse response;
  AddRow(response, {"2019-Q2"}, 1);
  AddRow(response, {"2021-Q2"}, 3);
  ASSERT_TRUE(FillTimeGaps(request, response).ok());
  OrderAndLimit(request, response);
  EXPECT_EQ(Keys(response), (std::vector<std::string>{"2019-Q2=1", "2020-Q2=0", "2021-Q2=3"}));
}

TEST(TimeSeries, AYearWithNoRecordsIsStillASeries) {
  v1::GetAwardStatisticsRequest request;
  request.add_group_by(v1::DIMENSION_YEAR);
  request.mutable_filter()->mutable_date_from()->set_year(2018);
  request.mutable_filter()->mutable_date_to()->set_year(2020);
  v1::GetAwardStatisticsResponse response;
  ASSERT_TRUE(FillTimeGaps(request, response).ok());
  EXPECT_EQ(Keys(response), (std::vector<std::string>{"2018=0", "2019=0", "2020=0"}));
}

TEST(TimeSeries, RefusesRangesTooLongToFill) {
  v1::GetAwardStatisticsRequest request;
  request.add_group_by(v1::DIMENSION_PROVINCE);
  request.add_group_by(v1::DIMENSION_MONTH);
  request.mutable_filter()->mutable_date_from()->set_year(1800);
  request.mutable_filter()->mutable_date_to()->set_year(2200);
  v1::GetAwardStatisticsResponse response;
  for (const char* province : {"a", "b", "c", "d", "e"}) AddRow(response, {province, "2020-01"}, 1);
  EXPECT_TRUE(absl::IsInvalidArgument(FillTimeGaps(request, response)));
}

TEST(TimeSeries, OrdersByMetricThenKeysAndKeepsTheTopN) {
  v1::GetAwardStatisticsRequest request;
  request.add_group_by(v1::DIMENSION_ISSUER);
  request.mutable_order_by()->set_metric(v1::METRIC_AWARD_RECORDS);
  request.mutable_order_by()->set_descending(true);
  request.set_limit(2);
  v1::GetAwardStatisticsResponse response;
  AddRow(response, {"b"}, 5);
  AddRow(response, {"a"}, 5);
  AddRow(response, {"c"}, 9);
  OrderAndLimit(request, response);
  EXPECT_EQ(Keys(response), (std::vector<std::string>{"c=9", "a=5"}));
}

}  // namespace
}  // namespace laurel::query

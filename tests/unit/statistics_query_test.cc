#include "query-service/src/statistics_query.h"

#include "gtest/gtest.h"

namespace laurel::query {
namespace {

TEST(StatisticsQuery, BindsFilterValuesInsteadOfQuotingThem) {
  v1::GetAwardStatisticsRequest request;
  request.add_group_by(v1::DIMENSION_PROVINCE);
  request.mutable_filter()->set_issuer("x'; DROP TABLE awards; --");
  auto sql = BuildStatisticsSql(request);
  ASSERT_TRUE(sql.ok()) << sql.status();
  EXPECT_EQ(sql->sql.find("DROP TABLE"), std::string::npos);
  ASSERT_EQ(sql->params.size(), 1u);
  EXPECT_EQ(sql->params[0], "x'; DROP TABLE awards; --");
  EXPECT_EQ(sql->key_count, 1);
}

TEST(StatisticsQuery, RejectsUnknownAndRepeatedDimensions) {
  v1::GetAwardStatisticsRequest request;
  request.add_group_by(v1::DIMENSION_UNSPECIFIED);
  EXPECT_TRUE(absl::IsInvalidArgument(BuildStatisticsSql(request).status()));
  request.clear_group_by();
  request.add_group_by(static_cast<v1::Dimension>(999));
  EXPECT_TRUE(absl::IsInvalidArgument(BuildStatisticsSql(request).status()));
  request.clear_group_by();
  request.add_group_by(v1::DIMENSION_YEAR);
  request.add_group_by(v1::DIMENSION_YEAR);
  EXPECT_TRUE(absl::IsInvalidArgument(BuildStatisticsSql(request).status()));
}

TEST(StatisticsQuery, RejectsImpossibleDates) {
  v1::GetAwardStatisticsRequest request;
  request.mutable_filter()->mutable_date_from()->set_year(2020);
  request.mutable_filter()->mutable_date_from()->set_month(13);
  EXPECT_TRUE(absl::IsInvalidArgument(BuildStatisticsSql(request).status()));
  request.mutable_filter()->mutable_date_from()->set_month(0);
  request.mutable_filter()->mutable_date_from()->set_day(5);
  EXPECT_TRUE(absl::IsInvalidArgument(BuildStatisticsSql(request).status()));
}

TEST(StatisticsQuery, RejectsUnknownEnumFilters) {
  v1::GetAwardStatisticsRequest request;
  request.mutable_filter()->set_award_type(static_cast<v1::AwardType>(77));
  EXPECT_TRUE(absl::IsInvalidArgument(BuildStatisticsSql(request).status()));
}

v1::GetAwardStatisticsRequest GroupedBy(std::initializer_list<v1::Dimension> dimensions) {
  v1::GetAwardStatisticsRequest request;
  for (v1::Dimension dimension : dimensions) request.add_group_by(dimension);
  return request;
}

std::string ServedFrom(const v1::GetAwardStatisticsRequest& request) {
  auto sql = BuildStatisticsSql(request);
  EXPECT_TRUE(sql.ok()) << sql.status();
  return sql.ok() ? sql->served_from : "";
}

TEST(StatisticsQuery, AnswersFromTheSmallestRollupHoldingExactlyWhatIsAsked) {
  EXPECT_EQ(ServedFrom(GroupedBy({v1::DIMENSION_PROVINCE})), "rollup_province");
  EXPECT_EQ(ServedFrom(GroupedBy({v1::DIMENSION_CURRENT_PROVINCE})), "rollup_province");
  EXPECT_EQ(ServedFrom(GroupedBy({})), "rollup_province");
  EXPECT_EQ(ServedFrom(GroupedBy({v1::DIMENSION_MONTH})), "rollup_month");
  EXPECT_EQ(ServedFrom(GroupedBy({v1::DIMENSION_ISSUER})), "rollup_issuer");
  EXPECT_EQ(ServedFrom(GroupedBy({v1::DIMENSION_AWARD_TYPE, v1::DIMENSION_PROVINCE})),
            "rollup_award_type_province");

  auto by_province_in_2020 = GroupedBy({v1::DIMENSION_PROVINCE});
  by_province_in_2020.mutable_filter()->mutable_date_from()->set_year(2020);
  by_province_in_2020.mutable_filter()->mutable_date_to()->set_year(2020);
  EXPECT_EQ(ServedFrom(by_province_in_2020), "rollup_province_month");
  // A range that does not start and end with whole months needs the records' days.
  by_province_in_2020.mutable_filter()->mutable_date_to()->set_month(6);
  by_province_in_2020.mutable_filter()->mutable_date_to()->set_day(15);
  EXPECT_EQ(ServedFrom(by_province_in_2020), "award_facts");

  // Award-level columns must match exactly: summing issuers within an award type would count an
  // event once per issuer.
  auto issuers_of_a_type = GroupedBy({v1::DIMENSION_ISSUER});
  issuers_of_a_type.mutable_filter()->set_award_type(v1::AWARD_TYPE_ORDER);
  EXPECT_EQ(ServedFrom(issuers_of_a_type), "award_facts");
  auto published = GroupedBy({v1::DIMENSION_PROVINCE});
  published.mutable_filter()->mutable_published_from()->set_seconds(1);
  EXPECT_EQ(ServedFrom(published), "award_facts");
  EXPECT_EQ(ServedFrom(GroupedBy({v1::DIMENSION_AWARD_NAME})), "award_facts");
  EXPECT_EQ(
      BuildStatisticsSql(GroupedBy({v1::DIMENSION_PROVINCE}), StatisticsSource::kStoredRecords)
          ->served_from,
      "award_facts");
}

TEST(StatisticsQuery, OrdersByAMetricAndLimitsTheGroupsButNotTheTotal) {
  auto request = GroupedBy({v1::DIMENSION_ISSUER});
  request.mutable_order_by()->set_metric(v1::METRIC_RECIPIENTS);
  request.mutable_order_by()->set_descending(true);
  request.set_limit(10);
  auto sql = BuildStatisticsSql(request);
  ASSERT_TRUE(sql.ok()) << sql.status();
  EXPECT_TRUE(sql->ordered);
  EXPECT_NE(sql->sql.find("ORDER BY m1 DESC, k0 COLLATE \"C\" LIMIT 10"), std::string::npos)
      << sql->sql;
  request.set_limit(-1);
  EXPECT_TRUE(absl::IsInvalidArgument(BuildStatisticsSql(request).status()));
  request.set_limit(0);
  request.mutable_order_by()->set_metric(static_cast<v1::Metric>(42));
  EXPECT_TRUE(absl::IsInvalidArgument(BuildStatisticsSql(request).status()));
}

TEST(StatisticsQuery, FillingTimeGapsNeedsOneTimeDimensionAndLeavesOrderToTheCaller) {
  auto request = GroupedBy({v1::DIMENSION_PROVINCE});
  request.set_fill_time_gaps(true);
  EXPECT_TRUE(absl::IsInvalidArgument(BuildStatisticsSql(request).status()));
  request.add_group_by(v1::DIMENSION_MONTH);
  request.set_limit(3);
  auto sql = BuildStatisticsSql(request);
  ASSERT_TRUE(sql.ok()) << sql.status();
  EXPECT_FALSE(sql->ordered);
  EXPECT_EQ(sql->sql.find("LIMIT"), std::string::npos);
  request.add_group_by(v1::DIMENSION_YEAR);
  EXPECT_TRUE(absl::IsInvalidArgument(BuildStatisticsSql(request).status()));
}

TEST(StatisticsQuery, RejectsImpossibleQuartersAndMonths) {
  v1::GetAwardStatisticsRequest request;
  request.mutable_filter()->set_quarter(5);
  EXPECT_TRUE(absl::IsInvalidArgument(BuildStatisticsSql(request).status()));
  request.mutable_filter()->clear_quarter();
  request.mutable_filter()->set_month(0);
  EXPECT_TRUE(absl::IsInvalidArgument(BuildStatisticsSql(request).status()));
  request.mutable_filter()->clear_month();
  request.mutable_filter()->mutable_date_to()->set_year(2021);
  request.mutable_filter()->mutable_date_to()->set_month(2);
  request.mutable_filter()->mutable_date_to()->set_day(30);
  EXPECT_TRUE(absl::IsInvalidArgument(BuildStatisticsSql(request).status()));
}

}  // namespace
}  // namespace laurel::query

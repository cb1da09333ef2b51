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

}  // namespace
}  // namespace laurel::query

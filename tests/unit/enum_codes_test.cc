#include "common/enum_codes.h"

#include "gtest/gtest.h"
#include "laurel/v1/records.pb.h"

namespace laurel {
namespace {

TEST(EnumCodes, StoresValueNamesWithoutTheirPrefix) {
  EXPECT_EQ(EnumCode(v1::AWARD_TYPE_CERTIFICATE_OF_MERIT), "CERTIFICATE_OF_MERIT");
  EXPECT_EQ(EnumCode(v1::RECIPIENT_KIND_COLLECTIVE), "COLLECTIVE");
  EXPECT_EQ(EnumCode(v1::EVENT_KIND_CONFERENCE), "CONFERENCE");
  EXPECT_EQ(EnumCode(v1::ISSUER_LEVEL_PROVINCE), "PROVINCE");
}

TEST(EnumCodes, RoundTripsEveryValue) {
  for (int i = 0; i < v1::AwardType_descriptor()->value_count(); ++i) {
    const auto value = static_cast<v1::AwardType>(v1::AwardType_descriptor()->value(i)->number());
    EXPECT_EQ(EnumFromCode<v1::AwardType>(EnumCode(value)), value);
  }
}

TEST(EnumCodes, UnknownCodeIsUnspecified) {
  EXPECT_EQ(EnumFromCode<v1::AwardType>("NOT_AN_AWARD"), v1::AWARD_TYPE_UNSPECIFIED);
}

}  // namespace
}  // namespace laurel

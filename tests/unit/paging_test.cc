#include "query-service/src/paging.h"

#include "gtest/gtest.h"

namespace laurel::query {
namespace {

TEST(Paging, DefaultsAndCapsPageSize) {
  v1::RecordFilter filter;
  EXPECT_EQ(ReadPageRequest(0, "", filter)->size, kDefaultPageSize);
  EXPECT_EQ(ReadPageRequest(5, "", filter)->size, 5);
  EXPECT_EQ(ReadPageRequest(1 << 20, "", filter)->size, kMaxPageSize);
  EXPECT_TRUE(absl::IsInvalidArgument(ReadPageRequest(-1, "", filter).status()));
}

TEST(Paging, TokenResumesAfterTheLastId) {
  v1::RecordFilter filter;
  filter.set_province("Khánh Hòa");
  auto page = ReadPageRequest(10, NextPageToken(1234, filter), filter);
  ASSERT_TRUE(page.ok()) << page.status();
  EXPECT_EQ(page->after_id, 1234);
}

TEST(Paging, TokenIsBoundToItsFilter) {
  v1::RecordFilter filter;
  filter.set_province("Khánh Hòa");
  const std::string token = NextPageToken(7, filter);
  filter.set_province("Nghệ An");
  EXPECT_TRUE(absl::IsInvalidArgument(ReadPageRequest(10, token, filter).status()));
}

TEST(Paging, RejectsForgedTokens) {
  v1::RecordFilter filter;
  for (const char* token : {"x", "!!!", "MTIz", "LTEuMA"}) {
    EXPECT_TRUE(absl::IsInvalidArgument(ReadPageRequest(10, token, filter).status())) << token;
  }
}

}  // namespace
}  // namespace laurel::query

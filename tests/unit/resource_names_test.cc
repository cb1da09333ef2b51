#include "common/resource_names.h"

#include "gtest/gtest.h"

namespace laurel {
namespace {

TEST(ResourceNames, FormatsAndParses) {
  EXPECT_EQ(ResourceName(kArticles, 42), "articles/42");
  auto id = ParseResourceName(kArticles, "articles/42", "name");
  ASSERT_TRUE(id.ok());
  EXPECT_EQ(*id, 42);
}

TEST(ResourceNames, RejectsOtherShapes) {
  for (const char* bad :
       {"", "articles/", "articles/x", "articles/-1", "events/4", "articles/4/5"}) {
    auto id = ParseResourceName(kArticles, bad, "name");
    EXPECT_TRUE(absl::IsInvalidArgument(id.status())) << bad;
  }
}

}  // namespace
}  // namespace laurel

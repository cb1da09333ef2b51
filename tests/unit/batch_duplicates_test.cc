#include "ingest-service/src/batch_duplicates.h"

#include "gtest/gtest.h"

namespace laurel::ingest {
namespace {

NewArticle Keys(std::string request_id, std::string url, std::string identity) {
  NewArticle article;
  article.keys = {std::move(request_id), std::move(url), std::move(identity)};
  return article;
}

TEST(FirstOccurrences, MatchesArticlesAsTheStoredKeysWould) {
  const std::vector<NewArticle> batch = {
      Keys("", "u1", "h1"),    // 0
      Keys("", "", "h2"),      // 1
      Keys("", "u1", "h3"),    // 2: same url as 0
      Keys("", "", "h2"),      // 3: same text as 1, neither has a url
      Keys("", "u4", "h2"),    // 4: same text as 1, but it has a url: another article
      Keys("r5", "u5", "h5"),  // 5
      Keys("r5", "u6", "h6"),  // 6: same request as 5
      Keys("", "u6", "h7"),    // 7: same url as 6, so the same article as 5
  };
  EXPECT_EQ(FirstOccurrences(batch), (std::vector<size_t>{0, 1, 0, 1, 4, 5, 5, 5}));
}

}  // namespace
}  // namespace laurel::ingest

#include "tools/load/article_input.h"

#include <stdlib.h>

#include <fstream>

#include "common/grpc_status.h"
#include "gtest/gtest.h"

namespace laurel::load {
namespace {

namespace fs = std::filesystem;

class ArticleInputTest : public ::testing::Test {
 protected:
  void SetUp() override {
    std::string pattern = (fs::temp_directory_path() / "article-input-XXXXXX").string();
    ASSERT_NE(mkdtemp(pattern.data()), nullptr);
    dir_ = pattern;
  }
  void TearDown() override { fs::remove_all(dir_); }

  void Write(const fs::path& relative, const std::string& content) {
    fs::create_directories((dir_ / relative).parent_path());
    std::ofstream(dir_ / relative, std::ios::binary) << content;
  }

  std::vector<InputArticle> ReadAll(ArticleInput& input) {
    std::vector<InputArticle> articles;
    while (auto article = input.Next()) articles.push_back(std::move(*article));
    return articles;
  }

  fs::path dir_;
};

TEST_F(ArticleInputTest, ReadsTextFilesAndJsonLinesInPathOrder) {
  Write("b/2.txt", "bài hai");
  Write("a.txt", "bài một");
  Write("c/feed.jsonl",
        "{\"text\": \"dòng một\", \"url\": \"https://x/1\", \"source\": \"Báo X\"}\n"
        "\n"
        "{\"text\": \"dòng hai\", \"requestId\": \"mine\", \"title\": \"ignored\"}\n");
  Write("d/skipped.md", "not an article");
  Write(".hidden/3.txt", "hidden");
  auto input = ArticleInput::Open({dir_.string()}, {.source = "Nguồn"});
  ASSERT_TRUE(input.ok()) << input.status();
  EXPECT_EQ(input->total(), 4);
  EXPECT_EQ(input->file_count(), 3u);

  const std::vector<InputArticle> articles = ReadAll(*input);
  ASSERT_EQ(articles.size(), 4u);
  for (const InputArticle& article : articles) EXPECT_TRUE(article.error.ok()) << article.origin;
  EXPECT_EQ(articles[0].origin, (dir_ / "a.txt").string());
  EXPECT_EQ(articles[0].request.text(), "bài một");
  EXPECT_EQ(articles[0].request.source(), "Nguồn");
  EXPECT_EQ(articles[1].request.text(), "bài hai");
  EXPECT_EQ(articles[2].origin, (dir_ / "c/feed.jsonl").string() + ":1");
  EXPECT_EQ(articles[2].request.url(), "https://x/1");
  EXPECT_EQ(articles[2].request.source(), "Báo X");  // the line's own source wins
  EXPECT_EQ(articles[3].origin, (dir_ / "c/feed.jsonl").string() + ":3");
  EXPECT_EQ(articles[3].request.request_id(), "mine");
  EXPECT_EQ(articles[3].request.source(), "Nguồn");
}

TEST_F(ArticleInputTest, UnreadableArticlesComeBackAsErrors) {
  Write("feed.jsonl", "{\"text\": 12\n[1, 2]\n{\"text\": \"" + std::string(100, 'x') + "\"}\n");
  Write("big.txt", std::string(101, 'y'));
  auto input = ArticleInput::Open({dir_.string()}, {.max_article_bytes = 100});
  ASSERT_TRUE(input.ok()) << input.status();
  const std::vector<InputArticle> articles = ReadAll(*input);
  ASSERT_EQ(articles.size(), 4u);
  EXPECT_EQ(ErrorReason(articles[0].error), "FIELD_TOO_LONG");  // big.txt
  EXPECT_EQ(ErrorReason(articles[1].error), "INVALID_JSON");
  EXPECT_EQ(ErrorReason(articles[2].error), "INVALID_JSON");
  EXPECT_TRUE(articles[3].error.ok()) << articles[3].error;
}

TEST_F(ArticleInputTest, RefusesPathsItCannotRead) {
  EXPECT_TRUE(
      absl::IsInvalidArgument(ArticleInput::Open({(dir_ / "missing").string()}, {}).status()));
  Write("notes.md", "x");
  const auto unknown = ArticleInput::Open({(dir_ / "notes.md").string()}, {});
  EXPECT_TRUE(absl::IsInvalidArgument(unknown.status()));
  // Named explicitly, any .txt or JSON-lines file is read, hidden or not.
  Write(".feed.NDJSON", "{\"text\": \"a\"}\n");
  const auto hidden = ArticleInput::Open({(dir_ / ".feed.NDJSON").string()}, {});
  ASSERT_TRUE(hidden.ok()) << hidden.status();
  EXPECT_EQ(hidden->total(), 1);
}

}  // namespace
}  // namespace laurel::load

// parser_throughput FILE...: how fast the parser alone reads articles on one core. Reads the
// articles with laurel-load's reader (.txt, JSON lines), parses them all on one thread (repeatedly,
// for at least --min_seconds) and prints one line of key=value pairs for scripts:
//   articles=93 bytes=389069 seconds=3.01 mb_per_s=4.22 articles_per_s=1009
#include <cstdio>
#include <string>
#include <vector>

#include "absl/flags/flag.h"
#include "absl/time/clock.h"
#include "common/env_flags.h"
#include "ingest-service/src/parser/parse_article.h"
#include "tools/load/article_input.h"

ABSL_FLAG(absl::Duration, min_seconds, absl::Seconds(3),
          "Parse the whole input again until at least this much time has passed.");

int main(int argc, char** argv) {
  const std::vector<char*> arguments = laurel::ParseFlagsWithEnvironment(
      argc, argv, "parser_throughput [--min_seconds=3s] FILE_OR_DIRECTORY...");
  auto input = laurel::load::ArticleInput::Open({arguments.begin() + 1, arguments.end()},
                                                {.max_article_bytes = int64_t{1} << 30});
  if (!input.ok()) {
    std::fprintf(stderr, "parser_throughput: %s\n", input.status().ToString().c_str());
    return 2;
  }
  std::vector<std::string> texts;
  while (auto article = input->Next()) {
    if (article->error.ok()) texts.push_back(std::move(*article->request.mutable_text()));
  }
  if (texts.empty()) {
    std::fprintf(stderr, "parser_throughput: no articles\n");
    return 2;
  }
  int64_t articles = 0, bytes = 0;
  const absl::Time start = absl::Now();
  const absl::Time until = start + absl::GetFlag(FLAGS_min_seconds);
  do {
    for (const std::string& text : texts) {
      if (!laurel::parser::ParseArticle(text).ok()) continue;
      ++articles;
      bytes += static_cast<int64_t>(text.size());
    }
  } while (absl::Now() < until);
  const double seconds = absl::ToDoubleSeconds(absl::Now() - start);
  std::printf("articles=%lld bytes=%lld seconds=%.2f mb_per_s=%.2f articles_per_s=%.0f\n",
              static_cast<long long>(articles), static_cast<long long>(bytes), seconds,
              bytes / seconds / 1e6, articles / seconds);
  return 0;
}

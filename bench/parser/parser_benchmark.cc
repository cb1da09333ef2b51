#include <algorithm>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <sstream>
#include <string>
#include <vector>

#include "benchmark/benchmark.h"
#include "ingest-service/src/parser/parse_article.h"

namespace {

// Every article of the corpus, read once. Empty when the corpus directory is absent.
const std::vector<std::string>& Articles() {
  static const auto* const kArticles = [] {
    auto* articles = new std::vector<std::string>;
    const char* env = std::getenv("LAUREL_CORPUS_DIR");
    const std::filesystem::path dir =
        std::filesystem::path(env != nullptr && *env != '\0' ? env : LAUREL_CORPUS_DIR) /
        "articles";
    if (!std::filesystem::is_directory(dir)) return articles;
    std::vector<std::filesystem::path> paths;
    for (const auto& entry : std::filesystem::directory_iterator(dir)) {
      if (entry.path().extension() == ".txt") paths.push_back(entry.path());
    }
    std::sort(paths.begin(), paths.end());
    for (const auto& path : paths) {
      std::ifstream in(path, std::ios::binary);
      std::stringstream buffer;
      buffer << in.rdbuf();
      articles->push_back(buffer.str());
    }
    return articles;
  }();
  return *kArticles;
}

int64_t CorpusBytes() {
  int64_t bytes = 0;
  for (const std::string& article : Articles()) bytes += static_cast<int64_t>(article.size());
  return bytes;
}

// Runs `work` over every article per iteration and reports the corpus bytes it read.
template <typename Work>
void OverCorpus(benchmark::State& state, Work work) {
  if (Articles().empty()) {
    state.SkipWithError("corpus directory not found; set LAUREL_CORPUS_DIR");
    return;
  }
  for (auto _ : state) {
    for (const std::string& article : Articles()) work(article);
  }
  state.SetBytesProcessed(state.iterations() * CorpusBytes());
  state.counters["articles"] = static_cast<double>(Articles().size());
}

void BM_ParseCorpus(benchmark::State& state) {
  OverCorpus(state, [](const std::string& article) {
    benchmark::DoNotOptimize(laurel::parser::ParseArticle(article));
  });
}
BENCHMARK(BM_ParseCorpus)->Unit(benchmark::kMillisecond);

void BM_FoldForIdentity(benchmark::State& state) {
  OverCorpus(state, [](const std::string& article) {
    benchmark::DoNotOptimize(laurel::parser::FoldForIdentity(article));
  });
}
BENCHMARK(BM_FoldForIdentity)->Unit(benchmark::kMillisecond);

}  // namespace

BENCHMARK_MAIN();

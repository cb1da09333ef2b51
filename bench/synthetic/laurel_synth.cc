// laurel-synth: writes synthetic articles for loaders and benchmarks, either as JSON lines (one
// laurel.v1.IngestArticleRequest per line, ready for IngestArticle) or as one .txt file per
// article.
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <string>

#include "absl/flags/flag.h"
#include "absl/strings/str_format.h"
#include "bench/synthetic/article_generator.h"
#include "bench/synthetic/ingest_request.h"
#include "common/env_flags.h"
#include "google/protobuf/util/json_util.h"
#include "laurel/v1/ingest_article_request.pb.h"

ABSL_FLAG(int64_t, count, 1000, "How many articles to write.");
ABSL_FLAG(int64_t, first, 0, "Index of the first article (to write a slice of a larger set).");
ABSL_FLAG(uint64_t, seed, 1, "Seed: the same (seed, index) always gives the same article.");
ABSL_FLAG(
    std::string, format, "jsonl",
    "jsonl: IngestArticleRequest JSON per line; txt-dir: one NNNNNNNNN.txt file per article.");
ABSL_FLAG(int, ordinary_percent, 15, "Share of ordinary news that gives no award.");
ABSL_FLAG(int, restated_event_percent, 10,
          "Share of award articles reporting a ceremony an earlier article already reported.");

int main(int argc, char** argv) {
  const std::vector<char*> positional = laurel::ParseFlagsWithEnvironment(
      argc, argv,
      "laurel-synth --count=N --seed=S --format=jsonl|txt-dir OUT\n"
      "Writes synthetic articles to OUT (a file for jsonl, '-' for standard output; a directory "
      "for txt-dir).");
  if (positional.size() != 2) {
    std::cerr << "laurel-synth: expected exactly one OUT argument\n";
    return 2;
  }
  const std::string out = positional[1];
  const std::string format = absl::GetFlag(FLAGS_format);
  if (format != "jsonl" && format != "txt-dir") {
    std::cerr << "laurel-synth: --format must be jsonl or txt-dir\n";
    return 2;
  }
  laurel::synthetic::GeneratorOptions options;
  options.seed = absl::GetFlag(FLAGS_seed);
  options.ordinary_percent = absl::GetFlag(FLAGS_ordinary_percent);
  options.restated_event_percent = absl::GetFlag(FLAGS_restated_event_percent);
  const laurel::synthetic::ArticleGenerator generator(options);

  std::ofstream file;
  std::ostream* lines = &std::cout;
  if (format == "jsonl" && out != "-") {
    file.open(out, std::ios::binary | std::ios::trunc);
    lines = &file;
  } else if (format == "txt-dir") {
    std::filesystem::create_directories(out);
  }
  if (!*lines) {
    std::cerr << "laurel-synth: cannot write " << out << "\n";
    return 1;
  }
  const int64_t first = absl::GetFlag(FLAGS_first);
  for (int64_t i = first; i < first + absl::GetFlag(FLAGS_count); ++i) {
    const laurel::synthetic::SyntheticArticle article = generator.Generate(i);
    if (format == "jsonl") {
      const auto request = laurel::synthetic::IngestRequestFor(article);
      std::string json;
      if (!google::protobuf::util::MessageToJsonString(request, &json).ok()) return 1;
      *lines << json << '\n';
    } else {
      std::ofstream text(std::filesystem::path(out) / absl::StrFormat("%09d.txt", i),
                         std::ios::binary | std::ios::trunc);
      text << article.text;
      if (!text) {
        std::cerr << "laurel-synth: cannot write into " << out << "\n";
        return 1;
      }
    }
  }
  lines->flush();
  return *lines ? 0 : 1;
}

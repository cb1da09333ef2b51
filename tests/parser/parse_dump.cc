#include <iostream>

#include "ingest-service/src/parser/parse_article.h"
#include "tests/parser/gold_corpus.h"

// Prints what the parser reads from each article file given on the command line, as JSON.
int main(int argc, char** argv) {
  for (int i = 1; i < argc; ++i) {
    const std::string text = laurel::parser::testing::ReadFile(argv[i]);
    const auto parsed = laurel::parser::ParseArticle(text);
    if (!parsed.ok()) {
      std::cerr << argv[i] << ": " << parsed.status().ToString() << "\n";
      continue;
    }
    std::cout << laurel::parser::testing::ToJson(*parsed).dump(1) << "\n";
  }
  return 0;
}

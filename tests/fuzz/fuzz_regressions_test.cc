// Every input the fuzzer ever found breaking the parser, and the hostile seeds written by hand,
// kept in tests/fuzz/regressions and replayed on each test run (under the sanitizers too).
#include <filesystem>
#include <fstream>
#include <iterator>
#include <string>

#include "gtest/gtest.h"
#include "tests/fuzz/parse_arbitrary_bytes.h"

namespace laurel::fuzz {
namespace {

TEST(FuzzRegressions, EveryKeptInputParsesWithoutBreakingAPromise) {
  int replayed = 0;
  for (const auto& entry : std::filesystem::directory_iterator(LAUREL_FUZZ_REGRESSIONS_DIR)) {
    if (!entry.is_regular_file() || entry.path().filename() == "README.md") continue;
    std::ifstream in(entry.path(), std::ios::binary);
    const std::string bytes((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    SCOPED_TRACE(entry.path().filename().string());
    ParseArbitraryBytes(reinterpret_cast<const uint8_t*>(bytes.data()), bytes.size());
    ++replayed;
  }
  EXPECT_GT(replayed, 0) << "no inputs in " << LAUREL_FUZZ_REGRESSIONS_DIR;
}

}  // namespace
}  // namespace laurel::fuzz

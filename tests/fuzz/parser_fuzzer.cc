// libFuzzer entry point for the parser; scripts/fuzz.sh builds it with clang's
// -fsanitize=fuzzer,address,undefined and runs it for a bounded time, seeded with the gold corpus.
#include <cstddef>
#include <cstdint>

#include "tests/fuzz/parse_arbitrary_bytes.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  laurel::fuzz::ParseArbitraryBytes(data, size);
  return 0;
}

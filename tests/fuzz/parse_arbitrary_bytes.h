#pragma once

#include <cstddef>
#include <cstdint>

namespace laurel::fuzz {

// Feeds arbitrary bytes to the parser and holds it to the promises of parser/model.h: a status
// rather than a crash for any input, spans inside the text, event indexes inside the events,
// dates and counts within their ranges. A broken promise aborts, which is what a fuzzer and a
// sanitizer report.
void ParseArbitraryBytes(const uint8_t* data, size_t size);

}  // namespace laurel::fuzz

#pragma once

#include <bit>
#include <cstddef>
#include <cstdint>
#include <cstring>

#if defined(__SSE2__)
#include <emmintrin.h>
#endif

// Sixteen bytes tested at once, for the scans that pass over every byte of every article. GCC and
// Clang vector extensions (SSE2 on x86-64, NEON on Arm, plain integer code elsewhere): one source
// for every target, bar the gathering of lane bits, one SSE2 instruction where there is SSE2.
namespace laurel::parser {

inline constexpr size_t kBlockBytes = 16;

using ByteBlock = uint8_t __attribute__((vector_size(kBlockBytes)));
using LaneMask = int8_t __attribute__((vector_size(kBlockBytes)));  // per lane: 0 or -1

static_assert(std::endian::native == std::endian::little, "BitsOf numbers lanes from the low byte");

inline ByteBlock LoadBlock(const unsigned char* at) {
  ByteBlock block;
  std::memcpy(&block, at, sizeof block);
  return block;
}

inline void StoreBlock(const ByteBlock& block, char* at) { std::memcpy(at, &block, sizeof block); }

// Lanes holding a byte in [low, high] (one subtraction and one unsigned comparison).
inline LaneMask InRange(const ByteBlock& block, uint8_t low, uint8_t high) {
  return (block - low) <= static_cast<uint8_t>(high - low);
}

// The lanes of `mask` as bytes: 0xFF or 0.
inline ByteBlock AsBytes(const LaneMask& mask) { return reinterpret_cast<const ByteBlock&>(mask); }

// Bit i set where lane i of `mask` is.
inline uint32_t BitsOf(const LaneMask& mask) {
#if defined(__SSE2__)
  // One instruction where the target has it (every x86-64 CPU).
  return static_cast<uint32_t>(_mm_movemask_epi8(reinterpret_cast<const __m128i&>(mask)));
#else
  uint64_t halves[2];
  std::memcpy(halves, &mask, sizeof halves);
  // Each lane's top bit moved down to bit 0 of its byte, then all eight gathered in the top byte.
  const auto gather = [](uint64_t half) {
    return static_cast<uint32_t>((((half & 0x8080808080808080ull) >> 7) * 0x0102040810204080ull) >>
                                 56);
  };
  return gather(halves[0]) | gather(halves[1]) << 8;
#endif
}

}  // namespace laurel::parser

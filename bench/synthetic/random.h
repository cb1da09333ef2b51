#pragma once

#include <cstdint>
#include <vector>

namespace laurel::synthetic {

// SplitMix64: tiny, fast and identical on every platform and standard library (the <random>
// distributions are not), so an article is a pure function of (seed, index) everywhere.
class Random {
 public:
  explicit Random(uint64_t seed) : state_(seed) {}

  uint64_t Next() {
    uint64_t z = (state_ += 0x9e3779b97f4a7c15ULL);
    z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
    z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
    return z ^ (z >> 31);
  }

  // Uniform in [0, n); n > 0.
  int Below(int n) { return static_cast<int>(Next() % static_cast<uint64_t>(n)); }

  // Uniform in [low, high].
  int Between(int low, int high) { return low + Below(high - low + 1); }

  // True with probability percent / 100.
  bool Percent(int percent) { return Below(100) < percent; }

  template <typename T>
  const T& Pick(const std::vector<T>& items) {
    return items[Below(static_cast<int>(items.size()))];
  }

 private:
  uint64_t state_;
};

// A well-mixed seed for one (seed, stream, index) triple, so that neighbouring indexes share
// nothing.
inline uint64_t MixSeed(uint64_t seed, uint64_t stream, uint64_t index) {
  Random random(seed ^ (stream * 0xd1b54a32d192ed03ULL));
  random.Next();
  return Random(random.Next() ^ (index * 0x9e3779b97f4a7c15ULL)).Next();
}

}  // namespace laurel::synthetic

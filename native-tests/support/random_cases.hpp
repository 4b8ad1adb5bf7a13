// Seeded random rule sets and requests, as JSON text, for the reference and property tests and for the
// native/WebAssembly parity tests. The same seed gives the same bytes in every build: the generator uses
// std::mt19937_64 (whose output sequence the C++ standard fixes) and its own distributions, never
// std::uniform_int_distribution or std::shuffle (their algorithms differ between libstdc++ and libc++).
#pragma once

#include <cstddef>
#include <cstdint>
#include <random>
#include <string>
#include <utility>
#include <vector>

namespace till::testing {

/// A portable source of random choices. Every draw is a pure function of the seed and the draws before it.
class Random {
 public:
  explicit Random(std::uint64_t seed) : engine_(seed) {}

  /// A uniform integer in [low, high] (inclusive; requires low <= high), by rejection sampling from the
  /// raw 64-bit outputs so that no value is favoured.
  std::int64_t uniform(std::int64_t low, std::int64_t high);

  /// True with probability percent / 100.
  bool chance(int percent) { return uniform(0, 99) < percent; }

  /// One element of a non-empty vector.
  template <class T>
  const T& pick(const std::vector<T>& values) {
    return values[static_cast<std::size_t>(uniform(0, static_cast<std::int64_t>(values.size()) - 1))];
  }

  /// Fisher-Yates, drawing from uniform().
  template <class T>
  void shuffle(std::vector<T>& values) {
    for (std::size_t i = values.size(); i > 1; --i) {
      const auto j = static_cast<std::size_t>(uniform(0, static_cast<std::int64_t>(i) - 1));
      std::swap(values[i - 1], values[j]);
    }
  }

 private:
  std::mt19937_64 engine_;
};

/// One pricing input: a rule set and a request, as JSON text.
struct RandomCase {
  std::string rules;
  std::string request;
};

/// A small rule set (1-6 promotions, at most 4 of them non-stackable, non-exclusive item promotions, so a
/// brute-force search stays cheap) and a small basket (1-5 lines of 1-4 units, prices 0-9999 in minor
/// units) drawn from one overlapping vocabulary of skus, categories, tags and brands, covering every
/// reward type and unit-choice rule of SPEC §2.5 and the eligibility features of §2 and §3.
///
/// With `allow_invalid` false the case is always valid input (read_rules, read_request and price all
/// succeed). With `allow_invalid` true, most cases are then mutated once (a wrong type, an out-of-range
/// or non-integer number, an unknown or missing field, a duplicate key or line id, a currency mismatch, an
/// unknown shipping method, truncated text, ...), so they are usually, but not always, refused.
RandomCase make_case(std::uint64_t seed, bool allow_invalid);

}  // namespace till::testing

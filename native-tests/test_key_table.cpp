// KeyTable (the optimiser's exact memo of word keys): ids in first-seen order, equal keys found again,
// keys that differ only in length or in one word kept apart (also when the caller's hashes collide), growth
// past many resizes, and clear().
#include <catch2/catch.hpp>
#include <cstdint>
#include <vector>

#include "core/key_table.hpp"

namespace {

std::uint32_t id_of(till::KeyTable& table, const std::vector<std::uint64_t>& key, bool& inserted) {
  return table.find_or_insert(key.data(), key.size(), inserted);
}

}  // namespace

TEST_CASE("KeyTable numbers new keys in the order first seen and finds them again") {
  till::KeyTable table;
  bool inserted = false;
  CHECK(id_of(table, {7, 1}, inserted) == 0);
  CHECK(inserted);
  CHECK(id_of(table, {7, 2}, inserted) == 1);
  CHECK(inserted);
  CHECK(id_of(table, {7, 1}, inserted) == 0);
  CHECK_FALSE(inserted);
  CHECK(table.size() == 2);
}

TEST_CASE("KeyTable keeps apart keys that differ in length or in a single word") {
  till::KeyTable table;
  bool inserted = false;
  const std::uint32_t empty = id_of(table, {}, inserted);
  const std::uint32_t zero = id_of(table, {0}, inserted);
  const std::uint32_t two_zeros = id_of(table, {0, 0}, inserted);
  CHECK(empty != zero);
  CHECK(zero != two_zeros);
  CHECK(id_of(table, {0, 0}, inserted) == two_zeros);
  CHECK_FALSE(inserted);
  CHECK(id_of(table, {}, inserted) == empty);
  CHECK_FALSE(inserted);
  // Keys that differ only in the last word's top bit.
  const std::uint32_t low = id_of(table, {5, 1}, inserted);
  const std::uint32_t high = id_of(table, {5, 1 | (std::uint64_t{1} << 63)}, inserted);
  CHECK(low != high);
}

TEST_CASE("KeyTable keeps every key through many resizes") {
  till::KeyTable table;
  bool inserted = false;
  constexpr std::uint64_t kKeys = 20'000;
  for (std::uint64_t i = 0; i < kKeys; ++i) {
    REQUIRE(id_of(table, {i % 97, i}, inserted) == i);
    REQUIRE(inserted);
  }
  CHECK(table.size() == kKeys);
  for (std::uint64_t i = 0; i < kKeys; ++i) {
    REQUIRE(id_of(table, {i % 97, i}, inserted) == i);
    REQUIRE_FALSE(inserted);
  }
}

TEST_CASE("KeyTable::clear forgets every key and numbers from 0 again") {
  till::KeyTable table;
  bool inserted = false;
  id_of(table, {1}, inserted);
  id_of(table, {2}, inserted);
  table.clear();
  CHECK(table.size() == 0);
  CHECK(id_of(table, {2}, inserted) == 0);
  CHECK(inserted);
  CHECK(id_of(table, {1}, inserted) == 1);
  CHECK(inserted);
}

TEST_CASE("KeyTable with the caller's hashes keeps apart different keys that share one") {
  // The worst hash there is: every key the same. Keys must still be told apart by their words, through
  // growth, and found again.
  till::KeyTable table;
  bool inserted = false;
  constexpr std::uint64_t kKeys = 300;
  for (std::uint64_t i = 0; i < kKeys; ++i) {
    const std::vector<std::uint64_t> key = {i, i * 3};
    REQUIRE(table.find_or_insert(key.data(), key.size(), 42, inserted) == i);
    REQUIRE(inserted);
  }
  for (std::uint64_t i = 0; i < kKeys; ++i) {
    const std::vector<std::uint64_t> key = {i, i * 3};
    REQUIRE(table.find_or_insert(key.data(), key.size(), 42, inserted) == i);
    REQUIRE_FALSE(inserted);
  }
  CHECK(table.size() == kKeys);
}

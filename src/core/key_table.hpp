// KeyTable: an exact hash set of short keys (sequences of 64-bit words) that numbers its keys, for the
// optimiser's memo tables. Keys live in one arena and the slots in one open-addressing array, so once the
// table has grown a lookup allocates nothing. Deterministic: the hash is fixed (no seed), so every build
// visits keys in the same order and gives the same ids.
#pragma once

#include <cstddef>
#include <cstdint>
#include <vector>

namespace till {

class KeyTable {
 public:
  /// The id of the key `words[0..size)`: ids count from 0 in the order keys were first seen. Inserts the key
  /// when it is new and sets `inserted` accordingly.
  std::uint32_t find_or_insert(const std::uint64_t* words, std::size_t size, bool& inserted);

  /// The same with the key's hash given (a caller that keeps a hash up to date as its key changes). A table
  /// must be used with one way of hashing only: this one, or the one above.
  std::uint32_t find_or_insert(const std::uint64_t* words, std::size_t size, std::uint64_t hash, bool& inserted);

  /// How many keys the table holds.
  std::size_t size() const { return hashes_.size(); }

  /// Forgets every key (keeps the memory).
  void clear();

 private:
  void grow();
  bool equal(std::uint32_t id, const std::uint64_t* words, std::size_t size) const;

  std::vector<std::uint64_t> arena_;    // every key's words, one after another
  std::vector<std::size_t> starts_;     // per id: where its words start in arena_; one more entry at the end
  std::vector<std::uint64_t> hashes_;   // per id
  std::vector<std::uint32_t> slots_;    // id + 1, or 0 for an empty slot; the size is a power of two
};

}  // namespace till

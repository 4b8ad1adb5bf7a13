#include "core/key_table.hpp"

#include <algorithm>

namespace till {
namespace {

// SplitMix64's finaliser over each word: a good spread for keys that differ in a few bits.
std::uint64_t hash_words(const std::uint64_t* words, std::size_t size) {
  std::uint64_t h = 0x9e3779b97f4a7c15ULL ^ size;
  for (std::size_t i = 0; i < size; ++i) {
    h ^= words[i];
    h = (h ^ (h >> 30)) * 0xbf58476d1ce4e5b9ULL;
    h = (h ^ (h >> 27)) * 0x94d049bb133111ebULL;
    h ^= h >> 31;
  }
  return h;
}

}  // namespace

bool KeyTable::equal(std::uint32_t id, const std::uint64_t* words, std::size_t size) const {
  const std::size_t start = starts_[id];
  if (starts_[id + 1] - start != size) return false;
  // Keys are a few words: a plain loop beats a call to memcmp.
  const std::uint64_t* stored = arena_.data() + start;
  for (std::size_t i = 0; i < size; ++i)
    if (stored[i] != words[i]) return false;
  return true;
}

void KeyTable::grow() {
  slots_.assign(std::max<std::size_t>(64, slots_.size() * 2), 0);
  const std::size_t mask = slots_.size() - 1;
  for (std::uint32_t id = 0; id < hashes_.size(); ++id) {
    std::size_t slot = static_cast<std::size_t>(hashes_[id]) & mask;
    while (slots_[slot] != 0) slot = (slot + 1) & mask;
    slots_[slot] = id + 1;
  }
}

std::uint32_t KeyTable::find_or_insert(const std::uint64_t* words, std::size_t size, bool& inserted) {
  return find_or_insert(words, size, hash_words(words, size), inserted);
}

std::uint32_t KeyTable::find_or_insert(const std::uint64_t* words, std::size_t size, std::uint64_t hash,
                                       bool& inserted) {
  if ((hashes_.size() + 1) * 2 > slots_.size()) grow();  // at most half full
  if (starts_.empty()) starts_.push_back(0);
  const std::size_t mask = slots_.size() - 1;
  std::size_t slot = static_cast<std::size_t>(hash) & mask;
  for (; slots_[slot] != 0; slot = (slot + 1) & mask) {
    const std::uint32_t id = slots_[slot] - 1;
    if (hashes_[id] == hash && equal(id, words, size)) {
      inserted = false;
      return id;
    }
  }
  const auto id = static_cast<std::uint32_t>(hashes_.size());
  arena_.insert(arena_.end(), words, words + size);
  starts_.push_back(arena_.size());
  hashes_.push_back(hash);
  slots_[slot] = id + 1;
  inserted = true;
  return id;
}

void KeyTable::clear() {
  arena_.clear();
  starts_.clear();
  hashes_.clear();
  std::fill(slots_.begin(), slots_.end(), 0);
}

}  // namespace till

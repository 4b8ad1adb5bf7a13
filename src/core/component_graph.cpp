#include "core/component_graph.hpp"

namespace till {

ComponentGraph& SearchMemo::graph(const std::vector<std::uint64_t>& key) {
  bool inserted = false;
  const std::uint32_t id = keys_.find_or_insert(key.data(), key.size(), inserted);
  if (inserted) graphs_.push_back(std::make_unique<ComponentGraph>());
  return *graphs_[id];
}

}  // namespace till

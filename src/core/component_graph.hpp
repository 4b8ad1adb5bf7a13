// The search graph of one component of a basket (optimiser.cpp), and SearchMemo, which keeps those graphs
// across the searches of one pricing. Nudges re-price a basket many times with one line added (§6), and
// every component the added line does not join is the same component as before: its states, what its
// promotions take and its bounds are all the same, so a later search walks the graph an earlier one built,
// tests each state against its own best combination, and works out only what no earlier search reached.
#pragma once

#include <cstddef>
#include <cstdint>
#include <memory>
#include <utility>
#include <vector>

#include "core/key_table.hpp"
#include "core/money.hpp"

namespace till {

/// One way a component's item promotions can apply: the order of its non-stackable ones and the
/// stackables applied after them, and what they take off its units together.
struct ItemOutcome {
  Money discount = 0;
  std::vector<int> sequence;    // promotion indexes
  std::vector<int> stackables;  // promotion indexes, in priority-then-id order
};

/// What one item promotion takes from a pool of the component's free units. In the component search a
/// free unit is always at its regular price (stackables, the only promotions that lower a unit without
/// taking it, come after), so this depends only on the pool.
struct Take {
  Money amount = 0;
  std::vector<std::uint64_t> used;                        // a set of the component's units
  std::vector<std::pair<std::int32_t, Money>> discounts;  // (basket unit, what it takes off it)
};

/// A promotion's take from one pool, and a bound of what it could take from the pool or any part of it.
struct PoolEntry {
  std::int32_t take = -1;  // an index into ComponentGraph::takes, or -1 when it gives nothing there
  Money bound = 0;
};

/// A state of a component's search: what each of its non-stackable item promotions took (or not).
struct StateNode {
  Money with_more = 0;     // an upper bound of the component's item discount in any extension of it
  Money without_more = 0;  // the same for stopping there (only stackables still to come)
  bool bounded = false;    // the two bounds are worked out
  bool expanded = false;   // its edges are known
  bool stopped = false;    // its outcomes are in ComponentGraph::outcomes
  std::uint32_t edges_begin = 0;
  std::uint32_t edges_end = 0;
};

/// From a state to the state where the component's k-th promotion also takes `take`.
struct StateEdge {
  std::uint32_t k = 0;
  std::uint32_t take = 0;
  std::uint32_t to = 0;
};

/// Everything the searches of one component have learnt. Ids are positions, in first-seen order.
struct ComponentGraph {
  // What the key alone decides, worked out by the first search of the component (when `settled`): an
  // upper bound of its item discount, and its greedy outcome (its candidates in search order, each that
  // still gives something, then its stackables).
  bool settled = false;
  Money bound = 0;
  ItemOutcome greedy;
  KeyTable pool_ids;                    // (k, pool) -> index into pool_entries
  std::vector<PoolEntry> pool_entries;
  KeyTable take_ids;                    // (k, tier, units used, discounts) -> index into takes
  std::vector<Take> takes;
  KeyTable state_ids;                   // per k: take + 1, or 0 -> index into nodes (the first: none taken)
  std::vector<StateNode> nodes;
  std::vector<StateEdge> edges;         // each node's, together
  std::vector<ItemOutcome> outcomes;    // every outcome any search found worth keeping
};

/// The component graphs of the searches of one request, and of the requests made from it by adding lines
/// after its first `lines()` (a graph is only kept for a component made of those lines).
class SearchMemo {
 public:
  explicit SearchMemo(std::size_t lines) : lines_(lines) {}

  std::size_t lines() const { return lines_; }

  /// The graph of the component that `key` describes in full (optimiser.cpp), empty the first time.
  ComponentGraph& graph(const std::vector<std::uint64_t>& key);

  /// How many graphs it keeps.
  std::size_t size() const { return graphs_.size(); }

 private:
  std::size_t lines_;
  KeyTable keys_;
  std::vector<std::unique_ptr<ComponentGraph>> graphs_;  // per key id
};

}  // namespace till

// Choosing the combination to apply (§5.4): the best for the customer, or by priority.
#pragma once

#include "core/combination.hpp"
#include "core/component_graph.hpp"
#include "core/engine.hpp"

namespace till {

struct Selected {
  Combination combination;
  Priced priced;
  bool optimal = true;  // false when the search ran out of steps (best_for_customer only)
};

/// The best combination for the shopper (§5.4) by branch and bound over the combinations of
/// combination.hpp, stopping after `limits.search_steps` steps with the best found so far. With a `memo`,
/// the search keeps what it learns about each component there and starts from what earlier searches learnt
/// (see component_graph.hpp); the choice is the same either way, only the work differs.
Selected select_best_for_customer(const PricingContext& context, const EngineLimits& limits,
                                  SearchMemo* memo = nullptr);

/// The combination `"selection": "priority"` gives (§5.4).
Selected select_by_priority(const PricingContext& context);

/// The combination the rule set's `selection` mode chooses (`memo` as for select_best_for_customer).
Selected select(const PricingContext& context, const EngineLimits& limits, SearchMemo* memo = nullptr);

}  // namespace till

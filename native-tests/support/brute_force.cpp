#include "support/brute_force.hpp"

#include <algorithm>
#include <cstddef>
#include <optional>

namespace till::testing {
namespace {

// The subset of `pool` picked by the bits of `mask`, in pool order.
std::vector<int> subset(const std::vector<int>& pool, std::uint32_t mask) {
  std::vector<int> picked;
  for (std::size_t i = 0; i < pool.size(); ++i) {
    if (mask & (1u << i))
      picked.push_back(pool[i]);
  }
  return picked;
}

// Every ordered selection of distinct members of `pool`: all permutations of all subsets.
std::vector<std::vector<int>> all_sequences(const std::vector<int>& pool) {
  std::vector<std::vector<int>> sequences;
  for (std::uint32_t mask = 0; mask < (1u << pool.size()); ++mask) {
    std::vector<int> members = subset(pool, mask);  // ascending, as next_permutation needs to start
    do {
      sequences.push_back(members);
    } while (std::next_permutation(members.begin(), members.end()));
  }
  return sequences;
}

// Every subset of `pool`.
std::vector<std::vector<int>> all_subsets(const std::vector<int>& pool) {
  std::vector<std::vector<int>> subsets;
  for (std::uint32_t mask = 0; mask < (1u << pool.size()); ++mask)
    subsets.push_back(subset(pool, mask));
  return subsets;
}

// No promotion, or any one of `pool`.
std::vector<std::optional<int>> none_or_one(const std::vector<int>& pool) {
  std::vector<std::optional<int>> choices = {std::nullopt};
  for (int index : pool)
    choices.emplace_back(index);
  return choices;
}

}  // namespace

std::vector<Combination> all_combinations(const PricingContext& context) {
  std::vector<int> exclusives, item_single, item_stack, order_single, order_stack, shipping_single,
      shipping_stack;
  const auto& promotions = context.rules->promotions;
  for (std::size_t i = 0; i < promotions.size(); ++i) {
    if (!context.candidate[i])
      continue;
    const Promotion& promotion = promotions[i];
    const int index = static_cast<int>(i);
    if (promotion.exclusive) {
      exclusives.push_back(index);
      continue;
    }
    switch (promotion.reward_class()) {
      case RewardClass::item:
        (promotion.stackable ? item_stack : item_single).push_back(index);
        break;
      case RewardClass::order:
        (promotion.stackable ? order_stack : order_single).push_back(index);
        break;
      case RewardClass::shipping:
        (promotion.stackable ? shipping_stack : shipping_single).push_back(index);
        break;
      case RewardClass::gift:
        break;  // never chosen: evaluate() adds every eligible gift
    }
  }

  std::vector<Combination> combinations;
  for (const auto& item_sequence : all_sequences(item_single)) {
    for (const auto& item_stackables : all_subsets(item_stack)) {
      for (const auto& order_promotion : none_or_one(order_single)) {
        for (const auto& order_stackables : all_subsets(order_stack)) {
          for (const auto& shipping_promotion : none_or_one(shipping_single)) {
            for (const auto& shipping_stackables : all_subsets(shipping_stack)) {
              Combination combination;
              combination.item_sequence = item_sequence;
              combination.item_stackables = item_stackables;
              combination.order_promotion = order_promotion;
              combination.order_stackables = order_stackables;
              combination.shipping_promotion = shipping_promotion;
              combination.shipping_stackables = shipping_stackables;
              combinations.push_back(std::move(combination));
            }
          }
        }
      }
    }
  }
  for (int index : exclusives) {
    Combination alone;
    alone.exclusive = index;
    combinations.push_back(std::move(alone));
  }
  return combinations;
}

std::vector<PricedCombination> allowed_outcomes(const PricingContext& context) {
  std::vector<PricedCombination> outcomes;
  for (auto& combination : all_combinations(context)) {
    Priced priced = evaluate(context, combination);
    if (priced.valid)
      outcomes.push_back({std::move(combination), std::move(priced)});
  }
  return outcomes;
}

PricedCombination best_by_brute_force(const PricingContext& context) {
  std::optional<PricedCombination> best;
  for (auto& combination : all_combinations(context)) {
    Priced priced = evaluate(context, combination);
    if (!priced.valid)
      continue;
    if (!best || better(context, priced, best->priced)) {
      best = PricedCombination{std::move(combination), std::move(priced)};
    }
  }
  if (!best)
    return {Combination{}, evaluate(context, Combination{})};  // evaluate() broke its contract
  return std::move(*best);
}

}  // namespace till::testing

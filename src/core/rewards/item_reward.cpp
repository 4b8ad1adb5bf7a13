#include "core/rewards/item_reward.hpp"

#include <algorithm>

namespace till {

void sort_most_expensive_first(std::vector<std::int32_t>& units, const std::vector<Money>& prices) {
  std::sort(units.begin(), units.end(), [&](std::int32_t a, std::int32_t b) {
    return prices[a] != prices[b] ? prices[a] > prices[b] : a < b;
  });
}

void sort_cheapest_first(std::vector<std::int32_t>& units, const std::vector<Money>& prices) {
  std::sort(units.begin(), units.end(), [&](std::int32_t a, std::int32_t b) {
    return prices[a] != prices[b] ? prices[a] < prices[b] : a < b;
  });
}

std::vector<std::int32_t> keep_most_expensive(std::vector<std::int32_t> units, const std::vector<Money>& prices,
                                              const std::optional<std::int64_t>& max_quantity) {
  if (!max_quantity || static_cast<std::int64_t>(units.size()) <= *max_quantity) return units;
  sort_most_expensive_first(units, prices);
  units.resize(static_cast<std::size_t>(*max_quantity));
  std::sort(units.begin(), units.end());
  return units;
}

void add_unit_discounts(const std::vector<std::int32_t>& units, const std::vector<Money>& discounts,
                        ItemTake& take) {
  take.discounted.reserve(take.discounted.size() + units.size());
  take.discounts.reserve(take.discounts.size() + units.size());
  for (std::size_t i = 0; i < units.size(); ++i) {
    if (discounts[i] == 0) continue;
    take.discounted.push_back(units[i]);
    take.discounts.push_back(discounts[i]);
    take.total += discounts[i];
  }
}

void take_percent_per_line(const ItemInput& in, const std::vector<std::int32_t>& units, Basis percent,
                           ItemTake& take) {
  std::vector<Money> discounts(units.size(), 0);
  std::vector<Money> weights;
  std::size_t begin = 0;
  while (begin < units.size()) {
    const std::int32_t line = in.basket.unit_line[units[begin]];
    std::size_t end = begin;
    Money sum = 0;
    weights.clear();
    while (end < units.size() && in.basket.unit_line[units[end]] == line) {
      sum += in.prices[units[end]];
      weights.push_back(in.prices[units[end]]);
      ++end;
    }
    const Money line_discount = percent_of(sum, percent, in.rounding);
    if (end - begin == 1) {
      discounts[begin] = line_discount;  // a line's only unit takes all of it
    } else {
      const std::vector<Money> parts = allocate_largest_remainder(line_discount, weights);
      for (std::size_t i = begin; i < end; ++i) discounts[i] = parts[i - begin];
    }
    begin = end;
  }
  add_unit_discounts(units, discounts, take);
}

ItemTake take_item_reward(const Reward& reward, const std::optional<Money>& max_discount, const ItemInput& in) {
  ItemTake take;
  switch (reward.type) {
    case RewardType::percent_off_items: take = take_percent_off_items(reward, in); break;
    case RewardType::amount_off_items: take = take_amount_off_items(reward, in); break;
    case RewardType::fixed_price_items: take = take_fixed_price_items(reward, in); break;
    case RewardType::multibuy: take = take_multibuy(reward, in); break;
    case RewardType::buy_x_get_y: take = take_buy_x_get_y(reward, in); break;
    default: return take;
  }
  if (max_discount && take.total > *max_discount) {
    take.discounts = spread(in.basket, take.discounted, take.discounts, *max_discount);
    take.total = *max_discount;
  }
  return take;
}

}  // namespace till

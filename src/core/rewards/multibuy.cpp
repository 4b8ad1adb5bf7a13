#include <algorithm>

#include "core/rewards/item_reward.hpp"

namespace till {
namespace {

std::int64_t group_limit(std::size_t units, std::int64_t n, const std::optional<std::int64_t>& max_applications) {
  const std::int64_t groups = static_cast<std::int64_t>(units) / n;
  return max_applications ? std::min(groups, *max_applications) : groups;
}

// "3 for £10": groups from the most expensive units down, each formed only when it costs more than `price`.
ItemTake take_price_groups(const Reward& reward, const ItemInput& in, std::vector<std::int32_t> units) {
  ItemTake take;
  const std::int64_t n = reward.quantity;
  sort_most_expensive_first(units, in.prices);
  const std::int64_t limit = group_limit(units.size(), n, in.max_applications);
  std::vector<std::int32_t> all;
  std::vector<Money> all_discounts;
  for (std::int64_t g = 0; g < limit; ++g) {
    std::vector<std::int32_t> group(units.begin() + g * n, units.begin() + (g + 1) * n);
    std::sort(group.begin(), group.end());
    std::vector<Money> weights;
    Money sum = 0;
    for (std::int32_t u : group) {
      weights.push_back(in.prices[u]);
      sum += in.prices[u];
    }
    if (sum <= *reward.price) break;  // later groups are cheaper still
    const std::vector<Money> parts = spread(in.basket, group, weights, sum - *reward.price);
    all.insert(all.end(), group.begin(), group.end());
    all_discounts.insert(all_discounts.end(), parts.begin(), parts.end());
  }
  // Order by position, then record.
  std::vector<std::size_t> order(all.size());
  for (std::size_t i = 0; i < order.size(); ++i) order[i] = i;
  std::sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) { return all[a] < all[b]; });
  std::vector<std::int32_t> used;
  std::vector<Money> discounts;
  for (std::size_t i : order) {
    used.push_back(all[i]);
    discounts.push_back(all_discounts[i]);
  }
  take.used = used;
  add_unit_discounts(used, discounts, take);
  return take;
}

// "Buy 3, get 10% off them": groups from the most expensive units down; percent per line, rounded once.
ItemTake take_percent_groups(const Reward& reward, const ItemInput& in, std::vector<std::int32_t> units) {
  ItemTake take;
  sort_most_expensive_first(units, in.prices);
  units.resize(static_cast<std::size_t>(group_limit(units.size(), reward.quantity, in.max_applications) *
                                        reward.quantity));
  std::sort(units.begin(), units.end());
  take.used = units;
  take_percent_per_line(in, units, *reward.percent, take);
  return take;
}

// "3 for 2", "cheapest free": the cheapest complete groups, and the cheapest n - k of each group's worth free.
ItemTake take_pay_for(const Reward& reward, const ItemInput& in, std::vector<std::int32_t> units) {
  ItemTake take;
  const std::int64_t n = reward.quantity;
  const std::int64_t groups = group_limit(units.size(), n, in.max_applications);
  sort_cheapest_first(units, in.prices);
  units.resize(static_cast<std::size_t>(groups * n));
  const std::size_t free_count = static_cast<std::size_t>(groups * (n - *reward.pay_for));
  std::vector<std::int32_t> free_units(units.begin(), units.begin() + static_cast<std::ptrdiff_t>(free_count));
  std::sort(units.begin(), units.end());
  std::sort(free_units.begin(), free_units.end());
  take.used = units;
  std::vector<Money> discounts;
  for (std::int32_t u : free_units) discounts.push_back(in.prices[u]);
  add_unit_discounts(free_units, discounts, take);
  return take;
}

}  // namespace

ItemTake take_multibuy(const Reward& reward, const ItemInput& in) {
  // A unit already at 0 cannot be lowered and does not join a group.
  std::vector<std::int32_t> units = matching_units(in, in.matches, [](Money p) { return p > 0; });
  if (reward.price) return take_price_groups(reward, in, std::move(units));
  if (reward.pay_for) return take_pay_for(reward, in, std::move(units));
  return take_percent_groups(reward, in, std::move(units));
}

}  // namespace till

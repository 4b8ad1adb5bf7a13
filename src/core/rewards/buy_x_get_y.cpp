#include <algorithm>

#include "core/rewards/item_reward.hpp"

namespace till {

ItemTake take_buy_x_get_y(const Reward& reward, const ItemInput& in) {
  ItemTake take;
  // Get units must be ones the reward can lower; buy units may be any matching unit.
  auto can_lower = [&](Money p) {
    if (p <= 0) return false;
    return !reward.unit_price || p > *reward.unit_price;
  };
  std::vector<std::int32_t> buy = matching_units(in, in.matches, [](Money) { return true; });
  std::vector<std::int32_t> get = matching_units(in, in.get_matches, can_lower);
  sort_most_expensive_first(buy, in.prices);
  sort_cheapest_first(get, in.prices);

  std::vector<std::uint8_t> taken_here(in.prices.size(), 0);
  std::vector<std::int32_t> used;
  std::vector<std::int32_t> get_units;
  std::size_t buy_next = 0;
  std::size_t get_next = 0;
  std::int64_t rounds = 0;
  while (!in.max_applications || rounds < *in.max_applications) {
    std::vector<std::int32_t> round_buy;
    std::size_t b = buy_next;
    for (; b < buy.size() && static_cast<std::int64_t>(round_buy.size()) < reward.buy.quantity; ++b)
      if (!taken_here[buy[b]]) round_buy.push_back(buy[b]);
    if (static_cast<std::int64_t>(round_buy.size()) < reward.buy.quantity) break;
    for (std::int32_t u : round_buy) taken_here[u] = 1;
    std::vector<std::int32_t> round_get;
    std::size_t g = get_next;
    for (; g < get.size() && static_cast<std::int64_t>(round_get.size()) < reward.get.quantity; ++g)
      if (!taken_here[get[g]]) round_get.push_back(get[g]);
    if (round_get.empty()) {
      for (std::int32_t u : round_buy) taken_here[u] = 0;
      break;
    }
    for (std::int32_t u : round_get) taken_here[u] = 1;
    buy_next = b;
    get_next = g;
    used.insert(used.end(), round_buy.begin(), round_buy.end());
    used.insert(used.end(), round_get.begin(), round_get.end());
    get_units.insert(get_units.end(), round_get.begin(), round_get.end());
    ++rounds;
  }
  std::sort(used.begin(), used.end());
  std::sort(get_units.begin(), get_units.end());
  take.used = used;
  if (reward.percent) {
    take_percent_per_line(in, get_units, *reward.percent, take);
  } else {
    std::vector<Money> discounts;
    for (std::int32_t u : get_units)
      discounts.push_back(reward.amount ? std::min(*reward.amount, in.prices[u]) : in.prices[u] - *reward.unit_price);
    add_unit_discounts(get_units, discounts, take);
  }
  return take;
}

}  // namespace till

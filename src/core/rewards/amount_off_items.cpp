#include "core/rewards/item_reward.hpp"

#include <algorithm>

namespace till {

ItemTake take_amount_off_items(const Reward& reward, const ItemInput& in) {
  ItemTake take;
  take.used = keep_most_expensive(matching_units(in, in.matches, [](Money p) { return p > 0; }), in.prices,
                                  reward.max_quantity);
  const Money amount = *reward.amount;
  std::vector<Money> discounts;
  if (reward.per == PerWhat::unit) {
    for (std::int32_t u : take.used) discounts.push_back(std::min(amount, in.prices[u]));
  } else {
    // Once across the units: spread by their current prices, which also keeps every unit >= 0.
    std::vector<Money> weights;
    Money sum = 0;
    for (std::int32_t u : take.used) {
      weights.push_back(in.prices[u]);
      sum += in.prices[u];
    }
    discounts = spread(in.basket, take.used, weights, std::min(amount, sum));
  }
  add_unit_discounts(take.used, discounts, take);
  return take;
}

}  // namespace till

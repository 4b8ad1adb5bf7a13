#include "core/rewards/item_reward.hpp"

namespace till {

ItemTake take_fixed_price_items(const Reward& reward, const ItemInput& in) {
  ItemTake take;
  const Money fixed = *reward.unit_price;
  // A unit at or below the fixed price is not a discounted unit (a fixed price never raises a price).
  take.used = keep_most_expensive(matching_units(in, in.matches, [&](Money p) { return p > fixed; }), in.prices,
                                  reward.max_quantity);
  std::vector<Money> discounts;
  for (std::int32_t u : take.used) discounts.push_back(in.prices[u] - fixed);
  add_unit_discounts(take.used, discounts, take);
  return take;
}

}  // namespace till

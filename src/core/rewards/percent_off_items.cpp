#include "core/rewards/item_reward.hpp"

namespace till {

ItemTake take_percent_off_items(const Reward& reward, const ItemInput& in) {
  ItemTake take;
  take.used = keep_most_expensive(matching_units(in, in.matches, [](Money p) { return p > 0; }), in.prices,
                                  reward.max_quantity);
  take_percent_per_line(in, take.used, *reward.percent, take);
  return take;
}

}  // namespace till

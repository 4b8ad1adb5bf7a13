#include "core/rewards/scalar_reward.hpp"

#include <algorithm>

namespace till {

Money order_reward_amount(const Reward& reward, Money merchandise, Rounding rounding) {
  if (reward.type == RewardType::percent_off_order) return percent_of(merchandise, *reward.percent, rounding);
  return std::min(*reward.amount, merchandise);
}

Money shipping_reward_amount(const Reward& reward, const std::string& method, Money shipping, Rounding rounding) {
  if (reward.methods && std::find(reward.methods->begin(), reward.methods->end(), method) == reward.methods->end())
    return 0;
  if (reward.percent) return percent_of(shipping, *reward.percent, rounding);
  if (reward.amount) return std::min(*reward.amount, shipping);
  return std::max<Money>(0, shipping - *reward.price);
}

Money gift_worth(const Reward& reward) { return reward.gift_value * reward.quantity; }

}  // namespace till

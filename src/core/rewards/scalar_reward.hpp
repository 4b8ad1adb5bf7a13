// Order, shipping and gift rewards (§2.5): each gives one amount, computed from a single figure.
#pragma once

#include <string>

#include "core/money.hpp"
#include "core/rules.hpp"

namespace till {

/// What an order reward takes off `merchandise` (the merchandise still left to discount), rounded once.
Money order_reward_amount(const Reward& reward, Money merchandise, Rounding rounding);

/// What a shipping reward takes off `shipping` (what is left of the chosen method's price); 0 when the
/// reward is limited to other methods.
Money shipping_reward_amount(const Reward& reward, const std::string& method, Money shipping, Rounding rounding);

/// value × quantity of a free_gift reward: what the gift is worth to the shopper.
Money gift_worth(const Reward& reward);

}  // namespace till

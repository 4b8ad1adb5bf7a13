// The stages of pricing one combination (§5.3): item promotions take units, then order, shipping and gift
// promotions apply to what is left. `evaluate`, the optimiser and priority mode all go through these, so
// they price every combination the same way.
#pragma once

#include <cstdint>
#include <optional>
#include <vector>

#include "core/combination.hpp"
#include "core/rewards/item_reward.hpp"

namespace till {

/// A combination being priced.
struct Working {
  std::vector<Money> prices;          // current price per unit
  std::vector<std::uint8_t> taken;    // per unit: used by a non-stackable item promotion
  std::vector<AppliedPromotion> applied;  // in the order applied
  Money item_discount = 0;
  Money order_discount = 0;
  Money shipping_discount = 0;
  Money gift_value = 0;

  Money merchandise(const Basket& basket) const { return basket.subtotal - item_discount - order_discount; }
};

/// A fresh basket at regular prices.
Working start_working(const PricingContext& context);

/// The tier a promotion would use and what it would give.
struct TierChoice {
  int tier = 0;
  Money amount = 0;
};

/// Does tier `tier` of promotion `p` hold with its class's `min_subtotal` measured as `measure` (§5.2)?
bool tier_condition_holds(const PricingContext& context, int p, int tier, Money measure);

/// What item promotion `p` would take from `pool` (ascending units it may use) at `prices`, with the
/// tier that gives the most (ties: the later tier); nullopt when no tier gives anything.
struct ItemChoice {
  int tier = 0;
  ItemTake take;
};
std::optional<ItemChoice> choose_item_take(const PricingContext& context, int p, const std::vector<Money>& prices,
                                           const std::vector<std::int32_t>& pool);

/// Applies item promotion `p`: a non-stackable one takes from the units no non-stackable one took and marks
/// them taken; a stackable one applies to every matching unit on what is left of its price. Uses the tier
/// that gives the most (ties: the later tier). Returns false, leaving `w` unchanged, when it gives nothing.
/// Adds the units it considered to `*steps`.
bool apply_item(const PricingContext& context, Working& w, int p, bool stackable, std::int64_t* steps);

/// The tier and amount of order promotion `p`, its condition measured at `after_items` (merchandise after
/// item discounts), taking from `merchandise` (what is left); nullopt when it gives nothing.
std::optional<TierChoice> order_choice(const PricingContext& context, int p, Money after_items, Money merchandise);

/// The same for shipping promotion `p` on `shipping` (what is left of the method's price), measured at
/// `after_order` (merchandise after item and order discounts).
std::optional<TierChoice> shipping_choice(const PricingContext& context, int p, Money after_order, Money shipping);

/// The tier of gift promotion `p` (the most valuable whose condition holds at `after_order`); nullopt when
/// none holds. `amount` is the gifts' worth.
std::optional<TierChoice> gift_choice(const PricingContext& context, int p, Money after_order);

/// Records an order promotion's choice, spreading it over lines then units by their current prices.
void apply_order(const PricingContext& context, Working& w, int p, const TierChoice& choice);
/// Records a shipping promotion's choice.
void apply_shipping(const PricingContext& context, Working& w, int p, const TierChoice& choice);
/// Records a gift promotion's choice.
void apply_gift(Working& w, int p, const TierChoice& choice);

/// Candidate promotions of one class, stackable or not, sorted by priority (higher first) then id.
std::vector<int> candidates_of(const PricingContext& context, RewardClass cls, bool stackable);

/// Sorts applied promotions into the §4 order: class (item, order, shipping, gift), priority, id.
void sort_applied(const PricingContext& context, std::vector<AppliedPromotion>& applied);

/// Sorts promotion indexes by priority (higher first), then id.
void sort_by_priority(const PricingContext& context, std::vector<int>& promotions);

}  // namespace till

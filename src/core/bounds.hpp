// Upper bounds of what promotions can take, without pricing any combination: what the optimiser cuts its
// search with, and what the nudge planner ranks its work by. Every figure here is at least what the engine
// could ever give (any tier, condition or not), so a comparison with it is always safe.
#pragma once

#include <cstddef>
#include <vector>

#include "core/combination.hpp"

namespace till {

/// What one tier of an item promotion could put on one unit of `price` on line `line`. Group discounts
/// (multibuys) are spread over their members by weight, so a member may carry up to its price.
Money unit_bound(const TierFacts& facts, std::size_t line, const Reward& reward, Money price);

/// Per line of the request: what item promotion `p` could take off one unit of it, in any tier. For a
/// non-stackable one (whose units are at regular prices), 0 where §2.5 never lets it discount the unit: a
/// "cheapest free" unit needs pay_for others at its price or above, and a get unit that is also a buy unit
/// needs buy.quantity of them.
std::vector<Money> line_bounds(const PricingContext& context, int p);

/// What order promotion `p` could take off `merchandise`, at most (any tier, condition or not).
Money order_amount_bound(const PricingContext& context, int p, Money merchandise);

/// The most the item class could take off the basket in any combination of the promotions with
/// `may_apply[p]`: per unit, the most one non-stackable one could take off it plus what every stackable
/// could, never more than its price.
Money item_discount_bound(const PricingContext& context, const std::vector<bool>& may_apply);

/// The most the order class could take off `merchandise` with the promotions with `may_apply[p]`: the
/// largest non-stackable one, then every stackable.
Money order_discount_bound(const PricingContext& context, const std::vector<bool>& may_apply, Money merchandise);

}  // namespace till

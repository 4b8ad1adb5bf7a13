#include "core/bounds.hpp"

#include <algorithm>

#include "core/rewards/scalar_reward.hpp"

namespace till {
namespace {

// What a percentage can put on one unit: a line's discount is rounded once and spread over its units by
// largest remainder, so a unit may carry a penny more than its own share rounded up.
Money percent_unit_bound(Money price, Basis percent) {
  return std::min(price, (price * percent + kFullPercent - 1) / kFullPercent + 1);
}

}  // namespace

Money unit_bound(const TierFacts& facts, std::size_t line, const Reward& r, Money price) {
  const bool in_main = facts.matches[line] != 0;
  switch (r.type) {
    case RewardType::percent_off_items: return in_main ? percent_unit_bound(price, *r.percent) : 0;
    case RewardType::amount_off_items: return in_main ? std::min(*r.amount, price) : 0;
    case RewardType::fixed_price_items: return in_main ? std::max<Money>(0, price - *r.unit_price) : 0;
    case RewardType::multibuy:
      if (!in_main) return 0;
      return r.percent ? percent_unit_bound(price, *r.percent) : price;
    case RewardType::buy_x_get_y:
      if (!facts.get_matches[line]) return 0;
      if (r.percent) return percent_unit_bound(price, *r.percent);
      if (r.amount) return std::min(*r.amount, price);
      return std::max<Money>(0, price - *r.unit_price);
    default: return 0;
  }
}

std::vector<Money> line_bounds(const PricingContext& context, int p) {
  const Promotion& promo = context.rules->promotions[static_cast<std::size_t>(p)];
  const PromotionFacts& facts = context.facts[static_cast<std::size_t>(p)];
  const std::vector<Line>& lines = context.request->lines;
  std::vector<Money> per_line(lines.size(), 0);
  for (std::size_t l = 0; l < lines.size(); ++l) {
    if (!facts.lines[l]) continue;
    for (std::size_t t = 0; t < promo.tiers.size(); ++t)
      per_line[l] = std::max(per_line[l], unit_bound(facts.tiers[t], l, promo.tiers[t].reward, lines[l].unit_price));
  }
  return per_line;
}

Money order_amount_bound(const PricingContext& context, int p, Money merchandise) {
  const Promotion& promo = context.rules->promotions[static_cast<std::size_t>(p)];
  Money most = 0;
  // Half up never rounds below the other modes.
  for (const Tier& t : promo.tiers) most = std::max(most, order_reward_amount(t.reward, merchandise, Rounding::half_up));
  return promo.max_discount ? std::min(most, *promo.max_discount) : most;
}

Money item_discount_bound(const PricingContext& context, const std::vector<bool>& may_apply) {
  const std::vector<Line>& lines = context.request->lines;
  std::vector<Money> one(lines.size(), 0);      // per line: the most one non-stackable could take off a unit
  std::vector<Money> stacked(lines.size(), 0);  // per line: what every stackable could
  const auto& promotions = context.rules->promotions;
  for (int p = 0; p < static_cast<int>(promotions.size()); ++p) {
    const Promotion& promo = promotions[static_cast<std::size_t>(p)];
    if (!may_apply[static_cast<std::size_t>(p)] || promo.reward_class() != RewardClass::item) continue;
    const std::vector<Money> per_line = line_bounds(context, p);
    for (std::size_t l = 0; l < lines.size(); ++l) {
      if (promo.stackable) stacked[l] += per_line[l];
      else one[l] = std::max(one[l], per_line[l]);
    }
  }
  Money bound = 0;
  for (std::size_t l = 0; l < lines.size(); ++l)
    bound += lines[l].quantity * std::min(lines[l].unit_price, one[l] + stacked[l]);
  return bound;
}

Money order_discount_bound(const PricingContext& context, const std::vector<bool>& may_apply, Money merchandise) {
  Money one = 0;
  Money stacked = 0;
  const auto& promotions = context.rules->promotions;
  for (int p = 0; p < static_cast<int>(promotions.size()); ++p) {
    const Promotion& promo = promotions[static_cast<std::size_t>(p)];
    if (!may_apply[static_cast<std::size_t>(p)] || promo.reward_class() != RewardClass::order) continue;
    const Money most = order_amount_bound(context, p, merchandise);
    if (promo.stackable) stacked += most;
    else one = std::max(one, most);
  }
  return std::min(merchandise, one + stacked);
}

}  // namespace till

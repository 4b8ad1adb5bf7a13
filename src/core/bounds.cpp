#include "core/bounds.hpp"

#include <algorithm>
#include <iterator>
#include <optional>
#include <utility>

#include "core/rewards/scalar_reward.hpp"

namespace till {
namespace {

// What a percentage can put on one unit: a line's discount is rounded once and spread over its units by
// largest remainder, so a unit may carry a penny more than its own share rounded up.
Money percent_unit_bound(Money price, Basis percent) {
  return std::min(price, (price * percent + kFullPercent - 1) / kFullPercent + 1);
}

// The units of the lines where `matches` is set, ranked by regular price.
class RankedUnits {
 public:
  RankedUnits(const PricingContext& context, const std::vector<std::uint8_t>& matches) {
    const std::vector<Line>& lines = context.request->lines;
    for (std::size_t l = 0; l < lines.size(); ++l)
      if (matches[l]) ranked_.emplace_back(lines[l].unit_price, lines[l].quantity);
    std::sort(ranked_.begin(), ranked_.end(), [](const auto& a, const auto& b) { return a.first > b.first; });
    for (std::size_t i = 1; i < ranked_.size(); ++i) ranked_[i].second += ranked_[i - 1].second;
  }

  /// How many of the units are at `price` or above.
  Money at_or_above(Money price) const {
    const auto end = std::partition_point(ranked_.begin(), ranked_.end(), [&](const auto& e) { return e.first >= price; });
    return end == ranked_.begin() ? 0 : std::prev(end)->second;
  }

 private:
  std::vector<std::pair<Money, Money>> ranked_;  // (price, units at that price or above), most expensive first
};

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
  for (std::size_t t = 0; t < promo.tiers.size(); ++t) {
    const Reward& r = promo.tiers[t].reward;
    const TierFacts& tf = facts.tiers[t];
    // A non-stackable promotion takes from units at their regular prices (stackables come after it), and
    // §2.5 frees the cheapest units of a "cheapest free" group and takes a buy_x_get_y round's buy units
    // from the most expensive down before its get units: such a unit is discounted only when enough other
    // matching units are at its price or above.
    std::optional<RankedUnits> ranked;
    std::int64_t needed_above = 0;
    if (!promo.stackable && r.type == RewardType::multibuy && r.pay_for) {
      ranked.emplace(context, tf.matches);
      needed_above = *r.pay_for;
    } else if (!promo.stackable && r.type == RewardType::buy_x_get_y) {
      ranked.emplace(context, tf.matches);
      needed_above = r.buy.quantity;
    }
    for (std::size_t l = 0; l < lines.size(); ++l) {
      if (!facts.lines[l]) continue;
      const Money price = lines[l].unit_price;
      Money bound = unit_bound(tf, l, r, price);
      if (ranked && tf.matches[l] && ranked->at_or_above(price) - 1 < needed_above) bound = 0;
      per_line[l] = std::max(per_line[l], bound);
    }
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

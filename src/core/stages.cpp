#include "core/stages.hpp"

#include <algorithm>

#include "core/rewards/item_reward.hpp"
#include "core/rewards/scalar_reward.hpp"

namespace till {

Working start_working(const PricingContext& context) {
  Working w;
  w.prices = context.basket.unit_regular;
  w.taken.assign(w.prices.size(), 0);
  return w;
}

bool tier_condition_holds(const PricingContext& context, int p, int tier, Money measure) {
  const Tier& t = context.rules->promotions[static_cast<std::size_t>(p)].tiers[static_cast<std::size_t>(tier)];
  if (!context.facts[static_cast<std::size_t>(p)].tiers[static_cast<std::size_t>(tier)].items_hold) return false;
  return !t.condition.min_subtotal || measure >= *t.condition.min_subtotal;
}

std::optional<ItemChoice> choose_item_take(const PricingContext& context, int p, const std::vector<Money>& prices,
                                           const std::vector<std::int32_t>& pool) {
  if (pool.empty()) return std::nullopt;
  const Promotion& promo = context.rules->promotions[static_cast<std::size_t>(p)];
  const PromotionFacts& facts = context.facts[static_cast<std::size_t>(p)];
  std::optional<ItemChoice> best;
  for (int t = 0; t < static_cast<int>(promo.tiers.size()); ++t) {
    if (!tier_condition_holds(context, p, t, context.basket.subtotal)) continue;
    const TierFacts& tf = facts.tiers[static_cast<std::size_t>(t)];
    const ItemInput input{context.basket, prices, pool, tf.matches, tf.get_matches, promo.max_applications,
                          context.rules->rounding};
    ItemTake take = take_item_reward(promo.tiers[static_cast<std::size_t>(t)].reward, promo.max_discount, input);
    if (take.total > 0 && (!best || take.total >= best->take.total)) best = ItemChoice{t, std::move(take)};
  }
  return best;
}

bool apply_item(const PricingContext& context, Working& w, int p, bool stackable, std::int64_t* steps) {
  const PromotionFacts& facts = context.facts[static_cast<std::size_t>(p)];
  const Basket& basket = context.basket;

  std::vector<std::int32_t> pool;
  for (std::size_t line = 0; line < facts.lines.size(); ++line) {
    if (!facts.lines[line]) continue;
    const std::int32_t begin = basket.line_first[line];
    const std::int32_t end = line + 1 < basket.line_first.size() ? basket.line_first[line + 1] : basket.unit_count();
    for (std::int32_t u = begin; u < end; ++u)
      if (stackable || !w.taken[static_cast<std::size_t>(u)]) pool.push_back(u);
  }
  if (steps) *steps += static_cast<std::int64_t>(pool.size()) + 1;
  std::optional<ItemChoice> best = choose_item_take(context, p, w.prices, pool);
  if (!best) return false;
  const int best_tier = best->tier;
  const ItemTake& take = best->take;

  AppliedPromotion applied;
  applied.promotion = p;
  applied.tier = best_tier;
  applied.amount = take.total;
  applied.line_amounts.assign(context.request->lines.size(), 0);
  for (std::size_t i = 0; i < take.discounted.size(); ++i) {
    const std::int32_t u = take.discounted[i];
    w.prices[static_cast<std::size_t>(u)] -= take.discounts[i];
    applied.line_amounts[static_cast<std::size_t>(basket.unit_line[u])] += take.discounts[i];
  }
  if (!stackable)
    for (std::int32_t u : take.used) w.taken[static_cast<std::size_t>(u)] = 1;
  applied.units = stackable ? take.discounted : take.used;
  w.item_discount += take.total;
  w.applied.push_back(std::move(applied));
  return true;
}

namespace {

// The best tier of a scalar reward: the largest amount (ties: the later tier) among tiers that hold.
template <class Amount>
std::optional<TierChoice> best_scalar_tier(const PricingContext& context, int p, Money measure, Amount amount_of) {
  const Promotion& promo = context.rules->promotions[static_cast<std::size_t>(p)];
  std::optional<TierChoice> best;
  for (int t = 0; t < static_cast<int>(promo.tiers.size()); ++t) {
    if (!tier_condition_holds(context, p, t, measure)) continue;
    Money amount = amount_of(promo.tiers[static_cast<std::size_t>(t)].reward);
    if (promo.max_discount) amount = std::min(amount, *promo.max_discount);
    if (!best || amount >= best->amount) best = TierChoice{t, amount};
  }
  return best;
}

}  // namespace

std::optional<TierChoice> order_choice(const PricingContext& context, int p, Money after_items, Money merchandise) {
  auto choice = best_scalar_tier(context, p, after_items, [&](const Reward& r) {
    return order_reward_amount(r, merchandise, context.rules->rounding);
  });
  if (!choice || choice->amount <= 0) return std::nullopt;
  return choice;
}

std::optional<TierChoice> shipping_choice(const PricingContext& context, int p, Money after_order, Money shipping) {
  if (!context.shipping_price) return std::nullopt;
  const std::string& method = *context.request->shipping_method;
  auto choice = best_scalar_tier(context, p, after_order, [&](const Reward& r) {
    return shipping_reward_amount(r, method, shipping, context.rules->rounding);
  });
  if (!choice || choice->amount <= 0) return std::nullopt;
  return choice;
}

std::optional<TierChoice> gift_choice(const PricingContext& context, int p, Money after_order) {
  const Promotion& promo = context.rules->promotions[static_cast<std::size_t>(p)];
  std::optional<TierChoice> best;
  for (int t = 0; t < static_cast<int>(promo.tiers.size()); ++t) {
    if (!tier_condition_holds(context, p, t, after_order)) continue;
    const Money worth = gift_worth(promo.tiers[static_cast<std::size_t>(t)].reward);
    if (!best || worth >= best->amount) best = TierChoice{t, worth};
  }
  return best;
}

void apply_order(const PricingContext& context, Working& w, int p, const TierChoice& choice) {
  const Basket& basket = context.basket;
  std::vector<std::int32_t> units;
  std::vector<Money> weights;
  for (std::int32_t u = 0; u < basket.unit_count(); ++u) {
    if (w.prices[static_cast<std::size_t>(u)] == 0) continue;
    units.push_back(u);
    weights.push_back(w.prices[static_cast<std::size_t>(u)]);
  }
  const std::vector<Money> parts = spread(basket, units, weights, choice.amount);
  AppliedPromotion applied;
  applied.promotion = p;
  applied.tier = choice.tier;
  applied.amount = choice.amount;
  applied.line_amounts.assign(context.request->lines.size(), 0);
  for (std::size_t i = 0; i < units.size(); ++i) {
    w.prices[static_cast<std::size_t>(units[i])] -= parts[i];
    applied.line_amounts[static_cast<std::size_t>(basket.unit_line[units[i]])] += parts[i];
  }
  w.order_discount += choice.amount;
  w.applied.push_back(std::move(applied));
}

void apply_shipping(const PricingContext& context, Working& w, int p, const TierChoice& choice) {
  AppliedPromotion applied;
  applied.promotion = p;
  applied.tier = choice.tier;
  applied.amount = choice.amount;
  applied.line_amounts.assign(context.request->lines.size(), 0);
  applied.shipping_amount = choice.amount;
  w.shipping_discount += choice.amount;
  w.applied.push_back(std::move(applied));
}

void apply_gift(Working& w, int p, const TierChoice& choice) {
  AppliedPromotion applied;
  applied.promotion = p;
  applied.tier = choice.tier;
  w.gift_value += choice.amount;
  w.applied.push_back(std::move(applied));
}

void sort_by_priority(const PricingContext& context, std::vector<int>& promotions) {
  const auto& all = context.rules->promotions;
  std::sort(promotions.begin(), promotions.end(), [&](int a, int b) {
    const Promotion& pa = all[static_cast<std::size_t>(a)];
    const Promotion& pb = all[static_cast<std::size_t>(b)];
    return pa.priority != pb.priority ? pa.priority > pb.priority : pa.id < pb.id;
  });
}

std::vector<int> candidates_of(const PricingContext& context, RewardClass cls, bool stackable) {
  std::vector<int> out;
  const auto& all = context.rules->promotions;
  for (int p = 0; p < static_cast<int>(all.size()); ++p) {
    const Promotion& promo = all[static_cast<std::size_t>(p)];
    if (context.candidate[static_cast<std::size_t>(p)] && !promo.exclusive && promo.stackable == stackable &&
        promo.reward_class() == cls)
      out.push_back(p);
  }
  sort_by_priority(context, out);
  return out;
}

}  // namespace till

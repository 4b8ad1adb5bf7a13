// "selection": "priority" (§5.4): promotions take their turn by priority then id, class by class.
#include "core/selection.hpp"
#include "core/stages.hpp"

namespace till {
namespace {

// Does promotion a rank above promotion b (priority, then id)?
bool ranks_above(const PricingContext& context, int a, int b) {
  const Promotion& pa = context.rules->promotions[static_cast<std::size_t>(a)];
  const Promotion& pb = context.rules->promotions[static_cast<std::size_t>(b)];
  return pa.priority != pb.priority ? pa.priority > pb.priority : pa.id < pb.id;
}

}  // namespace

Selected select_by_priority(const PricingContext& context) {
  Combination combination;
  Working w = start_working(context);
  for (int p : candidates_of(context, RewardClass::item, false))
    if (apply_item(context, w, p, false, nullptr)) combination.item_sequence.push_back(p);
  for (int p : candidates_of(context, RewardClass::item, true))
    if (apply_item(context, w, p, true, nullptr)) combination.item_stackables.push_back(p);

  const Money after_items = w.merchandise(context.basket);
  for (int p : candidates_of(context, RewardClass::order, false)) {
    if (auto choice = order_choice(context, p, after_items, after_items)) {
      combination.order_promotion = p;
      apply_order(context, w, p, *choice);
      break;
    }
  }
  for (int p : candidates_of(context, RewardClass::order, true)) {
    if (auto choice = order_choice(context, p, after_items, w.merchandise(context.basket))) {
      combination.order_stackables.push_back(p);
      apply_order(context, w, p, *choice);
    }
  }

  const Money after_order = w.merchandise(context.basket);
  const Money price = context.shipping_price.value_or(0);
  for (int p : candidates_of(context, RewardClass::shipping, false)) {
    if (auto choice = shipping_choice(context, p, after_order, price)) {
      combination.shipping_promotion = p;
      apply_shipping(context, w, p, *choice);
      break;
    }
  }
  for (int p : candidates_of(context, RewardClass::shipping, true)) {
    if (auto choice = shipping_choice(context, p, after_order, price - w.shipping_discount)) {
      combination.shipping_stackables.push_back(p);
      apply_shipping(context, w, p, *choice);
    }
  }
  for (int p : candidates_of(context, RewardClass::gift, false))
    if (auto choice = gift_choice(context, p, after_order)) apply_gift(w, p, *choice);

  // The highest-ranked exclusive candidate wins unless an applied promotion ranks above it.
  std::vector<int> exclusives;
  for (int p = 0; p < static_cast<int>(context.rules->promotions.size()); ++p)
    if (context.candidate[static_cast<std::size_t>(p)] && context.rules->promotions[static_cast<std::size_t>(p)].exclusive)
      exclusives.push_back(p);
  sort_by_priority(context, exclusives);
  if (!exclusives.empty()) {
    const int top = exclusives.front();
    bool outranked = false;
    for (const AppliedPromotion& a : w.applied) outranked = outranked || ranks_above(context, a.promotion, top);
    if (!outranked) {
      combination = Combination{};
      combination.exclusive = top;
    }
  }

  Selected selected;
  selected.priced = evaluate(context, combination);
  selected.combination = std::move(combination);
  return selected;
}

Selected select(const PricingContext& context, const EngineLimits& limits, SearchMemo* memo) {
  return context.rules->selection == Selection::priority ? select_by_priority(context)
                                                         : select_best_for_customer(context, limits, memo);
}

}  // namespace till

// evaluate and better: pricing one combination, and the §5.4 order on priced combinations.
#include <algorithm>
#include <string>

#include "core/combination.hpp"
#include "core/stages.hpp"

namespace till {
namespace {

int class_rank(RewardClass cls) {
  switch (cls) {
    case RewardClass::item: return 0;
    case RewardClass::order: return 1;
    case RewardClass::shipping: return 2;
    case RewardClass::gift: return 3;
  }
  return 4;
}

bool allowed(const PricingContext& context, int p, RewardClass cls, bool stackable) {
  if (p < 0 || p >= static_cast<int>(context.rules->promotions.size())) return false;
  const Promotion& promo = context.rules->promotions[static_cast<std::size_t>(p)];
  return context.candidate[static_cast<std::size_t>(p)] && !promo.exclusive && promo.stackable == stackable &&
         promo.reward_class() == cls;
}

bool apply_exclusive(const PricingContext& context, Working& w, int p) {
  if (p < 0 || p >= static_cast<int>(context.rules->promotions.size())) return false;
  const Promotion& promo = context.rules->promotions[static_cast<std::size_t>(p)];
  if (!context.candidate[static_cast<std::size_t>(p)] || !promo.exclusive) return false;
  const Money subtotal = context.basket.subtotal;
  switch (promo.reward_class()) {
    case RewardClass::item: return apply_item(context, w, p, false, nullptr);
    case RewardClass::order:
      if (auto c = order_choice(context, p, subtotal, subtotal)) return apply_order(context, w, p, *c), true;
      return false;
    case RewardClass::shipping:
      if (auto c = shipping_choice(context, p, subtotal, *context.shipping_price))
        return apply_shipping(context, w, p, *c), true;
      return false;
    case RewardClass::gift:
      if (auto c = gift_choice(context, p, subtotal)) return apply_gift(w, p, *c), true;
      return false;
  }
  return false;
}

bool apply_rest(const PricingContext& context, Working& w, const Combination& c) {
  // The promotions applied so far: a combination may not list one twice. A few at most, so a flat list.
  std::vector<int> applied;
  const auto first_time = [&applied](int p) {
    if (std::find(applied.begin(), applied.end(), p) != applied.end()) return false;
    applied.push_back(p);
    return true;
  };
  for (int p : c.item_sequence)
    if (!allowed(context, p, RewardClass::item, false) || !first_time(p) ||
        !apply_item(context, w, p, false, nullptr))
      return false;
  std::vector<int> stackables = c.item_stackables;
  sort_by_priority(context, stackables);
  for (int p : stackables)
    if (!allowed(context, p, RewardClass::item, true) || !first_time(p) ||
        !apply_item(context, w, p, true, nullptr))
      return false;

  const Money after_items = w.merchandise(context.basket);
  if (c.order_promotion) {
    const int p = *c.order_promotion;
    if (!allowed(context, p, RewardClass::order, false)) return false;
    auto choice = order_choice(context, p, after_items, w.merchandise(context.basket));
    if (!choice) return false;
    apply_order(context, w, p, *choice);
  }
  stackables = c.order_stackables;
  sort_by_priority(context, stackables);
  for (int p : stackables) {
    if (!allowed(context, p, RewardClass::order, true) || !first_time(p)) return false;
    auto choice = order_choice(context, p, after_items, w.merchandise(context.basket));
    if (!choice) return false;
    apply_order(context, w, p, *choice);
  }

  const Money after_order = w.merchandise(context.basket);
  const Money shipping = context.shipping_price.value_or(0);
  if (c.shipping_promotion) {
    const int p = *c.shipping_promotion;
    if (!allowed(context, p, RewardClass::shipping, false)) return false;
    auto choice = shipping_choice(context, p, after_order, shipping - w.shipping_discount);
    if (!choice) return false;
    apply_shipping(context, w, p, *choice);
  }
  stackables = c.shipping_stackables;
  sort_by_priority(context, stackables);
  for (int p : stackables) {
    if (!allowed(context, p, RewardClass::shipping, true) || !first_time(p)) return false;
    auto choice = shipping_choice(context, p, after_order, shipping - w.shipping_discount);
    if (!choice) return false;
    apply_shipping(context, w, p, *choice);
  }

  for (int p : candidates_of(context, RewardClass::gift, false))
    if (auto choice = gift_choice(context, p, after_order)) apply_gift(w, p, *choice);
  return true;
}

}  // namespace

void sort_applied(const PricingContext& context, std::vector<AppliedPromotion>& applied) {
  const auto& all = context.rules->promotions;
  std::sort(applied.begin(), applied.end(), [&](const AppliedPromotion& a, const AppliedPromotion& b) {
    const Promotion& pa = all[static_cast<std::size_t>(a.promotion)];
    const Promotion& pb = all[static_cast<std::size_t>(b.promotion)];
    const int ca = class_rank(pa.reward_class());
    const int cb = class_rank(pb.reward_class());
    if (ca != cb) return ca < cb;
    if (pa.priority != pb.priority) return pa.priority > pb.priority;
    return pa.id < pb.id;
  });
}

Priced evaluate(const PricingContext& context, const Combination& combination) {
  Working w = start_working(context);
  Priced priced;
  priced.valid = combination.exclusive ? apply_exclusive(context, w, *combination.exclusive)
                                       : apply_rest(context, w, combination);
  sort_applied(context, w.applied);
  priced.applied = std::move(w.applied);
  priced.unit_prices = std::move(w.prices);
  priced.item_discount = w.item_discount;
  priced.order_discount = w.order_discount;
  priced.shipping_discount = w.shipping_discount;
  priced.gift_value = w.gift_value;
  return priced;
}

namespace {

// -1 when a's list wins, 1 when b's wins, 0 when equal; `longer_wins` settles a list that starts the other.
template <class T, class Better>
int compare_lists(const std::vector<T>& a, const std::vector<T>& b, Better first_better, bool longer_wins) {
  const std::size_t n = std::min(a.size(), b.size());
  for (std::size_t i = 0; i < n; ++i) {
    if (first_better(a[i], b[i])) return -1;
    if (first_better(b[i], a[i])) return 1;
  }
  if (a.size() == b.size()) return 0;
  return (a.size() > b.size()) == longer_wins ? -1 : 1;
}

// Steps 2-4 of the §5.4 comparison, for one set of applied promotions (step 5's ids: sorted_ids).
struct SetKey {
  int codes = 0;
  int promotions = 0;
  std::vector<std::int64_t> priorities;  // high to low
};

SetKey set_key(const PricingContext& context, const std::vector<int>& applied) {
  SetKey key;
  std::vector<int> codes;
  for (int p : applied) {
    const Promotion& promo = context.rules->promotions[static_cast<std::size_t>(p)];
    const std::vector<int>& used = context.codes_used[static_cast<std::size_t>(p)];
    codes.insert(codes.end(), used.begin(), used.end());
    if (promo.reward_class() != RewardClass::gift) ++key.promotions;
    key.priorities.push_back(promo.priority);
  }
  std::sort(codes.begin(), codes.end());
  key.codes = static_cast<int>(std::unique(codes.begin(), codes.end()) - codes.begin());
  std::sort(key.priorities.begin(), key.priorities.end(), std::greater<>());
  return key;
}

std::vector<const std::string*> sorted_ids(const PricingContext& context, const std::vector<int>& applied) {
  std::vector<const std::string*> ids;
  for (int p : applied) ids.push_back(&context.rules->promotions[static_cast<std::size_t>(p)].id);
  std::sort(ids.begin(), ids.end(), [](const std::string* x, const std::string* y) { return *x < *y; });
  return ids;
}

// Step 6: per applied promotion in priority-then-id order, the sorted positions of the units it used.
std::vector<const std::vector<std::int32_t>*> units_key(const PricingContext& context, const Priced& priced) {
  std::vector<const AppliedPromotion*> order;
  for (const AppliedPromotion& a : priced.applied) order.push_back(&a);
  const auto& all = context.rules->promotions;
  std::sort(order.begin(), order.end(), [&](const AppliedPromotion* a, const AppliedPromotion* b) {
    const Promotion& pa = all[static_cast<std::size_t>(a->promotion)];
    const Promotion& pb = all[static_cast<std::size_t>(b->promotion)];
    return pa.priority != pb.priority ? pa.priority > pb.priority : pa.id < pb.id;
  });
  std::vector<const std::vector<std::int32_t>*> units;
  for (const AppliedPromotion* a : order) units.push_back(&a->units);
  return units;
}

std::vector<int> applied_set(const Priced& priced) {
  std::vector<int> set;
  for (const AppliedPromotion& a : priced.applied) set.push_back(a.promotion);
  return set;
}

}  // namespace

int compare_applied_sets(const PricingContext& context, const std::vector<int>& a, const std::vector<int>& b) {
  const SetKey ka = set_key(context, a);
  const SetKey kb = set_key(context, b);
  if (ka.codes != kb.codes) return ka.codes > kb.codes ? -1 : 1;
  if (ka.promotions != kb.promotions) return ka.promotions < kb.promotions ? -1 : 1;
  if (int c = compare_lists(ka.priorities, kb.priorities, std::greater<>(), true)) return c;
  const auto id_less = [](const std::string* x, const std::string* y) { return *x < *y; };
  return compare_lists(sorted_ids(context, a), sorted_ids(context, b), id_less, false);
}

bool better_units(const PricingContext& context, const Priced& a, const Priced& b) {
  const auto units_better = [](const std::vector<std::int32_t>* x, const std::vector<std::int32_t>* y) {
    return compare_lists(*x, *y, std::less<>(), false) < 0;
  };
  return compare_lists(units_key(context, a), units_key(context, b), units_better, false) < 0;
}

bool better(const PricingContext& context, const Priced& a, const Priced& b) {
  if (a.benefit() != b.benefit()) return a.benefit() > b.benefit();
  if (int c = compare_applied_sets(context, applied_set(a), applied_set(b))) return c < 0;
  return better_units(context, a, b);
}

}  // namespace till

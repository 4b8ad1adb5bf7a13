// best_for_customer (§5.4): a depth-first branch and bound over the combinations of combination.hpp.
//
// The item stage enumerates orders of non-stackable item promotions (each takes from the units no earlier
// one took). Different orders often reach the same state (the same units taken by the same promotions at
// the same prices); a state is searched once (a transposition table). After each item state, item
// stackables, the order promotion and its stackables, the shipping promotion and its stackables are
// enumerated on plain amounts; gifts follow from the rest. A subtree is cut when an upper bound of its
// benefit is below the best benefit found; ties are settled by the full §5.4 comparison. Every unit of work
// counts as a step; past the budget the search stops with the best found so far (deterministically: the
// order of the search never depends on time or on hashing).
#include <algorithm>
#include <map>
#include <string>
#include <unordered_set>
#include <numeric>

#include "core/rewards/item_reward.hpp"
#include "core/rewards/scalar_reward.hpp"
#include "core/selection.hpp"
#include "core/stages.hpp"

namespace till {
namespace {

// What a percentage can put on one unit: a line's discount is rounded once and spread over its units by
// largest remainder, so a unit may carry a penny more than its own share rounded up.
Money percent_unit_bound(Money price, Basis percent) {
  return std::min(price, (price * percent + kFullPercent - 1) / kFullPercent + 1);
}

// An upper bound of what one tier of an item promotion could put on one unit of `price` on `line`. Group
// discounts (multibuys) are spread over their members by weight, so a member may carry up to its price.
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

// Per line: an upper bound of what item promotion `p` could take off one unit of it.
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

class Search {
 public:
  Search(const PricingContext& context, const EngineLimits& limits) : ctx_(context), budget_(limits.search_steps) {}

  Selected run() {
    prepare();
    // Each exclusive promotion alone.
    for (int p = 0; p < static_cast<int>(ctx_.rules->promotions.size()); ++p) {
      if (!ctx_.candidate[static_cast<std::size_t>(p)] || !ctx_.rules->promotions[static_cast<std::size_t>(p)].exclusive)
        continue;
      Combination c;
      c.exclusive = p;
      steps_ += ctx_.basket.unit_count() + 1;
      consider(c, evaluate(ctx_, c).benefit());
    }
    Working w = start_working(ctx_);
    std::vector<int> seq;
    std::vector<std::uint8_t> in_seq(items_.size(), 0);
    dfs_items(w, seq, in_seq);
    Selected selected;
    selected.combination = best_;
    selected.priced = best_priced_ ? std::move(*best_priced_) : evaluate(ctx_, best_);
    selected.optimal = !exhausted_;
    return selected;
  }

 private:
  const PricingContext& ctx_;
  const std::int64_t budget_;
  std::int64_t steps_ = 0;
  bool exhausted_ = false;

  std::vector<int> items_;                      // non-stackable item candidates, search order
  std::vector<std::vector<Money>> line_bound_;  // per item candidate, per line: bound per free unit
  std::vector<Money> item_cap_;                 // per item candidate: its max_discount, or 10^12
  std::vector<Money> stackable_line_bound_;     // per line: what all item stackables could take off a unit
  std::unordered_set<std::string> visited_;    // item states already searched (see state_key)
  std::vector<int> item_stackables_, orders_, order_stackables_, shippings_, shipping_stackables_, gifts_;
  std::map<Money, Money> rest_memo_;  // merchandise after items -> best order + shipping + gift benefit
  std::vector<Money> tail_thresholds_;            // sorted min_subtotals of shipping and gift tiers
  std::vector<std::optional<Money>> tail_memo_;  // per band of tail_thresholds_: best shipping + gifts
  std::map<std::pair<Money, Money>, Money> joint_memo_;  // (after_items, more) -> bound beyond the items  // merchandise after orders -> best shipping + gift benefit

  std::optional<Money> best_benefit_;
  Combination best_;
  std::optional<Priced> best_priced_;

  // The combination being built below the item stage.
  Combination current_;

  bool out_of_steps() {
    if (steps_ > budget_) exhausted_ = true;
    return exhausted_;
  }

  bool worth_exploring(Money bound) const { return !best_benefit_ || bound >= *best_benefit_; }

  void prepare() {
    std::vector<int> item = candidates_of(ctx_, RewardClass::item, false);
    // Search the promotions that give most alone first, so a good bound is found early.
    const std::vector<Money>& alone = ctx_.alone_amount;
    std::stable_sort(item.begin(), item.end(), [&](int a, int b) {
      return alone[static_cast<std::size_t>(a)] > alone[static_cast<std::size_t>(b)];
    });
    items_ = item;
    for (int p : items_) {
      line_bound_.push_back(line_bounds(ctx_, p));
      const auto& cap = ctx_.rules->promotions[static_cast<std::size_t>(p)].max_discount;
      item_cap_.push_back(cap ? *cap : kMaxAmount);
    }
    item_stackables_ = candidates_of(ctx_, RewardClass::item, true);
    stackable_line_bound_.assign(ctx_.request->lines.size(), 0);
    for (int p : item_stackables_) {
      const std::vector<Money> per_line = line_bounds(ctx_, p);
      for (std::size_t l = 0; l < per_line.size(); ++l) stackable_line_bound_[l] += per_line[l];
    }
    orders_ = candidates_of(ctx_, RewardClass::order, false);
    order_stackables_ = candidates_of(ctx_, RewardClass::order, true);
    shippings_ = candidates_of(ctx_, RewardClass::shipping, false);
    shipping_stackables_ = candidates_of(ctx_, RewardClass::shipping, true);
    gifts_ = candidates_of(ctx_, RewardClass::gift, false);
    for (const std::vector<int>* group : {&shippings_, &shipping_stackables_, &gifts_})
      for (int p : *group)
        for (const Tier& t : ctx_.rules->promotions[static_cast<std::size_t>(p)].tiers)
          if (t.condition.min_subtotal) tail_thresholds_.push_back(*t.condition.min_subtotal);
    std::sort(tail_thresholds_.begin(), tail_thresholds_.end());
    tail_thresholds_.erase(std::unique(tail_thresholds_.begin(), tail_thresholds_.end()), tail_thresholds_.end());
    tail_memo_.assign(tail_thresholds_.size() + 1, std::nullopt);
  }

  // Everything the rest of the search depends on about an item state, including what the tie-breaks read:
  // the applied promotions with their tiers and units, and every unit's price. Two orders that reach the
  // same key have the same future, so the second is not searched again.
  std::string state_key(const Working& w) const {
    std::vector<const AppliedPromotion*> applied;
    for (const AppliedPromotion& a : w.applied) applied.push_back(&a);
    std::sort(applied.begin(), applied.end(),
              [](const AppliedPromotion* a, const AppliedPromotion* b) { return a->promotion < b->promotion; });
    std::string key;
    auto put = [&key](std::int64_t v) { key.append(reinterpret_cast<const char*>(&v), sizeof v); };
    for (const AppliedPromotion* a : applied) {
      put(a->promotion);
      put(a->tier);
      put(static_cast<std::int64_t>(a->units.size()));
      for (std::int32_t u : a->units) put(u);
    }
    put(-1);
    for (Money price : w.prices) put(price);
    return key;
  }

  // An upper bound of the item class's whole discount in any extension of this item state (with the
  // non-stackable candidates not yet applied when `more_items`, else with none), stackables included. Two
  // bounds, the smaller used: what each promotion could still take, summed; and per unit, what the best
  // remaining candidate and every stackable could take off it, but never more than its price.
  Money item_class_bound(const Working& w, const std::vector<std::uint8_t>& in_seq, bool more_items) {
    const std::size_t lines = ctx_.request->lines.size();
    Money by_promotion = stackables_bound(w);
    std::vector<Money> best_line(lines, 0);
    if (more_items) {
      std::vector<std::int64_t> free(lines, 0);
      for (std::int32_t u = 0; u < ctx_.basket.unit_count(); ++u)
        if (!w.taken[static_cast<std::size_t>(u)]) ++free[static_cast<std::size_t>(ctx_.basket.unit_line[u])];
      for (std::size_t c = 0; c < items_.size(); ++c) {
        if (in_seq[c]) continue;
        Money most = 0;
        for (std::size_t l = 0; l < lines; ++l) {
          best_line[l] = std::max(best_line[l], line_bound_[c][l]);
          most += line_bound_[c][l] * free[l];
        }
        by_promotion += std::min(most, item_cap_[c]);
      }
    }
    Money by_unit = 0;
    for (std::int32_t u = 0; u < ctx_.basket.unit_count(); ++u) {
      const std::size_t l = static_cast<std::size_t>(ctx_.basket.unit_line[u]);
      const Money unit = (w.taken[static_cast<std::size_t>(u)] ? 0 : best_line[l]) + stackable_line_bound_[l];
      by_unit += std::min(w.prices[static_cast<std::size_t>(u)], unit);
    }
    steps_ += static_cast<std::int64_t>(items_.size()) + ctx_.basket.unit_count() / 8;
    return w.item_discount + std::min(by_promotion, by_unit);
  }

  // An upper bound of what item promotion p can still take in any extension of the current state. The free
  // units only shrink, and for most rewards what they take only shrinks with
  // them, so their take on today's free units bounds it; "cheapest free" multibuys and buy-x-get-y rounds can
  // take more from fewer units, so for them the bound is the most valuable units they could possibly free.
  // The same for item promotion p on the units it may use: the free ones, or every one for a stackable
  // (whose later prices are only lower).
  Money take_bound(const Working& w, int p, bool stackable) {
    const Promotion& promo = ctx_.rules->promotions[static_cast<std::size_t>(p)];
    const PromotionFacts& facts = ctx_.facts[static_cast<std::size_t>(p)];
    const Basket& basket = ctx_.basket;
    std::vector<std::int32_t> pool;
    for (std::int32_t u = 0; u < basket.unit_count(); ++u)
      if ((stackable || !w.taken[static_cast<std::size_t>(u)]) &&
          facts.lines[static_cast<std::size_t>(basket.unit_line[u])])
        pool.push_back(u);
    steps_ += static_cast<std::int64_t>(pool.size()) + 1;
    if (pool.empty()) return 0;
    auto top_sum = [](std::vector<Money> values, std::int64_t count) {
      std::sort(values.begin(), values.end(), std::greater<>());
      if (static_cast<std::int64_t>(values.size()) > count) values.resize(static_cast<std::size_t>(count));
      return std::accumulate(values.begin(), values.end(), Money{0});
    };
    Money best = 0;
    for (int t = 0; t < static_cast<int>(promo.tiers.size()); ++t) {
      if (!tier_condition_holds(ctx_, p, t, basket.subtotal)) continue;
      const Reward& r = promo.tiers[static_cast<std::size_t>(t)].reward;
      const TierFacts& tf = facts.tiers[static_cast<std::size_t>(t)];
      auto line_of = [&](std::int32_t u) { return static_cast<std::size_t>(basket.unit_line[u]); };
      Money value = 0;
      if (r.type == RewardType::multibuy && r.pay_for) {
        std::vector<Money> prices;
        for (std::int32_t u : pool)
          if (tf.matches[line_of(u)] && w.prices[static_cast<std::size_t>(u)] > 0)
            prices.push_back(w.prices[static_cast<std::size_t>(u)]);
        std::int64_t groups = static_cast<std::int64_t>(prices.size()) / r.quantity;
        if (promo.max_applications) groups = std::min(groups, *promo.max_applications);
        value = top_sum(std::move(prices), groups * (r.quantity - *r.pay_for));
      } else if (r.type == RewardType::buy_x_get_y) {
        std::int64_t buy = 0;
        std::vector<Money> gets;
        for (std::int32_t u : pool) {
          if (tf.matches[line_of(u)]) ++buy;
          if (tf.get_matches[line_of(u)]) gets.push_back(unit_bound(tf, line_of(u), r, w.prices[static_cast<std::size_t>(u)]));
        }
        std::int64_t rounds = buy / r.buy.quantity;
        if (promo.max_applications) rounds = std::min(rounds, *promo.max_applications);
        value = top_sum(std::move(gets), rounds * r.get.quantity);
      } else {
        const ItemInput input{basket, w.prices, pool, tf.matches, tf.get_matches, promo.max_applications,
                              ctx_.rules->rounding};
        value = take_item_reward(r, std::nullopt, input).total;
        // Groups of fewer units may spread over lines differently: a penny of rounding per line.
        if (r.type == RewardType::multibuy && r.percent) value += static_cast<Money>(ctx_.request->lines.size());
      }
      if (promo.max_discount) value = std::min(value, *promo.max_discount);
      best = std::max(best, value);
    }
    return best;
  }

  Money stackables_bound(const Working& w) {
    Money total = 0;
    for (int p : item_stackables_) total += take_bound(w, p, true);
    return total;
  }

  // Every order configuration (none or one non-stackable, any subset of stackables) on `after_items`:
  // sets current_'s order fields and calls visit(order discount).
  template <class Visit>
  void each_order_config(Money after_items, Visit&& visit) {
    current_.order_promotion.reset();
    each_order_stackables(after_items, 0, 0, visit);
    for (int p : orders_) {
      ++steps_;
      auto choice = order_choice(ctx_, p, after_items, after_items);
      if (!choice) continue;
      current_.order_promotion = p;
      each_order_stackables(after_items, choice->amount, 0, visit);
    }
    current_.order_promotion.reset();
  }

  template <class Visit>
  void each_order_stackables(Money after_items, Money discount, std::size_t i, Visit& visit) {
    if (out_of_steps()) return;
    if (i == order_stackables_.size()) return visit(discount);
    ++steps_;
    if (auto choice = order_choice(ctx_, order_stackables_[i], after_items, after_items - discount)) {
      current_.order_stackables.push_back(order_stackables_[i]);
      each_order_stackables(after_items, discount + choice->amount, i + 1, visit);
      current_.order_stackables.pop_back();
    }
    each_order_stackables(after_items, discount, i + 1, visit);
  }

  // Every shipping configuration on `after_order`: sets current_'s shipping fields, calls visit(discount).
  template <class Visit>
  void each_shipping_config(Money after_order, Visit&& visit) {
    const Money price = ctx_.shipping_price.value_or(0);
    current_.shipping_promotion.reset();
    each_shipping_stackables(after_order, price, 0, 0, visit);
    for (int p : shippings_) {
      ++steps_;
      auto choice = shipping_choice(ctx_, p, after_order, price);
      if (!choice) continue;
      current_.shipping_promotion = p;
      each_shipping_stackables(after_order, price, choice->amount, 0, visit);
    }
    current_.shipping_promotion.reset();
  }

  template <class Visit>
  void each_shipping_stackables(Money after_order, Money price, Money discount, std::size_t i, Visit& visit) {
    if (out_of_steps()) return;
    if (i == shipping_stackables_.size()) return visit(discount);
    ++steps_;
    if (auto choice = shipping_choice(ctx_, shipping_stackables_[i], after_order, price - discount)) {
      current_.shipping_stackables.push_back(shipping_stackables_[i]);
      each_shipping_stackables(after_order, price, discount + choice->amount, i + 1, visit);
      current_.shipping_stackables.pop_back();
    }
    each_shipping_stackables(after_order, price, discount, i + 1, visit);
  }

  // The gifts' worth with `after_order` of merchandise after order discounts: every eligible one applies.
  Money gifts_at(Money after_order) {
    Money worth = 0;
    for (int p : gifts_) {
      ++steps_;
      if (auto choice = gift_choice(ctx_, p, after_order)) worth += choice->amount;
    }
    return worth;
  }

  // The most shipping and gift promotions can give with `after_order`. Never decreases as after_order grows.
  // Their amounts do not depend on the merchandise, only which thresholds it reaches, so it is computed once
  // per band between consecutive thresholds.
  Money tail_value(Money after_order) {
    const std::size_t band = static_cast<std::size_t>(
        std::upper_bound(tail_thresholds_.begin(), tail_thresholds_.end(), after_order) - tail_thresholds_.begin());
    if (tail_memo_[band]) return *tail_memo_[band];
    Money best = 0;
    const Combination saved = current_;
    each_shipping_config(after_order, [&](Money discount) { best = std::max(best, discount); });
    current_ = saved;
    const Money value = best + gifts_at(after_order);
    tail_memo_[band] = value;
    return value;
  }

  // The most order, shipping and gift promotions can give with `after_items` of merchandise after item
  // discounts. For a fixed choice of promotions every amount and every threshold test is non-decreasing in
  // the merchandise, so this never decreases as after_items grows: it bounds every basket with less.
  Money rest_value(Money after_items) {
    if (auto found = rest_memo_.find(after_items); found != rest_memo_.end()) return found->second;
    Money best = 0;
    const Combination saved = current_;
    each_order_config(after_items, [&](Money discount) {
      best = std::max(best, discount + tail_value(after_items - discount));
    });
    current_ = saved;
    rest_memo_.emplace(after_items, best);
    return best;
  }

  // What an order promotion could take off `merchandise`, at most (any tier, condition or not).
  Money order_amount_bound(int p, Money merchandise) const {
    const Promotion& promo = ctx_.rules->promotions[static_cast<std::size_t>(p)];
    Money most = 0;
    for (const Tier& t : promo.tiers) most = std::max(most, order_reward_amount(t.reward, merchandise, Rounding::half_up));
    return promo.max_discount ? std::min(most, *promo.max_discount) : most;
  }

  // An upper bound of the whole benefit when the item class may still take up to `more` beyond
  // `item_discount`, from `after_items` of merchandise now. For each order configuration, x + (its order
  // discount at after_items - x) grows with x, and its shipping and gift value only falls as x grows, so
  // x = more and the value at x = 0 bound every x in between.
  Money joint_bound(Money item_discount, Money more, Money after_items) {
    if (more <= 0) return item_discount + rest_value(after_items);
    const auto key = std::make_pair(after_items, more);
    if (auto found = joint_memo_.find(key); found != joint_memo_.end()) return item_discount + more + found->second;
    Money best = 0;
    const Combination saved = current_;
    const Money lower = std::max<Money>(0, after_items - more);
    each_order_config(after_items, [&](Money discount) {
      Money at_lower = 0;
      if (current_.order_promotion) at_lower = order_amount_bound(*current_.order_promotion, lower);
      for (int p : current_.order_stackables) at_lower += order_amount_bound(p, std::max<Money>(0, lower - at_lower));
      best = std::max(best, std::min(at_lower, lower) + tail_value(after_items - discount));
    });
    current_ = saved;
    joint_memo_.emplace(key, best);
    return item_discount + more + best;
  }

  void dfs_items(const Working& w, std::vector<int>& seq, std::vector<std::uint8_t>& in_seq) {
    if (out_of_steps()) return;
    const Money after_items = w.merchandise(ctx_.basket);
    const Money with_more = item_class_bound(w, in_seq, true);
    if (!worth_exploring(joint_bound(w.item_discount, with_more - w.item_discount, after_items))) return;

    // Stop here: the item sequence is complete.
    const Money without_more = item_class_bound(w, in_seq, false);
    if (worth_exploring(joint_bound(w.item_discount, without_more - w.item_discount, after_items))) {
      current_ = Combination{};
      for (int c : seq) current_.item_sequence.push_back(items_[static_cast<std::size_t>(c)]);
      dfs_item_stackables(w, 0);
    }
    for (std::size_t c = 0; c < items_.size(); ++c) {
      if (out_of_steps()) return;
      if (in_seq[c]) continue;
      Working next = w;
      if (!apply_item(ctx_, next, items_[c], false, &steps_)) continue;
      steps_ += static_cast<std::int64_t>(next.prices.size() / 8) + 1;
      if (!visited_.insert(state_key(next)).second) continue;
      seq.push_back(static_cast<int>(c));
      in_seq[c] = 1;
      dfs_items(next, seq, in_seq);
      in_seq[c] = 0;
      seq.pop_back();
    }
  }

  void dfs_item_stackables(const Working& w, std::size_t i) {
    if (out_of_steps()) return;
    if (i == item_stackables_.size()) {
      order_stage(w);
      return;
    }
    Working with = w;
    if (apply_item(ctx_, with, item_stackables_[i], true, &steps_)) {
      current_.item_stackables.push_back(item_stackables_[i]);
      dfs_item_stackables(with, i + 1);
      current_.item_stackables.pop_back();
    }
    dfs_item_stackables(w, i + 1);
  }

  void order_stage(const Working& w) {
    const Money after_items = w.merchandise(ctx_.basket);
    if (!worth_exploring(w.item_discount + rest_value(after_items))) return;
    each_order_config(after_items, [&](Money order_discount) {
      const Money after_order = after_items - order_discount;
      const Money base = w.item_discount + order_discount;
      if (!worth_exploring(base + tail_value(after_order))) return;
      const Money gifts = gifts_at(after_order);
      each_shipping_config(after_order, [&](Money shipping_discount) {
        ++steps_;
        consider(current_, base + gifts + shipping_discount);
      });
    });
  }

  void consider(const Combination& combination, Money benefit) {
    if (best_benefit_ && benefit < *best_benefit_) return;
    if (best_benefit_ && benefit == *best_benefit_) {
      steps_ += ctx_.basket.unit_count() + 1;
      Priced priced = evaluate(ctx_, combination);
      if (!best_priced_) best_priced_ = evaluate(ctx_, best_);
      if (!better(ctx_, priced, *best_priced_)) return;
      best_priced_ = std::move(priced);
    } else {
      best_priced_.reset();
    }
    best_benefit_ = benefit;
    best_ = combination;
  }
};

}  // namespace

Selected select_best_for_customer(const PricingContext& context, const EngineLimits& limits) {
  return Search(context, limits).run();
}

}  // namespace till

// best_for_customer (§5.4): a depth-first branch and bound over the combinations of combination.hpp.
//
// The item stage enumerates orders of non-stackable item promotions (each takes from the units no earlier
// one took). Two promotions whose lines do not overlap take the same units in either order, so of the
// orders that differ only by swapping such neighbours only one is visited: the one where a promotion never
// directly follows (through a run of promotions it commutes with) one later in the candidate list
// (partial-order reduction). After each item order, item stackables, the order promotion and its
// stackables, the shipping promotion and its stackables are enumerated on plain amounts; gifts follow from
// the rest. A subtree is cut when an upper bound of its benefit is below the best benefit found; ties are
// settled by the full §5.4 comparison. Every unit of work counts as a step; past the budget the search
// stops with the best found so far (deterministically: the order of the search never depends on time).
#include <algorithm>
#include <numeric>

#include "core/rewards/scalar_reward.hpp"
#include "core/selection.hpp"
#include "core/stages.hpp"

namespace till {
namespace {

// percent of price, rounded up: at least what any rounding mode gives, even after a line's rounding.
Money percent_ceiling(Money price, Basis percent) { return (price * percent + kFullPercent - 1) / kFullPercent; }

// An upper bound of what one tier of an item promotion could take off one unit of `price` on `line`.
Money unit_bound(const TierFacts& facts, std::size_t line, const Reward& r, Money price) {
  const bool in_main = facts.matches[line] != 0;
  switch (r.type) {
    case RewardType::percent_off_items: return in_main ? percent_ceiling(price, *r.percent) : 0;
    case RewardType::amount_off_items: return in_main ? std::min(*r.amount, price) : 0;
    case RewardType::fixed_price_items: return in_main ? std::max<Money>(0, price - *r.unit_price) : 0;
    case RewardType::multibuy:
      if (!in_main) return 0;
      return r.percent ? percent_ceiling(price, *r.percent) : price;
    case RewardType::buy_x_get_y:
      if (!facts.get_matches[line]) return 0;
      if (r.percent) return percent_ceiling(price, *r.percent);
      if (r.amount) return std::min(*r.amount, price);
      return std::max<Money>(0, price - *r.unit_price);
    default: return 0;
  }
}

// An upper bound of what item promotion `p` could take off the whole basket, and per unit of each line.
Money promotion_bound(const PricingContext& context, int p, std::vector<Money>* per_line) {
  const Promotion& promo = context.rules->promotions[static_cast<std::size_t>(p)];
  const PromotionFacts& facts = context.facts[static_cast<std::size_t>(p)];
  const std::vector<Line>& lines = context.request->lines;
  if (per_line) per_line->assign(lines.size(), 0);
  Money total = 0;
  for (std::size_t l = 0; l < lines.size(); ++l) {
    if (!facts.lines[l]) continue;
    Money unit = 0;
    for (std::size_t t = 0; t < promo.tiers.size(); ++t)
      unit = std::max(unit, unit_bound(facts.tiers[t], l, promo.tiers[t].reward, lines[l].unit_price));
    if (per_line) (*per_line)[l] = unit;
    total += unit * lines[l].quantity;
  }
  return promo.max_discount ? std::min(total, *promo.max_discount) : total;
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
  std::vector<Money> alone_bound_;              // per item candidate: bound of all it could take
  std::vector<std::vector<std::uint8_t>> conflict_;  // item candidates sharing a line
  std::vector<int> item_stackables_, orders_, order_stackables_, shippings_, shipping_stackables_, gifts_;
  Money item_stackable_bound_ = 0;
  Money shipping_bound_ = 0;
  Money gift_bound_ = 0;

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
    const auto& promos = ctx_.rules->promotions;
    const std::size_t lines = ctx_.request->lines.size();
    std::vector<int> item = candidates_of(ctx_, RewardClass::item, false);
    // Search the promotions that give most alone first, so a good bound is found early.
    std::vector<Money> alone(promos.size(), 0);
    for (int p : item) {
      Working w = start_working(ctx_);
      apply_item(ctx_, w, p, false, &steps_);
      alone[static_cast<std::size_t>(p)] = w.item_discount;
    }
    std::stable_sort(item.begin(), item.end(), [&](int a, int b) {
      return alone[static_cast<std::size_t>(a)] > alone[static_cast<std::size_t>(b)];
    });
    items_ = item;
    for (int p : items_) {
      std::vector<Money> per_line;
      alone_bound_.push_back(promotion_bound(ctx_, p, &per_line));
      line_bound_.push_back(std::move(per_line));
    }
    conflict_.assign(items_.size(), std::vector<std::uint8_t>(items_.size(), 0));
    for (std::size_t a = 0; a < items_.size(); ++a)
      for (std::size_t b = a + 1; b < items_.size(); ++b) {
        const auto& la = ctx_.facts[static_cast<std::size_t>(items_[a])].lines;
        const auto& lb = ctx_.facts[static_cast<std::size_t>(items_[b])].lines;
        for (std::size_t l = 0; l < lines; ++l)
          if (la[l] && lb[l]) {
            conflict_[a][b] = conflict_[b][a] = 1;
            break;
          }
      }
    steps_ += static_cast<std::int64_t>(items_.size() * items_.size());

    item_stackables_ = candidates_of(ctx_, RewardClass::item, true);
    // Bounds on regular prices: a stackable takes no more after other discounts.
    for (int p : item_stackables_) item_stackable_bound_ += promotion_bound(ctx_, p, nullptr);
    orders_ = candidates_of(ctx_, RewardClass::order, false);
    order_stackables_ = candidates_of(ctx_, RewardClass::order, true);
    shippings_ = candidates_of(ctx_, RewardClass::shipping, false);
    shipping_stackables_ = candidates_of(ctx_, RewardClass::shipping, true);
    gifts_ = candidates_of(ctx_, RewardClass::gift, false);
    if (!shippings_.empty() || !shipping_stackables_.empty()) shipping_bound_ = ctx_.shipping_price.value_or(0);
    for (int p : gifts_) {
      Money worth = 0;
      for (const Tier& t : promos[static_cast<std::size_t>(p)].tiers) worth = std::max(worth, gift_worth(t.reward));
      gift_bound_ += worth;
    }
  }

  // What order promotions could take off `merchandise`, at most.
  Money order_bound(Money merchandise) const {
    const auto& promos = ctx_.rules->promotions;
    auto most = [&](int p) {
      Money m = 0;
      const Promotion& promo = promos[static_cast<std::size_t>(p)];
      for (const Tier& t : promo.tiers)
        m = std::max(m, order_reward_amount(t.reward, merchandise, Rounding::half_up));
      return promo.max_discount ? std::min(m, *promo.max_discount) : m;
    };
    Money best = 0;
    for (int p : orders_) best = std::max(best, most(p));
    for (int p : order_stackables_) best += most(p);
    return std::min(best, merchandise);
  }

  // Partial-order reduction: may candidate c follow the sequence?
  bool por_allows(std::size_t c, const std::vector<int>& seq) const {
    for (std::size_t j = seq.size(); j-- > 0;) {
      const std::size_t d = static_cast<std::size_t>(seq[j]);
      if (conflict_[c][d]) return true;
      if (d > c) return false;
    }
    return true;
  }

  Money item_stage_bound(const Working& w, const std::vector<int>& seq, const std::vector<std::uint8_t>& in_seq) {
    const std::size_t lines = ctx_.request->lines.size();
    std::vector<std::uint8_t> available(items_.size(), 0);
    Money by_candidate = 0;
    for (std::size_t c = 0; c < items_.size(); ++c) {
      if (in_seq[c]) continue;
      bool open = por_allows(c, seq);
      for (std::size_t d = 0; !open && d < items_.size(); ++d) open = d != c && !in_seq[d] && conflict_[c][d];
      available[c] = open;
      if (open) by_candidate += alone_bound_[c];
    }
    steps_ += static_cast<std::int64_t>(items_.size());
    // Per line: free units times the best bound of an available candidate.
    std::vector<std::int64_t> free(lines, 0);
    for (std::int32_t u = 0; u < ctx_.basket.unit_count(); ++u)
      if (!w.taken[static_cast<std::size_t>(u)]) ++free[static_cast<std::size_t>(ctx_.basket.unit_line[u])];
    steps_ += ctx_.basket.unit_count() / 16;
    Money by_unit = 0;
    for (std::size_t l = 0; l < lines; ++l) {
      if (!free[l]) continue;
      Money m = 0;
      for (std::size_t c = 0; c < items_.size(); ++c)
        if (available[c]) m = std::max(m, line_bound_[c][l]);
      by_unit += m * free[l];
    }
    return w.item_discount + std::min(by_candidate, by_unit);
  }

  Money rest_bound(Money after_items) const {
    return item_stackable_bound_ + order_bound(after_items) + shipping_bound_ + gift_bound_;
  }

  void dfs_items(const Working& w, std::vector<int>& seq, std::vector<std::uint8_t>& in_seq) {
    if (out_of_steps()) return;
    const Money after_items = w.merchandise(ctx_.basket);
    if (!worth_exploring(item_stage_bound(w, seq, in_seq) + rest_bound(after_items))) return;

    // Stop here: the item sequence is complete.
    if (worth_exploring(w.item_discount + rest_bound(after_items))) {
      current_ = Combination{};
      for (int c : seq) current_.item_sequence.push_back(items_[static_cast<std::size_t>(c)]);
      dfs_item_stackables(w, 0);
    }
    for (std::size_t c = 0; c < items_.size(); ++c) {
      if (out_of_steps()) return;
      if (in_seq[c] || !por_allows(c, seq)) continue;
      Working next = w;
      if (!apply_item(ctx_, next, items_[c], false, &steps_)) continue;
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
    if (!worth_exploring(w.item_discount + order_bound(after_items) + shipping_bound_ + gift_bound_)) return;
    current_.order_promotion.reset();
    dfs_order_stackables(w.item_discount, after_items, 0, 0);
    for (int p : orders_) {
      ++steps_;
      auto choice = order_choice(ctx_, p, after_items, after_items);
      if (!choice) continue;
      current_.order_promotion = p;
      dfs_order_stackables(w.item_discount, after_items, choice->amount, 0);
    }
    current_.order_promotion.reset();
  }

  void dfs_order_stackables(Money item_discount, Money after_items, Money order_discount, std::size_t i) {
    if (out_of_steps()) return;
    if (i == order_stackables_.size()) {
      shipping_stage(item_discount, order_discount, after_items - order_discount);
      return;
    }
    ++steps_;
    if (auto choice = order_choice(ctx_, order_stackables_[i], after_items, after_items - order_discount)) {
      current_.order_stackables.push_back(order_stackables_[i]);
      dfs_order_stackables(item_discount, after_items, order_discount + choice->amount, i + 1);
      current_.order_stackables.pop_back();
    }
    dfs_order_stackables(item_discount, after_items, order_discount, i + 1);
  }

  void shipping_stage(Money item_discount, Money order_discount, Money after_order) {
    if (!worth_exploring(item_discount + order_discount + shipping_bound_ + gift_bound_)) return;
    // Gifts follow from the merchandise after order discounts.
    Money gifts = 0;
    for (int p : gifts_)
      if (auto choice = gift_choice(ctx_, p, after_order)) gifts += choice->amount;
    const Money base = item_discount + order_discount + gifts;
    const Money price = ctx_.shipping_price.value_or(0);
    current_.shipping_promotion.reset();
    dfs_shipping_stackables(base, after_order, price, 0, 0);
    for (int p : shippings_) {
      ++steps_;
      auto choice = shipping_choice(ctx_, p, after_order, price);
      if (!choice) continue;
      current_.shipping_promotion = p;
      dfs_shipping_stackables(base, after_order, price, choice->amount, 0);
    }
    current_.shipping_promotion.reset();
  }

  void dfs_shipping_stackables(Money base, Money after_order, Money price, Money shipping_discount, std::size_t i) {
    if (out_of_steps()) return;
    if (i == shipping_stackables_.size()) {
      ++steps_;
      consider(current_, base + shipping_discount);
      return;
    }
    ++steps_;
    if (auto choice = shipping_choice(ctx_, shipping_stackables_[i], after_order, price - shipping_discount)) {
      current_.shipping_stackables.push_back(shipping_stackables_[i]);
      dfs_shipping_stackables(base, after_order, price, shipping_discount + choice->amount, i + 1);
      current_.shipping_stackables.pop_back();
    }
    dfs_shipping_stackables(base, after_order, price, shipping_discount, i + 1);
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

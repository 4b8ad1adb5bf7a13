// best_for_customer (§5.4): a depth-first branch and bound over the combinations of combination.hpp.
//
// Item promotions interact only through the units they could take, so the lines split into components:
// lines joined by an item promotion (non-stackable or stackable) that could use both. A component's item
// outcomes do not depend on any other component's, so each component is searched on its own: its
// non-stackable item promotions in every order (each takes from the units no earlier one took), then every
// subset of its stackables. Different orders often reach the same state (the same units taken by the same
// promotions at the same prices); a state is searched once: the states and the moves between them form a
// graph (component_graph.hpp), which a SearchMemo keeps for the next search of the same component. The
// components' outcomes are then combined, and each combination's item discount is followed by the order
// promotion and its stackables, the shipping promotion and its stackables, and the gifts, on plain amounts.
// A subtree is cut when an upper bound of its benefit is below the best benefit found (greedy outcomes of
// the components give the first, bettered as the components' searches find larger ones); ties are settled
// by the full §5.4 comparison. Every unit of work counts as a step; past the budget the search stops with
// the best found so far (deterministically: the order of the search never depends on time or on hashing).
#include <algorithm>
#include <bit>
#include <memory>
#include <utility>
#include <numeric>

#include "core/bounds.hpp"
#include "core/component_graph.hpp"
#include "core/key_table.hpp"
#include "core/rewards/item_reward.hpp"
#include "core/selection.hpp"
#include "core/stages.hpp"

namespace till {
namespace {

class Search {
 public:
  Search(const PricingContext& context, const EngineLimits& limits, SearchMemo* memo)
      : ctx_(context),
        memo_(memo),
        full_budget_(limits.search_steps),
        budget_(limits.search_steps - limits.search_steps / 10) {}

  Selected run() {
    prepare();
    // Each exclusive promotion alone.
    for (int p = 0; p < static_cast<int>(ctx_.rules->promotions.size()); ++p) {
      if (!ctx_.candidate[static_cast<std::size_t>(p)] || !ctx_.rules->promotions[static_cast<std::size_t>(p)].exclusive)
        continue;
      Combination c;
      c.exclusive = p;
      steps_ += ctx_.basket.unit_count() + 1;
      consider(c, evaluate(ctx_, c).benefit(), 0);
    }
    split_components();
    seed_components();
    for (std::size_t k = 0; k < components_.size(); ++k) {
      Component& component = components_[k];
      Working w = start_working(ctx_);
      std::vector<int> seq;
      std::vector<std::uint8_t> in_seq(items_.size(), 0);
      start_component(component);
      visit(component, 0, nullptr, others_more(k), w, seq, in_seq);
      if (out_of_steps()) break;
      sort_outcomes(component);
      component.searched = true;
    }
    // The combining gets what the components left of the budget, and at least a tenth of it. A component
    // cut short keeps the outcomes it found (sorted), and the components after it only their seed.
    components_exhausted_ = exhausted_;
    for (Component& component : components_) {
      if (component.searched) continue;
      sort_outcomes(component);
      std::vector<ItemOutcome>& outcomes = component.graph->outcomes;
      if (outcomes.empty() || outcomes.front().discount < component.seed.discount)
        outcomes.insert(outcomes.begin(), component.seed);
      component.searched = true;
    }
    exhausted_ = false;
    budget_ = std::max(budget_, steps_ + full_budget_ / 10);
    suffix_max_.assign(components_.size() + 1, 0);
    for (std::size_t k = components_.size(); k-- > 0;) suffix_max_[k] = suffix_max_[k + 1] + most_of(components_[k]);
    chosen_.assign(components_.size(), nullptr);
    dfs_product(0, 0);
    Selected selected;
    selected.combination = best_;
    selected.priced = best_priced_ ? std::move(*best_priced_) : evaluate(ctx_, best_);
    selected.optimal = !exhausted_ && !components_exhausted_;
    return selected;
  }

 private:
  const PricingContext& ctx_;
  SearchMemo* const memo_;  // where component graphs outlive this search, or nullptr
  const std::int64_t full_budget_;
  std::int64_t budget_;  // searching the components stops at nine tenths of the budget
  std::int64_t steps_ = 0;
  bool exhausted_ = false;
  bool components_exhausted_ = false;

  // Lines joined by the item promotions that could use them, with those promotions. A set of the
  // component's units is `words` 64-bit words, bit j standing for units[j].
  struct Component {
    std::vector<std::size_t> items;       // indexes into items_
    std::vector<int> stackables;          // promotion indexes, in item_stackables_ order
    std::vector<std::int32_t> units;      // the component's units, in basket order
    std::size_t words = 0;
    std::vector<std::uint64_t> reach;     // per entry of `items`: the set of units on the lines it could use
    std::vector<std::uint64_t> stackable_reach;  // the same per entry of `stackables`
    std::vector<std::size_t> lines;       // the component's lines, in basket order
    std::vector<std::size_t> unit_line;   // per unit: its line's index in `lines`
    std::vector<Money> line_bound;        // per entry of `items`, per entry of `lines`: its line_bound_
    // Per entry of `lines`, the entries of `items` with a line_bound above 0 there, largest first (ties:
    // the earlier entry): line_ranking[line_ranking_begin[l] .. line_ranking_begin[l + 1]).
    std::vector<std::uint32_t> line_ranking_begin;
    std::vector<std::uint32_t> line_ranking;
    Money bound = 0;                      // upper bound of its item discount, before it is searched
    ItemOutcome seed;                     // the largest outcome known for it (first: a greedy one)
    bool searched = false;
    ComponentGraph* graph = nullptr;      // its search graph; once searched, its outcomes largest first
  };
  std::vector<Component> components_;
  std::vector<Money> scratch_best_line_;      // component_bound's, per line
  std::vector<std::int32_t> scratch_pool_;    // take_bound's units
  std::vector<Money> scratch_prices_;         // bound_on_pool's unit prices
  std::vector<Money> scratch_gets_;           // bound_on_pool's get unit bounds
  std::vector<Money> suffix_max_;             // per component: the most the components from it on can take
  std::vector<const ItemOutcome*> chosen_;    // per component: the outcome of the combination being built

  std::vector<int> items_;                      // non-stackable item candidates, search order
  std::vector<std::vector<Money>> line_bound_;  // per item candidate, per line: bound per free unit
  std::vector<Money> stackable_line_bound_;     // per line: what all item stackables could take off a unit

  std::vector<std::unique_ptr<ComponentGraph>> own_graphs_;  // the graphs of components no memo keeps
  std::vector<std::vector<PoolEntry>> node_entries_;  // per depth of the search: each entry k's PoolEntry
  static constexpr std::uint32_t kNoNode = ~std::uint32_t{0};
  std::vector<std::uint32_t> entries_node_;           // per depth: the node node_entries_ are of, or kNoNode
  std::vector<std::uint32_t> path_nodes_;             // per depth: the node being searched there
  std::vector<std::uint64_t> scratch_moved_;          // bound_state's: the units the move to a node took
  std::vector<std::vector<Money>> node_bounds_;       // per depth: each entry k's bound (0 once applied)
  std::vector<std::vector<Money>> node_stackable_bounds_;  // per depth: each of its stackables' take_bound
  std::vector<std::uint8_t> visited_;    // per node of the graph being searched: reached by this search
  std::vector<std::uint64_t> state_;     // per entry k: the id + 1 of what it took, or 0 when not applied
  // The hash state_ids keys states by: the exclusive or of state_word_hash over state_'s words that are not
  // 0, so that a move changes it by one word's hash instead of the state being hashed again.
  std::uint64_t state_hash_ = 0;
  static std::uint64_t state_word_hash(std::size_t k, std::uint64_t word) {
    std::uint64_t h = (static_cast<std::uint64_t>(k) << 32 ^ word) * 0x9e3779b97f4a7c15ULL;
    h = (h ^ (h >> 30)) * 0xbf58476d1ce4e5b9ULL;
    h = (h ^ (h >> 27)) * 0x94d049bb133111ebULL;
    return h ^ (h >> 31);
  }
  std::vector<std::uint64_t> free_;      // the component's units no item promotion took
  std::vector<std::uint64_t> scratch_key_;
  std::vector<std::int32_t> scratch_units_;
  std::vector<std::int32_t> unit_slot_;  // per basket unit: its index in its component's units
  std::vector<int> item_stackables_, orders_, order_stackables_, shippings_, shipping_stackables_, gifts_;
  // Per order candidate (by promotion index): what order_reach works from.
  struct OrderReach {
    Basis percent = 0;
    Money amount = 0;
    Money cap = kMaxAmount;
  };
  std::vector<OrderReach> order_reach_;
  OrderReach any_order_reach_;  // the largest percentage, amount and cap of any non-stackable order candidate
  std::vector<Money> tail_thresholds_;            // sorted min_subtotals of shipping and gift tiers
  std::vector<std::optional<Money>> tail_memo_;  // per band of tail_thresholds_: best shipping + gifts
  std::size_t last_tail_band_ = 0;               // the band tail_value last looked at
  // One order configuration valid at some merchandise after items: its promotions, what they take there,
  // and the most shipping and gifts can give after that.
  struct OrderConfig {
    int promotion = -1;                    // the non-stackable one, or -1
    std::uint32_t stackables_begin = 0;    // its stackables: config_stackables_[begin, end)
    std::uint32_t stackables_end = 0;
    Money discount = 0;
    Money tail = 0;
  };
  // The configurations valid at each merchandise after items met so far, memoised flat: config_ids_ gives
  // the merchandise's id, config_runs_[id] its run [begin, end) of configs_.
  KeyTable config_ids_;
  std::vector<std::pair<std::uint32_t, std::uint32_t>> config_runs_;
  std::vector<OrderConfig> configs_;
  std::vector<int> config_stackables_;
  std::vector<int> scratch_stackables_;

  std::optional<Money> best_benefit_;
  Combination best_;
  Money best_after_order_ = 0;  // best_'s merchandise after order discounts (its gifts hold there)
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
    for (int p : items_) line_bound_.push_back(line_bounds(ctx_, p));
    item_stackables_ = candidates_of(ctx_, RewardClass::item, true);
    stackable_line_bound_.assign(ctx_.request->lines.size(), 0);
    for (int p : item_stackables_) {
      const std::vector<Money> per_line = line_bounds(ctx_, p);
      for (std::size_t l = 0; l < per_line.size(); ++l) stackable_line_bound_[l] += per_line[l];
    }
    orders_ = candidates_of(ctx_, RewardClass::order, false);
    order_stackables_ = candidates_of(ctx_, RewardClass::order, true);
    order_reach_.assign(ctx_.rules->promotions.size(), OrderReach{});
    for (const std::vector<int>* group : {&orders_, &order_stackables_})
      for (int p : *group) {
        const Promotion& promo = ctx_.rules->promotions[static_cast<std::size_t>(p)];
        OrderReach& reach = order_reach_[static_cast<std::size_t>(p)];
        for (const Tier& t : promo.tiers) {
          if (t.reward.percent) reach.percent = std::max(reach.percent, *t.reward.percent);
          if (t.reward.amount) reach.amount = std::max(reach.amount, *t.reward.amount);
        }
        if (promo.max_discount) reach.cap = *promo.max_discount;
      }
    any_order_reach_ = OrderReach{0, 0, 0};
    for (int p : orders_) {
      const OrderReach& reach = order_reach_[static_cast<std::size_t>(p)];
      any_order_reach_.percent = std::max(any_order_reach_.percent, reach.percent);
      any_order_reach_.amount = std::max(any_order_reach_.amount, reach.amount);
      any_order_reach_.cap = std::max(any_order_reach_.cap, reach.cap);
    }
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

  // An upper bound of a component's whole item discount in any extension of this state of it, given
  // `by_promotion`, a bound of what its stackables and (when `more_items`) its non-stackable candidates not
  // yet applied could still take, summed. The smaller of that and a bound per unit is used: per unit, what
  // the best remaining candidate (one with `bounds[k]` > 0) and every stackable could take off it, but
  // never more than its price.
  Money component_bound(const Component& component, const Working& w, const std::vector<Money>& bounds,
                        Money by_promotion, bool more_items) {
    const std::size_t lines = component.lines.size();
    // A scratch buffer kept across calls: this runs at every node of the search.
    std::vector<Money>& best_line = scratch_best_line_;
    best_line.assign(lines, 0);
    if (more_items) {
      // The first candidate in each line's ranking that may still take something.
      for (std::size_t l = 0; l < lines; ++l)
        for (std::uint32_t i = component.line_ranking_begin[l]; i < component.line_ranking_begin[l + 1]; ++i) {
          const std::uint32_t k = component.line_ranking[i];
          if (bounds[k] <= 0) continue;
          best_line[l] = component.line_bound[k * lines + l];
          break;
        }
    }
    Money by_unit = 0;
    for (std::size_t j = 0; j < component.units.size(); ++j) {
      const auto u = static_cast<std::size_t>(component.units[j]);
      const std::size_t l = component.unit_line[j];
      const Money unit = (w.taken[u] ? 0 : best_line[l]) + stackable_line_bound_[component.lines[l]];
      by_unit += std::min(w.prices[u], unit);
    }
    steps_ += static_cast<std::int64_t>(component.items.size()) + static_cast<std::int64_t>(component.units.size()) / 8;
    return w.item_discount + std::min(by_promotion, by_unit);
  }

  // An upper bound of what item promotion p can still take in any extension of the current state. The free
  // units only shrink, and for most rewards what they take only shrinks with
  // them, so their take on today's free units bounds it; "cheapest free" multibuys and buy-x-get-y rounds can
  // take more from fewer units, so for them the bound is the most they could take from any part of them.
  // The same for item promotion p on the units it may use: the free ones, or every one for a stackable
  // (whose later prices are only lower).
  Money take_bound(const Working& w, int p, bool stackable) {
    const PromotionFacts& facts = ctx_.facts[static_cast<std::size_t>(p)];
    const Basket& basket = ctx_.basket;
    std::vector<std::int32_t>& pool = scratch_pool_;
    pool.clear();
    for (std::int32_t u = 0; u < basket.unit_count(); ++u)
      if ((stackable || !w.taken[static_cast<std::size_t>(u)]) &&
          facts.lines[static_cast<std::size_t>(basket.unit_line[u])])
        pool.push_back(u);
    return bound_on_pool(w, p, stackable, pool);
  }

  // take_bound on `pool`, the units p may use (ascending).
  Money bound_on_pool(const Working& w, int p, bool stackable, const std::vector<std::int32_t>& pool) {
    const Promotion& promo = ctx_.rules->promotions[static_cast<std::size_t>(p)];
    const PromotionFacts& facts = ctx_.facts[static_cast<std::size_t>(p)];
    const Basket& basket = ctx_.basket;
    steps_ += static_cast<std::int64_t>(pool.size()) + 1;
    if (pool.empty()) return 0;
    // The sum of the `count` largest values (reordering them).
    auto top_sum = [](std::vector<Money>& values, std::int64_t count) {
      const auto n = static_cast<std::ptrdiff_t>(std::min<std::int64_t>(count, static_cast<std::int64_t>(values.size())));
      std::partial_sort(values.begin(), values.begin() + n, values.end(), std::greater<>());
      return std::accumulate(values.begin(), values.begin() + n, Money{0});
    };
    Money best = 0;
    for (int t = 0; t < static_cast<int>(promo.tiers.size()); ++t) {
      if (!tier_condition_holds(ctx_, p, t, basket.subtotal)) continue;
      const Reward& r = promo.tiers[static_cast<std::size_t>(t)].reward;
      const TierFacts& tf = facts.tiers[static_cast<std::size_t>(t)];
      auto line_of = [&](std::int32_t u) { return static_cast<std::size_t>(basket.unit_line[u]); };
      Money value = 0;
      if (r.type == RewardType::multibuy && r.pay_for) {
        std::vector<Money>& prices = scratch_prices_;
        prices.clear();
        for (std::int32_t u : pool)
          if (tf.matches[line_of(u)] && w.prices[static_cast<std::size_t>(u)] > 0)
            prices.push_back(w.prices[static_cast<std::size_t>(u)]);
        std::int64_t groups = static_cast<std::int64_t>(prices.size()) / r.quantity;
        if (promo.max_applications) groups = std::min(groups, *promo.max_applications);
        // g groups free at most the cheapest g(n - k) of the g n most expensive units: those less the g k
        // most expensive, which are paid for.
        std::sort(prices.begin(), prices.end(), std::greater<>());
        Money formed = 0;
        Money paid = 0;
        for (std::int64_t g = 0; g < groups; ++g) {
          for (std::int64_t i = g * r.quantity; i < (g + 1) * r.quantity; ++i) formed += prices[static_cast<std::size_t>(i)];
          for (std::int64_t i = g * *r.pay_for; i < (g + 1) * *r.pay_for; ++i) paid += prices[static_cast<std::size_t>(i)];
          value = std::max(value, formed - paid);
        }
      } else if (r.type == RewardType::buy_x_get_y) {
        std::int64_t buy = 0;
        std::vector<Money>& buy_prices = scratch_prices_;
        buy_prices.clear();
        for (std::int32_t u : pool)
          if (tf.matches[line_of(u)]) {
            ++buy;
            buy_prices.push_back(w.prices[static_cast<std::size_t>(u)]);
          }
        std::sort(buy_prices.begin(), buy_prices.end(), std::greater<>());
        std::vector<Money>& gets = scratch_gets_;
        gets.clear();
        for (std::int32_t u : pool) {
          if (!tf.get_matches[line_of(u)]) continue;
          const Money price = w.prices[static_cast<std::size_t>(u)];
          // A non-stackable's units are at regular prices, and a unit that is also a buy unit is a get
          // unit only after buy.quantity others at its price or above were taken as buy units (§2.5).
          if (!stackable && tf.matches[line_of(u)]) {
            const auto above = std::partition_point(buy_prices.begin(), buy_prices.end(), [&](Money b) { return b >= price; });
            if (above - buy_prices.begin() - 1 < r.buy.quantity) continue;
          }
          gets.push_back(unit_bound(tf, line_of(u), r, price));
        }
        std::int64_t rounds = buy / r.buy.quantity;
        if (promo.max_applications) rounds = std::min(rounds, *promo.max_applications);
        value = top_sum(gets, rounds * r.get.quantity);
      } else {
        const ItemInput input{basket, w.prices, pool, tf.matches, tf.get_matches, promo.max_applications,
                              ctx_.rules->rounding};
        value = take_item_reward(r, std::nullopt, input).total;
        // Groups of fewer units may spread over lines differently: a penny of rounding per line.
        if (r.type == RewardType::multibuy && r.percent) value += lines_of(p);
      }
      if (promo.max_discount) value = std::min(value, *promo.max_discount);
      best = std::max(best, value);
    }
    return best;
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
    // Most calls fall in the band of the call before.
    const std::size_t bands = tail_thresholds_.size();
    const bool same_band = (last_tail_band_ == 0 || after_order >= tail_thresholds_[last_tail_band_ - 1]) &&
                           (last_tail_band_ == bands || after_order < tail_thresholds_[last_tail_band_]);
    const auto thresholds_below = [&] {
      const auto above = std::upper_bound(tail_thresholds_.begin(), tail_thresholds_.end(), after_order);
      return above - tail_thresholds_.begin();
    };
    const std::size_t band = same_band ? last_tail_band_ : static_cast<std::size_t>(thresholds_below());
    last_tail_band_ = band;
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
    const auto [begin, end] = order_configs_at(after_items);
    Money best = 0;
    for (std::uint32_t i = begin; i < end; ++i) best = std::max(best, configs_[i].discount + configs_[i].tail);
    return best;
  }

  // The run [begin, end) of configs_ holding every order configuration valid at `after_items`: none or one
  // non-stackable promotion, then each subset of the stackables that still give something, each with what
  // it takes there and the most shipping and gifts can give after it. Worked out once per merchandise.
  std::pair<std::uint32_t, std::uint32_t> order_configs_at(Money after_items) {
    const auto key = static_cast<std::uint64_t>(after_items);
    bool inserted = false;
    const std::uint32_t id = config_ids_.find_or_insert(&key, 1, inserted);
    if (inserted) {
      const auto begin = static_cast<std::uint32_t>(configs_.size());
      add_order_configs(after_items, -1, 0, 0);
      for (int p : orders_) {
        ++steps_;
        if (auto choice = order_choice(ctx_, p, after_items, after_items))
          add_order_configs(after_items, p, choice->amount, 0);
      }
      config_runs_.emplace_back(begin, static_cast<std::uint32_t>(configs_.size()));
    }
    return config_runs_[id];
  }

  // Adds to configs_ the configurations of `promotion` (-1: none), which takes `discount`, with every
  // subset of the order stackables from the i-th on (scratch_stackables_ holds those already chosen).
  void add_order_configs(Money after_items, int promotion, Money discount, std::size_t i) {
    if (out_of_steps()) return;
    if (i == order_stackables_.size()) {
      const auto begin = static_cast<std::uint32_t>(config_stackables_.size());
      config_stackables_.insert(config_stackables_.end(), scratch_stackables_.begin(), scratch_stackables_.end());
      configs_.push_back({promotion, begin, static_cast<std::uint32_t>(config_stackables_.size()), discount,
                          tail_value(after_items - discount)});
      return;
    }
    ++steps_;
    const int p = order_stackables_[i];
    if (auto choice = order_choice(ctx_, p, after_items, after_items - discount)) {
      scratch_stackables_.push_back(p);
      add_order_configs(after_items, promotion, discount + choice->amount, i + 1);
      scratch_stackables_.pop_back();
    }
    add_order_configs(after_items, promotion, discount, i + 1);
  }

  // worth_exploring(joint_bound(...)), without working the bound out when a cheaper figure settles it.
  // Below the bound: the configuration with no order promotion alone, item_discount + more +
  // tail_value(after_items) (its shipping and gifts on the untouched merchandise). Above it: that, plus the
  // most any order configuration could take from the least merchandise (order_reach_most), since shipping
  // and gifts never give more on less merchandise. Both are cheap; the bound itself needs the
  // configurations valid at after_items, worked out once per merchandise.
  bool jointly_worth_exploring(Money item_discount, Money more, Money after_items) {
    if (!best_benefit_) return true;
    const Money tail = tail_value(after_items);
    if (item_discount + more + tail >= *best_benefit_) return true;
    const Money lower = std::max<Money>(0, after_items - std::max<Money>(more, 0));
    const Money above = item_discount + std::max<Money>(more, 0) + tail + std::min(lower, order_reach_most(lower));
    if (above < *best_benefit_) return false;
    return worth_exploring(joint_bound(item_discount, more, after_items));
  }

  // At least what one order candidate and all order stackables could take from `merchandise` together.
  Money order_reach_most(Money merchandise) const {
    Money most = reach_at(any_order_reach_, merchandise);
    for (int p : order_stackables_) most += order_reach(p, merchandise);
    return most;
  }

  // An upper bound of the whole benefit when the item class may still take up to `more` beyond
  // `item_discount`, from `after_items` of merchandise now. For each order configuration, x + (its order
  // discount at after_items - x) grows with x, and its shipping and gift value only falls as x grows, so
  // x = more and the value at x = 0 bound every x in between.
  Money joint_bound(Money item_discount, Money more, Money after_items) {
    if (more <= 0) return item_discount + rest_value(after_items);
    const Money lower = std::max<Money>(0, after_items - more);
    Money best = 0;
    const auto [begin, end] = order_configs_at(after_items);
    for (std::uint32_t i = begin; i < end; ++i) {
      const OrderConfig& config = configs_[i];
      Money at_lower = config.promotion >= 0 ? order_reach(config.promotion, lower) : 0;
      for (std::uint32_t j = config.stackables_begin; j < config.stackables_end; ++j)
        at_lower += order_reach(config_stackables_[j], std::max<Money>(0, lower - at_lower));
      best = std::max(best, std::min(at_lower, lower) + config.tail);
    }
    return item_discount + more + best;
  }

  // order_amount_bound(ctx_, p, merchandise) or a penny more, cheap enough for every node of the search: the
  // largest percentage of p's tiers rounded up, its largest amount, and its cap, worked out once (prepare).
  Money order_reach(int p, Money merchandise) const {
    return reach_at(order_reach_[static_cast<std::size_t>(p)], merchandise);
  }

  static Money reach_at(const OrderReach& reach, Money merchandise) {
    const Money by_percent = (merchandise * reach.percent + kFullPercent - 1) / kFullPercent;
    return std::min(reach.cap, std::max(by_percent, std::min(reach.amount, merchandise)));
  }

  // A first outcome for each component, so that the searches can be cut from the start: its greedy outcome
  // (settle_components), or the largest an earlier search found. Together they make the first combination.
  void seed_components() {
    for (Component& component : components_) {
      component.seed = component.graph->greedy;
      for (const ItemOutcome& outcome : component.graph->outcomes)  // what earlier searches found
        if (outcome.discount > component.seed.discount) component.seed = outcome;
    }
    combine_seeds();
  }

  // Considers every component's seed together, with the best order, shipping and gifts for them. A search
  // that finds a component a larger outcome makes it the seed and calls this again, so that the best
  // combination known, which every cut is measured against, improves while the components are searched.
  void combine_seeds() {
    current_ = Combination{};
    Money taken = 0;
    for (const Component& component : components_) {
      const ItemOutcome& seed = component.seed;
      current_.item_sequence.insert(current_.item_sequence.end(), seed.sequence.begin(), seed.sequence.end());
      current_.item_stackables.insert(current_.item_stackables.end(), seed.stackables.begin(), seed.stackables.end());
      taken += seed.discount;
    }
    order_stage(taken);
  }

  // Joins lines that an item candidate could use together; each component keeps its candidates in search
  // order and its units in basket order. A candidate that could use no line is in no component.
  void split_components() {
    const std::size_t lines = ctx_.request->lines.size();
    std::vector<std::size_t> parent(lines);
    std::iota(parent.begin(), parent.end(), std::size_t{0});
    auto root = [&parent](std::size_t l) {
      while (parent[l] != l) l = parent[l] = parent[parent[l]];
      return l;
    };
    auto first_line = [&](int p) -> std::optional<std::size_t> {
      const std::vector<std::uint8_t>& uses = ctx_.facts[static_cast<std::size_t>(p)].lines;
      std::optional<std::size_t> first;
      for (std::size_t l = 0; l < lines; ++l) {
        if (!uses[l]) continue;
        if (!first) first = l;
        else parent[root(l)] = root(*first);
      }
      return first;
    };
    std::vector<std::optional<std::size_t>> item_line, stackable_line;
    for (int p : items_) item_line.push_back(first_line(p));
    for (int p : item_stackables_) stackable_line.push_back(first_line(p));

    std::vector<std::optional<std::size_t>> index_of_root(lines);
    auto component_of = [&](std::size_t l) -> Component& {
      std::optional<std::size_t>& index = index_of_root[root(l)];
      if (!index) {
        index = components_.size();
        components_.emplace_back();
      }
      return components_[*index];
    };
    std::vector<std::uint8_t> used_root(lines, 0);  // per root: some item promotion uses its lines
    for (const auto* firsts : {&item_line, &stackable_line})
      for (const std::optional<std::size_t>& first : *firsts)
        if (first) used_root[root(*first)] = 1;
    for (std::size_t l = 0; l < lines; ++l)
      if (used_root[root(l)]) component_of(l);
    for (std::size_t c = 0; c < items_.size(); ++c)
      if (item_line[c]) component_of(*item_line[c]).items.push_back(c);
    for (std::size_t s = 0; s < item_stackables_.size(); ++s)
      if (stackable_line[s]) component_of(*stackable_line[s]).stackables.push_back(item_stackables_[s]);
    for (std::int32_t u = 0; u < ctx_.basket.unit_count(); ++u) {
      const std::size_t l = static_cast<std::size_t>(ctx_.basket.unit_line[u]);
      if (index_of_root[root(l)]) component_of(l).units.push_back(u);
    }
    unit_slot_.assign(static_cast<std::size_t>(ctx_.basket.unit_count()), -1);
    for (Component& component : components_) {
      for (std::int32_t u : component.units) {
        const auto line = static_cast<std::size_t>(ctx_.basket.unit_line[u]);
        if (component.lines.empty() || component.lines.back() != line) component.lines.push_back(line);
        component.unit_line.push_back(component.lines.size() - 1);
      }
      for (std::size_t c : component.items)
        for (std::size_t line : component.lines) component.line_bound.push_back(line_bound_[c][line]);
      rank_lines(component);
      component.words = (component.units.size() + 63) / 64;
      component.reach.assign(component.items.size() * component.words, 0);
      component.stackable_reach.assign(component.stackables.size() * component.words, 0);
      for (std::size_t j = 0; j < component.units.size(); ++j) {
        const std::int32_t u = component.units[j];
        unit_slot_[static_cast<std::size_t>(u)] = static_cast<std::int32_t>(j);
        const std::size_t line = static_cast<std::size_t>(ctx_.basket.unit_line[u]);
        const std::uint64_t bit = std::uint64_t{1} << (j % 64);
        for (std::size_t k = 0; k < component.items.size(); ++k)
          if (ctx_.facts[static_cast<std::size_t>(items_[component.items[k]])].lines[line])
            component.reach[k * component.words + j / 64] |= bit;
        for (std::size_t i = 0; i < component.stackables.size(); ++i)
          if (ctx_.facts[static_cast<std::size_t>(component.stackables[i])].lines[line])
            component.stackable_reach[i * component.words + j / 64] |= bit;
      }
    }
    // The smaller components are searched first: the larger ones' searches then cut with the exact most the
    // others can take instead of a bound of it.
    std::stable_sort(components_.begin(), components_.end(), [](const Component& a, const Component& b) {
      return a.items.size() + a.stackables.size() < b.items.size() + b.stackables.size();
    });
    for (Component& component : components_) component.graph = &graph_of(component);
    settle_components();
  }

  // Each component's bound and greedy outcome, from its graph when an earlier search worked them out. The
  // greedy outcomes take their candidates in search order on one basket: components share no unit.
  void settle_components() {
    const Working fresh = start_working(ctx_);
    Working w = start_working(ctx_);
    for (Component& component : components_) {
      ComponentGraph& graph = *component.graph;
      if (!graph.settled) {
        std::vector<Money> bounds;
        Money by_promotion = 0;
        for (std::size_t c : component.items) {
          bounds.push_back(take_bound(fresh, items_[c], false));
          by_promotion += bounds.back();
        }
        for (int p : component.stackables) by_promotion += take_bound(fresh, p, true);
        graph.bound = component_bound(component, fresh, bounds, by_promotion, true);
        const Money before = w.item_discount;
        for (std::size_t c : component.items)
          if (apply_item(ctx_, w, items_[c], false, &steps_)) graph.greedy.sequence.push_back(items_[c]);
        for (int p : component.stackables)
          if (apply_item(ctx_, w, p, true, &steps_)) graph.greedy.stackables.push_back(p);
        graph.greedy.discount = w.item_discount - before;
        graph.settled = true;
      }
      component.bound = graph.bound;
    }
  }

  // Fills the component's line_ranking from its line_bound.
  static void rank_lines(Component& component) {
    const std::size_t lines = component.lines.size();
    component.line_ranking_begin.assign(1, 0);
    for (std::size_t l = 0; l < lines; ++l) {
      const auto begin = component.line_ranking.size();
      for (std::size_t k = 0; k < component.items.size(); ++k)
        if (component.line_bound[k * lines + l] > 0)
          component.line_ranking.push_back(static_cast<std::uint32_t>(k));
      const auto first = component.line_ranking.begin() + static_cast<std::ptrdiff_t>(begin);
      std::stable_sort(first, component.line_ranking.end(), [&](std::uint32_t a, std::uint32_t b) {
        return component.line_bound[a * lines + l] > component.line_bound[b * lines + l];
      });
      component.line_ranking_begin.push_back(static_cast<std::uint32_t>(component.line_ranking.size()));
    }
  }

  // The component's search graph: the memo's when the memo keeps graphs for all its lines, else one of its
  // own. The key names everything its search depends on: its lines (and so its units and their prices),
  // and its promotions in search order, each with the tiers whose condition holds.
  ComponentGraph& graph_of(const Component& component) {
    bool kept = memo_ != nullptr;
    std::vector<std::uint64_t> key = {component.lines.size()};
    for (std::size_t line : component.lines) {
      key.push_back(line);
      kept = kept && line < memo_->lines();
    }
    const auto add = [&](int p) {
      const std::vector<Tier>& tiers = ctx_.rules->promotions[static_cast<std::size_t>(p)].tiers;
      std::uint64_t holds = 0;
      for (std::size_t t = 0; t < tiers.size() && t < 64; ++t)
        if (tier_condition_holds(ctx_, p, static_cast<int>(t), ctx_.basket.subtotal)) holds |= std::uint64_t{1} << t;
      kept = kept && tiers.size() <= 64;
      key.push_back(static_cast<std::uint64_t>(p));
      key.push_back(holds);
    };
    key.push_back(component.items.size());
    for (std::size_t c : component.items) add(items_[c]);
    key.push_back(component.stackables.size());
    for (int p : component.stackables) add(p);
    if (kept) return memo_->graph(key);
    own_graphs_.push_back(std::make_unique<ComponentGraph>());
    return *own_graphs_.back();
  }

  // The most a component can take: its largest outcome once searched, its bound before.
  static Money most_of(const Component& component) {
    if (!component.searched) return component.bound;
    const std::vector<ItemOutcome>& outcomes = component.graph->outcomes;
    return outcomes.empty() ? 0 : outcomes.front().discount;
  }

  // The most every component but `k` can take together.
  Money others_more(std::size_t k) const {
    Money more = 0;
    for (std::size_t j = 0; j < components_.size(); ++j)
      if (j != k) more += most_of(components_[j]);
    return more;
  }

  // Searches component's item states from node `id` of its graph, the state `w`, free_ and state_ hold
  // (with seq the order its promotions were applied in, in_seq marking them), adding an outcome for each
  // state worth stopping at and each subset of its stackables. A state is searched once per search
  // (visited_), and what an earlier search worked out for it is used again: its bounds, its edges and
  // whether its outcomes were kept. The other components may add anything from 0 to `others` to the item
  // discount, which the bounds allow for. Changes `w` while it searches and restores it before it returns.
  // `via` is the edge it was reached by (nullptr for the first node).
  void visit(Component& component, std::uint32_t id, const StateEdge* via, Money others, Working& w,
             std::vector<int>& seq, std::vector<std::uint8_t>& in_seq) {
    if (out_of_steps()) return;
    ComponentGraph& graph = *component.graph;
    ++steps_;
    if (path_nodes_.size() <= seq.size()) path_nodes_.resize(seq.size() + 1);
    path_nodes_[seq.size()] = id;
    const bool fresh = !graph.nodes[id].bounded;  // this visit works the node's pool entries out
    if (fresh) bound_state(component, id, via, w, in_seq, seq.size());
    const StateNode node = graph.nodes[id];
    const Money merchandise = ctx_.basket.subtotal - w.item_discount;
    if (!jointly_worth_exploring(w.item_discount, node.with_more - w.item_discount + others, merchandise)) return;

    // Stop here: the component's item sequence is complete.
    // The same test with a bound no larger; equal when nothing more can come (it passed just above).
    if (!node.stopped && (node.without_more == node.with_more ||
                          jointly_worth_exploring(w.item_discount, node.without_more - w.item_discount + others,
                                                  merchandise))) {
      ItemOutcome outcome;
      for (int c : seq) outcome.sequence.push_back(items_[static_cast<std::size_t>(c)]);
      each_stackable_subset(component, w, 0, outcome);
      if (out_of_steps()) return;  // some subsets may be missing: a later search adds them
      graph.nodes[id].stopped = true;
    }
    if (!node.expanded) expand(component, id, w, in_seq, seq.size(), fresh);
    const std::uint32_t begin = graph.nodes[id].edges_begin;
    const std::uint32_t end = graph.nodes[id].edges_end;
    for (std::uint32_t e = begin; e < end; ++e) {
      if (out_of_steps()) return;
      const StateEdge edge = graph.edges[e];
      ++steps_;
      if (visited_[edge.to]) continue;
      visited_[edge.to] = 1;
      const std::size_t c = component.items[edge.k];
      apply_take(component, w, edge.take, true);
      state_[edge.k] = std::uint64_t{edge.take} + 1;
      state_hash_ ^= state_word_hash(edge.k, state_[edge.k]);
      seq.push_back(static_cast<int>(c));
      in_seq[c] = 1;
      visit(component, edge.to, &edge, others, w, seq, in_seq);
      in_seq[c] = 0;
      seq.pop_back();
      state_hash_ ^= state_word_hash(edge.k, state_[edge.k]);
      state_[edge.k] = 0;
      apply_take(component, w, edge.take, false);
    }
  }

  // Works out node `id`'s bounds (the state `w` holds, at search depth `depth`, reached by `via`): each
  // promotion not yet applied with its take from its free units (node_entries_[depth]), and what all could
  // still take. A promotion none of whose units the move here took has the same pool as in the state before.
  void bound_state(Component& component, std::uint32_t id, const StateEdge* via, const Working& w,
                   const std::vector<std::uint8_t>& in_seq, std::size_t depth) {
    if (node_entries_.size() <= depth) {
      node_entries_.resize(depth + 1);
      node_bounds_.resize(depth + 1);
      node_stackable_bounds_.resize(depth + 1);
      entries_node_.resize(depth + 1, kNoNode);
    }
    const bool from_parent = via && depth > 0 && entries_node_[depth - 1] == path_nodes_[depth - 1];
    // A copy: pool_entry may add takes below.
    if (from_parent) scratch_moved_ = component.graph->takes[via->take].used;
    node_entries_[depth].assign(component.items.size(), PoolEntry{});
    node_bounds_[depth].assign(component.items.size(), 0);
    Money items_bound = 0;
    for (std::size_t k = 0; k < component.items.size(); ++k) {
      if (in_seq[component.items[k]]) continue;
      bool untouched = from_parent;
      for (std::size_t i = 0; untouched && i < component.words; ++i)
        untouched = (component.reach[k * component.words + i] & scratch_moved_[i]) == 0;
      PoolEntry entry;
      if (untouched) {
        ++steps_;
        entry = node_entries_[depth - 1][k];
      } else {
        entry = pool_entry(component, k, w);
      }
      node_entries_[depth][k] = entry;
      node_bounds_[depth][k] = entry.bound;
      items_bound += entry.bound;
    }
    entries_node_[depth] = id;
    // A stackable's bound depends on the prices of its units, which only a move that took one changes.
    std::vector<Money>& stackable_bounds = node_stackable_bounds_[depth];
    stackable_bounds.resize(component.stackables.size());
    Money stackables_bound = 0;
    for (std::size_t i = 0; i < component.stackables.size(); ++i) {
      bool untouched = from_parent;
      for (std::size_t j = 0; untouched && j < component.words; ++j)
        untouched = (component.stackable_reach[i * component.words + j] & scratch_moved_[j]) == 0;
      stackable_bounds[i] =
          untouched ? node_stackable_bounds_[depth - 1][i] : take_bound(w, component.stackables[i], true);
      stackables_bound += stackable_bounds[i];
    }
    StateNode& node = component.graph->nodes[id];
    node.with_more = component_bound(component, w, node_bounds_[depth], items_bound + stackables_bound, true);
    node.without_more = component.stackables.empty()
                            ? w.item_discount
                            : component_bound(component, w, node_bounds_[depth], stackables_bound, false);
    node.bounded = true;
  }

  // Records node `id`'s edges: one per promotion not yet applied that takes something from its free units,
  // to the state with that take added (a new node when no search met it before). With `fresh`, the takes
  // are node_entries_[depth]'s; else they are looked up again.
  void expand(Component& component, std::uint32_t id, const Working& w, const std::vector<std::uint8_t>& in_seq,
              std::size_t depth, bool fresh) {
    ComponentGraph& graph = *component.graph;
    const auto begin = static_cast<std::uint32_t>(graph.edges.size());
    for (std::size_t k = 0; k < component.items.size(); ++k) {
      if (in_seq[component.items[k]]) continue;
      const std::int32_t take = fresh ? node_entries_[depth][k].take : pool_entry(component, k, w).take;
      if (take < 0) continue;
      steps_ += static_cast<std::int64_t>(component.units.size() / 8) + 1;
      state_[k] = static_cast<std::uint64_t>(take) + 1;
      bool inserted = false;
      const std::uint64_t hash = state_hash_ ^ state_word_hash(k, state_[k]);
      const std::uint32_t to = graph.state_ids.find_or_insert(state_.data(), state_.size(), hash, inserted);
      state_[k] = 0;
      if (inserted) {
        graph.nodes.emplace_back();
        visited_.push_back(0);
      }
      graph.edges.push_back({static_cast<std::uint32_t>(k), static_cast<std::uint32_t>(take), to});
    }
    StateNode& node = graph.nodes[id];
    node.edges_begin = begin;
    node.edges_end = static_cast<std::uint32_t>(graph.edges.size());
    node.expanded = true;
  }

  // Readies a search of `component` from none of its units taken: its graph's first node (the state with
  // nothing applied) exists and is the only one this search has reached.
  void start_component(const Component& component) {
    ComponentGraph& graph = *component.graph;
    state_.assign(component.items.size(), 0);
    state_hash_ = 0;
    free_.assign(component.words, 0);
    for (std::size_t j = 0; j < component.units.size(); ++j) free_[j / 64] |= std::uint64_t{1} << (j % 64);
    if (graph.nodes.empty()) {
      bool inserted = false;
      graph.state_ids.find_or_insert(state_.data(), state_.size(), state_hash_, inserted);
      graph.nodes.emplace_back();
    }
    visited_.assign(graph.nodes.size(), 0);
    visited_[0] = 1;
    entries_node_.assign(entries_node_.size(), kNoNode);  // node ids are this graph's from here on
  }

  // Its outcomes, largest discount first.
  static void sort_outcomes(Component& component) {
    std::vector<ItemOutcome>& outcomes = component.graph->outcomes;
    std::stable_sort(outcomes.begin(), outcomes.end(),
                     [](const ItemOutcome& a, const ItemOutcome& b) { return a.discount > b.discount; });
  }

  // What the component's k-th item promotion could do with its free units (w's untaken ones).
  PoolEntry pool_entry(const Component& component, std::size_t k, const Working& w) {
    ComponentGraph& graph = *component.graph;
    std::vector<std::uint64_t>& key = scratch_key_;
    key.assign(1, k);
    bool any = false;
    for (std::size_t i = 0; i < component.words; ++i) {
      const std::uint64_t pool = free_[i] & component.reach[k * component.words + i];
      any = any || pool != 0;
      key.push_back(pool);
    }
    ++steps_;
    if (!any) return PoolEntry{};
    bool inserted = false;
    const std::uint32_t id = graph.pool_ids.find_or_insert(key.data(), key.size(), inserted);
    if (inserted) {
      PoolEntry entry;
      entry.take = compute_take(component, k);
      if (entry.take >= 0)
        entry.bound = pool_bound(w, items_[component.items[k]], graph.takes[static_cast<std::size_t>(entry.take)],
                                 scratch_units_);  // compute_take's pool
      graph.pool_entries.push_back(entry);
    }
    return graph.pool_entries[id];
  }

  // How many lines item promotion p could use.
  Money lines_of(int p) const {
    const std::vector<std::uint8_t>& lines = ctx_.facts[static_cast<std::size_t>(p)].lines;
    return static_cast<Money>(std::count(lines.begin(), lines.end(), std::uint8_t{1}));
  }

  // take_bound for item promotion p on `pool`, its free units, from which it has just taken `take`. Where
  // what a reward takes only shrinks with its units, that take is the bound (a percent multibuy's smaller
  // groups may round a penny a line higher); "cheapest free" multibuys and buy_x_get_y rounds need
  // take_bound.
  Money pool_bound(const Working& w, int p, const Take& take, const std::vector<std::int32_t>& pool) {
    const Promotion& promo = ctx_.rules->promotions[static_cast<std::size_t>(p)];
    Money rounding = 0;
    for (const Tier& tier : promo.tiers) {
      const Reward& r = tier.reward;
      if (r.type == RewardType::buy_x_get_y || (r.type == RewardType::multibuy && r.pay_for))
        return bound_on_pool(w, p, false, pool);
      if (r.type == RewardType::multibuy && r.percent) rounding = lines_of(p);
    }
    return take.amount + rounding;
  }

  // What the k-th item promotion takes from scratch_key_'s pool, at regular prices, interned in the graph.
  std::int32_t compute_take(const Component& component, std::size_t k) {
    std::vector<std::int32_t>& pool = scratch_units_;
    pool.clear();
    for (std::size_t i = 0; i < component.words; ++i)
      for (std::uint64_t bits = scratch_key_[i + 1]; bits != 0; bits &= bits - 1)
        pool.push_back(component.units[i * 64 + static_cast<std::size_t>(std::countr_zero(bits))]);
    steps_ += static_cast<std::int64_t>(pool.size()) + 1;
    const std::optional<ItemChoice> choice =
        choose_item_take(ctx_, items_[component.items[k]], ctx_.basket.unit_regular, pool);
    if (!choice) return -1;
    Take take;
    take.amount = choice->take.total;
    take.used.assign(component.words, 0);
    for (std::int32_t u : choice->take.used) {
      const auto j = static_cast<std::size_t>(unit_slot_[static_cast<std::size_t>(u)]);
      take.used[j / 64] |= std::uint64_t{1} << (j % 64);
    }
    std::vector<std::uint64_t> key = {k, static_cast<std::uint64_t>(choice->tier)};
    key.insert(key.end(), take.used.begin(), take.used.end());
    for (std::size_t i = 0; i < choice->take.discounted.size(); ++i) {
      take.discounts.emplace_back(choice->take.discounted[i], choice->take.discounts[i]);
      key.push_back(static_cast<std::uint64_t>(choice->take.discounted[i]));
      key.push_back(static_cast<std::uint64_t>(choice->take.discounts[i]));
    }
    bool inserted = false;
    ComponentGraph& graph = *component.graph;
    const std::uint32_t id = graph.take_ids.find_or_insert(key.data(), key.size(), inserted);
    if (inserted) graph.takes.push_back(std::move(take));
    return static_cast<std::int32_t>(id);
  }

  // Applies take `id` to `w` and free_ (`forward`), or undoes it.
  void apply_take(const Component& component, Working& w, std::size_t id, bool forward) {
    const Take& take = component.graph->takes[id];
    for (std::size_t i = 0; i < component.words; ++i) {
      if (forward) free_[i] &= ~take.used[i];
      else free_[i] |= take.used[i];
      for (std::uint64_t bits = take.used[i]; bits != 0; bits &= bits - 1) {
        const std::int32_t u = component.units[i * 64 + static_cast<std::size_t>(std::countr_zero(bits))];
        w.taken[static_cast<std::size_t>(u)] = forward ? 1 : 0;
      }
    }
    for (const auto& [u, off] : take.discounts) w.prices[static_cast<std::size_t>(u)] += forward ? -off : off;
    w.item_discount += forward ? take.amount : -take.amount;
  }

  // Adds `outcome` with every subset of the component's stackables from the i-th on, applied on `w`.
  void each_stackable_subset(Component& component, const Working& w, std::size_t i, ItemOutcome& outcome) {
    if (out_of_steps()) return;
    if (i == component.stackables.size()) {
      ++steps_;
      outcome.discount = w.item_discount;
      component.graph->outcomes.push_back(outcome);
      if (outcome.discount > component.seed.discount) {
        component.seed = outcome;
        combine_seeds();
      }
      return;
    }
    const int p = component.stackables[i];
    Working with = w;
    if (apply_item(ctx_, with, p, true, &steps_)) {
      outcome.stackables.push_back(p);
      each_stackable_subset(component, with, i + 1, outcome);
      outcome.stackables.pop_back();
    }
    each_stackable_subset(component, w, i + 1, outcome);
  }

  // Chooses an outcome for each component from the k-th on, largest discounts first, with `taken` already
  // off by the earlier ones; each full choice goes on to the order stage.
  void dfs_product(std::size_t k, Money taken) {
    if (out_of_steps()) return;
    if (!jointly_worth_exploring(taken, suffix_max_[k], ctx_.basket.subtotal - taken)) return;
    if (k == components_.size()) {
      current_ = Combination{};
      for (const ItemOutcome* outcome : chosen_) {
        current_.item_sequence.insert(current_.item_sequence.end(), outcome->sequence.begin(), outcome->sequence.end());
        current_.item_stackables.insert(current_.item_stackables.end(), outcome->stackables.begin(),
                                        outcome->stackables.end());
      }
      order_stage(taken);
      return;
    }
    for (const ItemOutcome& outcome : components_[k].graph->outcomes) {
      ++steps_;
      chosen_[k] = &outcome;
      dfs_product(k + 1, taken + outcome.discount);
      if (out_of_steps()) return;
    }
  }

  // The order, shipping and gift configurations after current_'s item promotions, which take
  // `item_discount` in all.
  void order_stage(Money item_discount) {
    const Money after_items = ctx_.basket.subtotal - item_discount;
    if (!worth_exploring(item_discount + rest_value(after_items))) return;
    const Combination items = current_;
    const auto [begin, end] = order_configs_at(after_items);
    for (std::uint32_t i = begin; i < end; ++i) {
      const OrderConfig config = configs_[i];
      const Money after_order = after_items - config.discount;
      const Money base = item_discount + config.discount;
      if (!worth_exploring(base + config.tail)) continue;
      current_.order_promotion.reset();
      if (config.promotion >= 0) current_.order_promotion = config.promotion;
      current_.order_stackables.assign(config_stackables_.begin() + config.stackables_begin,
                                       config_stackables_.begin() + config.stackables_end);
      const Money gifts = gifts_at(after_order);
      each_shipping_config(after_order, [&](Money shipping_discount) {
        ++steps_;
        consider(current_, base + gifts + shipping_discount, after_order);
      });
    }
    current_ = items;
  }

  // The promotions `c` applies, as evaluate applies them: its own and, but for an exclusive one, every gift
  // that holds at `after_order` (merchandise after order discounts).
  std::vector<int> applied_set(const Combination& c, Money after_order) const {
    if (c.exclusive) return {*c.exclusive};
    std::vector<int> set = c.item_sequence;
    set.insert(set.end(), c.item_stackables.begin(), c.item_stackables.end());
    if (c.order_promotion) set.push_back(*c.order_promotion);
    set.insert(set.end(), c.order_stackables.begin(), c.order_stackables.end());
    if (c.shipping_promotion) set.push_back(*c.shipping_promotion);
    set.insert(set.end(), c.shipping_stackables.begin(), c.shipping_stackables.end());
    for (int p : gifts_)
      if (gift_choice(ctx_, p, after_order)) set.push_back(p);
    return set;
  }

  // Keeps `combination` (`after_order` of merchandise after its order discounts) when it beats the best.
  // A tie in benefit is mostly settled by which promotions apply (§5.4 steps 2-5); only a tie there too
  // prices both in full for the units they use (step 6).
  void consider(const Combination& combination, Money benefit, Money after_order) {
    if (best_benefit_ && benefit < *best_benefit_) return;
    if (best_benefit_ && benefit == *best_benefit_) {
      steps_ += 1;
      if (combination == best_) return;  // found again (a seed, then the same outcomes in the product)
      const int by_set =
          compare_applied_sets(ctx_, applied_set(combination, after_order), applied_set(best_, best_after_order_));
      if (by_set > 0) return;
      if (by_set == 0) {
        steps_ += ctx_.basket.unit_count();
        Priced priced = evaluate(ctx_, combination);
        if (!best_priced_) best_priced_ = evaluate(ctx_, best_);
        if (!better_units(ctx_, priced, *best_priced_)) return;
        best_priced_ = std::move(priced);
      } else {
        best_priced_.reset();
      }
    } else {
      best_priced_.reset();
    }
    best_benefit_ = benefit;
    best_ = combination;
    best_after_order_ = after_order;
  }
};

}  // namespace

Selected select_best_for_customer(const PricingContext& context, const EngineLimits& limits, SearchMemo* memo) {
  return Search(context, limits, memo).run();
}

}  // namespace till

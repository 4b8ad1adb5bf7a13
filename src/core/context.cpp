// make_context: what a request means for each promotion before any combination is chosen.
#include <algorithm>
#include <tuple>

#include "core/audience.hpp"
#include "core/combination.hpp"
#include "core/selector.hpp"
#include "core/stages.hpp"

namespace till {
namespace {

bool items_hold(const Condition& condition, const std::vector<ItemCount>& counts) {
  for (std::size_t i = 0; i < condition.items.size(); ++i) {
    const ItemRequirement& item = condition.items[i];
    if (counts[i].units < item.min_quantity || counts[i].amount < item.min_subtotal) return false;
  }
  return true;
}

// Whether a reward's selector (buy_x_get_y: `buy`) and its `get` selector match `line` (TierFacts).
std::pair<std::uint8_t, std::uint8_t> reward_matches(const Reward& r, const Line& line) {
  if (r.type == RewardType::buy_x_get_y) return {matches(r.buy.selector, line), matches(r.get.selector, line)};
  if (class_of(r.type) == RewardClass::item) return {matches(r.selector, line), 0};
  return {0, 0};
}

// Each vector has room for one more line, so that a LineExtension allocates nothing.
PromotionFacts facts_of(const Promotion& promo, const std::vector<Line>& lines) {
  PromotionFacts facts;
  facts.lines.reserve(lines.size() + 1);
  facts.lines.assign(lines.size(), 0);
  for (const Tier& tier : promo.tiers) {
    TierFacts tf;
    tf.matches.reserve(lines.size() + 1);
    tf.get_matches.reserve(lines.size() + 1);
    tf.matches.assign(lines.size(), 0);
    tf.get_matches.assign(lines.size(), 0);
    for (std::size_t l = 0; l < lines.size(); ++l) {
      std::tie(tf.matches[l], tf.get_matches[l]) = reward_matches(tier.reward, lines[l]);
      if (tf.matches[l] || tf.get_matches[l]) facts.lines[l] = 1;
    }
    for (const ItemRequirement& item : tier.condition.items) {
      ItemCount count;
      for (const Line& line : lines)
        if (matches(item.selector, line)) {
          count.units += line.quantity;
          count.amount += line.quantity * line.unit_price;
        }
      tf.item_counts.push_back(count);
    }
    tf.items_hold = items_hold(tier.condition, tf.item_counts);
    facts.tiers.push_back(std::move(tf));
  }
  return facts;
}

}  // namespace

std::optional<Reason> precheck(const Promotion& promo, const Request& request, const std::vector<std::string>& entered,
                               std::string& audience_detail) {
  if (promo.starts_at && request.now < *promo.starts_at) return Reason::not_started;
  if (promo.ends_at && request.now >= *promo.ends_at) return Reason::expired;
  if (promo.coupon) {
    const auto& codes = promo.coupon->normalized_codes;
    const bool entered_one = std::any_of(codes.begin(), codes.end(), [&](const std::string& c) {
      return std::find(entered.begin(), entered.end(), c) != entered.end();
    });
    if (!entered_one) return Reason::coupon_required;
  }
  if (promo.audience) {
    if (auto field = first_failing_audience_field(*promo.audience, request)) {
      audience_detail = *field;
      return Reason::audience;
    }
  }
  if (promo.usage_limit) {
    const auto found = request.usage.find(promo.id);
    const Usage used = found == request.usage.end() ? Usage{} : found->second;
    if (promo.usage_limit->per_customer && used.customer.value_or(0) >= *promo.usage_limit->per_customer)
      return Reason::usage_limit;
    if (promo.usage_limit->total && used.total.value_or(0) >= *promo.usage_limit->total) return Reason::usage_limit;
  }
  return std::nullopt;
}

namespace {

// What promotion p gives alone, on the basket without other discounts (0: nothing).
Money alone_amount(const PricingContext& context, int p) {
  const Promotion& promo = context.rules->promotions[static_cast<std::size_t>(p)];
  const Money subtotal = context.basket.subtotal;
  switch (promo.reward_class()) {
    case RewardClass::item: {
      Working w = start_working(context);
      apply_item(context, w, p, false, nullptr);
      return w.item_discount;
    }
    case RewardClass::order: {
      const auto choice = order_choice(context, p, subtotal, subtotal);
      return choice ? choice->amount : 0;
    }
    case RewardClass::shipping: {
      if (!context.shipping_price) return 0;
      const auto choice = shipping_choice(context, p, subtotal, *context.shipping_price);
      return choice ? choice->amount : 0;
    }
    case RewardClass::gift: {
      // A gift promotion always gives its gift, whatever its worth.
      const auto choice = gift_choice(context, p, subtotal);
      return choice ? std::max<Money>(choice->amount, 1) : 0;
    }
  }
  return 0;
}

// The parts of the context that follow from the facts and the basket: whether a condition holds alone,
// what each promotion gives alone, and so which can apply at all. Item promotions whose `recompute` is 0
// keep the alone amount they have (nothing it depends on changed); the other classes are cheap and always
// worked out again.
void settle_candidates(PricingContext& context, const std::vector<std::uint8_t>& recompute, std::size_t first,
                       std::size_t last) {
  const RuleSet& rules = *context.rules;
  for (std::size_t p = first; p < last; ++p) {
    if (context.precheck[p]) continue;
    const Promotion& promo = rules.promotions[p];
    bool holds = false;
    for (int t = 0; t < static_cast<int>(promo.tiers.size()); ++t)
      if (tier_condition_holds(context, static_cast<int>(p), t, context.basket.subtotal)) holds = true;
    if (!holds) {
      context.alone_amount[p] = 0;
    } else if (promo.reward_class() != RewardClass::item || recompute[p]) {
      context.alone_amount[p] = alone_amount(context, static_cast<int>(p));
    }
    context.candidate[p] = context.alone_amount[p] > 0;
  }
}

}  // namespace

PricingContext make_context(const RuleSet& rules, const Request& request) {
  PricingContext context;
  context.rules = &rules;
  context.request = &request;
  context.basket = make_basket(request);
  if (request.shipping_method) {
    for (const ShippingMethod& m : rules.shipping_methods)
      if (m.id == *request.shipping_method) context.shipping_price = m.price;
  }
  for (const std::string& code : request.coupons) {
    const std::string normal = normalize_code(code);
    if (std::find(context.entered_codes.begin(), context.entered_codes.end(), normal) == context.entered_codes.end())
      context.entered_codes.push_back(normal);
  }

  const std::size_t n = rules.promotions.size();
  context.precheck.resize(n);
  context.audience_detail.resize(n);
  context.codes_used.resize(n);
  context.facts.resize(n);
  context.candidate.assign(n, false);
  context.alone_amount.assign(n, 0);
  for (std::size_t p = 0; p < n; ++p) {
    const Promotion& promo = rules.promotions[p];
    context.precheck[p] = precheck(promo, request, context.entered_codes, context.audience_detail[p]);
    if (promo.coupon) {
      for (int c = 0; c < static_cast<int>(context.entered_codes.size()); ++c) {
        const auto& codes = promo.coupon->normalized_codes;
        if (std::find(codes.begin(), codes.end(), context.entered_codes[static_cast<std::size_t>(c)]) != codes.end())
          context.codes_used[p].push_back(c);
      }
    }
    context.facts[p] = facts_of(promo, request.lines);
  }
  settle_candidates(context, std::vector<std::uint8_t>(n, 1), 0, n);
  return context;
}

LineExtension::LineExtension(PricingContext& context, const Request& extended, std::optional<int> only)
    : context_(context),
      request_(context.request),
      units_(static_cast<std::size_t>(context.basket.unit_count())),
      subtotal_(context.basket.subtotal),
      first_(only ? static_cast<std::size_t>(*only) : 0),
      last_(only ? static_cast<std::size_t>(*only) + 1 : context.rules->promotions.size()),
      candidate_(context.candidate.begin() + static_cast<std::ptrdiff_t>(first_),
                 context.candidate.begin() + static_cast<std::ptrdiff_t>(last_)),
      alone_amount_(context.alone_amount.begin() + static_cast<std::ptrdiff_t>(first_),
                    context.alone_amount.begin() + static_cast<std::ptrdiff_t>(last_)) {
  const RuleSet& rules = *context.rules;
  const Line& added = extended.lines.back();
  const std::size_t n = rules.promotions.size();

  context.request = &extended;
  Basket& basket = context.basket;
  basket.line_first.push_back(basket.unit_count());
  basket.unit_line.insert(basket.unit_line.end(), static_cast<std::size_t>(added.quantity),
                          static_cast<std::int32_t>(extended.lines.size() - 1));
  basket.unit_regular.insert(basket.unit_regular.end(), static_cast<std::size_t>(added.quantity), added.unit_price);
  basket.subtotal += added.quantity * added.unit_price;

  // What an item promotion gives alone changes only with the units it can use or the tiers that hold
  // (tier_condition_holds on the regular subtotal, before and after the line).
  std::vector<std::uint8_t> recompute(n, 0);
  for (std::size_t p = first_; p < last_; ++p) {
    const Promotion& promo = rules.promotions[p];
    PromotionFacts& facts = context.facts[p];
    std::uint8_t uses_added = 0;
    for (std::size_t t = 0; t < promo.tiers.size(); ++t) {
      const Tier& tier = promo.tiers[t];
      TierFacts& tf = facts.tiers[t];
      const auto [match, get] = reward_matches(tier.reward, added);
      tf.matches.push_back(match);
      tf.get_matches.push_back(get);
      if (match || get) uses_added = 1;
      // Only an items entry whose selector takes the added line changes.
      const bool items_held = tf.items_hold;
      bool counted = false;
      for (std::size_t i = 0; i < tier.condition.items.size(); ++i) {
        const bool takes = matches(tier.condition.items[i].selector, added);
        counted_.push_back(takes);
        if (!takes) continue;
        tf.item_counts[i].units += added.quantity;
        tf.item_counts[i].amount += added.quantity * added.unit_price;
        counted = true;
      }
      if (counted) tf.items_hold = items_hold(tier.condition, tf.item_counts);
      const std::optional<Money>& threshold = tier.condition.min_subtotal;
      const bool held = items_held && (!threshold || subtotal_ >= *threshold);
      const bool holds = tf.items_hold && (!threshold || basket.subtotal >= *threshold);
      if (held != holds) recompute[p] = 1;
    }
    facts.lines.push_back(uses_added);
    if (uses_added) recompute[p] = 1;
  }
  settle_candidates(context, recompute, first_, last_);
}

LineExtension::~LineExtension() {
  PricingContext& context = context_;
  Basket& basket = context.basket;
  basket.line_first.pop_back();
  basket.unit_line.resize(units_);
  basket.unit_regular.resize(units_);
  basket.subtotal = subtotal_;
  const Line& added = context.request->lines.back();
  std::size_t item_index = 0;
  for (std::size_t p = first_; p < last_; ++p) {
    PromotionFacts& facts = context.facts[p];
    facts.lines.pop_back();
    for (std::size_t t = 0; t < facts.tiers.size(); ++t) {
      TierFacts& tf = facts.tiers[t];
      tf.matches.pop_back();
      tf.get_matches.pop_back();
      bool counted = false;
      for (ItemCount& count : tf.item_counts)
        if (counted_[item_index++]) {
          count.units -= added.quantity;
          count.amount -= added.quantity * added.unit_price;
          counted = true;
        }
      if (counted) tf.items_hold = items_hold(context.rules->promotions[p].tiers[t].condition, tf.item_counts);
    }
  }
  context.request = request_;
  std::copy(candidate_.begin(), candidate_.end(), context.candidate.begin() + static_cast<std::ptrdiff_t>(first_));
  std::copy(alone_amount_.begin(), alone_amount_.end(),
            context.alone_amount.begin() + static_cast<std::ptrdiff_t>(first_));
}

}  // namespace till

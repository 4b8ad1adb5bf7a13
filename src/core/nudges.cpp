// Nudges (§6). Every gap and quantity is found with the engine itself: the basket is re-priced with the
// change (a plain line at a price, or copies of a unit) and the promotion must apply in the result, so a
// nudge accounts for every discount the change brings. The gap search brackets the answer by secant steps on
// the measured amount, then narrows it by bisection: the final gap always applies and gap - 1 never does.
#include "core/nudges.hpp"

#include <algorithm>

#include "core/bounds.hpp"
#include "core/explain.hpp"
#include "core/messages.hpp"
#include "core/selector.hpp"
#include "core/stages.hpp"

namespace till {
namespace {

// One part of a condition (or of a reward's unit needs) that the basket does not meet.
struct ShortPart {
  bool spend = false;             // an amount is short (else a count of units)
  Money need = 0;                 // amount or units needed
  Money have = 0;                 // amount or units there now
  const Selector* selector = nullptr;  // the units that count (nullptr: the whole basket)
  bool get_units = false;         // buy_x_get_y: the get units are missing
};

// What the engine makes of a changed request, for promotion p.
struct Probe {
  bool applied = false;
  int tier = 0;
  Money amount = 0;   // what p gives (its gifts' worth for a gift promotion)
  Money measure = 0;  // what p's class measures min_subtotal on (§5.2); the regular subtotal, an upper
                      // bound of it, when p could not apply at all and so the basket was not priced
};

Money class_measure(const PricingContext& context, RewardClass cls, const Priced& priced) {
  Money measure = context.basket.subtotal;
  if (cls == RewardClass::order) measure -= priced.item_discount;
  if (cls == RewardClass::shipping || cls == RewardClass::gift) measure -= priced.item_discount + priced.order_discount;
  return measure;
}

Money worth_of(const Promotion& promo, const AppliedPromotion& applied) {
  const Reward& reward = promo.tiers[static_cast<std::size_t>(applied.tier)].reward;
  return reward.type == RewardType::free_gift ? reward.gift_value * reward.quantity : applied.amount;
}

// Re-pricing is the expensive part of a nudge, so a request gets at most limits.nudge_probes of them.
// A nudge whose search runs out of probes is dropped whole (never a guessed gap), and so are the rest.
struct Prober {
  EngineLimits limits;
  SearchMemo* memo = nullptr;  // the request's search memo, shared by every probe
  std::int64_t left = 0;
  bool ran_out = false;
  Request* extended = nullptr;  // the priced request with a last line each probe sets (copied once, not per probe)
};

// Prices base's request with `added` appended, and reports on promotion p.
Probe probe(PricingContext& base, const Line& added, int p, Prober& prober) {
  if (prober.left <= 0) {
    prober.ran_out = true;
    return Probe{};
  }
  --prober.left;
  const RuleSet& rules = *base.rules;
  prober.extended->lines.back() = added;
  // Only a candidate can apply (combination.hpp), so a promotion that is not one needs no search, nor the
  // other promotions grown by the line.
  {
    const LineExtension one(base, *prober.extended, p);
    if (!base.candidate[static_cast<std::size_t>(p)]) return Probe{false, 0, 0, base.basket.subtotal};
  }
  const LineExtension grown(base, *prober.extended);
  const PricingContext& context = base;
  const Selected selected = select(context, prober.limits, prober.memo);
  const Promotion& promo = rules.promotions[static_cast<std::size_t>(p)];
  Probe out;
  out.measure = class_measure(context, promo.reward_class(), selected.priced);
  for (const AppliedPromotion& a : selected.priced.applied) {
    if (a.promotion != p) continue;
    out.applied = true;
    out.tier = a.tier;
    out.amount = worth_of(promo, a);
  }
  return out;
}

std::string first_sorted(const std::optional<std::vector<std::string>>& list) {
  if (!list || list->empty()) return "";
  return *std::min_element(list->begin(), list->end());
}

// A line id and sku that no request line and no selector uses.
std::string fresh_id(const Request& request, const std::string& base) {
  std::string id = base;
  for (int n = 2; std::any_of(request.lines.begin(), request.lines.end(),
                              [&](const Line& l) { return l.id == id; }); ++n)
    id = base + "-" + std::to_string(n);
  return id;
}

// The line a spend nudge adds at price p: a plain line, or one built to match `selector` (§6).
Line added_line(const Request& request, const Selector* selector, Money price) {
  Line line;
  line.id = fresh_id(request, "till-nudge");
  line.sku = "till-nudge";
  line.quantity = 1;
  line.unit_price = price;
  if (selector) {
    if (selector->skus) line.sku = first_sorted(selector->skus);
    if (selector->categories && !selector->categories->empty()) line.categories = {first_sorted(selector->categories)};
    if (selector->tags && !selector->tags->empty()) line.tags = {first_sorted(selector->tags)};
    if (selector->brands && !selector->brands->empty()) line.brand = first_sorted(selector->brands);
  }
  return line;
}

struct Gap {
  Money gap = 0;
  Money benefit = 0;
};

// Narrows (lo, hi], where lo is known not to apply and hi to apply, until hi = lo + 1: the smallest change
// that applies, with one less not applying. Tries hi - 1 first when it is likely the answer.
template <class Try>
std::pair<Money, Probe> narrow(Money lo, Money hi, Probe at_hi, bool try_below_first, Try try_at) {
  while (hi - lo > 1) {
    const Money mid = try_below_first ? hi - 1 : lo + (hi - lo) / 2;
    try_below_first = false;
    const Probe r = try_at(mid);
    if (r.applied) {
      hi = mid;
      at_hi = r;
    } else {
      lo = mid;
    }
  }
  return {hi, at_hi};
}

// The smallest price p >= 1 of the added line such that p applies at tier >= min_tier.
std::optional<Gap> find_gap(PricingContext& context, int p, int min_tier, const Selector* selector,
                            Money target, Money measured_now, Prober& limits) {
  const Request& base = *context.request;
  Money lowest = 1;
  Money highest = kMaxAmount - context.basket.subtotal;
  if (selector && selector->min_unit_price) lowest = std::max(lowest, *selector->min_unit_price);
  if (selector && selector->max_unit_price) highest = std::min(highest, *selector->max_unit_price);
  if (lowest > highest) return std::nullopt;
  if (selector && !matches(*selector, added_line(base, selector, lowest))) return std::nullopt;

  auto try_price = [&](Money price) {
    Probe r = probe(context, added_line(base, selector, price), p, limits);
    r.applied = r.applied && r.tier >= min_tier;
    return r;
  };

  Money lo = lowest - 1;  // the largest price known not to apply (lowest - 1: no valid price below)
  std::optional<Money> hi;
  std::optional<Probe> at_hi;
  Money guess = std::clamp(target - measured_now, lowest, highest);
  for (int step = 0; step < 48 && !hi; ++step) {
    const Probe r = try_price(guess);
    if (r.applied) {
      hi = guess;
      at_hi = r;
      break;
    }
    lo = guess;
    if (lo >= highest) return std::nullopt;
    // Secant step: how much of each added unit of price reached the measure so far.
    const Money reached = r.measure - measured_now;
    Money next = guess * 2;
    if (reached > 0 && r.measure < target) {
      const WideInt wanted = static_cast<WideInt>(target - r.measure) * guess;
      next = guess + static_cast<Money>((wanted + reached - 1) / reached);
    }
    guess = std::clamp(std::max(next, lo + 1), lowest, highest);
  }
  if (!hi) return std::nullopt;
  const auto [gap, at_gap] = narrow(lo, *hi, *at_hi, true, try_price);
  return Gap{gap, at_gap.amount};
}

// What tier `tier` of p is short of, its min_subtotal compared with `measure` (what §5.2 measures for
// p's class); with `reward_parts`, also the units its reward lacks when its condition holds.
std::vector<ShortPart> short_parts(const PricingContext& context, Money measure, int p, int tier,
                                   bool reward_parts) {
  const Promotion& promo = context.rules->promotions[static_cast<std::size_t>(p)];
  const Tier& t = promo.tiers[static_cast<std::size_t>(tier)];
  const std::vector<Line>& lines = context.request->lines;
  std::vector<ShortPart> parts;
  if (t.condition.min_subtotal && measure < *t.condition.min_subtotal)
    parts.push_back({true, *t.condition.min_subtotal, measure, nullptr, false});
  const std::vector<ItemCount>& counts =
      context.facts[static_cast<std::size_t>(p)].tiers[static_cast<std::size_t>(tier)].item_counts;
  for (std::size_t i = 0; i < t.condition.items.size(); ++i) {
    const ItemRequirement& item = t.condition.items[i];
    const ItemCount& count = counts[i];
    if (count.units < item.min_quantity)
      parts.push_back({false, item.min_quantity, count.units, &item.selector, false});
    if (count.amount < item.min_subtotal)
      parts.push_back({true, item.min_subtotal, count.amount, &item.selector, false});
  }
  if (!parts.empty() || !reward_parts) return parts;

  // The condition holds but the reward finds too few units.
  const Reward& r = t.reward;
  auto count = [&](const Selector& s, bool positive) {
    Money n = 0;
    for (const Line& line : lines)
      if (matches(s, line) && (!positive || line.unit_price > 0)) n += line.quantity;
    return n;
  };
  if (r.type == RewardType::multibuy) {
    const Money n = count(r.selector, true);
    if (n < r.quantity) parts.push_back({false, r.quantity, n, &r.selector, false});
  } else if (r.type == RewardType::buy_x_get_y) {
    const Money buy = count(r.buy.selector, false);
    if (buy < r.buy.quantity) {
      parts.push_back({false, r.buy.quantity, buy, &r.buy.selector, false});
    } else {
      // Buy units are there but no get unit is left for a round.
      parts.push_back({false, 1, 0, &r.get.selector, true});
    }
  }
  return parts;
}

std::int64_t progress_of(Money have, Money need) {
  if (need <= 0) return 10000;
  const WideInt ratio = static_cast<WideInt>(std::max<Money>(have, 0)) * 10000 / need;
  return static_cast<std::int64_t>(std::min<WideInt>(ratio, 10000));
}

// A quantity nudge: copies of the cheapest basket unit that every short selector matches; or, with no such
// unit and a single short part, a unit built to match it at the selector's min_unit_price (else 0).
std::optional<Nudge> quantity_nudge(PricingContext& context, int p, int min_tier,
                                    const std::vector<ShortPart>& parts, Prober& limits) {
  const Request& base = *context.request;
  std::optional<std::size_t> cheapest;
  for (std::size_t l = 0; l < base.lines.size(); ++l) {
    const Line& line = base.lines[l];
    const bool fits = std::all_of(parts.begin(), parts.end(),
                                  [&](const ShortPart& s) { return !s.selector || matches(*s.selector, line); });
    if (fits && (!cheapest || line.unit_price < base.lines[*cheapest].unit_price)) cheapest = l;
  }
  const ShortPart* count_part = nullptr;
  Money needed = 0;
  for (const ShortPart& s : parts)
    if (!s.spend && s.need - s.have > needed) {
      needed = s.need - s.have;
      count_part = &s;
    }
  if (!count_part) return std::nullopt;

  Line unit;
  if (cheapest) {
    unit = base.lines[*cheapest];
  } else {
    const bool spend_short = std::any_of(parts.begin(), parts.end(), [](const ShortPart& s) { return s.spend; });
    if (parts.size() != 1 || spend_short) return std::nullopt;
    unit = added_line(base, count_part->selector, count_part->selector->min_unit_price.value_or(0));
    if (!matches(*count_part->selector, unit)) return std::nullopt;  // no unit can match it (e.g. skus: [])
  }
  unit.id = fresh_id(base, "till-nudge");

  Nudge nudge;
  nudge.kind = count_part->get_units ? NudgeKind::add_get_items : NudgeKind::add_items;
  nudge.selector = *count_part->selector;
  std::int64_t progress = 10000;
  for (const ShortPart& s : parts) progress = std::min(progress, progress_of(s.have, s.need));
  nudge.progress = progress;

  // Copies of a unit already in the basket: the smallest count with which the engine applies p. Spend parts
  // may need more than the count parts do; the count is bounded by what covers them at this unit's price.
  // A few more units than the count may also be needed: the change must also make p win its class.
  Money most = needed * 2 + 1;
  for (const ShortPart& s : parts)
    if (s.spend && unit.unit_price > 0) most = std::max(most, needed + (s.need - s.have) / unit.unit_price + 1);
  most = std::min<Money>(most, 10000);
  auto try_count = [&](Money q) {
    Line added = unit;
    added.quantity = q;
    Probe r = probe(context, added, p, limits);
    r.applied = r.applied && r.tier >= min_tier;
    return r;
  };
  if (!cheapest) {
    // A built unit at the selector's lowest price may give nothing; the count is still what is missing.
    const Probe r = try_count(needed);
    nudge.quantity = needed;
    nudge.benefit = r.applied ? r.amount : 0;
    return nudge;
  }
  // Fewer than `needed` copies leave a count short, so needed - 1 never applies. Gallop up, then bisect:
  // the count found applies and one fewer does not.
  Money lo = needed - 1;
  std::optional<Money> hi;
  std::optional<Probe> at_hi;
  for (Money step = 1, q = needed; q <= most; q = lo + step, step *= 2) {
    const Probe r = try_count(q);
    if (r.applied) {
      hi = q;
      at_hi = r;
      break;
    }
    lo = q;
  }
  if (!hi) return std::nullopt;
  const auto [count, at_count] = narrow(lo, *hi, *at_hi, false, try_count);
  nudge.quantity = count;
  nudge.benefit = at_count.amount;
  return nudge;
}

std::string default_template(NudgeKind kind, bool by_amount) {
  switch (kind) {
    case NudgeKind::spend_more: return "Spend {gap} more for {name}";
    case NudgeKind::next_tier: return by_amount ? "Spend {gap} more for {name}" : "Add {quantity} more to get {name}";
    case NudgeKind::enter_code: return "Use code {code} for {name}";
    default: return "Add {quantity} more to get {name}";
  }
}

void write_message(const PricingContext& context, const Promotion& promo, const std::string& name, Nudge& nudge) {
  const RuleSet& rules = *context.rules;
  MessageValues values;
  values.name = name;
  if (nudge.gap) values.gap = format_money(*nudge.gap, rules.currency, rules.minor_units);
  if (nudge.quantity) values.quantity = std::to_string(*nudge.quantity);
  values.benefit = format_money(nudge.benefit, rules.currency, rules.minor_units);
  values.code = nudge.code;
  const std::string text = promo.messages.nudge.value_or(default_template(nudge.kind, nudge.gap.has_value()));
  nudge.message = render_template(text, values);
}

// The spend or quantity nudge toward tier `tier` of p (the next tier when `next_tier`).
std::optional<Nudge> condition_nudge(PricingContext& context, const Selected& selected, int p, int tier,
                                     bool next_tier, Prober& limits) {
  const Promotion& promo = context.rules->promotions[static_cast<std::size_t>(p)];
  const Money measure = class_measure(context, promo.reward_class(), selected.priced);
  const std::vector<ShortPart> parts = short_parts(context, measure, p, tier, !next_tier);
  if (parts.empty()) return std::nullopt;
  std::optional<Nudge> nudge;
  const bool counts = std::any_of(parts.begin(), parts.end(), [](const ShortPart& s) { return !s.spend; });
  if (counts) {
    nudge = quantity_nudge(context, p, tier, parts, limits);
  } else {
    // Spend parts only: the added line must match an items[] selector when one of them is short.
    const ShortPart* widest = &parts.front();
    const Selector* selector = nullptr;
    for (const ShortPart& s : parts) {
      if (s.need - s.have > widest->need - widest->have) widest = &s;
      if (s.selector && !selector) selector = s.selector;
    }
    if (auto gap = find_gap(context, p, tier, selector, widest->need, widest->have, limits)) {
      nudge = Nudge{};
      nudge->kind = NudgeKind::spend_more;
      nudge->gap = gap->gap;
      nudge->benefit = gap->benefit;
      std::int64_t progress = 10000;
      for (const ShortPart& s : parts) progress = std::min(progress, progress_of(s.have, s.need));
      nudge->progress = progress;
    }
  }
  if (!nudge) return std::nullopt;
  nudge->promotion = promo.id;
  if (next_tier) {
    nudge->kind = NudgeKind::next_tier;
    nudge->reward = promo.tiers[static_cast<std::size_t>(tier)].reward;
  }
  const std::string& name = promo.tiered ? promo.tiers[static_cast<std::size_t>(tier)].name.value_or(promo.name)
                                         : promo.name;
  write_message(context, promo, name, *nudge);
  return nudge;
}

// The nudge toward whichever tier needs the smallest change (amounts before counts; for a promotion
// without tiers, its only tier).
std::optional<Nudge> smallest_tier_nudge(PricingContext& context, const Selected& selected, int p,
                                         Prober& limits) {
  const Promotion& promo = context.rules->promotions[static_cast<std::size_t>(p)];
  std::optional<Nudge> best;
  for (int t = 0; t < static_cast<int>(promo.tiers.size()); ++t) {
    std::optional<Nudge> nudge = condition_nudge(context, selected, p, t, false, limits);
    if (!nudge) continue;
    const bool smaller = !best || (nudge->gap.has_value() != best->gap.has_value()
                                       ? nudge->gap.has_value()
                                       : (nudge->gap ? *nudge->gap < *best->gap : *nudge->quantity < *best->quantity));
    if (smaller) best = std::move(nudge);
  }
  return best;
}

std::optional<Nudge> nudge_for(PricingContext& context, const Selected& selected, int p,
                               Prober& limits) {
  const Promotion& promo = context.rules->promotions[static_cast<std::size_t>(p)];
  for (const AppliedPromotion& a : selected.priced.applied) {
    if (a.promotion != p) continue;
    if (!promo.tiered || a.tier + 1 >= static_cast<int>(promo.tiers.size())) return std::nullopt;
    return condition_nudge(context, selected, p, a.tier + 1, true, limits);
  }
  const NotApplied why = reason_not_applied(context, selected, p);
  if (why.reason == Reason::condition || why.reason == Reason::no_eligible_items)
    return smallest_tier_nudge(context, selected, p, limits);
  return std::nullopt;
}

// A promotion behind a public code that is not entered: what happens with the code entered?
std::optional<Nudge> public_code_nudge(PricingContext& context, int p, Prober& limits) {
  const Promotion& promo = context.rules->promotions[static_cast<std::size_t>(p)];
  if (!promo.coupon || !promo.coupon->is_public || promo.coupon->codes.empty()) return std::nullopt;
  const std::string& code = promo.coupon->codes.front();
  Request with_code = *context.request;
  with_code.coupons.push_back(code);
  PricingContext coded = make_context(*context.rules, with_code);
  if (limits.left <= 0) {
    limits.ran_out = true;
    return std::nullopt;
  }
  --limits.left;
  const Selected selected = select(coded, limits.limits, limits.memo);
  std::optional<Nudge> nudge;
  for (const AppliedPromotion& a : selected.priced.applied) {
    if (a.promotion != p) continue;
    nudge = Nudge{};
    nudge->promotion = promo.id;
    nudge->kind = NudgeKind::enter_code;
    nudge->benefit = worth_of(promo, a);
    nudge->progress = 10000;  // the basket qualifies; only the code is missing
    nudge->code = code;
    write_message(coded, promo, promo.name, *nudge);
    return nudge;
  }
  Request coded_extended = with_code;
  coded_extended.lines.emplace_back();
  Request* const extended = limits.extended;
  limits.extended = &coded_extended;
  nudge = nudge_for(coded, selected, p, limits);
  limits.extended = extended;
  if (!nudge) return std::nullopt;
  nudge->code = code;
  write_message(coded, promo, promo.name, *nudge);
  return nudge;
}

// How nudges are ordered (§6), but for the promotion id: spend nudges by gap, then quantity nudges by
// quantity, then enter_code.
struct NudgeKey {
  int rank = 0;      // 0: a gap, 1: a quantity, 2: enter_code
  Money value = 0;   // the gap or the quantity
  auto operator<=>(const NudgeKey&) const = default;
};

NudgeKey key_of(const Nudge& n) {
  if (n.kind == NudgeKind::enter_code) return {2, 0};
  return n.gap ? NudgeKey{0, *n.gap} : NudgeKey{1, *n.quantity};
}

// The smallest key a nudge for these short parts can have. A count part makes it a quantity nudge of at
// least the largest count missing. Otherwise it is a gap: an items[] amount grows by exactly the added
// price, and any other amount by at most that (discounts only take away), from the regular subtotal.
NudgeKey least_key(const PricingContext& context, const std::vector<ShortPart>& parts) {
  NudgeKey key{0, 1};
  const bool counts = std::any_of(parts.begin(), parts.end(), [](const ShortPart& s) { return !s.spend; });
  if (counts) key = {1, 0};
  for (const ShortPart& s : parts) {
    if (counts != !s.spend) continue;
    const Money short_by = counts || s.selector ? s.need - s.have : s.need - context.basket.subtotal;
    key.value = std::max(key.value, short_by);
  }
  return key;
}

// Whether p, which needs a code the request lacks, passes every other pre-check (§5.1) once its first
// public code is entered: otherwise entering it would earn nothing, and there is nothing to nudge.
bool opens_with_code(const PricingContext& context, int p) {
  const Promotion& promo = context.rules->promotions[static_cast<std::size_t>(p)];
  // precheck reads the codes from `entered` alone, so the request itself needs no copy with the code.
  std::vector<std::string> entered = context.entered_codes;
  entered.push_back(promo.coupon->normalized_codes.front());
  std::string detail;
  return !precheck(promo, *context.request, entered, detail);
}

// Whether, once its code is entered, some tier of p (order, shipping or gift class) holds in every
// combination: its items hold, and its min_subtotal is met even after the most the earlier classes could
// take off (§5.2). Then p either applies (an enter_code nudge) or is left out as not the best (no nudge).
bool surely_holds_with_code(const PricingContext& context, int p) {
  const Promotion& promo = context.rules->promotions[static_cast<std::size_t>(p)];
  const RewardClass cls = promo.reward_class();
  if (cls == RewardClass::item) return false;
  // What may apply once the code is entered: today's candidates and whatever else carries the code.
  const std::string& code = promo.coupon->normalized_codes.front();
  std::vector<bool> may_apply = context.candidate;
  for (std::size_t q = 0; q < may_apply.size(); ++q) {
    const auto& coupon = context.rules->promotions[q].coupon;
    if (context.precheck[q] == Reason::coupon_required &&
        std::find(coupon->normalized_codes.begin(), coupon->normalized_codes.end(), code) != coupon->normalized_codes.end())
      may_apply[q] = true;
  }
  Money least = context.basket.subtotal - item_discount_bound(context, may_apply);
  if (cls != RewardClass::order) least -= order_discount_bound(context, may_apply, least);
  for (int t = 0; t < static_cast<int>(promo.tiers.size()); ++t)
    if (tier_condition_holds(context, p, t, least)) return true;
  return false;
}

// The smallest key a nudge for public-code promotion p could have once its code is entered, judged on
// the basket at regular prices: an amount measured after discounts is at most the regular subtotal, so
// where that meets a threshold of the order, shipping or gift class, a gap of 1 is still possible, unless
// a tier holds whatever the discounts.
NudgeKey least_key_with_code(const PricingContext& context, int p) {
  const Promotion& promo = context.rules->promotions[static_cast<std::size_t>(p)];
  if (surely_holds_with_code(context, p)) return NudgeKey{2, 0};
  const Money regular = context.basket.subtotal;
  NudgeKey least{2, 0};  // enter_code
  for (int t = 0; t < static_cast<int>(promo.tiers.size()); ++t) {
    for (const bool reward_parts : {false, true}) {
      const std::vector<ShortPart> parts = short_parts(context, regular, p, t, reward_parts);
      if (!parts.empty()) least = std::min(least, least_key(context, parts));
    }
    const auto& threshold = promo.tiers[static_cast<std::size_t>(t)].condition.min_subtotal;
    if (threshold && promo.reward_class() != RewardClass::item)
      least = std::min(least, NudgeKey{0, std::max<Money>(1, *threshold - regular)});
  }
  return least;
}

}  // namespace

std::vector<Nudge> find_nudges(PricingContext& context, const Selected& selected, const EngineLimits& limits,
                               SearchMemo* memo) {
  std::vector<Nudge> nudges;
  if (context.request->options.max_nudges == 0) return nudges;

  // Plan first, without re-pricing: which promotions could get a nudge, and the smallest key (kind rank,
  // then gap or quantity) their nudge could have. Probes go to the smallest first, and a plan whose key
  // cannot come before the last nudge that would be shown is not probed at all: its nudge would be cut.
  struct Plan {
    int promotion;
    NudgeKey least;     // no nudge for it can sort before this
    bool code = false;  // a public code is missing
  };
  std::vector<Plan> plans;
  std::vector<Plan> code_plans;  // public codes last: each costs a pricing with the code before its probes
  const auto& promotions = context.rules->promotions;
  for (int p = 0; p < static_cast<int>(promotions.size()); ++p) {
    const Promotion& promo = promotions[static_cast<std::size_t>(p)];
    const std::optional<Reason>& pre = context.precheck[static_cast<std::size_t>(p)];
    if (pre == Reason::coupon_required) {
      if (promo.coupon->is_public && !promo.coupon->codes.empty() && opens_with_code(context, p))
        code_plans.push_back({p, least_key_with_code(context, p), true});
      continue;
    }
    if (pre) continue;
    std::vector<int> tiers;  // the tiers nudge_for may nudge toward
    bool next = false;
    if (is_applied(selected, p)) {
      for (const AppliedPromotion& a : selected.priced.applied)
        if (a.promotion == p && promo.tiered && a.tier + 1 < static_cast<int>(promo.tiers.size()))
          tiers.push_back(a.tier + 1);
      next = true;
    } else {
      const Reason why = reason_not_applied(context, selected, p).reason;
      if (why == Reason::condition || why == Reason::no_eligible_items)
        for (int t = 0; t < static_cast<int>(promo.tiers.size()); ++t) tiers.push_back(t);
    }
    std::optional<NudgeKey> least;
    const Money measure = class_measure(context, promo.reward_class(), selected.priced);
    for (int t : tiers) {
      const std::vector<ShortPart> parts = short_parts(context, measure, p, t, !next);
      if (parts.empty()) continue;
      const NudgeKey key = least_key(context, parts);
      if (!least || key < *least) least = key;
    }
    if (least) plans.push_back({p, *least});
  }
  std::sort(plans.begin(), plans.end(), [&](const Plan& a, const Plan& b) {
    if (a.least != b.least) return a.least < b.least;
    return promotions[static_cast<std::size_t>(a.promotion)].id < promotions[static_cast<std::size_t>(b.promotion)].id;
  });
  plans.insert(plans.end(), code_plans.begin(), code_plans.end());

  const auto shown_before = [](const Nudge& a, const Nudge& b) {
    const NudgeKey ka = key_of(a), kb = key_of(b);
    if (ka != kb) return ka < kb;
    return a.promotion < b.promotion;
  };
  const std::size_t shown = static_cast<std::size_t>(context.request->options.max_nudges);
  Request extended = *context.request;
  extended.lines.emplace_back();
  Prober prober{limits, memo, limits.nudge_probes, false, &extended};
  const Nudge* last = nullptr;  // once `shown` nudges are found, the last of them that would be shown
  for (const Plan& plan : plans) {
    if (last) {
      // A plan that cannot sort before the last nudge that would be shown is skipped.
      const NudgeKey last_key = key_of(*last);
      if (plan.least > last_key ||
          (plan.least == last_key && promotions[static_cast<std::size_t>(plan.promotion)].id > last->promotion))
        continue;
    }
    std::optional<Nudge> nudge = plan.code ? public_code_nudge(context, plan.promotion, prober)
                                           : nudge_for(context, selected, plan.promotion, prober);
    if (prober.ran_out) break;
    if (!nudge) continue;
    nudges.push_back(std::move(*nudge));
    if (nudges.size() >= shown) {
      std::nth_element(nudges.begin(), nudges.begin() + static_cast<std::ptrdiff_t>(shown - 1), nudges.end(),
                       shown_before);
      last = &nudges[shown - 1];
    }
  }
  std::sort(nudges.begin(), nudges.end(), shown_before);
  if (static_cast<std::int64_t>(nudges.size()) > context.request->options.max_nudges)
    nudges.resize(static_cast<std::size_t>(context.request->options.max_nudges));
  return nudges;
}

}  // namespace till

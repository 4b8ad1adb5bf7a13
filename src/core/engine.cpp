// price(): the checks that need both documents, then selection, then the result of §4.
#include "core/engine.hpp"

#include <algorithm>

#include "core/explain.hpp"
#include "core/messages.hpp"
#include "core/nudges.hpp"
#include "core/selection.hpp"

namespace till {
namespace {

std::optional<Error> check_against_rules(const RuleSet& rules, const Request& request) {
  if (request.currency != rules.currency)
    return Error{ErrorCode::currency_mismatch, "request", "/currency",
                 "the request is in " + request.currency + " but the rules are in " + rules.currency};
  if (request.shipping_method &&
      std::none_of(rules.shipping_methods.begin(), rules.shipping_methods.end(),
                   [&](const ShippingMethod& m) { return m.id == *request.shipping_method; }))
    return Error{ErrorCode::invalid_request, "request", "/shipping_method",
                 "shipping_method \"" + *request.shipping_method + "\" is not a method of the rule set"};
  // Each line is at most 10^4 x 10^12, so the running sum stays within int64 until it passes the limit.
  Money subtotal = 0;
  for (const Line& line : request.lines)
    if ((subtotal += line.quantity * line.unit_price) > kMaxAmount) break;
  if (subtotal > kMaxAmount)
    return Error{ErrorCode::limit_exceeded, "request", "/lines",
                 "the regular subtotal exceeds 10^12 minor units"};
  return std::nullopt;
}

std::string applied_message(const RuleSet& rules, const Promotion& promo, const std::string& name, Money amount,
                            const std::optional<std::string>& code) {
  if (!promo.messages.applied) return name;
  MessageValues values;
  values.name = name;
  values.benefit = format_money(amount, rules.currency, rules.minor_units);
  values.code = code;
  return render_template(*promo.messages.applied, values);
}

Result build_result(const PricingContext& context, const Selected& selected) {
  const RuleSet& rules = *context.rules;
  const Request& request = *context.request;
  const Priced& priced = selected.priced;
  Result result;
  result.currency = rules.currency;
  result.rules_version = rules.version;
  result.coupons = coupon_results(context, selected);

  for (std::size_t l = 0; l < request.lines.size(); ++l) {
    const Line& line = request.lines[l];
    LineResult out;
    out.id = line.id;
    out.sku = line.sku;
    out.quantity = line.quantity;
    out.unit_price = line.unit_price;
    out.subtotal = line.quantity * line.unit_price;
    for (const AppliedPromotion& a : priced.applied) {
      const Money amount = a.line_amounts.empty() ? 0 : a.line_amounts[l];
      if (amount == 0) continue;
      out.adjustments.push_back({rules.promotions[static_cast<std::size_t>(a.promotion)].id, amount});
      out.discount += amount;
    }
    out.total = out.subtotal - out.discount;
    result.subtotal += out.subtotal;
    result.lines.push_back(std::move(out));
  }
  result.item_discount = priced.item_discount;
  result.order_discount = priced.order_discount;
  result.merchandise_total = result.subtotal - result.item_discount - result.order_discount;
  if (request.shipping_method) {
    const Money price = context.shipping_price.value_or(0);
    result.shipping = ShippingResult{*request.shipping_method, price, priced.shipping_discount,
                                     price - priced.shipping_discount};
  }
  result.discount_total = result.item_discount + result.order_discount + priced.shipping_discount;
  result.total = result.merchandise_total + (result.shipping ? result.shipping->total : 0);

  for (const AppliedPromotion& a : priced.applied) {
    const Promotion& promo = rules.promotions[static_cast<std::size_t>(a.promotion)];
    const Tier& tier = promo.tiers[static_cast<std::size_t>(a.tier)];
    Applied out;
    out.promotion = promo.id;
    out.name = promo.name;
    out.amount = a.amount;
    if (promo.tiered) {
      out.tier = a.tier;
      out.tier_name = tier.name;
    }
    std::optional<std::string> code;
    for (const CouponResult& c : result.coupons)
      if (c.promotion == promo.id && c.status == CouponStatus::applied && !code) code = c.code;
    const Money worth = tier.reward.type == RewardType::free_gift ? tier.reward.gift_value * tier.reward.quantity : a.amount;
    out.message = applied_message(rules, promo, tier.name.value_or(promo.name), worth, code);
    result.applied.push_back(std::move(out));
    if (tier.reward.type == RewardType::free_gift)
      result.gifts.push_back(Gift{tier.reward.gift_sku, tier.reward.gift_name, tier.reward.quantity,
                                  tier.reward.gift_value, promo.id});
  }

  if (request.options.explain) result.not_applied = explain_not_applied(context, selected);
  if (rules.loyalty) {
    std::int64_t multiplier = 1;
    if (request.customer && request.customer->loyalty_tier) {
      const auto found = rules.loyalty->tier_multipliers.find(*request.customer->loyalty_tier);
      if (found != rules.loyalty->tier_multipliers.end()) multiplier = found->second;
    }
    // Each factor may be up to 2^53 (§1), so the product is taken wide and held at 2^53.
    const WideInt points = static_cast<WideInt>(result.merchandise_total / rules.minor_units) *
                           rules.loyalty->points_per_major_unit * multiplier;
    result.loyalty_points = static_cast<std::int64_t>(std::min<WideInt>(points, WideInt{1} << 53));
  }
  result.optimal = selected.optimal;
  return result;
}

}  // namespace

Outcome<Result> price(const RuleSet& rules, const Request& request, const EngineLimits& limits) {
  if (auto error = check_against_rules(rules, request)) return *error;
  PricingContext context = make_context(rules, request);
  SearchMemo memo(request.lines.size());  // the nudges' probes add a line to this request
  const Selected selected = select(context, limits, &memo);
  Result result = build_result(context, selected);
  result.nudges = find_nudges(context, selected, limits, &memo);
  return result;
}

}  // namespace till

#include "core/explain.hpp"

#include <algorithm>

#include "core/stages.hpp"

namespace till {

bool is_applied(const Selected& selected, int p) {
  const auto& applied = selected.priced.applied;
  return std::any_of(applied.begin(), applied.end(), [&](const AppliedPromotion& a) { return a.promotion == p; });
}

NotApplied reason_not_applied(const PricingContext& context, const Selected& selected, int p) {
  const std::size_t i = static_cast<std::size_t>(p);
  const Promotion& promo = context.rules->promotions[i];
  NotApplied out;
  out.promotion = promo.id;
  if (context.precheck[i]) {
    out.reason = *context.precheck[i];
    if (out.reason == Reason::audience) out.detail = context.audience_detail[i];
    return out;
  }
  if (selected.combination.exclusive && *selected.combination.exclusive != p) {
    out.reason = Reason::exclusive;
    return out;
  }
  // Where this promotion's class measures min_subtotal in the chosen basket (§5.2).
  const Priced& priced = selected.priced;
  Money measure = context.basket.subtotal;
  if (promo.reward_class() == RewardClass::order) measure -= priced.item_discount;
  if (promo.reward_class() == RewardClass::shipping || promo.reward_class() == RewardClass::gift)
    measure -= priced.item_discount + priced.order_discount;
  bool holds = false;
  for (int t = 0; t < static_cast<int>(promo.tiers.size()); ++t) holds = holds || tier_condition_holds(context, p, t, measure);
  if (!holds) out.reason = Reason::condition;
  else if (!context.candidate[i]) out.reason = Reason::no_eligible_items;
  else out.reason = Reason::not_best;
  return out;
}

std::vector<NotApplied> explain_not_applied(const PricingContext& context, const Selected& selected) {
  std::vector<NotApplied> out;
  for (int p = 0; p < static_cast<int>(context.rules->promotions.size()); ++p)
    if (!is_applied(selected, p)) out.push_back(reason_not_applied(context, selected, p));
  return out;
}

namespace {

int status_rank(CouponStatus status) {
  switch (status) {
    case CouponStatus::applied: return 0;
    case CouponStatus::not_best: return 1;
    case CouponStatus::not_applicable: return 2;
    case CouponStatus::unknown: return 3;
  }
  return 4;
}

// Of two promotions sharing a code, which one the code's entry reports: the best status; then, among
// not_applicable ones, the one that got furthest (the later reason of §5.5); then the smaller id. None of
// this depends on the order promotions are written in.
bool preferred(const CouponResult& a, const CouponResult& b) {
  if (status_rank(a.status) != status_rank(b.status)) return status_rank(a.status) < status_rank(b.status);
  if (a.reason != b.reason) return a.reason > b.reason;
  return a.promotion < b.promotion;
}

std::string trim_ascii(const std::string& text) {
  const char* space = " \t\n\r\f\v";
  const std::size_t begin = text.find_first_not_of(space);
  if (begin == std::string::npos) return "";
  return text.substr(begin, text.find_last_not_of(space) - begin + 1);
}

}  // namespace

std::vector<CouponResult> coupon_results(const PricingContext& context, const Selected& selected) {
  std::vector<CouponResult> out;
  std::vector<std::string> seen;
  for (const std::string& written : context.request->coupons) {
    const std::string code = normalize_code(written);
    if (std::find(seen.begin(), seen.end(), code) != seen.end()) continue;
    seen.push_back(code);
    CouponResult result;
    result.code = trim_ascii(written);
    result.status = CouponStatus::unknown;
    for (int p = 0; p < static_cast<int>(context.rules->promotions.size()); ++p) {
      const Promotion& promo = context.rules->promotions[static_cast<std::size_t>(p)];
      if (!promo.coupon) continue;
      const auto& codes = promo.coupon->normalized_codes;
      const auto at = std::find(codes.begin(), codes.end(), code);
      if (at == codes.end()) continue;
      CouponResult candidate;
      candidate.code = promo.coupon->codes[static_cast<std::size_t>(at - codes.begin())];
      candidate.promotion = promo.id;
      if (is_applied(selected, p)) {
        candidate.status = CouponStatus::applied;
      } else {
        const NotApplied why = reason_not_applied(context, selected, p);
        candidate.status = why.reason == Reason::not_best ? CouponStatus::not_best : CouponStatus::not_applicable;
        if (candidate.status == CouponStatus::not_applicable) {
          candidate.reason = why.reason;
          candidate.detail = why.detail;
        }
      }
      if (preferred(candidate, result)) result = candidate;
    }
    out.push_back(std::move(result));
  }
  return out;
}

}  // namespace till

// Explanations (§5.5): why a promotion is not applied, and what became of each entered coupon code.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "core/result.hpp"
#include "core/selection.hpp"

namespace till {

/// The first reason (§5.5 order) why promotion `p`, not applied in `selected`, is not applied.
NotApplied reason_not_applied(const PricingContext& context, const Selected& selected, int p);

/// Every promotion not applied in `selected`, in rule-set order.
std::vector<NotApplied> explain_not_applied(const PricingContext& context, const Selected& selected);

/// One entry per distinct entered code, in request order (§5.5).
std::vector<CouponResult> coupon_results(const PricingContext& context, const Selected& selected);

/// Is promotion `p` applied in `selected`?
bool is_applied(const Selected& selected, int p);

}  // namespace till

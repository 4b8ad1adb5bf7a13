// Selector matching (§2.2).
#pragma once

#include "core/request.hpp"
#include "core/rules.hpp"

namespace till {

/// True when every present field of `selector` matches the line (AND across fields, OR within a list).
bool matches(const Selector& selector, const Line& line);

/// The same test for a recent purchase; price bounds never match a purchase without a unit_price.
bool matches(const Selector& selector, const RecentPurchase& purchase);

}  // namespace till

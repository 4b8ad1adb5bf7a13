// The basket as units: every line expanded into `quantity` units, in line order, so that "the earlier line,
// then the earlier unit" (§2.5) is simply the smaller position.
#pragma once

#include <cstdint>
#include <vector>

#include "core/money.hpp"
#include "core/request.hpp"

namespace till {

struct Basket {
  std::vector<std::int32_t> unit_line;  // per unit: index of its line
  std::vector<Money> unit_regular;      // per unit: regular price (the line's unit_price)
  std::vector<std::int32_t> line_first; // per line: position of its first unit
  Money subtotal = 0;                   // at regular prices

  std::int32_t unit_count() const { return static_cast<std::int32_t>(unit_line.size()); }
};

/// Expands the request's lines. Requires the subtotal within 10^12 and at most 10^7 units (§8 limits).
Basket make_basket(const Request& request);

/// Spreads `total` over `units` (positions, ascending) by largest remainder: over their lines first
/// (weights: each line's sum of `weights`), then over the units of each line (weights: each unit's
/// weight). Returns the amount per unit, parallel to `units`. `weights` is indexed by position in `units`.
std::vector<Money> spread(const Basket& basket, const std::vector<std::int32_t>& units,
                          const std::vector<Money>& weights, Money total);

}  // namespace till

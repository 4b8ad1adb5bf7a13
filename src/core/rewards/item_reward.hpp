// Item-class rewards (§2.5): which units a reward uses and what it takes off each. One function per
// reward type, each in its own file; `take_item_reward` dispatches and applies `max_discount`.
#pragma once

#include <cstdint>
#include <optional>
#include <vector>

#include "core/basket.hpp"
#include "core/money.hpp"
#include "core/rules.hpp"

namespace till {

/// What an item reward takes. `used` are the units it uses (discounted units, group members, buy and get
/// units); `discounted`/`discounts` the units it lowers and by how much (no unit below 0).
struct ItemTake {
  std::vector<std::int32_t> used;        // ascending positions
  std::vector<std::int32_t> discounted;  // ascending positions
  std::vector<Money> discounts;          // parallel to discounted
  Money total = 0;
};

/// The units a reward may use and their current prices.
struct ItemInput {
  const Basket& basket;
  const std::vector<Money>& prices;          // current price per unit
  const std::vector<std::int32_t>& pool;     // ascending: units it may use (free ones, or all for stackables)
  const std::vector<std::uint8_t>& matches;  // per line: the reward's selector (buy_x_get_y: `buy`) matches
  const std::vector<std::uint8_t>& get_matches;  // per line: buy_x_get_y's `get` selector matches
  std::optional<std::int64_t> max_applications;
  Rounding rounding;
};

ItemTake take_percent_off_items(const Reward& reward, const ItemInput& in);
ItemTake take_amount_off_items(const Reward& reward, const ItemInput& in);
ItemTake take_fixed_price_items(const Reward& reward, const ItemInput& in);
ItemTake take_multibuy(const Reward& reward, const ItemInput& in);
ItemTake take_buy_x_get_y(const Reward& reward, const ItemInput& in);

/// Dispatches on the reward type, then caps the total at `max_discount` (spread over lines, then units,
/// weighted by the uncapped discounts). Requires an item-class reward.
ItemTake take_item_reward(const Reward& reward, const std::optional<Money>& max_discount, const ItemInput& in);

// Shared unit-choice helpers (§2.5: ties in price go to the earlier line, then the earlier unit).

/// Units of `pool` matching `matches` whose current price satisfies `can_lower`.
template <class Pred>
std::vector<std::int32_t> matching_units(const ItemInput& in, const std::vector<std::uint8_t>& matches,
                                         Pred can_lower) {
  std::vector<std::int32_t> out;
  for (std::int32_t u : in.pool)
    if (matches[static_cast<std::size_t>(in.basket.unit_line[u])] && can_lower(in.prices[u])) out.push_back(u);
  return out;
}

/// Sorts units most expensive first (ties: earlier position first).
void sort_most_expensive_first(std::vector<std::int32_t>& units, const std::vector<Money>& prices);
/// Sorts units cheapest first (ties: earlier position first).
void sort_cheapest_first(std::vector<std::int32_t>& units, const std::vector<Money>& prices);
/// Keeps the `max_quantity` most expensive units, if set; returns the kept units ascending.
std::vector<std::int32_t> keep_most_expensive(std::vector<std::int32_t> units, const std::vector<Money>& prices,
                                              const std::optional<std::int64_t>& max_quantity);

/// `percent` off `units` (ascending): computed per line on the sum of those units and rounded once, then
/// spread over the line's units weighted by their prices. Fills discounted/discounts/total.
void take_percent_per_line(const ItemInput& in, const std::vector<std::int32_t>& units, Basis percent,
                           ItemTake& take);

/// Adds per-unit discounts (parallel to ascending `units`), dropping zeros.
void add_unit_discounts(const std::vector<std::int32_t>& units, const std::vector<Money>& discounts,
                        ItemTake& take);

}  // namespace till

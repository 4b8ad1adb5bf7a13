// Money, percentages and the arithmetic of SPEC §1. No floating point anywhere.
#pragma once

#include <cstdint>
#include <vector>

namespace till {

/// An amount in the currency's minor unit (pence for GBP): 4999 is £49.99.
using Money = std::int64_t;

/// A percentage in hundredths of a percent: 12.5% is 1250, 100% is 10000.
using Basis = std::int64_t;

/// For products of two amounts (allocation weights): up to 10^26, beyond int64.
__extension__ typedef __int128 WideInt;

constexpr Basis kFullPercent = 10000;
constexpr Money kMaxAmount = 1'000'000'000'000;  // 10^12, SPEC §1

enum class Rounding { half_up, half_even, down };

/// `percent` of `amount`, rounded once to the minor unit as the rule set says.
/// Requires 0 <= amount <= 10^12 and 0 <= percent <= 10000 (no overflow in int64).
Money percent_of(Money amount, Basis percent, Rounding rounding);

/// Splits `total` over parts in proportion to `weights` by the largest-remainder method: each part gets
/// the floor of its exact share, the pennies left go one each to the largest fractional remainders
/// (ties: the earlier part). The parts add up to `total`. When every weight is 0 the split is equal
/// (as if every weight were 1). Requires total >= 0, weights >= 0, sum(weights) <= 10^13.
std::vector<Money> allocate_largest_remainder(Money total, const std::vector<Money>& weights);

}  // namespace till

#include "core/money.hpp"

#include <algorithm>
#include <limits>
#include <numeric>

namespace till {

Money percent_of(Money amount, Basis percent, Rounding rounding) {
  const Money product = amount * percent;  // <= 10^12 * 10^4: fits in int64
  Money quotient = product / kFullPercent;
  const Money remainder = product % kFullPercent;
  switch (rounding) {
    case Rounding::half_up:
      if (remainder * 2 >= kFullPercent) ++quotient;
      break;
    case Rounding::half_even:
      if (remainder * 2 > kFullPercent || (remainder * 2 == kFullPercent && quotient % 2 == 1)) ++quotient;
      break;
    case Rounding::down:
      break;
  }
  return quotient;
}

std::vector<Money> allocate_largest_remainder(Money total, const std::vector<Money>& weights) {
  const std::size_t n = weights.size();
  std::vector<Money> parts(n, 0);
  if (n == 0) return parts;
  Money weight_sum = std::accumulate(weights.begin(), weights.end(), Money{0});
  const bool equal = weight_sum == 0;
  if (equal) weight_sum = static_cast<Money>(n);

  std::vector<Money> remainders(n, 0);
  Money given = 0;
  const Money heaviest = equal ? 1 : *std::max_element(weights.begin(), weights.end());
  // 128-bit division is a slow library call (most of all in WebAssembly): use it only when a product
  // total x weight would not fit in 64 bits.
  const bool narrow = heaviest == 0 || total <= std::numeric_limits<Money>::max() / heaviest;
  for (std::size_t i = 0; i < n; ++i) {
    const Money weight = equal ? 1 : weights[i];
    if (narrow) {
      parts[i] = total * weight / weight_sum;
      remainders[i] = total * weight % weight_sum;
    } else {
      const WideInt exact = static_cast<WideInt>(total) * weight;
      parts[i] = static_cast<Money>(exact / weight_sum);
      remainders[i] = static_cast<Money>(exact % weight_sum);
    }
    given += parts[i];
  }
  Money left = total - given;  // < n
  if (left == 0) return parts;
  std::vector<std::size_t> order(n);
  std::iota(order.begin(), order.end(), std::size_t{0});
  std::stable_sort(order.begin(), order.end(),
                   [&](std::size_t a, std::size_t b) { return remainders[a] > remainders[b]; });
  for (std::size_t i = 0; left > 0; ++i, --left) ++parts[order[i]];
  return parts;
}

}  // namespace till

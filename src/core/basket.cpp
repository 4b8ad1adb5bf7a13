#include "core/basket.hpp"

namespace till {

Basket make_basket(const Request& request) {
  Basket basket;
  std::size_t units = 0;
  for (const Line& line : request.lines) units += static_cast<std::size_t>(line.quantity);
  basket.unit_line.reserve(units);
  basket.unit_regular.reserve(units);
  basket.line_first.reserve(request.lines.size());
  for (std::size_t l = 0; l < request.lines.size(); ++l) {
    const Line& line = request.lines[l];
    basket.line_first.push_back(static_cast<std::int32_t>(basket.unit_line.size()));
    basket.unit_line.insert(basket.unit_line.end(), static_cast<std::size_t>(line.quantity),
                            static_cast<std::int32_t>(l));
    basket.unit_regular.insert(basket.unit_regular.end(), static_cast<std::size_t>(line.quantity),
                               line.unit_price);
    basket.subtotal += line.quantity * line.unit_price;
  }
  return basket;
}

std::vector<Money> spread(const Basket& basket, const std::vector<std::int32_t>& units,
                          const std::vector<Money>& weights, Money total) {
  std::vector<Money> out(units.size(), 0);
  if (units.empty()) return out;
  // Runs of units on the same line (units are ascending, so a line's units are contiguous here).
  std::vector<std::size_t> run_start;
  std::vector<Money> run_weight;
  for (std::size_t i = 0; i < units.size(); ++i) {
    if (i == 0 || basket.unit_line[units[i]] != basket.unit_line[units[i - 1]]) {
      run_start.push_back(i);
      run_weight.push_back(0);
    }
    run_weight.back() += weights[i];
  }
  const std::vector<Money> per_line = allocate_largest_remainder(total, run_weight);
  for (std::size_t r = 0; r < run_start.size(); ++r) {
    const std::size_t begin = run_start[r];
    const std::size_t end = r + 1 < run_start.size() ? run_start[r + 1] : units.size();
    const std::vector<Money> line_weights(weights.begin() + static_cast<std::ptrdiff_t>(begin),
                                          weights.begin() + static_cast<std::ptrdiff_t>(end));
    const std::vector<Money> per_unit = allocate_largest_remainder(per_line[r], line_weights);
    for (std::size_t i = begin; i < end; ++i) out[i] = per_unit[i - begin];
  }
  return out;
}

}  // namespace till

// SPEC §1 arithmetic with hand-computed expectations: percent_of in every rounding mode (the .5 cases
// included), largest-remainder allocation, and `spread` over lines first, then over the units of each line.
#include <catch2/catch.hpp>
#include <cstdint>
#include <numeric>
#include <vector>

#include "core/basket.hpp"
#include "core/money.hpp"

namespace {

using till::Money;
using till::Rounding;

// A basket of lines given as (quantity, unit price), expanded into units in line order.
till::Basket basket_of(const std::vector<std::pair<std::int64_t, Money>>& lines) {
  till::Request request;
  for (std::size_t l = 0; l < lines.size(); ++l) {
    till::Line line;
    line.id = "l";
    line.id += std::to_string(l);
    line.sku = line.id;
    line.quantity = lines[l].first;
    line.unit_price = lines[l].second;
    request.lines.push_back(line);
  }
  return till::make_basket(request);
}

Money sum(const std::vector<Money>& parts) { return std::accumulate(parts.begin(), parts.end(), Money{0}); }

}  // namespace

TEST_CASE("percent_of rounds half up by default, .5 going up", "[money]") {
  CHECK(till::percent_of(999, 1000, Rounding::half_up) == 100);  // 10% of 999 = 99.9 -> 100
  CHECK(till::percent_of(995, 1000, Rounding::half_up) == 100);  // 99.5 -> 100 (.5 up)
  CHECK(till::percent_of(985, 1000, Rounding::half_up) == 99);   // 98.5 -> 99 (.5 up, not to even)
  CHECK(till::percent_of(994, 1000, Rounding::half_up) == 99);   // 99.4 -> 99
  CHECK(till::percent_of(333, 1250, Rounding::half_up) == 42);   // 12.5% of 333 = 41.625 -> 42
  CHECK(till::percent_of(1, 5000, Rounding::half_up) == 1);      // 0.5 -> 1
}

TEST_CASE("percent_of rounds half to even when asked", "[money]") {
  CHECK(till::percent_of(995, 1000, Rounding::half_even) == 100);  // 99.5 -> 100 (100 is even)
  CHECK(till::percent_of(985, 1000, Rounding::half_even) == 98);   // 98.5 -> 98 (98 is even)
  CHECK(till::percent_of(1, 5000, Rounding::half_even) == 0);      // 0.5 -> 0
  CHECK(till::percent_of(3, 5000, Rounding::half_even) == 2);      // 1.5 -> 2
  CHECK(till::percent_of(999, 1000, Rounding::half_even) == 100);  // 99.9 -> 100 (not a tie)
  CHECK(till::percent_of(333, 1250, Rounding::half_even) == 42);   // 41.625 -> 42 (not a tie)
}

TEST_CASE("percent_of rounds down when asked", "[money]") {
  CHECK(till::percent_of(999, 1000, Rounding::down) == 99);  // 99.9 -> 99
  CHECK(till::percent_of(995, 1000, Rounding::down) == 99);  // 99.5 -> 99
  CHECK(till::percent_of(1, 5000, Rounding::down) == 0);     // 0.5 -> 0
}

TEST_CASE("percent_of at the edges of its range", "[money]") {
  for (Rounding r : {Rounding::half_up, Rounding::half_even, Rounding::down}) {
    CHECK(till::percent_of(0, 10000, r) == 0);
    CHECK(till::percent_of(4999, 0, r) == 0);
    CHECK(till::percent_of(4999, 10000, r) == 4999);                          // 100% is the whole amount
    CHECK(till::percent_of(till::kMaxAmount, 10000, r) == till::kMaxAmount);  // no overflow at 10^12
    CHECK(till::percent_of(till::kMaxAmount, 1, r) == 100'000'000);           // 0.01% of 10^12 = 10^8 exactly
  }
}

TEST_CASE("allocate_largest_remainder gives floors, then pennies to the largest remainders", "[money]") {
  // 100 over 1:1:1 -> 33.33 each; one penny left goes to the earliest of the tied remainders.
  CHECK(till::allocate_largest_remainder(100, {1, 1, 1}) == std::vector<Money>{34, 33, 33});
  // 10 over 3:3:4 (sum 10) -> exactly 3, 3, 4.
  CHECK(till::allocate_largest_remainder(10, {3, 3, 4}) == std::vector<Money>{3, 3, 4});
  // 100 over 1:2 -> 33.33, 66.67: the larger remainder (.67) takes the penny.
  CHECK(till::allocate_largest_remainder(100, {1, 2}) == std::vector<Money>{33, 67});
  // 5 over 1:1:1:1 -> 1.25 each; one penny left goes to the first.
  CHECK(till::allocate_largest_remainder(5, {1, 1, 1, 1}) == std::vector<Money>{2, 1, 1, 1});
  // 7 over 2:1:1 -> 3.5, 1.75, 1.75: floors 3,1,1 (5), two pennies to .75,.75 (lines 2,3), not the .5.
  CHECK(till::allocate_largest_remainder(7, {2, 1, 1}) == std::vector<Money>{3, 2, 2});
  // 2 over 1:1:1:1 -> .5 each; the two earliest take the pennies.
  CHECK(till::allocate_largest_remainder(2, {1, 1, 1, 1}) == std::vector<Money>{1, 1, 0, 0});
}

TEST_CASE("allocate_largest_remainder with zero weights", "[money]") {
  // A zero-weight part gets nothing: 10 over 0:1:1 -> 0, 5, 5.
  CHECK(till::allocate_largest_remainder(10, {0, 1, 1}) == std::vector<Money>{0, 5, 5});
  // 3 over 0:1:1 -> 0, 1.5, 1.5: the tie goes to the earlier non-zero part.
  CHECK(till::allocate_largest_remainder(3, {0, 1, 1}) == std::vector<Money>{0, 2, 1});
  // Every weight zero: split equally (header contract), 10 over 3 -> 4, 3, 3.
  CHECK(till::allocate_largest_remainder(10, {0, 0, 0}) == std::vector<Money>{4, 3, 3});
  // Nothing to allocate.
  CHECK(till::allocate_largest_remainder(0, {5, 7}) == std::vector<Money>{0, 0});
}

TEST_CASE("allocate_largest_remainder parts always sum to the whole", "[money]") {
  const std::vector<std::vector<Money>> weights = {
      {1}, {3, 7}, {1, 1, 1, 1, 1, 1, 1}, {999, 1, 1}, {4999, 4999, 1}, {till::kMaxAmount, 1, 3}};
  for (const auto& w : weights)
    for (Money total : {Money{0}, Money{1}, Money{7}, Money{100}, Money{9999}, till::kMaxAmount}) {
      const std::vector<Money> parts = till::allocate_largest_remainder(total, w);
      REQUIRE(parts.size() == w.size());
      CHECK(sum(parts) == total);
      for (Money part : parts) CHECK(part >= 0);
    }
}

TEST_CASE("spread: 10% off 3 x 3.33 on one line spreads 100 as 34, 33, 33 over its units", "[money]") {
  const till::Basket basket = basket_of({{3, 333}});
  // 10% of 999 = 99.9 -> 100 (rounded once per line); units weigh 333 each -> 33.33 each -> 34, 33, 33.
  CHECK(till::spread(basket, {0, 1, 2}, {333, 333, 333}, 100) == std::vector<Money>{34, 33, 33});
}

TEST_CASE("spread goes over lines first, then over the units of each line", "[money]") {
  // Two lines: 2 x 100 and 1 x 100. 5 over lines weighted 200:100 -> 3.33, 1.67 -> 3, 2 (remainder .67 wins).
  // Line 1's 3 over its two units 100:100 -> 1.5, 1.5 -> 2, 1. Line 2 gets 2.
  const till::Basket basket = basket_of({{2, 100}, {1, 100}});
  CHECK(till::spread(basket, {0, 1, 2}, {100, 100, 100}, 5) == std::vector<Money>{2, 1, 2});
  // Spreading the units flat (1:1:1) would have given 2, 2, 1; lines-first is the contract.
}

TEST_CASE("spread over a subset of units and unequal weights", "[money]") {
  // Lines: 1 x 1000, 2 x 500. Units 0 (1000), 1 (500), 2 (500). Spread 99 over units 0 and 2 only,
  // weights 1000 and 500: lines 1000:500 -> 66, 33 exactly.
  const till::Basket basket = basket_of({{1, 1000}, {2, 500}});
  CHECK(till::spread(basket, {0, 2}, {1000, 500}, 99) == std::vector<Money>{66, 33});
  // Units 1 and 2 of line 2, weights 300:100, total 7 -> 5.25, 1.75 -> 5, 2.
  CHECK(till::spread(basket, {1, 2}, {300, 100}, 7) == std::vector<Money>{5, 2});
}

TEST_CASE("allocation is exact when total x weight does not fit in 64 bits", "[money]") {
  // 10^12 over three weights of 10^12: 10^24 / 3x10^12 = 333,333,333,333.33 each; floors add to
  // 999,999,999,999, and the one penny left goes to the earliest of the equal remainders.
  const std::vector<till::Money> parts =
      till::allocate_largest_remainder(till::kMaxAmount, {till::kMaxAmount, till::kMaxAmount, till::kMaxAmount});
  CHECK(parts == std::vector<till::Money>{333'333'333'334, 333'333'333'333, 333'333'333'333});
}

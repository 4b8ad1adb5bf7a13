// Upper bounds of what promotions can take (core/bounds.hpp): hand-computed figures for the whole-basket
// item and order bounds, and, on seeded random cases, that no allowed combination ever takes more than
// they say; and the §5.4 steps 2-5 comparison of applied sets on its own.
#include <catch2/catch.hpp>
#include <cstdint>
#include <memory>
#include <string>
#include <vector>

#include "core/bounds.hpp"
#include "json/json_api.hpp"
#include "support/brute_force.hpp"
#include "support/json_documents.hpp"
#include "support/random_cases.hpp"

namespace {

using till::testing::line;

// A rule set and request held together with their context (which points into both).
struct Case {
  till::RuleSet rules;
  till::Request request;
  till::PricingContext context;
};

std::unique_ptr<Case> context_of(const std::string& promotions, const std::string& lines,
                                 const std::string& request_extra = "") {
  auto rules = till::read_rules(till::testing::rules_with(promotions));
  auto request = till::read_request(R"({"currency": "GBP", "now": "2026-11-22T10:00:00Z", "lines": [)" + lines +
                                    "]" + request_extra + "}");
  REQUIRE(rules.ok());
  REQUIRE(request.ok());
  auto c = std::make_unique<Case>();
  c->rules = std::move(*rules);
  c->request = std::move(*request);
  c->context = till::make_context(c->rules, c->request);
  return c;
}

// The index of promotion `id`.
int index_of(const till::RuleSet& rules, const std::string& id) {
  for (std::size_t p = 0; p < rules.promotions.size(); ++p)
    if (rules.promotions[p].id == id) return static_cast<int>(p);
  FAIL("no promotion " << id);
  return -1;
}

}  // namespace

TEST_CASE("item_discount_bound: one non-stackable per unit plus every stackable, at most the price", "[bounds]") {
  // On X (1000 x 2): 20% and 30% compete (30% + a penny of spread counts: 301), the stackable 10% adds 101:
  // 402 a unit. On Y (500): 450 off by amount plus the stackable's 51 is over the price, so 500.
  const std::string promos =
      R"({"id": "a", "reward": {"type": "percent_off_items", "selector": {"skus": ["X"]}, "percent": 20}},
         {"id": "b", "reward": {"type": "percent_off_items", "selector": {"skus": ["X"]}, "percent": 30}},
         {"id": "c", "stackable": true, "reward": {"type": "percent_off_items", "selector": {}, "percent": 10}},
         {"id": "d", "reward": {"type": "amount_off_items", "selector": {"skus": ["Y"]}, "amount": 450}},
         {"id": "o", "reward": {"type": "percent_off_order", "percent": 50}})";
  const auto c = context_of(promos, line("x", "X", 2, 1000) + "," + line("y", "Y", 1, 500));
  std::vector<bool> all(c->rules.promotions.size(), true);
  CHECK(till::item_discount_bound(c->context, all) == 2 * 402 + 500);
  // Without the stackable: 301 a unit of X, and 450 on Y.
  std::vector<bool> no_stackable = all;
  no_stackable[static_cast<std::size_t>(index_of(c->rules, "c"))] = false;
  CHECK(till::item_discount_bound(c->context, no_stackable) == 2 * 301 + 450);
  // Nothing that may apply: nothing to take.
  CHECK(till::item_discount_bound(c->context, std::vector<bool>(all.size(), false)) == 0);
}

TEST_CASE("line_bounds: a unit §2.5 can never discount gets nothing from a non-stackable", "[bounds]") {
  // X (5000) and Y (700 x 2). "Buy 2, cheapest free" frees a unit only with another at its price or
  // above: never X. "Buy 1 get 1 free" on the same units takes X as a buy unit first: never a get unit.
  const std::string promos =
      R"({"id": "m", "reward": {"type": "multibuy", "selector": {}, "quantity": 2, "pay_for": 1}},
         {"id": "b", "reward": {"type": "buy_x_get_y", "buy": {"selector": {}, "quantity": 1},
                                "get": {"selector": {}, "quantity": 1}, "percent": 100}},
         {"id": "s", "stackable": true, "reward": {"type": "multibuy", "selector": {}, "quantity": 2, "pay_for": 1}},
         {"id": "g", "reward": {"type": "buy_x_get_y", "buy": {"selector": {"skus": ["Y"]}, "quantity": 1},
                                "get": {"selector": {"skus": ["X"]}, "quantity": 1}, "percent": 100}})";
  const auto c = context_of(promos, line("x", "X", 1, 5000) + "," + line("y", "Y", 2, 700));
  using Bounds = std::vector<till::Money>;
  CHECK(till::line_bounds(c->context, index_of(c->rules, "m")) == Bounds{0, 700});
  CHECK(till::line_bounds(c->context, index_of(c->rules, "b")) == Bounds{0, 700});
  // A stackable applies on prices other promotions lowered, where the ranking may differ: no such rule.
  CHECK(till::line_bounds(c->context, index_of(c->rules, "s")) == Bounds{5000, 700});
  // A get unit that is not also a buy unit needs no buy unit above it.
  CHECK(till::line_bounds(c->context, index_of(c->rules, "g")) == Bounds{5000, 0});
}

TEST_CASE("order_discount_bound: the largest non-stackable plus every stackable, at most the merchandise",
          "[bounds]") {
  // At 2000: 10% (200) and 150 off compete, the stackable 5% adds 100. A tier's condition is ignored.
  const std::string promos =
      R"({"id": "a", "reward": {"type": "percent_off_order", "percent": 10}},
         {"id": "b", "condition": {"min_subtotal": 999999}, "reward": {"type": "amount_off_order", "amount": 150}},
         {"id": "s", "stackable": true, "reward": {"type": "percent_off_order", "percent": 5}},
         {"id": "big", "max_discount": 300, "reward": {"type": "amount_off_order", "amount": 5000}})";
  const auto c = context_of(promos, line("x", "X", 1, 2000));
  std::vector<bool> may(c->rules.promotions.size(), true);
  may[static_cast<std::size_t>(index_of(c->rules, "big"))] = false;
  CHECK(till::order_discount_bound(c->context, may, 2000) == 300);
  // max_discount caps "big" at 300, which then beats 10%: 300 + 100.
  std::vector<bool> all(c->rules.promotions.size(), true);
  CHECK(till::order_discount_bound(c->context, all, 2000) == 400);
  // Never more than the merchandise itself.
  CHECK(till::order_discount_bound(c->context, all, 200) == 200);
}

TEST_CASE("no allowed combination takes more than the bounds on seeded random cases", "[bounds][property]") {
  int checked = 0;
  for (std::uint64_t seed = 1; seed <= 2000; ++seed) {
    const auto input = till::testing::make_case(seed, false);
    auto rules = till::read_rules(input.rules);
    auto request = till::read_request(input.request);
    REQUIRE(rules.ok());
    REQUIRE(request.ok());
    const till::PricingContext context = till::make_context(*rules, *request);
    const till::Money items = till::item_discount_bound(context, context.candidate);
    for (const auto& outcome : till::testing::allowed_outcomes(context)) {
      INFO("seed " << seed << "\nrules:   " << input.rules << "\nrequest: " << input.request);
      const till::Money after_items = context.basket.subtotal - outcome.priced.item_discount;
      CHECK(outcome.priced.item_discount <= items);
      CHECK(outcome.priced.order_discount <= till::order_discount_bound(context, context.candidate, after_items));
      ++checked;
    }
  }
  CHECK(checked > 10000);
}

TEST_CASE("compare_applied_sets: codes, then fewer promotions, priorities, ids; order does not matter",
          "[bounds][selection]") {
  const std::string promos =
      R"({"id": "a", "reward": {"type": "amount_off_order", "amount": 100}},
         {"id": "b", "priority": 5, "reward": {"type": "amount_off_order", "amount": 100}},
         {"id": "c", "coupon": {"codes": ["C"]}, "reward": {"type": "amount_off_order", "amount": 100}},
         {"id": "g", "reward": {"type": "free_gift", "sku": "G", "name": "Gift", "value": 100}},
         {"id": "d", "reward": {"type": "percent_off_items", "selector": {}, "percent": 10}})";
  const auto c = context_of(promos, line("x", "X", 1, 1000), R"(, "coupons": ["c"])");
  const auto& ctx = c->context;
  const int a = index_of(c->rules, "a"), b = index_of(c->rules, "b"), code = index_of(c->rules, "c");
  const int g = index_of(c->rules, "g"), d = index_of(c->rules, "d");
  using Set = std::vector<int>;
  CHECK(till::compare_applied_sets(ctx, Set{a, d}, Set{d, a}) == 0);          // the same set
  CHECK(till::compare_applied_sets(ctx, Set{code, d}, Set{a}) == -1);         // 2: an entered code wins
  CHECK(till::compare_applied_sets(ctx, Set{a}, Set{a, d}) == -1);            // 3: fewer promotions
  CHECK(till::compare_applied_sets(ctx, Set{a, g}, Set{a, d}) == -1);         // a gift is not counted
  CHECK(till::compare_applied_sets(ctx, Set{a}, Set{b}) == 1);                // 4: higher priority
  CHECK(till::compare_applied_sets(ctx, Set{a, g}, Set{a}) == -1);            // 4: the longer list
  CHECK(till::compare_applied_sets(ctx, Set{a, g}, Set{d, g}) == -1);         // 5: smaller ids
}

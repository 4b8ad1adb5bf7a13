// LineExtension (the nudges' way to re-price a basket with one line added) must grow a context into exactly
// the context make_context builds from scratch, and shrink it back into exactly what it was: on seeded
// random baskets, with the added line a copy of a basket line (as quantity nudges add), a plain line (as
// spend nudges add), a line of another random basket, or one at 0 (a unit built to match a selector).
// Grown for one promotion only, the basket and that promotion's part must be make_context's.
#include <catch2/catch.hpp>
#include <cstdint>
#include <string>

#include "core/combination.hpp"
#include "json/json_api.hpp"
#include "support/random_cases.hpp"

namespace {

void require_same_basket(const till::PricingContext& a, const till::PricingContext& b) {
  REQUIRE(a.basket.unit_line == b.basket.unit_line);
  REQUIRE(a.basket.unit_regular == b.basket.unit_regular);
  REQUIRE(a.basket.line_first == b.basket.line_first);
  REQUIRE(a.basket.subtotal == b.basket.subtotal);
  REQUIRE(a.shipping_price == b.shipping_price);
  REQUIRE(a.entered_codes == b.entered_codes);
  REQUIRE(a.precheck == b.precheck);
  REQUIRE(a.audience_detail == b.audience_detail);
  REQUIRE(a.codes_used == b.codes_used);
  REQUIRE(a.facts.size() == b.facts.size());
}

// Promotion p's part of two contexts.
void require_same_promotion(const till::PricingContext& a, const till::PricingContext& b, std::size_t p) {
  INFO("promotion " << p);
  REQUIRE(a.candidate[p] == b.candidate[p]);
  REQUIRE(a.alone_amount[p] == b.alone_amount[p]);
  REQUIRE(a.facts[p].lines == b.facts[p].lines);
  REQUIRE(a.facts[p].tiers.size() == b.facts[p].tiers.size());
  for (std::size_t t = 0; t < a.facts[p].tiers.size(); ++t) {
    REQUIRE(a.facts[p].tiers[t].matches == b.facts[p].tiers[t].matches);
    REQUIRE(a.facts[p].tiers[t].get_matches == b.facts[p].tiers[t].get_matches);
    REQUIRE(a.facts[p].tiers[t].items_hold == b.facts[p].tiers[t].items_hold);
    REQUIRE(a.facts[p].tiers[t].item_counts == b.facts[p].tiers[t].item_counts);
  }
}

void require_same(const till::PricingContext& a, const till::PricingContext& b) {
  require_same_basket(a, b);
  for (std::size_t p = 0; p < a.facts.size(); ++p) require_same_promotion(a, b, p);
}

}  // namespace

TEST_CASE("a context grown by a line equals make_context on the extended request, and shrinks back",
          "[context][property]") {
  constexpr std::uint64_t kCases = 2000;
  int changed_candidates = 0;
  for (std::uint64_t seed = 0; seed < kCases; ++seed) {
    const till::testing::RandomCase input = till::testing::make_case(seed, false);
    const till::testing::RandomCase other = till::testing::make_case(seed + 1'000'000, false);
    auto rules = till::read_rules(input.rules);
    auto request = till::read_request(input.request);
    auto donor = till::read_request(other.request);
    REQUIRE(rules.ok());
    REQUIRE(request.ok());
    REQUIRE(donor.ok());
    till::PricingContext base = till::make_context(*rules, *request);
    const till::PricingContext before = till::make_context(*rules, *request);

    till::testing::Random random(seed);
    till::Line added;
    switch (seed % 4) {
      case 0:
        if (request->lines.empty()) continue;
        added = random.pick(request->lines);
        added.quantity = random.uniform(1, 4);
        break;
      case 1:
        added.sku = "till-nudge";
        added.quantity = 1;
        added.unit_price = random.uniform(1, 20000);
        break;
      case 2:
        if (donor->lines.empty()) continue;
        added = random.pick(donor->lines);
        break;
      default:
        // A unit built for a quantity nudge when the basket has none to copy: at a selector's lowest price.
        if (donor->lines.empty()) continue;
        added = random.pick(donor->lines);
        added.unit_price = 0;
        break;
    }
    added.id = "till-added";
    till::Request extended = *request;
    extended.lines.push_back(added);

    INFO("seed " << seed);
    const till::PricingContext fresh = till::make_context(*rules, extended);
    {
      const till::LineExtension grown(base, extended);
      REQUIRE(base.request == &extended);
      require_same(base, fresh);
    }
    REQUIRE(base.request == &*request);
    require_same(base, before);
    if (fresh.candidate != base.candidate) ++changed_candidates;

    // Grown for one promotion only: the basket and that promotion's part are make_context's.
    for (std::size_t p = 0; p < base.facts.size(); ++p) {
      {
        const till::LineExtension one(base, extended, static_cast<int>(p));
        require_same_basket(base, fresh);
        require_same_promotion(base, fresh, p);
      }
      require_same(base, before);
    }
  }
  // The added lines must sometimes make a promotion eligible, or the incremental path is barely tested.
  CHECK(changed_candidates > 100);
}

// The search memo (component_graph.hpp) changes how much the search works, never what it chooses: on
// seeded random baskets, searching with a memo gives exactly what a fresh search gives, for the request
// itself (twice: the second search walks the graphs the first built), for the same basket with one line
// added (as the nudge probes add: a copy of a line, or a plain line), and with a coupon code entered.
#include <catch2/catch.hpp>
#include <cstdint>
#include <string>
#include <vector>

#include "core/selection.hpp"
#include "json/json_api.hpp"
#include "support/random_cases.hpp"

namespace {

void require_same(const till::Selected& fresh, const till::Selected& memoised) {
  REQUIRE(fresh.optimal == memoised.optimal);
  const till::Priced& a = fresh.priced;
  const till::Priced& b = memoised.priced;
  REQUIRE(a.benefit() == b.benefit());
  REQUIRE(a.unit_prices == b.unit_prices);
  REQUIRE(a.applied.size() == b.applied.size());
  for (std::size_t i = 0; i < a.applied.size(); ++i) {
    REQUIRE(a.applied[i].promotion == b.applied[i].promotion);
    REQUIRE(a.applied[i].tier == b.applied[i].tier);
    REQUIRE(a.applied[i].amount == b.applied[i].amount);
    REQUIRE(a.applied[i].units == b.applied[i].units);
  }
}

// Prices `request` with each promotion's first code entered, fresh and with `memo`: the same choice.
void require_same_with_codes(const till::RuleSet& rules, const till::Request& request, till::SearchMemo& memo) {
  const till::EngineLimits limits;
  for (const till::Promotion& promo : rules.promotions) {
    if (!promo.coupon || promo.coupon->codes.empty()) continue;
    till::Request coded = request;
    coded.coupons.push_back(promo.coupon->codes.front());
    const till::PricingContext context = till::make_context(rules, coded);
    require_same(till::select_best_for_customer(context, limits),
                 till::select_best_for_customer(context, limits, &memo));
  }
}

}  // namespace

TEST_CASE("a search with a memo chooses what a fresh search chooses", "[optimiser][memo][property]") {
  const till::EngineLimits limits;
  std::size_t graphs = 0;
  for (std::uint64_t seed = 0; seed < 3000; ++seed) {
    const till::testing::RandomCase input = till::testing::make_case(seed, false);
    auto rules = till::read_rules(input.rules);
    auto request = till::read_request(input.request);
    REQUIRE(rules.ok());
    REQUIRE(request.ok());
    INFO("seed " << seed << "\nrules:   " << input.rules << "\nrequest: " << input.request);
    till::PricingContext base = till::make_context(*rules, *request);
    till::SearchMemo memo(request->lines.size());
    const till::Selected fresh = till::select_best_for_customer(base, limits);
    const till::Selected first = till::select_best_for_customer(base, limits, &memo);
    require_same(fresh, first);
    require_same(fresh, till::select_best_for_customer(base, limits, &memo));

    // One line added, in turn: a copy of each line (one unit, then two), and a plain line.
    till::testing::Random random(seed);
    std::vector<till::Line> added;
    for (const till::Line& line : request->lines) {
      till::Line copy = line;
      copy.id = "added";
      copy.quantity = 1 + static_cast<std::int64_t>(added.size() % 2);
      added.push_back(copy);
    }
    till::Line plain;
    plain.id = "added";
    plain.sku = "plain";
    plain.quantity = 1;
    plain.unit_price = random.uniform(0, 20000);
    added.push_back(plain);
    for (const till::Line& line : added) {
      INFO("added line: sku " << line.sku << " x" << line.quantity << " at " << line.unit_price);
      till::Request changed = *request;
      changed.lines.push_back(line);
      const till::LineExtension grown(base, changed);
      require_same(till::select_best_for_customer(base, limits),
                   till::select_best_for_customer(base, limits, &memo));
    }

    require_same_with_codes(*rules, *request, memo);
    graphs += memo.size();

    // The other way round: a memo first used on the changed baskets, where more may be cut or less, then
    // on the request itself, so that states an earlier search cut are later expanded.
    till::SearchMemo reversed(request->lines.size());
    require_same_with_codes(*rules, *request, reversed);
    for (const till::Line& line : added) {
      till::Request changed = *request;
      changed.lines.push_back(line);
      const till::LineExtension grown(base, changed);
      require_same(till::select_best_for_customer(base, limits),
                   till::select_best_for_customer(base, limits, &reversed));
    }
    require_same(fresh, till::select_best_for_customer(base, limits, &reversed));
  }
  CHECK(graphs > 1000);  // the memo did keep graphs to reuse
}

// The best_for_customer search (SPEC §5.4) against the brute-force reference: on thousands of seeded
// random cases the engine must choose exactly the best of every allowed combination, and say it is
// optimal. Then hand-made cases, with answers computed by hand, where a greedy choice goes wrong.
#include <catch2/catch.hpp>
#include <cstdint>
#include <sstream>
#include <string>
#include <vector>

#include "core/combination.hpp"
#include "core/engine.hpp"
#include "core/selection.hpp"
#include "json/json_api.hpp"
#include "support/brute_force.hpp"
#include "support/random_cases.hpp"

namespace {

using till::testing::best_by_brute_force;
using till::testing::make_case;
using till::testing::PricedCombination;

constexpr std::uint64_t kFirstSeed = 1;
constexpr std::uint64_t kRandomCases = 10000;
constexpr int kReportedInFull = 5;

// The reference's choice written as a result (the pricing part only: no nudges, coupons or explanations),
// so a disagreement can be read side by side with the engine's output.
till::Result reference_result(const till::PricingContext& context, const till::Priced& priced) {
  const till::RuleSet& rules = *context.rules;
  const till::Request& request = *context.request;
  till::Result result;
  result.currency = rules.currency;
  result.rules_version = rules.version;
  std::vector<till::Money> line_totals(request.lines.size(), 0);
  for (std::int32_t unit = 0; unit < context.basket.unit_count(); ++unit) {
    line_totals[static_cast<std::size_t>(context.basket.unit_line[static_cast<std::size_t>(unit)])] +=
        priced.unit_prices[static_cast<std::size_t>(unit)];
  }
  for (std::size_t l = 0; l < request.lines.size(); ++l) {
    const till::Line& line = request.lines[l];
    till::LineResult out;
    out.id = line.id;
    out.sku = line.sku;
    out.quantity = line.quantity;
    out.unit_price = line.unit_price;
    out.subtotal = line.quantity * line.unit_price;
    out.total = line_totals[l];
    out.discount = out.subtotal - out.total;
    for (const auto& applied : priced.applied) {
      const till::Money amount = l < applied.line_amounts.size() ? applied.line_amounts[l] : 0;
      if (amount != 0)
        out.adjustments.push_back({rules.promotions[static_cast<std::size_t>(applied.promotion)].id, amount});
    }
    result.subtotal += out.subtotal;
    result.lines.push_back(std::move(out));
  }
  result.item_discount = priced.item_discount;
  result.order_discount = priced.order_discount;
  result.merchandise_total = result.subtotal - priced.item_discount - priced.order_discount;
  if (context.shipping_price) {
    result.shipping =
        till::ShippingResult{*request.shipping_method, *context.shipping_price, priced.shipping_discount,
                             *context.shipping_price - priced.shipping_discount};
  }
  result.discount_total = priced.item_discount + priced.order_discount + priced.shipping_discount;
  result.total = result.merchandise_total + (result.shipping ? result.shipping->total : 0);
  for (const auto& applied : priced.applied) {
    const till::Promotion& promotion = rules.promotions[static_cast<std::size_t>(applied.promotion)];
    const till::Tier& tier = promotion.tiers[static_cast<std::size_t>(applied.tier)];
    till::Applied out;
    out.promotion = promotion.id;
    out.name = promotion.name;
    out.amount = applied.amount;
    if (promotion.tiered) {
      out.tier = applied.tier;
      out.tier_name = tier.name;
    }
    result.applied.push_back(out);
    if (tier.reward.type == till::RewardType::free_gift) {
      result.gifts.push_back({tier.reward.gift_sku, tier.reward.gift_name, tier.reward.quantity,
                              tier.reward.gift_value, promotion.id});
    }
  }
  return result;
}

// The first difference between the engine's result and the reference's choice, or "" when they agree on
// everything the choice decides: the discounts, the applied promotions (ids, tiers, amounts, in order), the
// line totals and the gifts; and the engine must claim optimality.
std::string first_difference(const till::Result& engine, const till::Result& reference) {
  std::ostringstream out;
  if (!engine.optimal)
    return "engine says optimal: false";
  if (engine.discount_total != reference.discount_total) {
    out << "discount_total " << engine.discount_total << " vs " << reference.discount_total;
    return out.str();
  }
  if (engine.item_discount != reference.item_discount || engine.order_discount != reference.order_discount) {
    return "item/order discount split differs";
  }
  if (engine.shipping.has_value() != reference.shipping.has_value() ||
      (engine.shipping && engine.shipping->discount != reference.shipping->discount)) {
    return "shipping differs";
  }
  if (engine.applied.size() != reference.applied.size())
    return "number of applied promotions differs";
  for (std::size_t i = 0; i < engine.applied.size(); ++i) {
    const auto& a = engine.applied[i];
    const auto& b = reference.applied[i];
    if (a.promotion != b.promotion || a.amount != b.amount || a.tier != b.tier) {
      out << "applied[" << i << "]: " << a.promotion << " " << a.amount << " vs " << b.promotion << " "
          << b.amount;
      return out.str();
    }
  }
  if (engine.lines.size() != reference.lines.size())
    return "number of lines differs";
  for (std::size_t i = 0; i < engine.lines.size(); ++i) {
    if (engine.lines[i].total != reference.lines[i].total) {
      out << "line " << engine.lines[i].id << " total " << engine.lines[i].total << " vs "
          << reference.lines[i].total;
      return out.str();
    }
  }
  if (engine.gifts.size() != reference.gifts.size())
    return "number of gifts differs";
  return "";
}

// Prices one case both ways; returns a full report of the disagreement, or "" when they agree.
std::string check_against_reference(std::uint64_t seed, const std::string& rules_text,
                                    const std::string& request_text) {
  auto rules = till::read_rules(rules_text);
  auto request = till::read_request(request_text);
  std::ostringstream report;
  report << "seed " << seed << "\nrules:   " << rules_text << "\nrequest: " << request_text << "\n";
  if (!rules || !request) {
    report << "a generated case was refused: " << till::write_error(rules ? request.error() : rules.error());
    return report.str();
  }
  rules->selection = till::Selection::best_for_customer;
  // Nudges re-price the basket many times and say nothing about the chosen combination: leave them out.
  request->options.max_nudges = 0;
  const auto engine = till::price(*rules, *request);
  if (!engine) {
    report << "price() refused a valid case: " << till::write_error(engine.error());
    return report.str();
  }
  const till::PricingContext context = till::make_context(*rules, *request);
  const PricedCombination best = best_by_brute_force(context);
  if (!best.priced.valid)
    return report.str() + "evaluate() refused the empty combination\n";
  const till::Result reference = reference_result(context, best.priced);
  const std::string difference = first_difference(*engine, reference);
  if (difference.empty())
    return "";
  report << "difference: " << difference << "\nengine:    " << till::write_result(*engine)
         << "reference: " << till::write_result(reference);
  return report.str();
}

}  // namespace

TEST_CASE("best_for_customer chooses what the brute-force reference chooses", "[optimiser][reference]") {
  std::vector<std::uint64_t> failed;
  for (std::uint64_t seed = kFirstSeed; seed < kFirstSeed + kRandomCases; ++seed) {
    const auto input = make_case(seed, false);
    const std::string report = check_against_reference(seed, input.rules, input.request);
    if (report.empty())
      continue;
    if (failed.size() < kReportedInFull)
      FAIL_CHECK(report);
    failed.push_back(seed);
  }
  std::ostringstream seeds;
  for (std::size_t i = 0; i < failed.size() && i < 50; ++i)
    seeds << failed[i] << ' ';
  INFO(failed.size() << " of " << kRandomCases << " cases disagree; seeds: " << seeds.str());
  CHECK(failed.empty());
}

namespace {

// Same applied promotions, tiers and amounts, and the same final unit prices: the same outcome.
bool same_outcome(const till::Priced& a, const till::Priced& b) {
  if (a.applied.size() != b.applied.size() || a.unit_prices != b.unit_prices)
    return false;
  for (std::size_t i = 0; i < a.applied.size(); ++i) {
    const auto& x = a.applied[i];
    const auto& y = b.applied[i];
    if (x.promotion != y.promotion || x.tier != y.tier || x.amount != y.amount ||
        x.line_amounts != y.line_amounts || x.shipping_amount != y.shipping_amount || x.units != y.units) {
      return false;
    }
  }
  return true;
}

}  // namespace

TEST_CASE("better is a strict total order on distinct outcomes", "[optimiser][reference]") {
  constexpr std::uint64_t kCases = 600;
  int checked_pairs = 0;
  for (std::uint64_t seed = kFirstSeed; seed < kFirstSeed + kCases; ++seed) {
    const auto input = make_case(seed, false);
    auto rules = till::read_rules(input.rules);
    auto request = till::read_request(input.request);
    REQUIRE(rules.ok());
    REQUIRE(request.ok());
    const till::PricingContext context = till::make_context(*rules, *request);
    const auto outcomes = till::testing::allowed_outcomes(context);
    if (outcomes.size() > 60)
      continue;  // the check is quadratic; small spaces cover the order's logic
    const auto best = best_by_brute_force(context);
    for (const auto& a : outcomes) {
      INFO("seed " << seed << "\nrules:   " << input.rules << "\nrequest: " << input.request);
      REQUIRE_FALSE(till::better(context, a.priced, a.priced));
      REQUIRE_FALSE(till::better(context, a.priced, best.priced));
      for (const auto& b : outcomes) {
        const bool ab = till::better(context, a.priced, b.priced);
        const bool ba = till::better(context, b.priced, a.priced);
        REQUIRE_FALSE((ab && ba));
        if (!ab && !ba)
          REQUIRE(same_outcome(a.priced, b.priced));
        ++checked_pairs;
      }
    }
  }
  CHECK(checked_pairs > 10000);
}

// ---- Hand-made cases: each answer below is computed by hand in the comment above it. ----

namespace {

struct Chosen {
  till::Result result;
  std::string reference_difference;  // "" when the brute force agrees
};

// Prices a hand-made case with best_for_customer and checks the brute force agrees with the engine.
Chosen price_hand_made(const std::string& rules_text, const std::string& request_text) {
  auto rules = till::read_rules(rules_text);
  auto request = till::read_request(request_text);
  INFO((rules ? std::string("") : till::write_error(rules.error()))
       << (request ? std::string("") : till::write_error(request.error())));
  REQUIRE(rules.ok());
  REQUIRE(request.ok());
  auto result = till::price(*rules, *request);
  REQUIRE(result.ok());
  return {*result, check_against_reference(0, rules_text, request_text)};
}

// The applied promotions as "id=amount", in the result's order (strings, so Catch prints them on failure).
std::vector<std::string> applied_of(const till::Result& result) {
  std::vector<std::string> applied;
  for (const auto& a : result.applied)
    applied.push_back(a.promotion + "=" + std::to_string(a.amount));
  return applied;
}

using Applied = std::vector<std::string>;

const char* const kNow = R"("currency": "GBP", "now": "2026-11-22T10:00:00Z")";

std::string request_with(const std::string& rest) {
  return std::string("{") + kNow + ", " + rest + "}";
}

}  // namespace

TEST_CASE("an item discount that drops the basket below free shipping counts against itself", "[optimiser]") {
  // £100.00 basket, express £9.95, free shipping from £100 after discounts, 5% off items.
  // 5% alone: 500. Free shipping alone: 995. Both: 9,500 < 10,000, so shipping does not apply (not allowed).
  // Greedy (items first) gets 500; the optimum is free shipping alone: 995, total 10,000.
  const auto chosen = price_hand_made(
      R"({"currency": "GBP",
          "shipping_methods": [{"id": "express", "name": "Express", "price": 995}],
          "promotions": [
            {"id": "five-pc", "reward": {"type": "percent_off_items", "selector": {}, "percent": 5}},
            {"id": "free-ship", "condition": {"min_subtotal": 10000},
             "reward": {"type": "shipping", "percent": 100}}]})",
      request_with(R"("lines": [{"id": "l1", "sku": "A", "quantity": 1, "unit_price": 10000}],
                      "shipping_method": "express")"));
  CHECK(chosen.reference_difference == "");
  CHECK(chosen.result.discount_total == 995);
  CHECK(chosen.result.total == 10000);
  CHECK(applied_of(chosen.result) == Applied{"free-ship=995"});
  CHECK(chosen.result.optimal);
}

TEST_CASE("taking the larger competing promotion first is wrong", "[optimiser]") {
  // A £10.00 and B £9.00. half-one: 50% off the most expensive one of A or B; four-off-a: £4 off A.
  // Alone: half-one 500 (on A), four-off-a 400. half-one first leaves four-off-a nothing: 500.
  // four-off-a first takes A (400), then half-one takes B (450): 850, the optimum.
  const auto chosen = price_hand_made(
      R"({"currency": "GBP", "promotions": [
            {"id": "half-one", "reward": {"type": "percent_off_items", "selector": {"skus": ["A", "B"]},
                                          "percent": 50, "max_quantity": 1}},
            {"id": "four-off-a", "reward": {"type": "amount_off_items", "selector": {"skus": ["A"]},
                                            "amount": 400}}]})",
      request_with(R"("lines": [{"id": "a", "sku": "A", "quantity": 1, "unit_price": 1000},
                                {"id": "b", "sku": "B", "quantity": 1, "unit_price": 900}])"));
  CHECK(chosen.reference_difference == "");
  CHECK(chosen.result.discount_total == 850);
  CHECK(applied_of(chosen.result) == Applied{"four-off-a=400", "half-one=450"});
  REQUIRE(chosen.result.lines.size() == 2);
  CHECK(chosen.result.lines[0].total == 600);
  CHECK(chosen.result.lines[1].total == 450);
}

TEST_CASE("a stack with a gift beats a larger exclusive discount", "[optimiser]") {
  // £100.00 basket. excl-20: 20% off, exclusive: 2,000 (and no gift). The stack: 10% off items (1,000),
  // then £5 off the order (500), plus the tote gift worth 600: benefit 2,100 > 2,000, discount_total 1,500.
  const auto chosen = price_hand_made(
      R"({"currency": "GBP", "promotions": [
            {"id": "excl-20", "exclusive": true, "reward": {"type": "percent_off_order", "percent": 20}},
            {"id": "items-10", "reward": {"type": "percent_off_items", "selector": {}, "percent": 10}},
            {"id": "fiver", "reward": {"type": "amount_off_order", "amount": 500}},
            {"id": "tote", "reward": {"type": "free_gift", "sku": "TOTE", "name": "Tote", "value": 600}}]})",
      request_with(R"("lines": [{"id": "l1", "sku": "A", "quantity": 2, "unit_price": 5000}])"));
  CHECK(chosen.reference_difference == "");
  CHECK(chosen.result.discount_total == 1500);
  CHECK(applied_of(chosen.result) == Applied{"items-10=1000", "fiver=500", "tote=0"});
  REQUIRE(chosen.result.gifts.size() == 1);
  CHECK(chosen.result.gifts[0].value == 600);
}

TEST_CASE("an exclusive promotion beats a smaller stack and drops the gift", "[optimiser]") {
  // Same basket with excl-25 (2,500) instead: 2,500 > 2,100, so it applies alone and the tote goes.
  const auto chosen = price_hand_made(
      R"({"currency": "GBP", "promotions": [
            {"id": "excl-25", "exclusive": true, "reward": {"type": "percent_off_order", "percent": 25}},
            {"id": "items-10", "reward": {"type": "percent_off_items", "selector": {}, "percent": 10}},
            {"id": "fiver", "reward": {"type": "amount_off_order", "amount": 500}},
            {"id": "tote", "reward": {"type": "free_gift", "sku": "TOTE", "name": "Tote", "value": 600}}]})",
      request_with(R"("lines": [{"id": "l1", "sku": "A", "quantity": 2, "unit_price": 5000}])"));
  CHECK(chosen.reference_difference == "");
  CHECK(chosen.result.discount_total == 2500);
  CHECK(applied_of(chosen.result) == Applied{"excl-25=2500"});
  CHECK(chosen.result.gifts.empty());
}

TEST_CASE("at equal benefit the shopper's own coupon wins, before priority", "[optimiser]") {
  // Two £5 order discounts (only one order promotion applies). auto-5 has the higher priority and the
  // smaller id, but code-5 uses the code the shopper entered: step 2 comes before steps 4 and 5.
  const auto chosen = price_hand_made(
      R"({"currency": "GBP", "promotions": [
            {"id": "auto-5", "priority": 5, "reward": {"type": "amount_off_order", "amount": 500}},
            {"id": "code-5", "coupon": {"codes": ["SAVE5"]}, "reward": {"type": "amount_off_order", "amount": 500}}]})",
      request_with(R"("lines": [{"id": "l1", "sku": "A", "quantity": 1, "unit_price": 3000}],
                      "coupons": ["save5"])"));
  CHECK(chosen.reference_difference == "");
  CHECK(applied_of(chosen.result) == Applied{"code-5=500"});
  REQUIRE(chosen.result.coupons.size() == 1);
  CHECK(chosen.result.coupons[0].code == "SAVE5");
  CHECK(chosen.result.coupons[0].status == till::CouponStatus::applied);
}

TEST_CASE("at equal benefit fewer promotions win, before priority", "[optimiser]") {
  // £100.00 basket. order-10: £10 off from £100 after item discounts. item-5 (£5 off once) + order-5
  // (£5 off): 1,000 with two promotions; item-5 + order-10 is not allowed (9,500 < 10,000).
  // order-10 alone: 1,000 with one promotion, which wins although the others have higher priorities.
  const auto chosen = price_hand_made(
      R"({"currency": "GBP", "promotions": [
            {"id": "item-5", "priority": 9, "reward": {"type": "amount_off_items", "selector": {}, "amount": 500,
                                                       "per": "once"}},
            {"id": "order-5", "priority": 9, "reward": {"type": "amount_off_order", "amount": 500}},
            {"id": "order-10", "condition": {"min_subtotal": 10000},
             "reward": {"type": "amount_off_order", "amount": 1000}}]})",
      request_with(R"("lines": [{"id": "l1", "sku": "A", "quantity": 1, "unit_price": 10000}])"));
  CHECK(chosen.reference_difference == "");
  CHECK(applied_of(chosen.result) == Applied{"order-10=1000"});
}

TEST_CASE("at equal benefit, codes and count the higher priority wins, then the smaller id", "[optimiser]") {
  const std::string request =
      request_with(R"("lines": [{"id": "l1", "sku": "A", "quantity": 1, "unit_price": 3000}])");
  // zz-high has the larger id but priority 3.
  const auto by_priority = price_hand_made(
      R"({"currency": "GBP", "promotions": [
            {"id": "aa-low", "reward": {"type": "amount_off_order", "amount": 500}},
            {"id": "zz-high", "priority": 3, "reward": {"type": "amount_off_order", "amount": 500}}]})",
      request);
  CHECK(by_priority.reference_difference == "");
  CHECK(applied_of(by_priority.result) == Applied{"zz-high=500"});
  // Equal priorities: the smaller id by code point ("B" < "a").
  const auto by_id = price_hand_made(
      R"({"currency": "GBP", "promotions": [
            {"id": "a-off", "reward": {"type": "amount_off_order", "amount": 500}},
            {"id": "B-off", "reward": {"type": "amount_off_order", "amount": 500}}]})",
      request);
  CHECK(by_id.reference_difference == "");
  CHECK(applied_of(by_id.result) == Applied{"B-off=500"});
}

TEST_CASE("an order discount that loses a gift threshold is left out when the gift is worth more",
          "[optimiser]") {
  // £60.00 basket; £15 off the order vs a gift worth £20 from £50 after item and order discounts.
  // Both: 4,500 < 5,000, the gift goes: benefit 1,500. Gift alone: 2,000, the optimum.
  const auto chosen = price_hand_made(
      R"({"currency": "GBP", "promotions": [
            {"id": "fifteen", "reward": {"type": "amount_off_order", "amount": 1500}},
            {"id": "gift", "condition": {"min_subtotal": 5000},
             "reward": {"type": "free_gift", "sku": "G", "name": "Gift", "value": 2000}}]})",
      request_with(R"("lines": [{"id": "l1", "sku": "A", "quantity": 1, "unit_price": 6000}])"));
  CHECK(chosen.reference_difference == "");
  CHECK(chosen.result.discount_total == 0);
  CHECK(applied_of(chosen.result) == Applied{"gift=0"});
}

TEST_CASE("a stackable that gains from the units a non-stackable leaves is counted in the order chosen",
          "[optimiser]") {
  // E7247: 3 × £10.00; H050 (tag small): 4 × £20.00. zeta: any 4 for £50 (groups from the most expensive
  // down); b2: 10% off a group of 2 (one group); clear.out: stackable, small items cost £0.
  // zeta first takes the four H050 (8,000 → 5,000: 3,000), b2 then two E7247 (200), clear.out the 5,000
  // left on H050: 8,200. b2 first takes two H050 (400); zeta then groups H050, H050, E7247, E7247 (6,000 →
  // 5,000: 1,000, spread 667 on H050 and 333 on E7247); clear.out takes the 8,000 − 400 − 667 = 6,933 left
  // on H050: 8,333, the optimum. Lines: E7247 3,000 − 333 = 2,667; H050 0.
  const auto chosen = price_hand_made(
      R"({"currency": "GBP", "promotions": [
            {"id": "zeta", "reward": {"type": "multibuy", "selector": {}, "quantity": 4, "price": 5000}},
            {"id": "clear.out", "stackable": true,
             "reward": {"type": "fixed_price_items", "selector": {"tags": ["small"]}, "unit_price": 0}},
            {"id": "b2", "max_applications": 1,
             "reward": {"type": "multibuy", "selector": {}, "quantity": 2, "percent": 10}}]})",
      request_with(R"("lines": [{"id": "l1", "sku": "E7247", "quantity": 3, "unit_price": 1000},
                                {"id": "l2", "sku": "H050", "quantity": 4, "unit_price": 2000, "tags": ["small"]}])"));
  CHECK(chosen.reference_difference == "");
  CHECK(chosen.result.discount_total == 8333);
  CHECK(applied_of(chosen.result) == Applied{"b2=400", "clear.out=6933", "zeta=1000"});
  REQUIRE(chosen.result.lines.size() == 2);
  CHECK(chosen.result.lines[0].total == 2667);
  CHECK(chosen.result.lines[1].total == 0);
}

TEST_CASE("a group's discount spread by weight reaches units a per-unit bound would exclude", "[optimiser]") {
  // H100 £99.99; 2 × C20 £5; 4 × E7247 £5 (audio). alpha: 10% off headphones (the only non-stackable);
  // stackables Alpha: any 4 for £10, and zeta: £5 off each audio unit.
  // With alpha (999.9 → 1,000): the group is 8,999 + 3 × 500 = 10,499 → 1,000: 9,499, spread 8,142 on
  // H100, 905 on C20, 452 on E7247; zeta then takes 500 (H100) + 48 + 3 × 500 = 2,048. Total 12,547.
  // Without alpha: the group 11,499 → 1,000 gives 10,499, zeta 2,043: 12,542. So alpha belongs.
  const auto chosen = price_hand_made(
      R"({"currency": "GBP", "promotions": [
            {"id": "Alpha", "stackable": true,
             "reward": {"type": "multibuy", "selector": {}, "quantity": 4, "price": 1000}},
            {"id": "zeta", "stackable": true,
             "reward": {"type": "amount_off_items", "selector": {"categories": ["audio"]}, "amount": 500}},
            {"id": "alpha",
             "reward": {"type": "percent_off_items", "selector": {"categories": ["headphones"]}, "percent": 10}}]})",
      request_with(R"("lines": [
            {"id": "l1", "sku": "H100", "quantity": 1, "unit_price": 9999, "categories": ["headphones", "audio"]},
            {"id": "l2", "sku": "C20", "quantity": 2, "unit_price": 500},
            {"id": "l3", "sku": "E7247", "quantity": 4, "unit_price": 500, "categories": ["audio"]}])"));
  CHECK(chosen.reference_difference == "");
  CHECK(chosen.result.discount_total == 12547);
  CHECK(applied_of(chosen.result) == Applied{"Alpha=9499", "alpha=1000", "zeta=2048"});
}

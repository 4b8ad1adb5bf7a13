// Every reward type and unit-choice rule of SPEC §2.5, through read_rules/read_request + price, with the
// expected amounts worked out by hand beside each check.
#include <catch2/catch.hpp>
#include <optional>
#include <string>

#include "core/engine.hpp"
#include "json/json_api.hpp"
#include "support/json_documents.hpp"

namespace {

// Prices `lines` (JSON array members) against a GBP rule set of `promotions` (JSON array members) with a
// standard (495) and an express (995) shipping method. `extra` adds top-level request members.
till::Result run(const std::string& promotions, const std::string& lines, const std::string& extra = "") {
  std::string rules = R"({"currency": "GBP", "shipping_methods": [{"id": "standard", "price": 495},
      {"id": "express", "price": 995}], "promotions": [)";
  rules += promotions;
  rules += "]}";
  std::string request = R"({"currency": "GBP", "now": "2026-11-22T10:00:00Z", "lines": [)";
  request += lines;
  request += "]";
  request += extra;
  request += "}";
  INFO("rules: " << rules << "\nrequest: " << request);
  auto read_rules = till::read_rules(rules);
  REQUIRE(read_rules.ok());
  auto read_request = till::read_request(request);
  REQUIRE(read_request.ok());
  auto priced = till::price(*read_rules, *read_request);
  REQUIRE(priced.ok());
  return *priced;
}

using till::testing::line;

till::Money discount_of(const till::Result& result, const std::string& line_id) {
  for (const auto& l : result.lines)
    if (l.id == line_id) return l.discount;
  FAIL("no line " << line_id);
  return -1;
}

// What promotion `id` gave, or nullopt when it is not applied.
std::optional<till::Money> applied(const till::Result& result, const std::string& id) {
  for (const auto& a : result.applied)
    if (a.promotion == id) return a.amount;
  return std::nullopt;
}

}  // namespace

TEST_CASE("percent_off_items rounds once per line", "[rewards]") {
  const std::string promo = R"({"id": "p", "reward": {"type": "percent_off_items", "selector": {}, "percent": 10}})";
  // One line of 3 x 333: 10% of 999 = 99.9 -> 100.
  auto one = run(promo, line("l1", "A", 3, 333));
  CHECK(discount_of(one, "l1") == 100);
  CHECK(applied(one, "p") == 100);
  // Three lines of 333: 33.3 -> 33 each, 99 in all.
  auto three = run(promo, line("l1", "A", 1, 333) + "," + line("l2", "B", 1, 333) + "," + line("l3", "C", 1, 333));
  CHECK(discount_of(three, "l1") == 33);
  CHECK(discount_of(three, "l2") == 33);
  CHECK(discount_of(three, "l3") == 33);
  CHECK(applied(three, "p") == 99);
}

TEST_CASE("max_quantity keeps the most expensive units, ties to the earlier line", "[rewards]") {
  const std::string promo =
      R"({"id": "p", "reward": {"type": "percent_off_items", "selector": {}, "percent": 50, "max_quantity": 2}})";
  // 1000, 3000, 2000: the two most expensive (3000, 2000) get 50% -> 1500, 1000.
  auto r = run(promo, line("l1", "A", 1, 1000) + "," + line("l2", "B", 1, 3000) + "," + line("l3", "C", 1, 2000));
  CHECK(discount_of(r, "l1") == 0);
  CHECK(discount_of(r, "l2") == 1500);
  CHECK(discount_of(r, "l3") == 1000);
  // 2000, 1000, 2000 with max 1: the tie at 2000 goes to the earlier line.
  const std::string one =
      R"({"id": "p", "reward": {"type": "percent_off_items", "selector": {}, "percent": 50, "max_quantity": 1}})";
  auto t = run(one, line("l1", "A", 1, 2000) + "," + line("l2", "B", 1, 1000) + "," + line("l3", "C", 1, 2000));
  CHECK(discount_of(t, "l1") == 1000);
  CHECK(discount_of(t, "l3") == 0);
}

TEST_CASE("a unit a reward cannot lower is not used and stays free for others", "[rewards]") {
  // fixed price 1200 on everything, max 2: A 3000 -> 1800 off; B 1000 is at or below 1200, so it is not a
  // discounted unit and another non-stackable promotion (10% off B = 100) can still take it. Total 1900.
  const std::string promos =
      R"({"id": "fixed", "reward": {"type": "fixed_price_items", "selector": {}, "unit_price": 1200, "max_quantity": 2}},
         {"id": "b10", "reward": {"type": "percent_off_items", "selector": {"skus": ["B"]}, "percent": 10}})";
  auto r = run(promos, line("l1", "A", 1, 3000) + "," + line("l2", "B", 1, 1000));
  CHECK(discount_of(r, "l1") == 1800);
  CHECK(discount_of(r, "l2") == 100);
  CHECK(r.item_discount == 1900);
}

TEST_CASE("fixed_price_items never raises a price", "[rewards]") {
  const std::string promo = R"({"id": "p", "reward": {"type": "fixed_price_items", "selector": {}, "unit_price": 700}})";
  // 2 x 1000 at 700 each -> 2 x 300 = 600; 500 stays 500.
  auto r = run(promo, line("l1", "A", 2, 1000) + "," + line("l2", "B", 1, 500));
  CHECK(discount_of(r, "l1") == 600);
  CHECK(discount_of(r, "l2") == 0);
  // Only cheaper units: the promotion gives nothing and is not applied.
  auto none = run(promo, line("l1", "A", 1, 500), R"(, "options": {"explain": true})");
  CHECK_FALSE(applied(none, "p"));
  REQUIRE(none.not_applied);
  REQUIRE(none.not_applied->size() == 1);
  CHECK(none.not_applied->front().reason == till::Reason::no_eligible_items);
}

TEST_CASE("amount_off_items per unit never takes a unit below zero", "[rewards]") {
  const std::string promo = R"({"id": "p", "reward": {"type": "amount_off_items", "selector": {}, "amount": 500}})";
  // 2 x 1000: 500 off each = 1000; 1 x 300: capped at 300.
  auto r = run(promo, line("l1", "A", 2, 1000) + "," + line("l2", "B", 1, 300));
  CHECK(discount_of(r, "l1") == 1000);
  CHECK(discount_of(r, "l2") == 300);
}

TEST_CASE("amount_off_items once is spread by current amounts", "[rewards]") {
  const std::string promo =
      R"({"id": "p", "reward": {"type": "amount_off_items", "selector": {}, "amount": 500, "per": "once"}})";
  // 500 over lines 2000 : 300 -> 434.78, 65.22 -> floors 434, 65 (499); the penny to .78 -> 435, 65.
  auto r = run(promo, line("l1", "A", 2, 1000) + "," + line("l2", "B", 1, 300));
  CHECK(discount_of(r, "l1") == 435);
  CHECK(discount_of(r, "l2") == 65);
  // More than the units cost: everything, 2300.
  const std::string big =
      R"({"id": "p", "reward": {"type": "amount_off_items", "selector": {}, "amount": 5000, "per": "once"}})";
  auto all = run(big, line("l1", "A", 2, 1000) + "," + line("l2", "B", 1, 300));
  CHECK(all.item_discount == 2300);
  CHECK(all.merchandise_total == 0);
}

TEST_CASE("multibuy price groups from the most expensive down; a group not above price is not formed",
          "[rewards]") {
  const std::string promo =
      R"({"id": "p", "reward": {"type": "multibuy", "selector": {}, "quantity": 3, "price": 2000}})";
  // Units 1000, 900, 800, 700, 600, 500. Group 1: 1000+900+800 = 2700 -> 700 off. Group 2: 700+600+500 =
  // 1800 <= 2000, not formed. 700 spread by 1000:900:800 -> 259.26, 233.33, 207.41 -> 259, 233, 207 (699),
  // the penny to the largest remainder .41 -> 208.
  auto r = run(promo, line("a", "A", 1, 1000) + "," + line("b", "B", 1, 900) + "," + line("c", "C", 1, 800) + "," +
                          line("d", "D", 1, 700) + "," + line("e", "E", 1, 600) + "," + line("f", "F", 1, 500));
  CHECK(applied(r, "p") == 700);
  CHECK(discount_of(r, "a") == 259);
  CHECK(discount_of(r, "b") == 233);
  CHECK(discount_of(r, "c") == 208);
  CHECK(discount_of(r, "d") == 0);
}

TEST_CASE("multibuy pay_for: the cheapest go free and N mod n most expensive stay free for others",
          "[rewards]") {
  // 3 for 2 on 1000, 900, 800, 700, 600 (N = 5, n = 3): the 3 cheapest (800, 700, 600) form the group,
  // the cheapest (600) is free. 1000 and 900 are not taken: 10% off A (1000) still applies -> 100.
  const std::string promos =
      R"({"id": "p", "reward": {"type": "multibuy", "selector": {}, "quantity": 3, "pay_for": 2}},
         {"id": "a10", "reward": {"type": "percent_off_items", "selector": {"skus": ["A"]}, "percent": 10}})";
  auto r = run(promos, line("a", "A", 1, 1000) + "," + line("b", "B", 1, 900) + "," + line("c", "C", 1, 800) + "," +
                           line("d", "D", 1, 700) + "," + line("e", "E", 1, 600));
  CHECK(applied(r, "p") == 600);
  CHECK(discount_of(r, "e") == 600);
  CHECK(discount_of(r, "a") == 100);
  CHECK(discount_of(r, "b") == 0);
  CHECK(r.item_discount == 700);
  // "Buy any 2, cheapest free" on 2 x 500 and 1 x 300 (N = 3, n = 2): the 2 cheapest units (300 and the
  // first 500) form the group and 300 is free; the second 500 is left over.
  const std::string bogo = R"({"id": "p", "reward": {"type": "multibuy", "selector": {}, "quantity": 2, "pay_for": 1}})";
  auto b = run(bogo, line("a", "A", 2, 500) + "," + line("b", "B", 1, 300));
  CHECK(discount_of(b, "b") == 300);
  CHECK(discount_of(b, "a") == 0);
}

TEST_CASE("multibuy percent groups from the most expensive down", "[rewards]") {
  const std::string promo =
      R"({"id": "p", "reward": {"type": "multibuy", "selector": {}, "quantity": 2, "percent": 50}})";
  // 1000, 800, 600: one group {1000, 800} at 50% -> 500 + 400; 600 is left over.
  auto r = run(promo, line("a", "A", 1, 1000) + "," + line("b", "B", 1, 800) + "," + line("c", "C", 1, 600));
  CHECK(discount_of(r, "a") == 500);
  CHECK(discount_of(r, "b") == 400);
  CHECK(discount_of(r, "c") == 0);
}

TEST_CASE("buy_x_get_y: buy 1 get 1 free on 1000, 800, 600, 400 frees 400 and 600", "[rewards]") {
  const std::string lines = line("a", "A", 1, 1000) + "," + line("b", "B", 1, 800) + "," + line("c", "C", 1, 600) +
                            "," + line("d", "D", 1, 400);
  const std::string promo = R"({"id": "p", "reward": {"type": "buy_x_get_y", "buy": {"selector": {}, "quantity": 1},
      "get": {"selector": {}, "quantity": 1}, "percent": 100}})";
  // Round 1: buy 1000, get the cheapest 400. Round 2: buy 800, get 600.
  auto r = run(promo, lines);
  CHECK(discount_of(r, "d") == 400);
  CHECK(discount_of(r, "c") == 600);
  CHECK(discount_of(r, "a") == 0);
  CHECK(discount_of(r, "b") == 0);
  CHECK(applied(r, "p") == 1000);
  // max_applications 1: one round, 400.
  const std::string once = R"({"id": "p", "max_applications": 1, "reward": {"type": "buy_x_get_y",
      "buy": {"selector": {}, "quantity": 1}, "get": {"selector": {}, "quantity": 1}, "percent": 100}})";
  CHECK(applied(run(once, lines), "p") == 400);
}

TEST_CASE("buy_x_get_y: a round needs all its buy units and at least one get unit", "[rewards]") {
  const std::string promo = R"({"id": "p", "reward": {"type": "buy_x_get_y", "buy": {"selector": {}, "quantity": 1},
      "get": {"selector": {}, "quantity": 1}, "percent": 100}})";
  // 1000, 800, 600: round 1 buys 1000, gets 600; round 2 buys 800 and finds no get unit: stops. 600.
  auto r = run(promo, line("a", "A", 1, 1000) + "," + line("b", "B", 1, 800) + "," + line("c", "C", 1, 600));
  CHECK(applied(r, "p") == 600);
  // Buy 2 get up to 2 at 10% off: units 1000, 900, 500: buy 1000+900, get 500 (one get unit is enough) -> 50.
  const std::string pair = R"({"id": "p", "reward": {"type": "buy_x_get_y", "buy": {"selector": {}, "quantity": 2},
      "get": {"selector": {}, "quantity": 2}, "percent": 10}})";
  auto s = run(pair, line("a", "A", 1, 1000) + "," + line("b", "B", 1, 900) + "," + line("c", "C", 1, 500));
  CHECK(applied(s, "p") == 50);
  CHECK(discount_of(s, "c") == 50);
}

TEST_CASE("buy_x_get_y with separate buy and get selectors, amount and unit_price", "[rewards]") {
  // Buy a speaker (S), get 300 off each of up to 2 headphones (H at 1000 and 200): 300 + 200 (not below 0).
  const std::string amount = R"({"id": "p", "reward": {"type": "buy_x_get_y",
      "buy": {"selector": {"skus": ["S"]}, "quantity": 1}, "get": {"selector": {"skus": ["H", "J"]}, "quantity": 2},
      "amount": 300}})";
  auto r = run(amount, line("s", "S", 1, 5000) + "," + line("h", "H", 1, 1000) + "," + line("j", "J", 1, 200));
  CHECK(discount_of(r, "h") == 300);
  CHECK(discount_of(r, "j") == 200);
  CHECK(discount_of(r, "s") == 0);
  // Get units at 100 each: 1000 -> 100 is 900 off; 200 -> 100 is 100 off.
  const std::string fixed = R"({"id": "p", "reward": {"type": "buy_x_get_y",
      "buy": {"selector": {"skus": ["S"]}, "quantity": 1}, "get": {"selector": {"skus": ["H", "J"]}, "quantity": 2},
      "unit_price": 100}})";
  auto f = run(fixed, line("s", "S", 1, 5000) + "," + line("h", "H", 1, 1000) + "," + line("j", "J", 1, 200));
  CHECK(discount_of(f, "h") == 900);
  CHECK(discount_of(f, "j") == 100);
}

TEST_CASE("multibuy max_applications caps the groups", "[rewards]") {
  // 2 for 1500 on 4 x 1000, one group only: 2000 - 1500 = 500 (otherwise 1000).
  const std::string promo = R"({"id": "p", "max_applications": 1,
      "reward": {"type": "multibuy", "selector": {}, "quantity": 2, "price": 1500}})";
  CHECK(applied(run(promo, line("a", "A", 4, 1000)), "p") == 500);
}

TEST_CASE("max_discount caps a promotion and spreads the cap by the uncapped discounts", "[rewards]") {
  // 50% off 1000 and 3000 would be 500 + 1500; capped at 1000 -> 1000 x 500/2000 = 250, 1000 x 1500/2000 = 750.
  const std::string promo = R"({"id": "p", "max_discount": 1000,
      "reward": {"type": "percent_off_items", "selector": {}, "percent": 50}})";
  auto r = run(promo, line("a", "A", 1, 1000) + "," + line("b", "B", 1, 3000));
  CHECK(discount_of(r, "a") == 250);
  CHECK(discount_of(r, "b") == 750);
  CHECK(applied(r, "p") == 1000);
  // A cap on an order reward: 20% of 5000 = 1000, capped at 300.
  const std::string order = R"({"id": "o", "max_discount": 300, "reward": {"type": "percent_off_order", "percent": 20}})";
  CHECK(run(order, line("a", "A", 1, 5000)).order_discount == 300);
  // A cap on shipping: 100% of 495 capped at 200.
  const std::string ship = R"({"id": "s", "max_discount": 200, "reward": {"type": "shipping", "percent": 100}})";
  auto s = run(ship, line("a", "A", 1, 5000), R"(, "shipping_method": "standard")");
  REQUIRE(s.shipping);
  CHECK(s.shipping->discount == 200);
  CHECK(s.shipping->total == 295);
}

TEST_CASE("percent_off_order is rounded once and allocated by largest remainder", "[rewards]") {
  const std::string promo = R"({"id": "o", "reward": {"type": "percent_off_order", "percent": 10}})";
  // 10% of 333 + 333 + 334 = 1000 -> 100; shares 33.3, 33.3, 33.4 -> 33, 33, 33 and the penny to .4 -> 34.
  auto r = run(promo, line("a", "A", 1, 333) + "," + line("b", "B", 1, 333) + "," + line("c", "C", 1, 334));
  CHECK(r.order_discount == 100);
  CHECK(discount_of(r, "a") == 33);
  CHECK(discount_of(r, "b") == 33);
  CHECK(discount_of(r, "c") == 34);
  CHECK(r.merchandise_total == 900);
  // 12.5% of 999 = 124.875 -> 125 (once, on the whole order).
  const std::string odd = R"({"id": "o", "reward": {"type": "percent_off_order", "percent": 12.5}})";
  CHECK(run(odd, line("a", "A", 1, 999)).order_discount == 125);
}

TEST_CASE("amount_off_order is allocated and never makes the order negative", "[rewards]") {
  const std::string promo = R"({"id": "o", "reward": {"type": "amount_off_order", "amount": 100}})";
  // 100 over lines 500 : 250 -> 66.67, 33.33 -> 66, 33 and the penny to .67 -> 67, 33.
  auto r = run(promo, line("a", "A", 1, 500) + "," + line("b", "B", 1, 250));
  CHECK(discount_of(r, "a") == 67);
  CHECK(discount_of(r, "b") == 33);
  // 1000 off a 750 order: 750, never below 0.
  const std::string big = R"({"id": "o", "reward": {"type": "amount_off_order", "amount": 1000}})";
  auto all = run(big, line("a", "A", 1, 500) + "," + line("b", "B", 1, 250));
  CHECK(all.order_discount == 750);
  CHECK(all.merchandise_total == 0);
}

TEST_CASE("the rule set's rounding applies to percent rewards", "[rewards]") {
  // 10% of 985 = 98.5: half_up 99, half_even 98, down 98.
  for (const auto& [mode, expected] : {std::pair{"half_up", 99}, std::pair{"half_even", 98}, std::pair{"down", 98}}) {
    std::string rules = R"({"currency": "GBP", "rounding": ")";
    rules += mode;
    rules += R"(", "promotions": [{"id": "o", "reward": {"type": "percent_off_order", "percent": 10}}]})";
    auto read = till::read_rules(rules);
    REQUIRE(read.ok());
    auto request = till::read_request(R"({"currency": "GBP", "now": "2026-11-22T10:00:00Z",
        "lines": [{"id": "a", "sku": "A", "quantity": 1, "unit_price": 985}]})");
    REQUIRE(request.ok());
    auto priced = till::price(*read, *request);
    REQUIRE(priced.ok());
    INFO(mode);
    CHECK(priced->order_discount == expected);
  }
}

TEST_CASE("shipping percent, amount and price on the chosen method", "[rewards]") {
  const std::string standard = R"(, "shipping_method": "standard")";
  const std::string basket = line("a", "A", 1, 5000);
  // 50% of 495 = 247.5 -> 248.
  auto half = run(R"({"id": "s", "reward": {"type": "shipping", "percent": 50}})", basket, standard);
  REQUIRE(half.shipping);
  CHECK(half.shipping->discount == 248);
  CHECK(half.shipping->total == 247);
  CHECK(half.total == 5247);
  // 200 off; 600 off is at most the 495 price.
  CHECK(run(R"({"id": "s", "reward": {"type": "shipping", "amount": 200}})", basket, standard).shipping->discount ==
        200);
  CHECK(run(R"({"id": "s", "reward": {"type": "shipping", "amount": 600}})", basket, standard).shipping->total == 0);
  // Price 100: 395 off. Price 600 is above 495: gives nothing, not applied.
  CHECK(run(R"({"id": "s", "reward": {"type": "shipping", "price": 100}})", basket, standard).shipping->discount ==
        395);
  auto above = run(R"({"id": "s", "reward": {"type": "shipping", "price": 600}})", basket, standard);
  CHECK(above.shipping->discount == 0);
  CHECK_FALSE(applied(above, "s"));
  // Without a shipping method there is nothing to discount.
  auto none = run(R"({"id": "s", "reward": {"type": "shipping", "percent": 100}})", basket);
  CHECK_FALSE(none.shipping);
  CHECK_FALSE(applied(none, "s"));
}

TEST_CASE("shipping methods limit a shipping reward", "[rewards]") {
  const std::string promo =
      R"({"id": "s", "reward": {"type": "shipping", "percent": 100, "methods": ["express"]}})";
  const std::string basket = line("a", "A", 1, 5000);
  CHECK_FALSE(applied(run(promo, basket, R"(, "shipping_method": "standard")"), "s"));
  auto express = run(promo, basket, R"(, "shipping_method": "express")");
  CHECK(express.shipping->discount == 995);
  CHECK(applied(express, "s") == 995);
}

TEST_CASE("a free gift is added at no charge", "[rewards]") {
  const std::string promo =
      R"({"id": "g", "reward": {"type": "free_gift", "sku": "TOTE", "name": "Tote bag", "quantity": 2, "value": 500}})";
  auto r = run(promo, line("a", "A", 1, 5000));
  REQUIRE(r.gifts.size() == 1);
  CHECK(r.gifts[0].sku == "TOTE");
  CHECK(r.gifts[0].name == "Tote bag");
  CHECK(r.gifts[0].quantity == 2);
  CHECK(r.gifts[0].value == 500);
  CHECK(r.gifts[0].promotion == "g");
  CHECK(applied(r, "g") == 0);  // a gift takes nothing off lines or shipping
  CHECK(r.discount_total == 0);
  CHECK(r.total == 5000);
  // A gift of value 0 still applies (§5.1).
  auto zero = run(R"({"id": "g", "reward": {"type": "free_gift", "sku": "PEN", "name": "Pen"}})", line("a", "A", 1, 1));
  REQUIRE(zero.gifts.size() == 1);
  CHECK(zero.gifts[0].quantity == 1);
  CHECK(zero.gifts[0].value == 0);
}

TEST_CASE("tiers: the best tier that holds wins", "[rewards]") {
  const std::string promo = R"({"id": "t", "tiers": [
      {"name": "Silver", "condition": {"min_subtotal": 5000}, "reward": {"type": "percent_off_order", "percent": 10}},
      {"name": "Gold", "condition": {"min_subtotal": 10000}, "reward": {"type": "percent_off_order", "percent": 20}}]})";
  // 12000: both hold; 20% = 2400 beats 10% = 1200.
  auto gold = run(promo, line("a", "A", 1, 12000));
  REQUIRE(gold.applied.size() == 1);
  CHECK(gold.applied[0].amount == 2400);
  CHECK(gold.applied[0].tier == 1);
  CHECK(gold.applied[0].tier_name == "Gold");
  CHECK(gold.applied[0].message == "Gold");  // the tier's name is the default applied message
  // 6000: only Silver, 600.
  auto silver = run(promo, line("a", "A", 1, 6000));
  REQUIRE(silver.applied.size() == 1);
  CHECK(silver.applied[0].tier == 0);
  CHECK(silver.applied[0].amount == 600);
  // A lower tier that gives more wins: 20% of 1000 = 200 beats 100 off.
  const std::string inverted = R"({"id": "t", "tiers": [
      {"reward": {"type": "percent_off_order", "percent": 20}},
      {"reward": {"type": "amount_off_order", "amount": 100}}]})";
  auto low = run(inverted, line("a", "A", 1, 1000));
  REQUIRE(low.applied.size() == 1);
  CHECK(low.applied[0].tier == 0);
  CHECK(low.applied[0].amount == 200);
}

TEST_CASE("tiers: a tie goes to the later tier", "[rewards]") {
  // On 10000: 500 off (tier 0) and 5% = 500 (tier 1) give the same; tier 1 is used.
  const std::string promo = R"({"id": "t", "tiers": [
      {"name": "A", "reward": {"type": "amount_off_order", "amount": 500}},
      {"name": "B", "reward": {"type": "percent_off_order", "percent": 5}}]})";
  auto r = run(promo, line("a", "A", 1, 10000));
  REQUIRE(r.applied.size() == 1);
  CHECK(r.applied[0].tier == 1);
  CHECK(r.applied[0].tier_name == "B");
  CHECK(r.applied[0].amount == 500);
}

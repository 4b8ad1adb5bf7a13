// Combining and selection (§5.1-§5.5): one non-stackable per unit, stackables on top, exclusives, gifts,
// each tie-break step on its own, cross-class effects, priority mode, thresholds, usage limits, dates,
// coupons, explanations, loyalty points and the search budget.
#include <catch2/catch.hpp>
#include <optional>
#include <string>

#include "core/engine.hpp"
#include "json/json_api.hpp"
#include "support/json_documents.hpp"

namespace {

std::string rules_text(const std::string& promotions, const std::string& extra) {
  std::string rules = R"({"currency": "GBP", "shipping_methods": [{"id": "standard", "price": 495}], "promotions": [)";
  rules += promotions;
  rules += "]";
  rules += extra;
  rules += "}";
  return rules;
}

std::string request_text(const std::string& lines, const std::string& extra) {
  std::string request = R"({"currency": "GBP", "now": "2026-11-22T10:00:00Z", "options": {"explain": true}, "lines": [)";
  request += lines;
  request += "]";
  request += extra;
  request += "}";
  return request;
}

// Prices with explain on. `rules_extra` adds top-level rule set members, `extra` request members.
till::Result run(const std::string& promotions, const std::string& lines, const std::string& extra = "",
                 const std::string& rules_extra = "", const till::EngineLimits& limits = {}) {
  const std::string rules = rules_text(promotions, rules_extra);
  const std::string request = request_text(lines, extra);
  INFO("rules: " << rules << "\nrequest: " << request);
  auto read_rules = till::read_rules(rules);
  REQUIRE(read_rules.ok());
  auto read_request = till::read_request(request);
  REQUIRE(read_request.ok());
  auto priced = till::price(*read_rules, *read_request, limits);
  REQUIRE(priced.ok());
  return *priced;
}

using till::testing::line;

std::optional<till::Money> applied(const till::Result& result, const std::string& id) {
  for (const auto& a : result.applied)
    if (a.promotion == id) return a.amount;
  return std::nullopt;
}

std::vector<std::string> applied_ids(const till::Result& result) {
  std::vector<std::string> ids;
  for (const auto& a : result.applied) ids.push_back(a.promotion);
  return ids;
}

std::optional<till::Reason> reason(const till::Result& result, const std::string& id) {
  REQUIRE(result.not_applied);
  for (const auto& n : *result.not_applied)
    if (n.promotion == id) return n.reason;
  return std::nullopt;
}

// What promotion `id` took off line `line_id`.
till::Money adjustment(const till::Result& result, const std::string& line_id, const std::string& id) {
  for (const auto& l : result.lines)
    if (l.id == line_id)
      for (const auto& a : l.adjustments)
        if (a.promotion == id) return a.amount;
  return 0;
}

using Ids = std::vector<std::string>;

}  // namespace

TEST_CASE("a unit takes part in at most one non-stackable item promotion", "[selection]") {
  const std::string promos =
      R"({"id": "ten", "reward": {"type": "percent_off_items", "selector": {}, "percent": 10}},
         {"id": "twenty", "reward": {"type": "percent_off_items", "selector": {}, "percent": 20}})";
  // One unit of 1000: 20% (200) beats 10% (100); they cannot share it.
  auto r = run(promos, line("a", "A", 1, 1000));
  CHECK(applied_ids(r) == Ids{"twenty"});
  CHECK(r.item_discount == 200);
  CHECK(reason(r, "ten") == till::Reason::not_best);
  // Two units: twenty takes every unit it matches (400); ten is not given one of them, which would only
  // lower the total (200 + 100).
  auto two = run(promos, line("a", "A", 2, 1000));
  CHECK(two.item_discount == 400);
}

TEST_CASE("stackable item promotions apply on top, by priority then id", "[selection]") {
  const std::string promos =
      R"({"id": "base", "reward": {"type": "percent_off_items", "selector": {}, "percent": 10}},
         {"id": "half", "stackable": true, "priority": 1, "reward": {"type": "percent_off_items", "selector": {}, "percent": 50}},
         {"id": "minus", "stackable": true, "reward": {"type": "amount_off_items", "selector": {}, "amount": 100}})";
  // 1000 -> base 10% = 100 -> 900 -> half (priority 1 first) 450 -> 450 -> minus 100 -> 350. 650 in all.
  // (minus before half would give 900 - 100 = 800, 400 off: 600.)
  auto r = run(promos, line("a", "A", 1, 1000));
  CHECK(applied(r, "base") == 100);
  CHECK(applied(r, "half") == 450);
  CHECK(applied(r, "minus") == 100);
  CHECK(r.item_discount == 650);
  CHECK(applied_ids(r) == Ids{"half", "base", "minus"});  // applied order: priority high first, then id
}

TEST_CASE("stackable order and shipping promotions follow the one non-stackable", "[selection]") {
  const std::string promos =
      R"({"id": "o10", "reward": {"type": "percent_off_order", "percent": 10}},
         {"id": "o5", "reward": {"type": "percent_off_order", "percent": 5}},
         {"id": "extra", "stackable": true, "reward": {"type": "amount_off_order", "amount": 100}})";
  // 10000: o10 (1000) beats o5 (500); then 100 off on 9000 left. 1100.
  auto r = run(promos, line("a", "A", 1, 10000));
  CHECK(r.order_discount == 1100);
  CHECK(reason(r, "o5") == till::Reason::not_best);
}

TEST_CASE("an exclusive promotion applies alone, measured on the undiscounted basket", "[selection]") {
  const std::string promos =
      R"({"id": "items", "reward": {"type": "percent_off_items", "selector": {}, "percent": 10}},
         {"id": "gift", "reward": {"type": "free_gift", "sku": "G", "name": "Gift", "value": 10}},
         {"id": "ex", "exclusive": true, "condition": {"min_subtotal": 1000},
          "reward": {"type": "percent_off_order", "percent": 15}})";
  // 1000: items + gift = 100 + 10 = 110; ex alone = 150, its 1000 threshold measured without the item
  // discount (after it the basket would be 900).
  auto r = run(promos, line("a", "A", 1, 1000));
  CHECK(applied_ids(r) == Ids{"ex"});
  CHECK(r.order_discount == 150);
  CHECK(r.gifts.empty());
  CHECK(reason(r, "items") == till::Reason::exclusive);
  CHECK(reason(r, "gift") == till::Reason::exclusive);
  // When it gives less than the rest, the others apply and it is not_best.
  auto small = run(promos, line("a", "A", 1, 1000) + "," + line("b", "B", 1, 0));
  CHECK(applied(small, "ex") == 150);  // same basket value: still the exclusive
  const std::string weak =
      R"({"id": "items", "reward": {"type": "percent_off_items", "selector": {}, "percent": 20}},
         {"id": "ex", "exclusive": true, "reward": {"type": "percent_off_order", "percent": 15}})";
  auto w = run(weak, line("a", "A", 1, 1000));
  CHECK(applied_ids(w) == Ids{"items"});
  CHECK(reason(w, "ex") == till::Reason::not_best);
}

TEST_CASE("gifts are never left out unless an exclusive wins", "[selection]") {
  const std::string promos =
      R"({"id": "g1", "reward": {"type": "free_gift", "sku": "G1", "name": "One", "value": 0}},
         {"id": "g2", "reward": {"type": "free_gift", "sku": "G2", "name": "Two", "value": 300}},
         {"id": "o", "reward": {"type": "percent_off_order", "percent": 10}})";
  auto r = run(promos, line("a", "A", 1, 1000));
  CHECK(applied_ids(r) == Ids{"o", "g1", "g2"});  // class order: order before gift
  REQUIRE(r.gifts.size() == 2);
  CHECK(r.gifts[0].promotion == "g1");
  CHECK(r.gifts[1].promotion == "g2");
}

TEST_CASE("tie-break 2: more of the shopper's coupon codes", "[selection]") {
  // Both give 100; "z" carries the entered code. Step 5 alone would choose "a".
  const std::string promos =
      R"({"id": "a", "reward": {"type": "amount_off_order", "amount": 100}},
         {"id": "z", "coupon": {"codes": ["C1"]}, "reward": {"type": "amount_off_order", "amount": 100}})";
  auto r = run(promos, line("x", "X", 1, 1000), R"(, "coupons": ["C1"])");
  CHECK(applied_ids(r) == Ids{"z"});
  REQUIRE(r.coupons.size() == 1);
  CHECK(r.coupons[0].status == till::CouponStatus::applied);
  CHECK(reason(r, "a") == till::Reason::not_best);
}

TEST_CASE("tie-break 3: fewer promotions", "[selection]") {
  // X and Y at 1000. "z" (2 for 1800) needs both units: 200. "a" and "b" take 100 off X and Y: 200 together.
  // Equal benefit; {z} has fewer promotions. Step 5 alone would choose [a, b] over [z].
  const std::string promos =
      R"({"id": "a", "reward": {"type": "amount_off_items", "selector": {"skus": ["X"]}, "amount": 100}},
         {"id": "b", "reward": {"type": "amount_off_items", "selector": {"skus": ["Y"]}, "amount": 100}},
         {"id": "z", "reward": {"type": "multibuy", "selector": {}, "quantity": 2, "price": 1800}})";
  auto r = run(promos, line("x", "X", 1, 1000) + "," + line("y", "Y", 1, 1000));
  CHECK(applied_ids(r) == Ids{"z"});
  CHECK(r.item_discount == 200);
}

TEST_CASE("tie-break 4: higher priorities", "[selection]") {
  const std::string promos =
      R"({"id": "a", "reward": {"type": "amount_off_order", "amount": 100}},
         {"id": "z", "priority": 5, "reward": {"type": "amount_off_order", "amount": 100}})";
  CHECK(applied_ids(run(promos, line("x", "X", 1, 1000))) == Ids{"z"});
}

TEST_CASE("tie-break 5: smaller ids", "[selection]") {
  const std::string promos =
      R"({"id": "b", "reward": {"type": "amount_off_order", "amount": 100}},
         {"id": "a", "reward": {"type": "amount_off_order", "amount": 100}})";
  auto r = run(promos, line("x", "X", 1, 1000));
  CHECK(applied_ids(r) == Ids{"a"});
  CHECK(reason(r, "b") == till::Reason::not_best);
}

TEST_CASE("tie-break 6: earlier lines", "[selection]") {
  // a and b each take 100 off one unit of X or Y (both 1000). Either assignment gives 200 with the same
  // promotions; a (first by id) gets the earlier line.
  const std::string promos =
      R"({"id": "a", "reward": {"type": "amount_off_items", "selector": {}, "amount": 100, "max_quantity": 1}},
         {"id": "b", "reward": {"type": "amount_off_items", "selector": {}, "amount": 100, "max_quantity": 1}})";
  auto r = run(promos, line("x", "X", 1, 1000) + "," + line("y", "Y", 1, 1000));
  CHECK(r.item_discount == 200);
  CHECK(adjustment(r, "x", "a") == 100);
  CHECK(adjustment(r, "y", "b") == 100);
}

TEST_CASE("cross-class: an item discount below a free-shipping threshold loses to the shipping", "[selection]") {
  const std::string promos =
      R"({"id": "items", "reward": {"type": "percent_off_items", "selector": {}, "percent": 2}},
         {"id": "ship", "condition": {"min_subtotal": 5000}, "reward": {"type": "shipping", "percent": 100}})";
  // 5000: items gives 100 and leaves 4900 < 5000 (no free shipping); shipping alone gives 495. 495 wins.
  auto r = run(promos, line("a", "A", 1, 5000), R"(, "shipping_method": "standard")");
  CHECK(applied_ids(r) == Ids{"ship"});
  CHECK(r.discount_total == 495);
  CHECK(reason(r, "items") == till::Reason::not_best);
  CHECK(r.optimal);
}

TEST_CASE("priority mode: item units by priority, first order promotion that gives something", "[selection]") {
  const std::string priority = R"(, "selection": "priority")";
  const std::string items =
      R"({"id": "hi", "priority": 10, "reward": {"type": "percent_off_items", "selector": {}, "percent": 10}},
         {"id": "lo", "reward": {"type": "percent_off_items", "selector": {}, "percent": 50}})";
  // hi takes the unit first (100), though lo would give 500.
  auto r = run(items, line("a", "A", 1, 1000), "", priority);
  CHECK(applied_ids(r) == Ids{"hi"});
  CHECK(r.item_discount == 100);
  const std::string orders =
      R"({"id": "big", "priority": 5, "condition": {"min_subtotal": 99999}, "reward": {"type": "percent_off_order", "percent": 50}},
         {"id": "small", "priority": 1, "reward": {"type": "percent_off_order", "percent": 10}},
         {"id": "smaller", "reward": {"type": "percent_off_order", "percent": 20}})";
  // big does not hold; small (priority 1) is the first that gives something: 100, though smaller gives 200.
  auto o = run(orders, line("a", "A", 1, 1000), "", priority);
  CHECK(applied_ids(o) == Ids{"small"});
  CHECK(o.order_discount == 100);
}

TEST_CASE("priority mode: an exclusive wins only if nothing ranked above it applies", "[selection]") {
  const std::string priority = R"(, "selection": "priority")";
  const std::string outranked =
      R"({"id": "hi", "priority": 5, "reward": {"type": "percent_off_items", "selector": {}, "percent": 10}},
         {"id": "ex", "exclusive": true, "reward": {"type": "percent_off_order", "percent": 50}})";
  auto r = run(outranked, line("a", "A", 1, 1000), "", priority);
  CHECK(applied_ids(r) == Ids{"hi"});
  CHECK_FALSE(applied(r, "ex"));
  const std::string ranked_first =
      R"({"id": "lo", "reward": {"type": "percent_off_items", "selector": {}, "percent": 10}},
         {"id": "ex", "priority": 5, "exclusive": true, "reward": {"type": "percent_off_order", "percent": 5}})";
  // ex ranks first and applies: alone, 50 (though lo would give 100).
  auto e = run(ranked_first, line("a", "A", 1, 1000), "", priority);
  CHECK(applied_ids(e) == Ids{"ex"});
  CHECK(e.order_discount == 50);
  CHECK(reason(e, "lo") == till::Reason::exclusive);
}

TEST_CASE("thresholds measure what §5.2 says for each class", "[selection]") {
  // Item class measures regular prices: x takes 100 off X (1000 -> 900), y (stackable, needs 2000) still
  // holds on 2000 regular and takes 5% of 900 + 1000 = 45 + 50 = 95.
  const std::string item =
      R"({"id": "x", "reward": {"type": "percent_off_items", "selector": {"skus": ["X"]}, "percent": 10}},
         {"id": "y", "stackable": true, "condition": {"min_subtotal": 2000},
          "reward": {"type": "percent_off_items", "selector": {}, "percent": 5}})";
  auto i = run(item, line("x", "X", 1, 1000) + "," + line("y", "Y", 1, 1000));
  CHECK(applied(i, "x") == 100);
  CHECK(applied(i, "y") == 95);
  // Order class measures after item discounts: 1000 - 100 = 900 < 1000. items (100) beats order (50).
  const std::string order =
      R"({"id": "items", "reward": {"type": "percent_off_items", "selector": {}, "percent": 10}},
         {"id": "order", "condition": {"min_subtotal": 1000}, "reward": {"type": "amount_off_order", "amount": 50}})";
  auto o = run(order, line("a", "A", 1, 1000));
  CHECK(applied_ids(o) == Ids{"items"});
  CHECK(reason(o, "order") == till::Reason::condition);
  // items[] entries count at regular prices: X at 50% off still counts 1000 toward min_subtotal 1000.
  // Order 10% of 500 + 1000 = 150; 650 in all.
  const std::string entries =
      R"({"id": "half", "reward": {"type": "percent_off_items", "selector": {"skus": ["X"]}, "percent": 50}},
         {"id": "order", "condition": {"items": [{"selector": {"skus": ["X"]}, "min_subtotal": 1000}]},
          "reward": {"type": "percent_off_order", "percent": 10}})";
  auto e = run(entries, line("x", "X", 1, 1000) + "," + line("y", "Y", 1, 1000));
  CHECK(applied(e, "half") == 500);
  CHECK(applied(e, "order") == 150);
  // Shipping measures after item and order discounts: 5000 - 10% = 4500 < 5000: shipping (495) vs order
  // (500): the order wins.
  const std::string ship =
      R"({"id": "order", "reward": {"type": "percent_off_order", "percent": 10}},
         {"id": "ship", "condition": {"min_subtotal": 5000}, "reward": {"type": "shipping", "percent": 100}})";
  auto s = run(ship, line("a", "A", 1, 5000), R"(, "shipping_method": "standard")");
  CHECK(applied_ids(s) == Ids{"order"});
  CHECK(reason(s, "ship") == till::Reason::condition);
}

TEST_CASE("condition items count matching units against min_quantity", "[selection]") {
  const std::string promo = R"({"id": "p", "condition": {"items": [{"selector": {"skus": ["X"]}, "min_quantity": 3}]},
      "reward": {"type": "amount_off_order", "amount": 100}})";
  CHECK_FALSE(applied(run(promo, line("x", "X", 2, 100)), "p"));
  CHECK(applied(run(promo, line("x", "X", 2, 100) + "," + line("x2", "X", 1, 100)), "p") == 100);
}

TEST_CASE("usage limits", "[selection]") {
  const std::string promo = R"({"id": "w", "usage_limit": {"per_customer": 1, "total": 1000},
      "reward": {"type": "amount_off_order", "amount": 100}})";
  const std::string basket = line("a", "A", 1, 1000);
  CHECK(applied(run(promo, basket), "w") == 100);  // no usage recorded
  CHECK(applied(run(promo, basket, R"(, "usage": {"w": {"customer": 0, "total": 999}})"), "w") == 100);
  auto mine = run(promo, basket, R"(, "usage": {"w": {"customer": 1, "total": 5}})");
  CHECK(reason(mine, "w") == till::Reason::usage_limit);
  auto all = run(promo, basket, R"(, "usage": {"w": {"customer": 0, "total": 1000}})");
  CHECK(reason(all, "w") == till::Reason::usage_limit);
  CHECK(applied(run(promo, basket, R"(, "usage": {"other": {"customer": 9, "total": 9}})"), "w") == 100);
}

TEST_CASE("date windows: start inclusive, end exclusive", "[selection]") {
  auto at = [](const std::string& window, const std::string& now) {
    std::string promos = R"({"id": "d", )";
    promos += window;
    promos += R"(, "reward": {"type": "amount_off_order", "amount": 100}})";
    std::string extra = R"(, "now": ")";
    extra += now;
    extra += "\"";
    std::string rules = rules_text(promos, "");
    std::string request = R"({"currency": "GBP", "options": {"explain": true}, "lines": [)";
    request += line("a", "A", 1, 1000);
    request += "]";
    request += extra;
    request += "}";
    auto r = till::read_rules(rules);
    auto q = till::read_request(request);
    REQUIRE(r.ok());
    REQUIRE(q.ok());
    auto priced = till::price(*r, *q);
    REQUIRE(priced.ok());
    return *priced;
  };
  const std::string window = R"("starts_at": "2026-11-01T00:00:00Z", "ends_at": "2026-12-01T00:00:00Z")";
  CHECK(applied(at(window, "2026-11-01T00:00:00Z"), "d") == 100);
  CHECK(reason(at(window, "2026-10-31T23:59:59.999Z"), "d") == till::Reason::not_started);
  CHECK(applied(at(window, "2026-11-30T23:59:59.999999999Z"), "d") == 100);
  CHECK(reason(at(window, "2026-12-01T00:00:00Z"), "d") == till::Reason::expired);
}

TEST_CASE("coupon codes are trimmed and case-folded; statuses in request order", "[selection][coupons]") {
  const std::string promos =
      R"({"id": "disc", "coupon": {"codes": ["Disc10"]}, "reward": {"type": "percent_off_order", "percent": 10}},
         {"id": "far", "coupon": {"codes": ["FAR"]}, "condition": {"min_subtotal": 99999},
          "reward": {"type": "amount_off_order", "amount": 100}},
         {"id": "weak", "coupon": {"codes": ["WEAK"]}, "reward": {"type": "percent_off_order", "percent": 5}})";
  auto r = run(promos, line("a", "A", 1, 1000), R"(, "coupons": ["XYZ", " dISC10\t", "far", "weak", "DISC10"])");
  REQUIRE(r.coupons.size() == 4);  // DISC10 repeats " dISC10\t" after normalising
  CHECK(r.coupons[0].code == "XYZ");
  CHECK(r.coupons[0].status == till::CouponStatus::unknown);
  CHECK_FALSE(r.coupons[0].promotion);
  CHECK(r.coupons[1].code == "Disc10");  // spelled as in the rules
  CHECK(r.coupons[1].status == till::CouponStatus::applied);
  CHECK(r.coupons[1].promotion == "disc");
  CHECK(r.coupons[2].code == "FAR");
  CHECK(r.coupons[2].status == till::CouponStatus::not_applicable);
  CHECK(r.coupons[2].reason == till::Reason::condition);
  CHECK(r.coupons[3].code == "WEAK");
  CHECK(r.coupons[3].status == till::CouponStatus::not_best);  // 5% (50) loses to 10% (100)
  CHECK(r.order_discount == 100);
}

TEST_CASE("a code shared by several promotions reports the best status", "[selection][coupons]") {
  const std::string promos =
      R"({"id": "a-far", "coupon": {"codes": ["SHARED"]}, "condition": {"min_subtotal": 99999},
          "reward": {"type": "amount_off_order", "amount": 100}},
         {"id": "b-ok", "coupon": {"codes": ["shared"]}, "reward": {"type": "amount_off_order", "amount": 50}})";
  auto r = run(promos, line("a", "A", 1, 1000), R"(, "coupons": ["Shared"])");
  REQUIRE(r.coupons.size() == 1);
  CHECK(r.coupons[0].status == till::CouponStatus::applied);
  CHECK(r.coupons[0].promotion == "b-ok");
  // Neither applies for the basket: not_best outranks not_applicable.
  const std::string worse =
      R"({"id": "a-far", "coupon": {"codes": ["SHARED"]}, "condition": {"min_subtotal": 99999},
          "reward": {"type": "amount_off_order", "amount": 100}},
         {"id": "b-weak", "coupon": {"codes": ["SHARED"]}, "reward": {"type": "amount_off_order", "amount": 50}},
         {"id": "c-strong", "reward": {"type": "amount_off_order", "amount": 80}})";
  auto w = run(worse, line("a", "A", 1, 1000), R"(, "coupons": ["SHARED"])");
  REQUIRE(w.coupons.size() == 1);
  CHECK(w.coupons[0].status == till::CouponStatus::not_best);
  CHECK(w.coupons[0].promotion == "b-weak");
}

TEST_CASE("not_applied gives the first reason in §5.5 order, in rule-set order", "[selection][explain]") {
  const std::string promos =
      R"({"id": "r1", "starts_at": "2027-01-01T00:00:00Z", "coupon": {"codes": ["X"]},
          "reward": {"type": "amount_off_order", "amount": 1}},
         {"id": "r2", "ends_at": "2026-01-01T00:00:00Z", "coupon": {"codes": ["X"]},
          "reward": {"type": "amount_off_order", "amount": 1}},
         {"id": "r3", "coupon": {"codes": ["X"]}, "audience": {"segments_any": ["vip"]},
          "reward": {"type": "amount_off_order", "amount": 1}},
         {"id": "r4", "audience": {"newsletter": true}, "usage_limit": {"total": 1},
          "reward": {"type": "amount_off_order", "amount": 1}},
         {"id": "r5", "usage_limit": {"total": 1}, "condition": {"min_subtotal": 99999},
          "reward": {"type": "amount_off_order", "amount": 1}},
         {"id": "r6", "condition": {"min_subtotal": 99999}, "reward": {"type": "percent_off_items",
          "selector": {"skus": ["NONE"]}, "percent": 10}},
         {"id": "r7", "reward": {"type": "percent_off_items", "selector": {"skus": ["NONE"]}, "percent": 10}},
         {"id": "r8", "reward": {"type": "amount_off_order", "amount": 1}},
         {"id": "r9", "reward": {"type": "amount_off_order", "amount": 2}})";
  auto r = run(promos, line("a", "A", 1, 1000), R"(, "usage": {"r4": {"total": 1}, "r5": {"total": 1}})");
  REQUIRE(r.not_applied);
  const auto& n = *r.not_applied;
  REQUIRE(n.size() == 8);
  const std::vector<std::pair<std::string, till::Reason>> expected = {
      {"r1", till::Reason::not_started},     {"r2", till::Reason::expired},
      {"r3", till::Reason::coupon_required}, {"r4", till::Reason::audience},
      {"r5", till::Reason::usage_limit},     {"r6", till::Reason::condition},
      {"r7", till::Reason::no_eligible_items}, {"r8", till::Reason::not_best}};
  for (std::size_t i = 0; i < expected.size(); ++i) {
    CHECK(n[i].promotion == expected[i].first);
    CHECK(n[i].reason == expected[i].second);
  }
  CHECK(n[3].detail == "newsletter");
  CHECK_FALSE(n[0].detail);
  CHECK(applied_ids(r) == Ids{"r9"});
}

TEST_CASE("not_applied is absent without explain", "[selection][explain]") {
  auto read_rules = till::read_rules(rules_text(R"({"id": "p", "reward": {"type": "amount_off_order", "amount": 1}})", ""));
  auto read_request = till::read_request(R"({"currency": "GBP", "now": "2026-11-22T10:00:00Z", "lines": []})");
  REQUIRE(read_rules.ok());
  REQUIRE(read_request.ok());
  auto priced = till::price(*read_rules, *read_request);
  REQUIRE(priced.ok());
  CHECK_FALSE(priced->not_applied);
  CHECK_FALSE(priced->loyalty_points);
}

TEST_CASE("loyalty points: floor of major units times the rate and the tier multiplier", "[selection][loyalty]") {
  const std::string loyalty = R"(, "loyalty": {"points_per_major_unit": 1, "tier_multipliers": {"gold": 2}})";
  const std::string order = R"({"id": "o", "reward": {"type": "amount_off_order", "amount": 1000}})";
  // 18899 - 1000 = 17899 merchandise -> floor(178.99) = 178; gold doubles -> 356.
  auto gold = run(order, line("a", "A", 1, 18899), R"(, "customer": {"loyalty_tier": "gold"})", loyalty);
  CHECK(gold.loyalty_points == 356);
  CHECK(run(order, line("a", "A", 1, 18899), "", loyalty).loyalty_points == 178);  // a guest: x1
  CHECK(run(order, line("a", "A", 1, 18899), R"(, "customer": {"loyalty_tier": "silver"})", loyalty).loyalty_points ==
        178);  // a tier without a multiplier: x1
  // Shipping is not merchandise: 99 pence is 0 points.
  CHECK(run("", line("a", "A", 1, 99), R"(, "shipping_method": "standard")", loyalty).loyalty_points == 0);
}

TEST_CASE("loyalty points in a currency without minor units", "[selection][loyalty]") {
  auto read_rules = till::read_rules(R"({"currency": "JPY", "loyalty": {"points_per_major_unit": 3}})");
  auto read_request = till::read_request(R"({"currency": "JPY", "now": "2026-11-22T10:00:00Z",
      "lines": [{"id": "a", "sku": "A", "quantity": 2, "unit_price": 617}]})");
  REQUIRE(read_rules.ok());
  REQUIRE(read_request.ok());
  auto priced = till::price(*read_rules, *read_request);
  REQUIRE(priced.ok());
  CHECK(priced->loyalty_points == 3702);  // 1234 yen x 3
}

TEST_CASE("a tiny search budget gives optimal false and still a valid result", "[selection][budget]") {
  // 12 overlapping non-stackable item promotions on 8 lines: far more combinations than 5 steps.
  std::string promos;
  for (int i = 0; i < 12; ++i) {
    if (i) promos += ",";
    promos += R"({"id": "p)";
    promos += std::to_string(i);
    promos += R"(", "reward": {"type": "percent_off_items", "selector": {"skus": ["S)";
    promos += std::to_string(i % 8);
    promos += R"(", "S)";
    promos += std::to_string((i + 3) % 8);
    promos += R"("]}, "percent": )";
    promos += std::to_string(5 + i);
    promos += "}}";
  }
  std::string lines;
  for (int l = 0; l < 8; ++l) {
    if (l) lines += ",";
    std::string id = "l";
    id += std::to_string(l);
    std::string sku = "S";
    sku += std::to_string(l);
    lines += line(id, sku, 1 + l % 3, 1000 + 137 * l);
  }
  auto full = run(promos, lines);
  CHECK(full.optimal);
  till::EngineLimits tiny;
  tiny.search_steps = 5;
  auto cut = run(promos, lines, "", "", tiny);
  CHECK_FALSE(cut.optimal);
  CHECK(cut.discount_total <= full.discount_total);  // the best found, never better than the optimum
  till::Money discounts = 0;
  for (const auto& l : cut.lines) {
    CHECK(l.total == l.subtotal - l.discount);
    CHECK(l.total >= 0);
    discounts += l.discount;
  }
  CHECK(cut.item_discount + cut.order_discount == discounts);
  CHECK(cut.merchandise_total == cut.subtotal - cut.item_discount - cut.order_discount);
  CHECK(cut.total == cut.merchandise_total);
  // Deterministic: the same budget gives the same answer.
  CHECK(run(promos, lines, "", "", tiny).discount_total == cut.discount_total);
}

// Nudges (§6): each kind with hand-computed gap, quantity, benefit, progress and message; ordering and the
// max_nudges cut; the promotions that never get a nudge; and, on thousands of seeded random baskets, the
// exactness of every gap and quantity (the change applies the promotion, one less does not).
#include <algorithm>
#include <catch2/catch.hpp>
#include <optional>
#include <string>
#include <vector>

#include "core/engine.hpp"
#include "core/selector.hpp"
#include "json/json_api.hpp"
#include "support/random_cases.hpp"
#include "support/json_documents.hpp"

namespace {

using till::testing::line;

// Prices `lines` against a GBP rule set of `promotions` with standard shipping (495) chosen, showing up to
// 10 nudges unless `extra` (request members) says otherwise.
till::Result run(const std::string& promotions, const std::string& lines, const std::string& extra = "") {
  std::string rules = R"({"currency": "GBP", "shipping_methods": [{"id": "standard", "price": 495}], "promotions": [)";
  rules += promotions;
  rules += "]}";
  std::string request = R"({"currency": "GBP", "now": "2026-11-22T10:00:00Z", "shipping_method": "standard", "lines": [)";
  request += lines;
  request += "]";
  request += extra.empty() ? R"(, "options": {"max_nudges": 10})" : extra;
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

// A copy, so that it outlives the result it is taken from.
till::Nudge only_nudge(const till::Result& result) {
  REQUIRE(result.nudges.size() == 1);
  return result.nudges.front();
}

std::vector<std::string> nudged(const till::Result& result) {
  std::vector<std::string> ids;
  for (const auto& n : result.nudges) ids.push_back(n.promotion);
  return ids;
}

using Ids = std::vector<std::string>;

}  // namespace

TEST_CASE("spend_more: gap, benefit, progress and the default message", "[nudges]") {
  const std::string promo = R"({"id": "ship", "name": "free shipping", "condition": {"min_subtotal": 5000},
      "reward": {"type": "shipping", "percent": 100}})";
  // 4000 of 5000: a plain line of 1000 reaches it. Benefit: the 495 shipping. Progress 4000/5000 = 0.8.
  const till::Nudge n = only_nudge(run(promo, line("a", "A", 1, 4000)));
  CHECK(n.promotion == "ship");
  CHECK(n.kind == till::NudgeKind::spend_more);
  CHECK(n.gap == 1000);
  CHECK_FALSE(n.quantity);
  CHECK(n.benefit == 495);
  CHECK(n.progress == 8000);
  CHECK(n.message == "Spend £10.00 more for free shipping");
  CHECK_FALSE(n.code);
}

TEST_CASE("spend_more: the SPEC's £11.11 example", "[nudges]") {
  const std::string promos =
      R"({"id": "ten", "reward": {"type": "percent_off_order", "percent": 10}},
         {"id": "ship", "name": "free shipping", "condition": {"min_subtotal": 10000},
          "reward": {"type": "shipping", "percent": 100}})";
  // 10000 less 10% = 9000. Adding p: 10000 + p less round(10%) must reach 10000. p = 1111: 11111 - 1111 =
  // 10000; p = 1110: 11110 - 1111 = 9999. So 1111, not 1000. Progress 9000/10000 = 0.9.
  const till::Nudge n = only_nudge(run(promos, line("a", "A", 1, 10000)));
  CHECK(n.gap == 1111);
  CHECK(n.benefit == 495);
  CHECK(n.progress == 9000);
  CHECK(n.message == "Spend £11.11 more for free shipping");
}

TEST_CASE("spend_more on an items[] min_subtotal adds a line that matches the selector", "[nudges]") {
  const std::string promo = R"({"id": "audio", "condition": {"items": [{"selector": {"categories": ["audio"]},
      "min_subtotal": 3000}]}, "reward": {"type": "amount_off_order", "amount": 500}})";
  // 1000 of audio, 3000 needed: an audio line of 2000 (a plain line would not count). Progress 1/3.
  std::string lines = R"({"id": "a", "sku": "A", "quantity": 1, "unit_price": 1000, "categories": ["audio"]},)";
  lines += line("b", "B", 1, 9000);
  const till::Nudge n = only_nudge(run(promo, lines));
  CHECK(n.kind == till::NudgeKind::spend_more);
  CHECK(n.gap == 2000);
  CHECK(n.benefit == 500);
  CHECK(n.progress == 3333);
}

TEST_CASE("add_items: an items quantity is short", "[nudges]") {
  const std::string promo = R"({"id": "three", "name": "3 socks deal", "condition": {"items": [{"selector": {"skus": ["X"]},
      "min_quantity": 3}]}, "reward": {"type": "amount_off_order", "amount": 100}})";
  // 1 of 3: add 2 copies of X. Benefit 100. Progress 1/3 = 0.3333.
  const till::Nudge n = only_nudge(run(promo, line("x", "X", 1, 500)));
  CHECK(n.kind == till::NudgeKind::add_items);
  CHECK(n.quantity == 2);
  CHECK_FALSE(n.gap);
  REQUIRE(n.selector);
  CHECK(n.selector->skus == std::vector<std::string>{"X"});
  CHECK(n.benefit == 100);
  CHECK(n.progress == 3333);
  CHECK(n.message == "Add 2 more to get 3 socks deal");
}

TEST_CASE("add_items: a multibuy group is short", "[nudges]") {
  const std::string promo =
      R"({"id": "m", "reward": {"type": "multibuy", "selector": {"skus": ["X"]}, "quantity": 3, "pay_for": 2}})";
  // 2 of 3 units of X at 500: one more completes the group and one 500 is free. Progress 2/3 = 0.6666.
  const till::Nudge n = only_nudge(run(promo, line("x", "X", 2, 500)));
  CHECK(n.kind == till::NudgeKind::add_items);
  CHECK(n.quantity == 1);
  CHECK(n.benefit == 500);
  CHECK(n.progress == 6666);
}

TEST_CASE("add_get_items: buy units are there, get units are missing", "[nudges]") {
  const std::string promo = R"({"id": "b", "reward": {"type": "buy_x_get_y",
      "buy": {"selector": {"skus": ["S"]}, "quantity": 1},
      "get": {"selector": {"skus": ["H"], "min_unit_price": 800}, "quantity": 1}, "percent": 50}})";
  // No H in the basket to copy: one H priced at the selector's min_unit_price 800, 50% off -> 400.
  const till::Nudge n = only_nudge(run(promo, line("s", "S", 1, 5000)));
  CHECK(n.kind == till::NudgeKind::add_get_items);
  CHECK(n.quantity == 1);
  REQUIRE(n.selector);
  CHECK(n.selector->skus == std::vector<std::string>{"H"});
  CHECK(n.benefit == 400);
  CHECK(n.progress == 0);
  CHECK(n.message == "Add 1 more to get b");
}

TEST_CASE("add_items: buy units are short", "[nudges]") {
  const std::string promo = R"({"id": "b", "reward": {"type": "buy_x_get_y",
      "buy": {"selector": {"skus": ["S"]}, "quantity": 2}, "get": {"selector": {"skus": ["H"]}, "quantity": 1},
      "percent": 100}})";
  // 1 of 2 buy units: one more S (copied at 5000) and the H (300) is free. Progress 1/2.
  const till::Nudge n = only_nudge(run(promo, line("s", "S", 1, 5000) + "," + line("h", "H", 1, 300)));
  CHECK(n.kind == till::NudgeKind::add_items);
  CHECK(n.quantity == 1);
  CHECK(n.benefit == 300);
  CHECK(n.progress == 5000);
}

TEST_CASE("next_tier by amount", "[nudges]") {
  const std::string promo = R"({"id": "t", "tiers": [
      {"name": "Silver", "condition": {"min_subtotal": 5000}, "reward": {"type": "percent_off_order", "percent": 10}},
      {"name": "Gold", "condition": {"min_subtotal": 10000}, "reward": {"type": "percent_off_order", "percent": 20}}]})";
  // 6000 at Silver (600). Gold needs 10000 before order discounts: gap 4000, then 20% of 10000 = 2000.
  // Progress 6000/10000 = 0.6; the message names the tier.
  auto r = run(promo, line("a", "A", 1, 6000));
  const till::Nudge n = only_nudge(r);
  CHECK(n.kind == till::NudgeKind::next_tier);
  CHECK(n.gap == 4000);
  CHECK(n.benefit == 2000);
  CHECK(n.progress == 6000);
  REQUIRE(n.reward);
  CHECK(n.reward->type == till::RewardType::percent_off_order);
  CHECK(n.reward->percent == 2000);
  CHECK(n.message == "Spend £40.00 more for Gold");
  // At the top tier there is nothing to nudge toward.
  CHECK(run(promo, line("a", "A", 1, 12000)).nudges.empty());
}

TEST_CASE("next_tier by quantity", "[nudges]") {
  const std::string promo = R"({"id": "t", "tiers": [
      {"name": "Two", "condition": {"items": [{"selector": {}, "min_quantity": 2}]},
       "reward": {"type": "percent_off_items", "selector": {}, "percent": 10}},
      {"name": "Four", "condition": {"items": [{"selector": {}, "min_quantity": 4}]},
       "reward": {"type": "percent_off_items", "selector": {}, "percent": 20}}]})";
  // 2 x 500 at "Two". Two more copies make 4 x 500 = 2000, 20% = 400. Progress 2/4.
  const till::Nudge n = only_nudge(run(promo, line("a", "A", 2, 500)));
  CHECK(n.kind == till::NudgeKind::next_tier);
  CHECK(n.quantity == 2);
  CHECK_FALSE(n.gap);
  CHECK(n.benefit == 400);
  CHECK(n.progress == 5000);
  CHECK(n.message == "Add 2 more to get Four");
}

TEST_CASE("enter_code for a public code, and code on a public-code spend nudge", "[nudges]") {
  const std::string promo = R"({"id": "save", "name": "10% off", "coupon": {"codes": ["SAVE10"], "public": true},
      "reward": {"type": "percent_off_order", "percent": 10}})";
  // The basket qualifies; only the code is missing: 10% of 1000 = 100, progress 1.
  const till::Nudge n = only_nudge(run(promo, line("a", "A", 1, 1000)));
  CHECK(n.kind == till::NudgeKind::enter_code);
  CHECK(n.code == "SAVE10");
  CHECK(n.benefit == 100);
  CHECK(n.progress == 10000);
  CHECK(n.message == "Use code SAVE10 for 10% off");
  // With the code entered it applies: no nudge.
  CHECK(run(promo, line("a", "A", 1, 1000), R"(, "coupons": ["save10"])").nudges.empty());

  const std::string spend = R"({"id": "ship", "name": "free shipping", "coupon": {"codes": ["SHIP"], "public": true},
      "condition": {"min_subtotal": 5000}, "reward": {"type": "shipping", "percent": 100}})";
  // 4000 of 5000 and the public code missing: a spend nudge (gap 1000) that carries the code.
  const till::Nudge s = only_nudge(run(spend, line("a", "A", 1, 4000)));
  CHECK(s.kind == till::NudgeKind::spend_more);
  CHECK(s.gap == 1000);
  CHECK(s.code == "SHIP");
  CHECK(s.benefit == 495);
}

TEST_CASE("a nudge message template with every placeholder", "[nudges]") {
  const std::string promo = R"({"id": "ship", "name": "free shipping", "coupon": {"codes": ["SHIP"], "public": true},
      "condition": {"min_subtotal": 5000}, "reward": {"type": "shipping", "percent": 100},
      "messages": {"nudge": "{gap}|{quantity}|{benefit}|{code}|{name}|{other}"}})";
  CHECK(only_nudge(run(promo, line("a", "A", 1, 4000))).message == "£10.00||£4.95|SHIP|free shipping|{other}");
}

TEST_CASE("nudges are ordered spend by gap, then quantity, then enter_code, ties by id; max_nudges cuts",
          "[nudges]") {
  const std::string promos =
      R"({"id": "code", "stackable": true, "coupon": {"codes": ["C"], "public": true}, "reward": {"type": "amount_off_order", "amount": 1}},
         {"id": "q2", "stackable": true, "condition": {"items": [{"selector": {}, "min_quantity": 3}]}, "reward": {"type": "amount_off_order", "amount": 1}},
         {"id": "q1b", "stackable": true, "condition": {"items": [{"selector": {}, "min_quantity": 2}]}, "reward": {"type": "amount_off_order", "amount": 1}},
         {"id": "q1a", "stackable": true, "condition": {"items": [{"selector": {}, "min_quantity": 2}]}, "reward": {"type": "amount_off_order", "amount": 1}},
         {"id": "far", "condition": {"min_subtotal": 1200}, "reward": {"type": "shipping", "percent": 100}},
         {"id": "near", "condition": {"min_subtotal": 1100}, "reward": {"type": "shipping", "percent": 50}})";
  // Stackable, so that each can apply beside the others. One unit of 1000: near (gap 100), far (gap 200),
  // q1a, q1b (1 more), q2 (2 more), code.
  const std::string basket = line("a", "A", 1, 1000);
  auto r = run(promos, basket);
  CHECK(nudged(r) == Ids{"near", "far", "q1a", "q1b", "q2", "code"});
  CHECK(nudged(run(promos, basket, R"(, "options": {"max_nudges": 2})")) == Ids{"near", "far"});
  CHECK(run(promos, basket, R"(, "options": {"max_nudges": 0})").nudges.empty());
  CHECK(run(promos, basket, "").nudges.size() <= 10);
}

TEST_CASE("the default is three nudges", "[nudges]") {
  std::string promos;
  for (int i = 1; i <= 5; ++i) {
    if (i > 1) promos += ",";
    promos += R"({"id": "s)";
    promos += std::to_string(i);
    promos += R"(", "stackable": true, "condition": {"min_subtotal": )";
    promos += std::to_string(1000 + i);
    promos += R"(}, "reward": {"type": "amount_off_order", "amount": 1}})";
  }
  // Stackable, so none keeps another out. Gaps 1, 2, 3, 4, 5: the first three are shown.
  auto r = run(promos, line("a", "A", 1, 1000), R"(, "options": {"explain": false})");
  CHECK(nudged(r) == Ids{"s1", "s2", "s3"});
}

TEST_CASE("no nudges for audience, dates, usage limits or non-public codes", "[nudges]") {
  const std::string short_condition = R"("condition": {"min_subtotal": 2000}, "reward": {"type": "amount_off_order", "amount": 100}})";
  std::string promos = R"({"id": "aud", "audience": {"segments_any": ["vip"]}, )" + short_condition;
  promos += R"(, {"id": "later", "starts_at": "2027-01-01T00:00:00Z", )" + short_condition;
  promos += R"(, {"id": "gone", "ends_at": "2026-01-01T00:00:00Z", )" + short_condition;
  promos += R"(, {"id": "used", "usage_limit": {"per_customer": 1}, )" + short_condition;
  promos += R"(, {"id": "secret", "coupon": {"codes": ["S"]}, )" + short_condition;
  promos += R"(, {"id": "hidden", "coupon": {"codes": ["H"]}, "reward": {"type": "amount_off_order", "amount": 1}})";
  auto r = run(promos, line("a", "A", 1, 1000), R"(, "usage": {"used": {"customer": 1}}, "options": {"max_nudges": 10})");
  CHECK(r.nudges.empty());
}

TEST_CASE("no nudges for not_best or when an exclusive wins", "[nudges]") {
  // big (20%) beats small (10%): small is not_best and gets no nudge.
  const std::string promos =
      R"({"id": "big", "reward": {"type": "percent_off_order", "percent": 20}},
         {"id": "small", "reward": {"type": "percent_off_order", "percent": 10}})";
  CHECK(run(promos, line("a", "A", 1, 1000)).nudges.empty());
  // An exclusive wins: the shipping promotion, short by 1000, is out for `exclusive` and gets no nudge.
  const std::string exclusive =
      R"({"id": "ex", "exclusive": true, "reward": {"type": "percent_off_order", "percent": 50}},
         {"id": "ship", "condition": {"min_subtotal": 5000}, "reward": {"type": "shipping", "percent": 100}})";
  auto r = run(exclusive, line("a", "A", 1, 4000), R"(, "options": {"explain": true, "max_nudges": 10})");
  REQUIRE(r.not_applied);
  REQUIRE(r.not_applied->size() == 1);
  CHECK(r.not_applied->front().reason == till::Reason::exclusive);
  CHECK(r.nudges.empty());
}

// ---- Exactness on seeded random baskets ----

namespace {

struct Priced {
  till::RuleSet rules;
  till::Request request;
  till::Result result;
};

std::string first_sorted(const std::optional<std::vector<std::string>>& names) {
  return names && !names->empty() ? *std::min_element(names->begin(), names->end()) : "";
}

// §6's plain line at `price`, or one built to match `selector` (first sku, category, tag and brand in
// sorted order), with an id no basket line uses.
till::Line plain_line(const till::Request& request, const till::Selector* selector, till::Money price) {
  till::Line added;
  added.id = "till-nudge";
  for (int n = 2; std::any_of(request.lines.begin(), request.lines.end(),
                              [&](const till::Line& l) { return l.id == added.id; }); ++n) {
    added.id = "till-nudge-";
    added.id += std::to_string(n);
  }
  added.sku = "till-nudge";
  added.unit_price = price;
  if (selector) {
    if (selector->skus) added.sku = first_sorted(selector->skus);
    if (selector->categories && !selector->categories->empty()) added.categories = {first_sorted(selector->categories)};
    if (selector->tags && !selector->tags->empty()) added.tags = {first_sorted(selector->tags)};
    if (selector->brands && !selector->brands->empty()) added.brand = first_sorted(selector->brands);
  }
  return added;
}

// The tier the promotion applies at in `result`, or -1.
int applied_tier(const till::Result& result, const std::string& id) {
  for (const auto& a : result.applied)
    if (a.promotion == id) return static_cast<int>(a.tier.value_or(0));
  return -1;
}

// Whether promotion `id` applies at tier >= `tier` after `change` is made to the request.
template <class Change>
bool applies_with(const Priced& base, const std::string& id, int tier, const std::optional<std::string>& code,
                  Change change) {
  till::Request changed = base.request;
  if (code) changed.coupons.push_back(*code);
  change(changed);
  auto priced = till::price(base.rules, changed);
  REQUIRE(priced.ok());
  return applied_tier(*priced, id) >= tier;
}

// The first items[] selector of `tier` whose min_subtotal the basket misses (the line a gap adds must match
// it), or nullptr.
const till::Selector* short_items_selector(const till::Tier& tier, const till::Request& request) {
  for (const auto& item : tier.condition.items) {
    till::Money amount = 0;
    for (const auto& l : request.lines)
      if (till::matches(item.selector, l)) amount += l.quantity * l.unit_price;
    if (amount < item.min_subtotal) return &item.selector;
  }
  return nullptr;
}

}  // namespace

TEST_CASE("every gap and quantity is exact on seeded random baskets", "[nudges][property]") {
  constexpr std::uint64_t kCases = 2500;
  int gaps = 0;
  int quantities = 0;
  for (std::uint64_t seed = 0; seed < kCases; ++seed) {
    const till::testing::RandomCase input = till::testing::make_case(seed, false);
    auto rules = till::read_rules(input.rules);
    auto request = till::read_request(input.request);
    REQUIRE(rules.ok());
    REQUIRE(request.ok());
    auto result = till::price(*rules, *request);
    REQUIRE(result.ok());
    const Priced base{*rules, *request, *result};
    for (const till::Nudge& nudge : base.result.nudges) {
      INFO("seed " << seed << " nudge for " << nudge.promotion << " (" << till::to_string(nudge.kind) << ")");
      CHECK(nudge.progress >= 0);
      CHECK(nudge.progress <= 10000);
      if (nudge.kind == till::NudgeKind::enter_code) continue;
      const auto promo = std::find_if(base.rules.promotions.begin(), base.rules.promotions.end(),
                                      [&](const till::Promotion& p) { return p.id == nudge.promotion; });
      REQUIRE(promo != base.rules.promotions.end());
      // A next_tier nudge is toward the tier above the applied one; any other toward whichever tier of
      // the promotion needs the smallest change. It is exact toward that tier: the change makes the
      // promotion apply at it (or above) and one less does not.
      std::vector<int> tiers;
      if (nudge.kind == till::NudgeKind::next_tier) {
        tiers.push_back(applied_tier(base.result, nudge.promotion) + 1);
        REQUIRE(tiers.front() < static_cast<int>(promo->tiers.size()));
      } else {
        for (int t = 0; t < static_cast<int>(promo->tiers.size()); ++t) tiers.push_back(t);
      }
      if (nudge.gap) {
        ++gaps;
        const till::Money gap = *nudge.gap;
        CHECK(gap >= 1);
        bool exact = false;
        for (int tier : tiers) {
          const till::Selector* selector = short_items_selector(promo->tiers[static_cast<std::size_t>(tier)], base.request);
          if (!applies_with(base, nudge.promotion, tier, nudge.code,
                            [&](till::Request& r) { r.lines.push_back(plain_line(base.request, selector, gap)); }))
            continue;
          const till::Money lowest = selector && selector->min_unit_price ? std::max<till::Money>(1, *selector->min_unit_price) : 1;
          if (gap - 1 < lowest || !applies_with(base, nudge.promotion, tier, nudge.code, [&](till::Request& r) {
                r.lines.push_back(plain_line(base.request, selector, gap - 1));
              })) {
            exact = true;
            break;
          }
        }
        CHECK(exact);
      } else {
        REQUIRE(nudge.quantity);
        REQUIRE(nudge.selector);
        const till::Line* cheapest = nullptr;
        for (const auto& l : base.request.lines)
          if (till::matches(*nudge.selector, l) && (!cheapest || l.unit_price < cheapest->unit_price)) cheapest = &l;
        if (!cheapest) continue;  // no basket unit to copy
        ++quantities;
        const std::int64_t quantity = *nudge.quantity;
        CHECK(quantity >= 1);
        auto add_copies = [&](std::int64_t count) {
          return [&, count](till::Request& r) {
            till::Line copy = *cheapest;
            copy.id = plain_line(base.request, nullptr, 0).id;
            copy.quantity = count;
            r.lines.push_back(copy);
          };
        };
        bool exact = false;
        for (int tier : tiers) {
          if (applies_with(base, nudge.promotion, tier, nudge.code, add_copies(quantity)) &&
              (quantity == 1 || !applies_with(base, nudge.promotion, tier, nudge.code, add_copies(quantity - 1)))) {
            exact = true;
            break;
          }
        }
        CHECK(exact);
      }
    }
  }
  // The generator must actually exercise both kinds, or this test proves nothing.
  CHECK(gaps > 100);
  CHECK(quantities > 50);
}

// A tiered promotion that is not applied is nudged toward whichever tier needs the smallest change.
TEST_CASE("a tiered promotion's quantity nudge is the smallest over all its tiers", "[nudges]") {
  const std::string promo = R"({"id": "t", "tiers": [
      {"reward": {"type": "multibuy", "selector": {}, "quantity": 4, "percent": 100}},
      {"reward": {"type": "multibuy", "selector": {"skus": ["X"]}, "quantity": 2, "pay_for": 1}}]})";
  // X 500 and Y 7000: tier 0 needs 2 more units, tier 1 only 1 more X (then one 500 is free). Adding one X
  // earns the promotion, so the smallest change is 1.
  const std::string basket = line("x", "X", 1, 500) + "," + line("y", "Y", 1, 7000);
  auto with_one = run(promo, basket + "," + line("x2", "X", 1, 500));
  REQUIRE(with_one.applied.size() == 1);
  CHECK(with_one.applied[0].amount == 500);
  const till::Nudge n = only_nudge(run(promo, basket));
  CHECK(n.kind == till::NudgeKind::add_items);
  CHECK(n.quantity == 1);
}

// With only count parts short, the quantity search looks past the count that meets them: a promotion
// may need one more unit to also win its class (here: q's 1 off would take the basket below near's 2000
// after order discounts, and near's 248 beats q's 1), and 2 units earn it.
TEST_CASE("a quantity nudge searches past the count that meets the condition", "[nudges]") {
  const std::string promos =
      R"({"id": "q", "stackable": true, "condition": {"items": [{"selector": {}, "min_quantity": 2}]},
          "reward": {"type": "amount_off_order", "amount": 1}},
         {"id": "near", "condition": {"min_subtotal": 2000}, "reward": {"type": "shipping", "percent": 50}})";
  // 1 x 1000. With 1 more (2000): {q} = 1 and {near} = 248 exclude each other (1999 < 2000), near wins.
  // With 2 more (3000): both apply (2999 >= 2000). So q's nudge is add_items, quantity 2.
  auto two_more = run(promos, line("a", "A", 3, 1000));
  CHECK(two_more.applied.size() == 2);
  auto r = run(promos, line("a", "A", 1, 1000));
  REQUIRE(r.nudges.size() == 2);
  CHECK(r.nudges[1].promotion == "q");
  CHECK(r.nudges[1].quantity == 2);
}

// Plans that cannot make the cut are never probed; that must not change which nudges are shown: with
// probes to spare, the first k of all the nudges are exactly the nudges shown with max_nudges k.
TEST_CASE("max_nudges k shows the first k of all the nudges", "[nudges][property]") {
  till::EngineLimits generous;
  generous.nudge_probes = 1'000'000;
  int compared = 0;
  for (std::uint64_t seed = 0; seed < 1500; ++seed) {
    const till::testing::RandomCase input = till::testing::make_case(seed, false);
    auto rules = till::read_rules(input.rules);
    auto request = till::read_request(input.request);
    REQUIRE(rules.ok());
    REQUIRE(request.ok());
    request->options.max_nudges = 1000;
    auto all = till::price(*rules, *request, generous);
    REQUIRE(all.ok());
    if (all->nudges.size() < 2) continue;
    for (std::int64_t k = 1; k < static_cast<std::int64_t>(all->nudges.size()); ++k) {
      INFO("seed " << seed << ", max_nudges " << k);
      request->options.max_nudges = k;
      auto cut = till::price(*rules, *request, generous);
      REQUIRE(cut.ok());
      REQUIRE(static_cast<std::int64_t>(cut->nudges.size()) == k);
      for (std::size_t i = 0; i < cut->nudges.size(); ++i) {
        CHECK(cut->nudges[i].promotion == all->nudges[i].promotion);
        CHECK(cut->nudges[i].gap == all->nudges[i].gap);
        CHECK(cut->nudges[i].quantity == all->nudges[i].quantity);
        CHECK(cut->nudges[i].message == all->nudges[i].message);
      }
      ++compared;
    }
  }
  CHECK(compared > 100);
}

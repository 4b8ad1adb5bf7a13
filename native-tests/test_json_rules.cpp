// Validation of the rule set (§1, §2, §8): every rule with its code and exact JSON Pointer, the order of
// checks (unknown, then missing, then values in the SPEC's order), and what a valid rule set reads as.
#include <catch2/catch.hpp>
#include <string>
#include <vector>

#include "json/json_api.hpp"
#include "support/json_documents.hpp"

using till::ErrorCode;
using till::testing::promotion_with;
using till::testing::require_error;
using till::testing::rules_with;
using till::testing::rules_with_reward;

namespace {

struct Refused {
  std::string rules;
  ErrorCode code;
  std::string path;
};

void check_all(const std::vector<Refused>& cases) {
  for (const Refused& c : cases) {
    INFO("rules: " << c.rules);
    require_error(till::read_rules(c.rules), c.code, "rules", c.path);
  }
}

std::string tiers(const std::string& list) { return rules_with(R"({"id": "p", "tiers": )" + list + "}"); }

const std::string kItems = R"("selector": {"skus": ["A"]})";

}  // namespace

TEST_CASE("rule set: the document, currency and minor units", "[json][rules]") {
  check_all({
      {"[]", ErrorCode::invalid_rules, ""},
      {"\"GBP\"", ErrorCode::invalid_rules, ""},
      {"{}", ErrorCode::invalid_rules, "/currency"},
      {R"({"promotion": []})", ErrorCode::invalid_rules, "/promotion"},  // unknown before missing
      {R"({"currency": "GBP", "x/y~z": 1})", ErrorCode::invalid_rules, "/x~1y~0z"},
      {R"({"currency": "gbp"})", ErrorCode::invalid_rules, "/currency"},
      {R"({"currency": "GBPX"})", ErrorCode::invalid_rules, "/currency"},
      {R"({"currency": "G1P"})", ErrorCode::invalid_rules, "/currency"},
      {R"({"currency": 826})", ErrorCode::invalid_rules, "/currency"},
      {R"({"currency": "XBT"})", ErrorCode::invalid_rules, "/minor_units"},
      {R"({"currency": "XBT", "minor_units": 50})", ErrorCode::invalid_rules, "/minor_units"},
      {R"({"currency": "XBT", "minor_units": 0})", ErrorCode::invalid_rules, "/minor_units"},
      {R"({"currency": "XBT", "minor_units": 100000})", ErrorCode::invalid_rules, "/minor_units"},
      {R"({"currency": "GBP", "minor_units": 1000})", ErrorCode::invalid_rules, "/minor_units"},
      {R"({"currency": "JPY", "minor_units": 100})", ErrorCode::invalid_rules, "/minor_units"},
      {R"({"currency": "JPY", "minor_units": 1.0})", ErrorCode::invalid_rules, "/minor_units"},
      {R"({"currency": "GBP", "rounding": "up"})", ErrorCode::invalid_rules, "/rounding"},
      {R"({"currency": "GBP", "rounding": null})", ErrorCode::invalid_rules, "/rounding"},
      {R"({"currency": "GBP", "selection": "best"})", ErrorCode::invalid_rules, "/selection"},
      {R"({"currency": "GBP", "id": 7})", ErrorCode::invalid_rules, "/id"},
      {R"({"currency": "GBP", "version": 1})", ErrorCode::invalid_rules, "/version"},
      // Values in the SPEC's order: currency before rounding, whatever the document's order.
      {R"({"rounding": "up", "currency": "gbp"})", ErrorCode::invalid_rules, "/currency"},
  });
}

TEST_CASE("rule set: shipping methods and loyalty", "[json][rules]") {
  check_all({
      {R"({"currency": "GBP", "shipping_methods": {}})", ErrorCode::invalid_rules, "/shipping_methods"},
      {R"({"currency": "GBP", "shipping_methods": [{"id": "a"}]})", ErrorCode::invalid_rules,
       "/shipping_methods/0/price"},
      // Missing members are reported before bad values.
      {R"({"currency": "GBP", "shipping_methods": [{"id": "a b"}]})", ErrorCode::invalid_rules,
       "/shipping_methods/0/price"},
      {R"({"currency": "GBP", "shipping_methods": [{"id": "a b", "price": 1}]})", ErrorCode::invalid_rules,
       "/shipping_methods/0/id"},
      {R"({"currency": "GBP", "shipping_methods": [{"id": "a", "price": 1}, {"id": "a", "price": 2}]})",
       ErrorCode::invalid_rules, "/shipping_methods/1/id"},
      {R"({"currency": "GBP", "shipping_methods": [{"id": "a", "price": -1}]})", ErrorCode::invalid_rules,
       "/shipping_methods/0/price"},
      {R"({"currency": "GBP", "shipping_methods": [{"id": "a", "price": 1000000000001}]})",
       ErrorCode::invalid_rules, "/shipping_methods/0/price"},
      {R"({"currency": "GBP", "shipping_methods": [{"id": "a", "price": 4.95}]})", ErrorCode::invalid_rules,
       "/shipping_methods/0/price"},
      {R"({"currency": "GBP", "shipping_methods": [{"id": "a", "price": 1, "cost": 1}]})", ErrorCode::invalid_rules,
       "/shipping_methods/0/cost"},
      {R"({"currency": "GBP", "loyalty": {}})", ErrorCode::invalid_rules, "/loyalty/points_per_major_unit"},
      {R"({"currency": "GBP", "loyalty": {"points_per_major_unit": -1}})", ErrorCode::invalid_rules,
       "/loyalty/points_per_major_unit"},
      {R"({"currency": "GBP", "loyalty": {"points_per_major_unit": 1, "tier_multipliers": {"gold": 1.5}}})",
       ErrorCode::invalid_rules, "/loyalty/tier_multipliers/gold"},
      {R"({"currency": "GBP", "loyalty": {"points_per_major_unit": 1, "tier_multipliers": {"a/b~c": -2}}})",
       ErrorCode::invalid_rules, "/loyalty/tier_multipliers/a~1b~0c"},
      {R"({"currency": "GBP", "loyalty": {"points_per_major_unit": 1, "tier_multipliers": []}})",
       ErrorCode::invalid_rules, "/loyalty/tier_multipliers"},
      {R"({"currency": "GBP", "promotions": {}})", ErrorCode::invalid_rules, "/promotions"},
      {R"({"currency": "GBP", "promotions": [7]})", ErrorCode::invalid_rules, "/promotions/0"},
  });
}

TEST_CASE("rule set: more than 10,000 promotions is limit_exceeded", "[json][rules]") {
  std::string many;
  for (int i = 0; i < 10'001; ++i) {
    // Appended piece by piece: operator+ chains here trip GCC 12's false -Wrestrict warning at -O2.
    if (i > 0) many += ',';
    many += R"({"id": "p)";
    many += std::to_string(i);
    many += R"(", "reward": {"type": "amount_off_order", "amount": 1}})";
  }
  require_error(till::read_rules(rules_with(many)), ErrorCode::limit_exceeded, "rules", "/promotions");
  const std::string ten_thousand = many.substr(0, many.rfind(",{"));
  const auto rules = till::read_rules(rules_with(ten_thousand));
  REQUIRE(rules.ok());
  CHECK(rules->promotions.size() == 10'000);
}

TEST_CASE("promotion: identity, names, priority and dates", "[json][rules]") {
  const std::string reward = R"("reward": {"type": "percent_off_order", "percent": 10})";
  check_all({
      {rules_with("{" + reward + "}"), ErrorCode::invalid_rules, "/promotions/0/id"},
      {rules_with(R"({"rewards": {}, "id": "p"})"), ErrorCode::invalid_rules, "/promotions/0/rewards"},
      {rules_with(R"({"bogus": 1, )" + reward + "}"), ErrorCode::invalid_rules, "/promotions/0/bogus"},
      {rules_with(R"({"id": "p"})"), ErrorCode::invalid_rules, "/promotions/0/reward"},
      {rules_with(R"({"id": "p", )" + reward + R"(, "tiers": []})"), ErrorCode::invalid_rules, "/promotions/0/tiers"},
      {rules_with(R"({"id": "p", "condition": {}, "tiers": [{)" + reward + "}]}"), ErrorCode::invalid_rules,
       "/promotions/0/condition"},
      {rules_with(R"({"id": "bad id", )" + reward + "}"), ErrorCode::invalid_rules, "/promotions/0/id"},
      {rules_with(R"({"id": "", )" + reward + "}"), ErrorCode::invalid_rules, "/promotions/0/id"},
      {rules_with(R"({"id": ")" + std::string(65, 'a') + R"(", )" + reward + "}"), ErrorCode::invalid_rules,
       "/promotions/0/id"},
      {rules_with(R"({"id": "caf\u00e9", )" + reward + "}"), ErrorCode::invalid_rules, "/promotions/0/id"},
      {rules_with(R"({"id": 1, )" + reward + "}"), ErrorCode::invalid_rules, "/promotions/0/id"},
      {rules_with(promotion_with("") + "," + promotion_with("")), ErrorCode::invalid_rules, "/promotions/1/id"},
      {rules_with(promotion_with(R"(, "name": 5)")), ErrorCode::invalid_rules, "/promotions/0/name"},
      {rules_with(promotion_with(R"(, "priority": 1.5)")), ErrorCode::invalid_rules, "/promotions/0/priority"},
      {rules_with(promotion_with(R"(, "priority": 1e3)")), ErrorCode::invalid_rules, "/promotions/0/priority"},
      {rules_with(promotion_with(R"(, "priority": 9007199254740993)")), ErrorCode::invalid_rules,
       "/promotions/0/priority"},
      {rules_with(promotion_with(R"(, "priority": -9007199254740993)")), ErrorCode::invalid_rules,
       "/promotions/0/priority"},
      {rules_with(promotion_with(R"(, "priority": 18446744073709551615)")), ErrorCode::invalid_rules,
       "/promotions/0/priority"},
      {rules_with(promotion_with(R"(, "priority": 100000000000000000000)")), ErrorCode::invalid_rules,
       "/promotions/0/priority"},
      {rules_with(promotion_with(R"(, "priority": "1")")), ErrorCode::invalid_rules, "/promotions/0/priority"},
      {rules_with(promotion_with(R"(, "starts_at": "2026-11-01")")), ErrorCode::invalid_rules,
       "/promotions/0/starts_at"},
      {rules_with(promotion_with(R"(, "starts_at": "2026-02-30T00:00:00Z")")), ErrorCode::invalid_rules,
       "/promotions/0/starts_at"},
      {rules_with(promotion_with(R"(, "ends_at": "2026-11-01T00:00:00+01:00")")), ErrorCode::invalid_rules,
       "/promotions/0/ends_at"},
      {rules_with(promotion_with(R"(, "starts_at": "2026-11-01T00:00:00Z", "ends_at": "2026-11-01T00:00:00Z")")),
       ErrorCode::invalid_rules, "/promotions/0/ends_at"},
      {rules_with(promotion_with(R"(, "ends_at": "2026-10-01T00:00:00Z", "starts_at": "2026-11-01T00:00:00Z")")),
       ErrorCode::invalid_rules, "/promotions/0/ends_at"},
      // Values in the SPEC's order: the id is checked before the priority written ahead of it.
      {rules_with(R"({"priority": "x", "id": "bad id", )" + reward + "}"), ErrorCode::invalid_rules,
       "/promotions/0/id"},
  });
}

TEST_CASE("promotion: coupon, usage limit, messages", "[json][rules]") {
  std::string thousand_and_one;
  for (int i = 0; i < 1'001; ++i) thousand_and_one += (i == 0 ? "\"C" : ",\"C") + std::to_string(i) + "\"";
  check_all({
      {rules_with(promotion_with(R"(, "coupon": {"public": true})")), ErrorCode::invalid_rules,
       "/promotions/0/coupon/codes"},
      {rules_with(promotion_with(R"(, "coupon": {"codes": "A"})")), ErrorCode::invalid_rules,
       "/promotions/0/coupon/codes"},
      {rules_with(promotion_with(R"(, "coupon": {"codes": ["A", 1]})")), ErrorCode::invalid_rules,
       "/promotions/0/coupon/codes/1"},
      {rules_with(promotion_with(R"(, "coupon": {"codes": ["A", ""]})")), ErrorCode::invalid_rules,
       "/promotions/0/coupon/codes/1"},
      {rules_with(promotion_with(R"(, "coupon": {"codes": [" \t "]})")), ErrorCode::invalid_rules,
       "/promotions/0/coupon/codes/0"},
      {rules_with(promotion_with(R"(, "coupon": {"codes": ["A"], "public": "yes"})")), ErrorCode::invalid_rules,
       "/promotions/0/coupon/public"},
      {rules_with(promotion_with(R"(, "coupon": {"codes": ["A"], "hidden": true})")), ErrorCode::invalid_rules,
       "/promotions/0/coupon/hidden"},
      {rules_with(promotion_with(R"(, "coupon": {"codes": [)" + thousand_and_one + "]}")),
       ErrorCode::limit_exceeded, "/promotions/0/coupon/codes"},
      {rules_with(promotion_with(R"(, "usage_limit": {"per_customer": -1})")), ErrorCode::invalid_rules,
       "/promotions/0/usage_limit/per_customer"},
      {rules_with(promotion_with(R"(, "usage_limit": {"total": 1.0})")), ErrorCode::invalid_rules,
       "/promotions/0/usage_limit/total"},
      {rules_with(promotion_with(R"(, "usage_limit": {"per_day": 1})")), ErrorCode::invalid_rules,
       "/promotions/0/usage_limit/per_day"},
      {rules_with(promotion_with(R"(, "messages": {"apply": "x"})")), ErrorCode::invalid_rules,
       "/promotions/0/messages/apply"},
      {rules_with(promotion_with(R"(, "messages": {"nudge": ["x"]})")), ErrorCode::invalid_rules,
       "/promotions/0/messages/nudge"},
  });
  const std::string thousand = thousand_and_one.substr(0, thousand_and_one.rfind(','));
  CHECK(till::read_rules(rules_with(promotion_with(R"(, "coupon": {"codes": [)" + thousand + "]}"))).ok());
}

TEST_CASE("promotion: audience", "[json][rules]") {
  const auto audience = [](const std::string& body) {
    return rules_with(promotion_with(R"(, "audience": )" + body));
  };
  check_all({
      {audience("[]"), ErrorCode::invalid_rules, "/promotions/0/audience"},
      {audience(R"({"segment": ["vip"]})"), ErrorCode::invalid_rules, "/promotions/0/audience/segment"},
      {audience(R"({"segments_any": "vip"})"), ErrorCode::invalid_rules, "/promotions/0/audience/segments_any"},
      {audience(R"({"segments_any": ["vip", 2]})"), ErrorCode::invalid_rules,
       "/promotions/0/audience/segments_any/1"},
      {audience(R"({"segments_none": [null]})"), ErrorCode::invalid_rules, "/promotions/0/audience/segments_none/0"},
      {audience(R"({"loyalty_tiers": {}})"), ErrorCode::invalid_rules, "/promotions/0/audience/loyalty_tiers"},
      {audience(R"({"first_order": 1})"), ErrorCode::invalid_rules, "/promotions/0/audience/first_order"},
      {audience(R"({"min_orders": -1})"), ErrorCode::invalid_rules, "/promotions/0/audience/min_orders"},
      {audience(R"({"min_days_since_last_order": 180.5})"), ErrorCode::invalid_rules,
       "/promotions/0/audience/min_days_since_last_order"},
      {audience(R"({"birthday_within_days": 1e3})"), ErrorCode::invalid_rules,
       "/promotions/0/audience/birthday_within_days"},
      {audience(R"({"newsletter": "yes"})"), ErrorCode::invalid_rules, "/promotions/0/audience/newsletter"},
      {audience(R"({"channels": "web"})"), ErrorCode::invalid_rules, "/promotions/0/audience/channels"},
      {audience(R"({"devices": [true]})"), ErrorCode::invalid_rules, "/promotions/0/audience/devices/0"},
      {audience(R"({"countries": "GB"})"), ErrorCode::invalid_rules, "/promotions/0/audience/countries"},
      {audience(R"({"referred": null})"), ErrorCode::invalid_rules, "/promotions/0/audience/referred"},
      {audience(R"({"not_recently_purchased": {"selector": {}}})"), ErrorCode::invalid_rules,
       "/promotions/0/audience/not_recently_purchased/days"},
      {audience(R"({"not_recently_purchased": {"days": 14}})"), ErrorCode::invalid_rules,
       "/promotions/0/audience/not_recently_purchased/selector"},
      {audience(R"({"not_recently_purchased": {"selector": {"sku": ["A"]}, "days": 14}})"), ErrorCode::invalid_rules,
       "/promotions/0/audience/not_recently_purchased/selector/sku"},
      {audience(R"({"not_recently_purchased": {"selector": {}, "days": -1}})"), ErrorCode::invalid_rules,
       "/promotions/0/audience/not_recently_purchased/days"},
      // §2.4's order: segments_any is checked before min_orders, wherever each is written.
      {audience(R"({"min_orders": -1, "segments_any": 1})"), ErrorCode::invalid_rules,
       "/promotions/0/audience/segments_any"},
  });
}

TEST_CASE("promotion: condition and selectors", "[json][rules]") {
  const auto condition = [](const std::string& body) {
    return rules_with(promotion_with(R"(, "condition": )" + body));
  };
  check_all({
      {condition(R"({"min_subtotal": -1})"), ErrorCode::invalid_rules, "/promotions/0/condition/min_subtotal"},
      {condition(R"({"min_subtotal": 1000000000001})"), ErrorCode::invalid_rules,
       "/promotions/0/condition/min_subtotal"},
      {condition(R"({"min_subtotal": 50.0})"), ErrorCode::invalid_rules, "/promotions/0/condition/min_subtotal"},
      {condition(R"({"min_total": 5})"), ErrorCode::invalid_rules, "/promotions/0/condition/min_total"},
      {condition(R"({"items": {}})"), ErrorCode::invalid_rules, "/promotions/0/condition/items"},
      {condition(R"({"items": [{}]})"), ErrorCode::invalid_rules, "/promotions/0/condition/items/0/selector"},
      {condition(R"({"items": [{)" + kItems + R"(, "min_quantity": 0}]})"), ErrorCode::invalid_rules,
       "/promotions/0/condition/items/0/min_quantity"},
      {condition(R"({"items": [{)" + kItems + R"(, "min_quantity": 10001}]})"), ErrorCode::invalid_rules,
       "/promotions/0/condition/items/0/min_quantity"},
      {condition(R"({"items": [{)" + kItems + R"(, "min_subtotal": -5}]})"), ErrorCode::invalid_rules,
       "/promotions/0/condition/items/0/min_subtotal"},
      {condition(R"({"items": [{"selector": {"sku": "A"}}]})"), ErrorCode::invalid_rules,
       "/promotions/0/condition/items/0/selector/sku"},
      {condition(R"({"items": [{"selector": []}]})"), ErrorCode::invalid_rules,
       "/promotions/0/condition/items/0/selector"},
      {condition(R"({"items": [{"selector": {"skus": "A"}}]})"), ErrorCode::invalid_rules,
       "/promotions/0/condition/items/0/selector/skus"},
      {condition(R"({"items": [{"selector": {"brands": [1]}}]})"), ErrorCode::invalid_rules,
       "/promotions/0/condition/items/0/selector/brands/0"},
      {condition(R"({"items": [{"selector": {"exclude_skus": "A"}}]})"), ErrorCode::invalid_rules,
       "/promotions/0/condition/items/0/selector/exclude_skus"},
      {condition(R"({"items": [{"selector": {"min_unit_price": -1}}]})"), ErrorCode::invalid_rules,
       "/promotions/0/condition/items/0/selector/min_unit_price"},
      {condition(R"({"items": [{"selector": {"min_unit_price": 500, "max_unit_price": 499}}]})"),
       ErrorCode::invalid_rules, "/promotions/0/condition/items/0/selector/max_unit_price"},
  });
}

TEST_CASE("rewards: type and allowed fields", "[json][rules]") {
  check_all({
      {rules_with_reward("[]"), ErrorCode::invalid_rules, "/promotions/0/reward"},
      {rules_with_reward(R"({"percent": 10})"), ErrorCode::invalid_rules, "/promotions/0/reward/type"},
      {rules_with_reward(R"({"type": "percent_off", "percent": 10})"), ErrorCode::invalid_rules,
       "/promotions/0/reward/type"},
      {rules_with_reward(R"({"type": 3, "percent": 10})"), ErrorCode::invalid_rules, "/promotions/0/reward/type"},
      // The conformance scenario's typo: an unknown field is reported at itself, before anything else.
      {rules_with_reward(R"({"type": "percent_off_order", "precent": 10})"), ErrorCode::invalid_rules,
       "/promotions/0/reward/precent"},
      {rules_with_reward(R"({"precent": 10})"), ErrorCode::invalid_rules, "/promotions/0/reward/precent"},
      // A field of another reward type is refused too.
      {rules_with_reward(R"({"type": "percent_off_order", "percent": 10, "selector": {}})"),
       ErrorCode::invalid_rules, "/promotions/0/reward/selector"},
      {rules_with_reward(R"({"type": "percent_off_order"})"), ErrorCode::invalid_rules,
       "/promotions/0/reward/percent"},
      {rules_with_reward(R"({"type": "amount_off_order", "percent": 10})"), ErrorCode::invalid_rules,
       "/promotions/0/reward/percent"},
      {rules_with_reward(R"({"type": "amount_off_order"})"), ErrorCode::invalid_rules, "/promotions/0/reward/amount"},
      {rules_with_reward(R"({"type": "amount_off_order", "amount": -1})"), ErrorCode::invalid_rules,
       "/promotions/0/reward/amount"},
      {rules_with_reward(R"({"type": "percent_off_items", "percent": 10})"), ErrorCode::invalid_rules,
       "/promotions/0/reward/selector"},
      {rules_with_reward(R"({"type": "percent_off_items", "selector": {}, "percent": 10, "max_quantity": 0})"),
       ErrorCode::invalid_rules, "/promotions/0/reward/max_quantity"},
      {rules_with_reward(R"({"type": "amount_off_items", "selector": {}, "amount": 5, "per": "each"})"),
       ErrorCode::invalid_rules, "/promotions/0/reward/per"},
      {rules_with_reward(R"({"type": "amount_off_items", "selector": {}, "amount": 5, "unit_price": 1})"),
       ErrorCode::invalid_rules, "/promotions/0/reward/unit_price"},
      {rules_with_reward(R"({"type": "fixed_price_items", "selector": {}})"), ErrorCode::invalid_rules,
       "/promotions/0/reward/unit_price"},
      {rules_with_reward(R"({"type": "fixed_price_items", "selector": {}, "unit_price": "1"})"),
       ErrorCode::invalid_rules, "/promotions/0/reward/unit_price"},
  });
}

TEST_CASE("rewards: percentages are numbers in [0, 100] with at most two decimals", "[json][rules]") {
  const auto percent = [](const std::string& value) {
    return rules_with_reward(R"({"type": "percent_off_order", "percent": )" + value + "}");
  };
  check_all({
      {percent("120"), ErrorCode::invalid_rules, "/promotions/0/reward/percent"},
      {percent("100.01"), ErrorCode::invalid_rules, "/promotions/0/reward/percent"},
      {percent("-1"), ErrorCode::invalid_rules, "/promotions/0/reward/percent"},
      {percent("-0.5"), ErrorCode::invalid_rules, "/promotions/0/reward/percent"},
      {percent("12.345"), ErrorCode::invalid_rules, "/promotions/0/reward/percent"},
      {percent("0.001"), ErrorCode::invalid_rules, "/promotions/0/reward/percent"},
      {percent("\"10\""), ErrorCode::invalid_rules, "/promotions/0/reward/percent"},
      {percent("true"), ErrorCode::invalid_rules, "/promotions/0/reward/percent"},
      {percent("18446744073709551615"), ErrorCode::invalid_rules, "/promotions/0/reward/percent"},
  });
  const auto over = till::read_rules(percent("120"));
  CHECK(over.error().message == "percent must be at most 100 (got 120)");
  const std::pair<const char*, till::Basis> accepted[] = {
      {"0", 0},       {"100", 10000}, {"10", 1000},   {"12.5", 1250}, {"0.07", 7},    {"0.01", 1},
      {"33.33", 3333}, {"99.99", 9999}, {"1e1", 1000},  {"100.0", 10000}, {"4.35", 435}, {"0.29", 29},
  };
  for (const auto& [text, basis] : accepted) {
    INFO(text);
    const auto rules = till::read_rules(percent(text));
    REQUIRE(rules.ok());
    CHECK(rules->promotions[0].tiers[0].reward.percent == basis);
  }
}

TEST_CASE("rewards: multibuy, buy_x_get_y, free_gift and shipping", "[json][rules]") {
  check_all({
      {rules_with_reward(R"({"type": "multibuy", "selector": {}, "quantity": 1, "pay_for": 1})"),
       ErrorCode::invalid_rules, "/promotions/0/reward/quantity"},
      {rules_with_reward(R"({"type": "multibuy", "selector": {}, "quantity": 3})"), ErrorCode::invalid_rules,
       "/promotions/0/reward"},
      {rules_with_reward(R"({"type": "multibuy", "selector": {}, "quantity": 3, "price": 1000, "percent": 10})"),
       ErrorCode::invalid_rules, "/promotions/0/reward/percent"},
      {rules_with_reward(R"({"type": "multibuy", "selector": {}, "quantity": 3, "pay_for": 3})"),
       ErrorCode::invalid_rules, "/promotions/0/reward/pay_for"},
      {rules_with_reward(R"({"type": "multibuy", "selector": {}, "quantity": 3, "pay_for": 0})"),
       ErrorCode::invalid_rules, "/promotions/0/reward/pay_for"},
      {rules_with_reward(R"({"type": "multibuy", "quantity": 3, "pay_for": 2})"), ErrorCode::invalid_rules,
       "/promotions/0/reward/selector"},
      {rules_with_reward(R"({"type": "buy_x_get_y", "buy": {"selector": {}}, "percent": 100})"),
       ErrorCode::invalid_rules, "/promotions/0/reward/get"},
      {rules_with_reward(R"({"type": "buy_x_get_y", "buy": {"selector": {}}, "get": {"selector": {}}})"),
       ErrorCode::invalid_rules, "/promotions/0/reward"},
      {rules_with_reward(
           R"({"type": "buy_x_get_y", "buy": {"selector": {}}, "get": {"selector": {}}, "percent": 10, "amount": 5})"),
       ErrorCode::invalid_rules, "/promotions/0/reward/amount"},
      {rules_with_reward(
           R"({"type": "buy_x_get_y", "buy": {"selector": {}, "quantity": 0}, "get": {"selector": {}}, "percent": 10})"),
       ErrorCode::invalid_rules, "/promotions/0/reward/buy/quantity"},
      {rules_with_reward(R"({"type": "buy_x_get_y", "buy": {"selector": {}}, "get": {"quantity": 1}, "percent": 10})"),
       ErrorCode::invalid_rules, "/promotions/0/reward/get/selector"},
      {rules_with_reward(
           R"({"type": "buy_x_get_y", "buy": {"selector": {}}, "get": {"selector": {}, "qty": 1}, "percent": 10})"),
       ErrorCode::invalid_rules, "/promotions/0/reward/get/qty"},
      {rules_with_reward(R"({"type": "buy_x_get_y", "buy": {"selector": {}}, "get": {"selector": {}},
                             "unit_price": -1})"),
       ErrorCode::invalid_rules, "/promotions/0/reward/unit_price"},
      {rules_with_reward(R"({"type": "free_gift", "sku": "G"})"), ErrorCode::invalid_rules,
       "/promotions/0/reward/name"},
      {rules_with_reward(R"({"type": "free_gift", "sku": "", "name": "Gift"})"), ErrorCode::invalid_rules,
       "/promotions/0/reward/sku"},
      {rules_with_reward(R"({"type": "free_gift", "sku": "G", "name": "Gift", "quantity": 0})"),
       ErrorCode::invalid_rules, "/promotions/0/reward/quantity"},
      {rules_with_reward(R"({"type": "free_gift", "sku": "G", "name": "Gift", "value": -1})"),
       ErrorCode::invalid_rules, "/promotions/0/reward/value"},
      {rules_with_reward(R"({"type": "free_gift", "sku": "G", "name": "Gift", "percent": 1})"),
       ErrorCode::invalid_rules, "/promotions/0/reward/percent"},
      {rules_with_reward(R"({"type": "shipping"})"), ErrorCode::invalid_rules, "/promotions/0/reward"},
      {rules_with_reward(R"({"type": "shipping", "percent": 100, "price": 0})"), ErrorCode::invalid_rules,
       "/promotions/0/reward/price"},
      {rules_with_reward(R"({"type": "shipping", "percent": 100, "methods": ["standard", "overnight"]})"),
       ErrorCode::invalid_rules, "/promotions/0/reward/methods/1"},
      {rules_with_reward(R"({"type": "shipping", "percent": 100, "methods": "standard"})"), ErrorCode::invalid_rules,
       "/promotions/0/reward/methods"},
      {rules_with_reward(R"({"type": "shipping", "amount": 100, "selector": {}})"), ErrorCode::invalid_rules,
       "/promotions/0/reward/selector"},
  });
}

TEST_CASE("tiers: one or more, each with a reward, all of one class", "[json][rules]") {
  const std::string order10 = R"({"reward": {"type": "percent_off_order", "percent": 10}})";
  check_all({
      {tiers("[]"), ErrorCode::invalid_rules, "/promotions/0/tiers"},
      {tiers("{}"), ErrorCode::invalid_rules, "/promotions/0/tiers"},
      {tiers(R"([{"name": "x"}])"), ErrorCode::invalid_rules, "/promotions/0/tiers/0/reward"},
      {tiers(R"([{"conditon": {}, "reward": {"type": "percent_off_order", "percent": 10}}])"),
       ErrorCode::invalid_rules, "/promotions/0/tiers/0/conditon"},
      {tiers(R"([{"name": 1, "reward": {"type": "percent_off_order", "percent": 10}}])"), ErrorCode::invalid_rules,
       "/promotions/0/tiers/0/name"},
      {tiers("[" + order10 + R"(, {"condition": {"min_subtotal": -1}, "reward": {"type": "amount_off_order",
              "amount": 5}}])"),
       ErrorCode::invalid_rules, "/promotions/0/tiers/1/condition/min_subtotal"},
      {tiers("[" + order10 + R"(, {"reward": {"type": "shipping", "percent": 100}}])"), ErrorCode::invalid_rules,
       "/promotions/0/tiers/1/reward/type"},
  });
  const auto rules = till::read_rules(tiers("[" + order10 + R"(, {"name": "Gold", "condition": {"min_subtotal": 10000},
                                            "reward": {"type": "amount_off_order", "amount": 1500}}])"));
  REQUIRE(rules.ok());
  const till::Promotion& promotion = rules->promotions[0];
  CHECK(promotion.tiered);
  REQUIRE(promotion.tiers.size() == 2);
  CHECK_FALSE(promotion.tiers[0].name.has_value());
  CHECK(promotion.tiers[1].name == "Gold");
  CHECK(promotion.tiers[1].condition.min_subtotal == 10000);
  CHECK(promotion.tiers[1].reward.amount == 1500);
}

TEST_CASE("contradictions: exclusive with stackable, max_applications, free_gift caps", "[json][rules]") {
  const std::string gift = R"({"id": "g", "reward": {"type": "free_gift", "sku": "G", "name": "Gift"})";
  const std::string multibuy =
      R"({"id": "m", "reward": {"type": "multibuy", "selector": {}, "quantity": 3, "pay_for": 2})";
  check_all({
      {rules_with(promotion_with(R"(, "exclusive": true, "stackable": true)")), ErrorCode::invalid_rules,
       "/promotions/0/stackable"},
      {rules_with(promotion_with(R"(, "exclusive": "true")")), ErrorCode::invalid_rules, "/promotions/0/exclusive"},
      {rules_with(promotion_with(R"(, "max_applications": 1)")), ErrorCode::invalid_rules,
       "/promotions/0/max_applications"},
      {rules_with(multibuy + R"(, "max_applications": 0})"), ErrorCode::invalid_rules,
       "/promotions/0/max_applications"},
      {rules_with(gift + R"(, "max_discount": 100})"), ErrorCode::invalid_rules, "/promotions/0/max_discount"},
      {rules_with(gift + R"(, "stackable": true})"), ErrorCode::invalid_rules, "/promotions/0/stackable"},
      {rules_with(gift + R"(, "max_applications": 1})"), ErrorCode::invalid_rules, "/promotions/0/max_applications"},
      {rules_with(promotion_with(R"(, "max_discount": -1)")), ErrorCode::invalid_rules, "/promotions/0/max_discount"},
  });
  CHECK(till::read_rules(rules_with(multibuy + R"(, "max_applications": 2, "max_discount": 500})")).ok());
  CHECK(till::read_rules(rules_with(gift + R"(, "exclusive": true, "stackable": false})")).ok());
}

TEST_CASE("a valid rule set reads into the model with the SPEC's defaults", "[json][rules]") {
  const auto rules = till::read_rules(R"({
    "id": "demo-store", "version": "2026-11-22.1", "currency": "KWD", "rounding": "half_even",
    "selection": "priority",
    "shipping_methods": [{"id": "standard", "name": "Standard delivery", "price": 495}, {"id": "express", "price": 995}],
    "loyalty": {"points_per_major_unit": 2, "tier_multipliers": {"gold": 3}},
    "promotions": [
      {"id": "speakers-10", "priority": -4, "starts_at": "2026-11-01T00:00:00Z", "ends_at": "2026-12-01T00:00:00.5Z",
       "coupon": {"codes": [" disc10 ", "Save"], "public": true},
       "audience": {"segments_any": [], "first_order": false, "not_recently_purchased": {"selector": {"skus": ["E"]},
                    "days": 14}},
       "condition": {"min_subtotal": 5000, "items": [{"selector": {"categories": ["audio"]}, "min_quantity": 2}]},
       "reward": {"type": "amount_off_items", "selector": {"skus": ["E"], "exclude_skus": ["E-B"],
                  "min_unit_price": 100}, "amount": 250, "per": "once", "max_quantity": 4},
       "usage_limit": {"per_customer": 1}, "messages": {"nudge": "Spend {gap} more"}},
      {"id": "bxgy", "name": "Buy one get one", "reward": {"type": "buy_x_get_y", "buy": {"selector": {}},
       "get": {"selector": {"tags": ["sale"]}, "quantity": 2}, "unit_price": 0}, "max_applications": 3},
      {"id": "gift", "reward": {"type": "free_gift", "sku": "G", "name": "Tote"}},
      {"id": "ship", "reward": {"type": "shipping", "percent": 50, "methods": ["express"]}, "stackable": true}
    ]})");
  REQUIRE(rules.ok());
  CHECK(rules->id == "demo-store");
  CHECK(rules->version == "2026-11-22.1");
  CHECK(rules->currency == "KWD");
  CHECK(rules->minor_units == 1000);
  CHECK(rules->rounding == till::Rounding::half_even);
  CHECK(rules->selection == till::Selection::priority);
  REQUIRE(rules->shipping_methods.size() == 2);
  CHECK(rules->shipping_methods[1].name == "express");  // defaults to the id
  CHECK(rules->shipping_methods[1].price == 995);
  REQUIRE(rules->loyalty.has_value());
  CHECK(rules->loyalty->points_per_major_unit == 2);
  CHECK(rules->loyalty->tier_multipliers.at("gold") == 3);
  REQUIRE(rules->promotions.size() == 4);

  const till::Promotion& first = rules->promotions[0];
  CHECK(first.name == "speakers-10");
  CHECK(first.priority == -4);
  CHECK(first.starts_at == till::Timestamp{1'793'491'200, 0});
  CHECK(first.ends_at == till::Timestamp{1'796'083'200, 500'000'000});
  REQUIRE(first.coupon.has_value());
  CHECK(first.coupon->codes == std::vector<std::string>{" disc10 ", "Save"});
  CHECK(first.coupon->normalized_codes == std::vector<std::string>{"DISC10", "SAVE"});
  CHECK(first.coupon->is_public);
  REQUIRE(first.audience.has_value());
  CHECK(first.audience->segments_any == std::vector<std::string>{});
  CHECK_FALSE(first.audience->segments_none.has_value());
  CHECK(first.audience->first_order == false);
  CHECK(first.audience->not_recently_purchased->days == 14);
  CHECK_FALSE(first.tiered);
  REQUIRE(first.tiers.size() == 1);
  const till::Tier& tier = first.tiers[0];
  CHECK(tier.condition.min_subtotal == 5000);
  REQUIRE(tier.condition.items.size() == 1);
  CHECK(tier.condition.items[0].min_quantity == 2);
  CHECK(tier.condition.items[0].min_subtotal == 0);
  CHECK(tier.reward.type == till::RewardType::amount_off_items);
  CHECK(tier.reward.selector.skus == std::vector<std::string>{"E"});
  CHECK_FALSE(tier.reward.selector.categories.has_value());
  CHECK(tier.reward.selector.exclude_skus == std::vector<std::string>{"E-B"});
  CHECK(tier.reward.selector.min_unit_price == 100);
  CHECK(tier.reward.amount == 250);
  CHECK(tier.reward.per == till::PerWhat::once);
  CHECK(tier.reward.max_quantity == 4);
  CHECK(first.usage_limit->per_customer == 1);
  CHECK_FALSE(first.usage_limit->total.has_value());
  CHECK(first.messages.nudge == "Spend {gap} more");
  CHECK_FALSE(first.messages.applied.has_value());

  const till::Reward& bxgy = rules->promotions[1].tiers[0].reward;
  CHECK(rules->promotions[1].name == "Buy one get one");
  CHECK(bxgy.buy.quantity == 1);
  CHECK(bxgy.get.quantity == 2);
  CHECK(bxgy.unit_price == 0);
  CHECK_FALSE(bxgy.percent.has_value());
  CHECK(rules->promotions[1].max_applications == 3);

  const till::Reward& gift = rules->promotions[2].tiers[0].reward;
  CHECK(gift.gift_sku == "G");
  CHECK(gift.gift_name == "Tote");
  CHECK(gift.quantity == 1);
  CHECK(gift.gift_value == 0);

  const till::Promotion& ship = rules->promotions[3];
  CHECK(ship.stackable);
  CHECK(ship.tiers[0].reward.percent == 5000);
  CHECK(ship.tiers[0].reward.methods == std::vector<std::string>{"express"});
}

TEST_CASE("a minimal rule set takes every default", "[json][rules]") {
  const auto rules = till::read_rules(R"({"currency": "JPY"})");
  REQUIRE(rules.ok());
  CHECK(rules->minor_units == 1);
  CHECK(rules->rounding == till::Rounding::half_up);
  CHECK(rules->selection == till::Selection::best_for_customer);
  CHECK(rules->promotions.empty());
  CHECK(rules->shipping_methods.empty());
  CHECK_FALSE(rules->loyalty.has_value());
  CHECK_FALSE(rules->version.has_value());
  const auto stated = till::read_rules(R"({"currency": "XBT", "minor_units": 10000})");
  REQUIRE(stated.ok());
  CHECK(stated->minor_units == 10000);
}

TEST_CASE("messages name the field and the value", "[json][rules]") {
  const auto message = [](const std::string& rules) { return till::read_rules(rules).error().message; };
  CHECK(message(rules_with_reward(R"({"type": "percent_off_order", "precent": 10})")) ==
        "unknown field \"precent\" in a reward");
  CHECK(message(R"({"currency": "GBP", "promotions": [{"id": "p", "priority": 2.5, "reward": {"type":
                   "amount_off_order", "amount": 1}}]})") ==
        "priority must be an integer, written without a decimal point or exponent (got 2.5)");
  CHECK(message(rules_with_reward(R"({"type": "percent_off_order", "percent": 12.345})")) ==
        "percent must have at most two decimal places (got 12.345)");
  CHECK(message(R"({"currency": "GBP", "rounding": "up"})") ==
        "rounding must be \"half_up\", \"half_even\" or \"down\" (got \"up\")");
  CHECK(message("{}") == "the rule set needs \"currency\"");
  // Long values are cut in messages, on a whole UTF-8 character.
  const std::string long_id = std::string(58, 'a') + "\xC3\xA9" + std::string(20, 'b');
  CHECK(message(rules_with(R"({"id": ")" + long_id + R"(", "reward": {"type": "amount_off_order", "amount": 1}})")) ==
        "id must be 1 to 64 of the characters A-Z a-z 0-9 _ . - (got \"" + std::string(58, 'a') + "...)");
}

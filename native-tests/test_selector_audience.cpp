// Selector matching (§2.2) and audience checks (§2.4), each field on its own and in combination, with the
// first failing field reported in §2.4 order.
#include <catch2/catch.hpp>
#include <optional>
#include <string>

#include "core/audience.hpp"
#include "core/selector.hpp"
#include "json/json_api.hpp"

namespace {

till::Line line_of(const std::string& sku, till::Money unit_price, std::vector<std::string> categories = {},
                   std::vector<std::string> tags = {}, std::optional<std::string> brand = std::nullopt) {
  till::Line line;
  line.id = "l1";
  line.sku = sku;
  line.unit_price = unit_price;
  line.categories = std::move(categories);
  line.tags = std::move(tags);
  line.brand = std::move(brand);
  return line;
}

using Names = std::vector<std::string>;

// The audience of a one-promotion rule set, read from its JSON text.
till::Audience audience_of(const std::string& audience_json) {
  std::string rules = R"({"currency": "GBP", "promotions": [{"id": "p", "audience": )";
  rules += audience_json;
  rules += R"(, "reward": {"type": "percent_off_order", "percent": 10}}]})";
  auto read = till::read_rules(rules);
  INFO(rules);
  REQUIRE(read.ok());
  return *read->promotions.front().audience;
}

// A request at `now` with `extra` top-level members (a fragment starting with a comma, or empty).
till::Request request_at(const std::string& now, const std::string& extra) {
  std::string text = R"({"currency": "GBP", "now": ")";
  text += now;
  text += R"(", "lines": [])";
  text += extra;
  text += "}";
  auto read = till::read_request(text);
  INFO(text);
  REQUIRE(read.ok());
  return *read;
}

constexpr const char* kNow = "2026-11-22T10:00:00Z";

std::optional<std::string> fails(const std::string& audience, const std::string& request_extra,
                                 const std::string& now = kNow) {
  return till::first_failing_audience_field(audience_of(audience), request_at(now, request_extra));
}

}  // namespace

TEST_CASE("an empty selector matches every line", "[selector]") {
  CHECK(till::matches(till::Selector{}, line_of("A", 0)));
  CHECK(till::matches(till::Selector{}, line_of("B", 99999, {"x"}, {"y"}, "Z")));
}

TEST_CASE("each list field matches when any of its values is on the line", "[selector]") {
  const till::Line line = line_of("E7247", 4999, {"speakers", "audio"}, {"sale"}, "Red");
  till::Selector s;
  s.skus = Names{"X", "E7247"};
  CHECK(till::matches(s, line));
  s.skus = Names{"e7247"};  // names compare exactly: case matters
  CHECK_FALSE(till::matches(s, line));

  till::Selector c;
  c.categories = Names{"headphones", "audio"};
  CHECK(till::matches(c, line));
  c.categories = Names{"headphones"};
  CHECK_FALSE(till::matches(c, line));

  till::Selector t;
  t.tags = Names{"sale"};
  CHECK(till::matches(t, line));
  t.tags = Names{"new"};
  CHECK_FALSE(till::matches(t, line));

  till::Selector b;
  b.brands = Names{"Blue", "Red"};
  CHECK(till::matches(b, line));
  b.brands = Names{"Blue"};
  CHECK_FALSE(till::matches(b, line));
}

TEST_CASE("an empty list matches no line, except exclude_skus", "[selector]") {
  const till::Line line = line_of("A", 100, {"c"}, {"t"}, "B");
  till::Selector s;
  s.skus = Names{};
  CHECK_FALSE(till::matches(s, line));
  till::Selector c;
  c.categories = Names{};
  CHECK_FALSE(till::matches(c, line));
  till::Selector t;
  t.tags = Names{};
  CHECK_FALSE(till::matches(t, line));
  till::Selector b;
  b.brands = Names{};
  CHECK_FALSE(till::matches(b, line));
  till::Selector e;
  e.exclude_skus = {};
  CHECK(till::matches(e, line));  // excludes nothing
}

TEST_CASE("exclude_skus removes the listed skus", "[selector]") {
  till::Selector s;
  s.categories = Names{"audio"};
  s.exclude_skus = {"E7247-B"};
  CHECK(till::matches(s, line_of("E7247", 1, {"audio"})));
  CHECK_FALSE(till::matches(s, line_of("E7247-B", 1, {"audio"})));
}

TEST_CASE("a line without a brand never matches brands", "[selector]") {
  till::Selector s;
  s.brands = Names{"Red"};
  CHECK_FALSE(till::matches(s, line_of("A", 1)));
  s.brands = Names{""};  // not even an empty-named brand
  CHECK_FALSE(till::matches(s, line_of("A", 1)));
}

TEST_CASE("price bounds are inclusive and compare the regular unit price", "[selector]") {
  till::Selector s;
  s.min_unit_price = 1000;
  s.max_unit_price = 50000;
  CHECK_FALSE(till::matches(s, line_of("A", 999)));
  CHECK(till::matches(s, line_of("A", 1000)));
  CHECK(till::matches(s, line_of("A", 50000)));
  CHECK_FALSE(till::matches(s, line_of("A", 50001)));
}

TEST_CASE("fields combine with AND", "[selector]") {
  till::Selector s;
  s.skus = Names{"A", "B"};
  s.categories = Names{"audio"};
  s.brands = Names{"Red"};
  CHECK(till::matches(s, line_of("A", 1, {"audio"}, {}, "Red")));
  CHECK_FALSE(till::matches(s, line_of("C", 1, {"audio"}, {}, "Red")));  // sku fails
  CHECK_FALSE(till::matches(s, line_of("A", 1, {"tv"}, {}, "Red")));     // category fails
  CHECK_FALSE(till::matches(s, line_of("A", 1, {"audio"}, {}, "Blue")));  // brand fails
}

TEST_CASE("a recent purchase matches like a line; price bounds need its unit_price", "[selector]") {
  till::RecentPurchase purchase;
  purchase.sku = "E7247";
  purchase.categories = {"speakers"};
  till::Selector s;
  s.categories = Names{"speakers"};
  CHECK(till::matches(s, purchase));
  s.min_unit_price = 0;
  CHECK_FALSE(till::matches(s, purchase));  // no unit_price: bounds never match
  purchase.unit_price = 10;
  CHECK(till::matches(s, purchase));
}

TEST_CASE("segments_any, segments_none and loyalty_tiers", "[audience]") {
  const std::string vip = R"(, "customer": {"segments": ["vip"], "loyalty_tier": "gold"})";
  CHECK(fails(R"({"segments_any": ["vip", "x"]})", vip) == std::nullopt);
  CHECK(fails(R"({"segments_any": ["x"]})", vip) == "segments_any");
  CHECK(fails(R"({"segments_any": ["vip"]})", "") == "segments_any");  // a guest has no segments
  CHECK(fails(R"({"segments_none": ["staff"]})", vip) == std::nullopt);
  CHECK(fails(R"({"segments_none": ["vip"]})", vip) == "segments_none");
  CHECK(fails(R"({"segments_none": ["staff"]})", "") == std::nullopt);  // holds for a guest
  CHECK(fails(R"({"loyalty_tiers": ["gold"]})", vip) == std::nullopt);
  CHECK(fails(R"({"loyalty_tiers": ["silver"]})", vip) == "loyalty_tiers");
  CHECK(fails(R"({"loyalty_tiers": ["gold"]})", "") == "loyalty_tiers");
}

TEST_CASE("first_order true holds with no orders, guests included; false needs an order", "[audience]") {
  CHECK(fails(R"({"first_order": true})", "") == std::nullopt);
  CHECK(fails(R"({"first_order": true})", R"(, "customer": {"orders_count": 0})") == std::nullopt);
  CHECK(fails(R"({"first_order": true})", R"(, "customer": {"orders_count": 1})") == "first_order");
  CHECK(fails(R"({"first_order": false})", R"(, "customer": {"orders_count": 1})") == std::nullopt);
  CHECK(fails(R"({"first_order": false})", R"(, "customer": {"orders_count": 0})") == "first_order");
  CHECK(fails(R"({"first_order": false})", "") == "first_order");
}

TEST_CASE("min_orders and min_days_since_last_order (lapsed buyers only)", "[audience]") {
  CHECK(fails(R"({"min_orders": 2})", R"(, "customer": {"orders_count": 2})") == std::nullopt);
  CHECK(fails(R"({"min_orders": 2})", R"(, "customer": {"orders_count": 1})") == "min_orders");
  CHECK(fails(R"({"min_orders": 1})", "") == "min_orders");
  const std::string lapsed = R"(, "customer": {"orders_count": 3, "days_since_last_order": 180})";
  CHECK(fails(R"({"min_days_since_last_order": 180})", lapsed) == std::nullopt);
  CHECK(fails(R"({"min_days_since_last_order": 181})", lapsed) == "min_days_since_last_order");
  // Never ordered: win-back does not apply, whether the field is missing or the count is 0.
  CHECK(fails(R"({"min_days_since_last_order": 1})", R"(, "customer": {"orders_count": 0})") ==
        "min_days_since_last_order");
  CHECK(fails(R"({"min_days_since_last_order": 1})", "") == "min_days_since_last_order");
}

TEST_CASE("birthday_within_days counts today as 0 and crosses the year end", "[audience]") {
  // now 2026-11-22; birthday 30 Nov is 8 days on.
  const std::string nov30 = R"(, "customer": {"birthday": "1990-11-30"})";
  CHECK(fails(R"({"birthday_within_days": 8})", nov30) == std::nullopt);
  CHECK(fails(R"({"birthday_within_days": 7})", nov30) == "birthday_within_days");
  // Today is the birthday: 0 days.
  CHECK(fails(R"({"birthday_within_days": 0})", R"(, "customer": {"birthday": "1990-11-22"})") == std::nullopt);
  // Yesterday's birthday is 364 days away (2027 is not a leap year... next is 2027-11-21: 364 days).
  CHECK(fails(R"({"birthday_within_days": 363})", R"(, "customer": {"birthday": "1990-11-21"})") ==
        "birthday_within_days");
  CHECK(fails(R"({"birthday_within_days": 364})", R"(, "customer": {"birthday": "1990-11-21"})") == std::nullopt);
  // Year end: now 2026-12-30, birthday 2 January -> 2027-01-02 is 3 days on.
  const std::string jan2 = R"(, "customer": {"birthday": "1985-01-02"})";
  CHECK(fails(R"({"birthday_within_days": 3})", jan2, "2026-12-30T23:59:59Z") == std::nullopt);
  CHECK(fails(R"({"birthday_within_days": 2})", jan2, "2026-12-30T23:59:59Z") == "birthday_within_days");
  // A guest has no birthday.
  CHECK(fails(R"({"birthday_within_days": 365})", "") == "birthday_within_days");
}

TEST_CASE("a 29 February birthday falls on 28 February in other years", "[audience]") {
  const std::string leap = R"(, "customer": {"birthday": "2000-02-29"})";
  // 2027 is not a leap year: the birthday is 2027-02-28; from 2027-02-27 that is 1 day.
  CHECK(fails(R"({"birthday_within_days": 1})", leap, "2027-02-27T12:00:00Z") == std::nullopt);
  CHECK(fails(R"({"birthday_within_days": 0})", leap, "2027-02-27T12:00:00Z") == "birthday_within_days");
  CHECK(fails(R"({"birthday_within_days": 0})", leap, "2027-02-28T00:00:00Z") == std::nullopt);
  // 2028 is a leap year: from 2028-02-28 the birthday is 29 Feb, 1 day on.
  CHECK(fails(R"({"birthday_within_days": 0})", leap, "2028-02-28T00:00:00Z") == "birthday_within_days");
  CHECK(fails(R"({"birthday_within_days": 1})", leap, "2028-02-28T00:00:00Z") == std::nullopt);
}

TEST_CASE("newsletter, channels, devices and countries", "[audience]") {
  CHECK(fails(R"({"newsletter": true})", R"(, "customer": {"newsletter": true})") == std::nullopt);
  CHECK(fails(R"({"newsletter": true})", R"(, "customer": {"newsletter": false})") == "newsletter");
  CHECK(fails(R"({"newsletter": true})", "") == "newsletter");  // a guest is not subscribed
  const std::string web_mobile = R"(, "context": {"channel": "web", "device": "mobile"})";
  CHECK(fails(R"({"channels": ["app", "web"]})", web_mobile) == std::nullopt);
  CHECK(fails(R"({"channels": ["app"]})", web_mobile) == "channels");
  CHECK(fails(R"({"channels": ["web"]})", "") == "channels");  // no context
  CHECK(fails(R"({"devices": ["mobile"]})", web_mobile) == std::nullopt);
  CHECK(fails(R"({"devices": ["desktop"]})", web_mobile) == "devices");
  CHECK(fails(R"({"countries": ["GB"]})", R"(, "customer": {"country": "GB"})") == std::nullopt);
  CHECK(fails(R"({"countries": ["GB"]})", R"(, "customer": {"country": "FR"})") == "countries");
  CHECK(fails(R"({"countries": ["GB"]})", "") == "countries");
}

TEST_CASE("referred holds when the request carries a referral", "[audience]") {
  CHECK(fails(R"({"referred": true})", R"(, "referral": {"token": "t"})") == std::nullopt);
  CHECK(fails(R"({"referred": true})", "") == "referred");
}

TEST_CASE("not_recently_purchased: no matching purchase within the days", "[audience]") {
  const std::string audience = R"({"not_recently_purchased": {"selector": {"skus": ["E7247"]}, "days": 14}})";
  CHECK(fails(audience, "") == std::nullopt);  // a guest has bought nothing
  CHECK(fails(audience, R"(, "customer": {"recent_purchases": [{"sku": "E7247", "days_ago": 14}]})") ==
        "not_recently_purchased");  // days_ago <= days
  CHECK(fails(audience, R"(, "customer": {"recent_purchases": [{"sku": "E7247", "days_ago": 15}]})") ==
        std::nullopt);
  CHECK(fails(audience, R"(, "customer": {"recent_purchases": [{"sku": "OTHER", "days_ago": 0}]})") ==
        std::nullopt);
}

TEST_CASE("the first failing field is reported in §2.4 order", "[audience]") {
  // Everything fails for a guest except segments_none and first_order; the first in order is named.
  const std::string all = R"({"segments_any": ["vip"], "segments_none": ["staff"], "loyalty_tiers": ["gold"],
      "first_order": true, "min_orders": 2, "min_days_since_last_order": 180, "birthday_within_days": 7,
      "newsletter": true, "channels": ["web"], "devices": ["mobile"], "countries": ["GB"], "referred": true,
      "not_recently_purchased": {"selector": {"skus": ["E7247"]}, "days": 14}})";
  CHECK(fails(all, "") == "segments_any");
  std::string customer = R"(, "customer": {"segments": ["vip", "staff"]})";
  CHECK(fails(all, customer) == "segments_none");
  customer = R"(, "customer": {"segments": ["vip"]})";
  CHECK(fails(all, customer) == "loyalty_tiers");
  customer = R"(, "customer": {"segments": ["vip"], "loyalty_tier": "gold", "orders_count": 3})";
  CHECK(fails(all, customer) == "first_order");
  // Everything holds but the last field.
  const std::string most = R"({"segments_any": ["vip"], "loyalty_tiers": ["gold"], "min_orders": 2,
      "min_days_since_last_order": 180, "birthday_within_days": 7, "newsletter": true, "channels": ["web"],
      "devices": ["mobile"], "countries": ["GB"], "referred": true,
      "not_recently_purchased": {"selector": {"skus": ["E7247"]}, "days": 14}})";
  const std::string shopper = R"(, "customer": {"segments": ["vip"], "loyalty_tier": "gold", "orders_count": 3,
      "days_since_last_order": 200, "birthday": "1990-11-25", "newsletter": true, "country": "GB",
      "recent_purchases": [{"sku": "E7247", "days_ago": 2}]},
      "context": {"channel": "web", "device": "mobile"}, "referral": {"token": "t"})";
  CHECK(fails(most, shopper) == "not_recently_purchased");
  CHECK(fails(most, R"(, "customer": {"segments": ["vip"], "loyalty_tier": "gold", "orders_count": 3,
      "days_since_last_order": 200, "birthday": "1990-11-25", "newsletter": true, "country": "GB"},
      "context": {"channel": "web", "device": "mobile"})") == "referred");
}

// price_json (§8, §10): errors in the SPEC's order (rules, request, currency, shipping method, subtotal),
// one error object and nothing else, and a result that keeps the §4 identities; and public_view (§8).
#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>
#include <string>

#include "json/json_api.hpp"
#include "support/json_documents.hpp"

using till::testing::promotion_with;
using till::testing::request_with;
using till::testing::rules_with;

namespace {

nlohmann::json error_of(const till::PriceOutput& output) {
  REQUIRE(output.is_error);
  const auto parsed = nlohmann::json::parse(output.text);
  REQUIRE(parsed.size() == 1);
  return parsed.at("error");
}

}  // namespace

TEST_CASE("price_json checks the rules first, then the request, then what price() checks", "[json][price]") {
  const std::string good_rules = rules_with(promotion_with(""));
  const std::string bad_rules = rules_with(promotion_with(R"(, "priority": "high")"));
  const std::string good_request = request_with("");
  const std::string bad_request = request_with(R"(, "coupons": "X")");

  auto error = error_of(till::price_json(bad_rules, bad_request));
  CHECK(error["code"] == "invalid_rules");
  CHECK(error["path"] == "/promotions/0/priority");

  error = error_of(till::price_json("{", bad_request));
  CHECK(error["code"] == "invalid_json");
  CHECK(error["document"] == "rules");

  error = error_of(till::price_json(good_rules, bad_request));
  CHECK(error["code"] == "invalid_request");
  CHECK(error["document"] == "request");
  CHECK(error["path"] == "/coupons");

  error = error_of(till::price_json(good_rules, "{\"currency\": \"GBP\",}"));
  CHECK(error["code"] == "invalid_json");
  CHECK(error["document"] == "request");

  // currency_mismatch comes before the shipping method.
  error = error_of(till::price_json(good_rules, R"({"currency": "EUR", "now": "2026-11-22T10:00:00Z", "lines": [],
                                                   "shipping_method": "drone"})"));
  CHECK(error["code"] == "currency_mismatch");
  CHECK(error["path"] == "/currency");

  error = error_of(till::price_json(good_rules, request_with(R"(, "shipping_method": "drone")")));
  CHECK(error["code"] == "invalid_request");
  CHECK(error["path"] == "/shipping_method");

  // Each amount is within 10^12, but the regular subtotal is not: the engine refuses it.
  error = error_of(till::price_json(good_rules, R"({"currency": "GBP", "now": "2026-11-22T10:00:00Z", "lines": [
      {"id": "a", "sku": "A", "quantity": 2, "unit_price": 600000000000}]})"));
  CHECK(error["code"] == "limit_exceeded");
  CHECK(error["document"] == "request");
  CHECK(error["message"].get<std::string>().size() > 0);
}

TEST_CASE("price_json prices a valid request and the result keeps the SPEC's identities", "[json][price]") {
  const auto output = till::price_json(rules_with(promotion_with("")), request_with(R"(, "shipping_method": "express")"));
  REQUIRE_FALSE(output.is_error);
  REQUIRE(output.text.back() == '\n');
  const auto result = nlohmann::json::parse(output.text);
  CHECK(result["currency"] == "GBP");
  CHECK(result["subtotal"] == 2500);
  CHECK(result["order_discount"] == 250);  // 10% off 2500
  CHECK(result["merchandise_total"] == 2250);
  CHECK(result["shipping"]["total"] == 995);
  CHECK(result["total"] == 3245);
  CHECK(result["applied"].size() == 1);
  CHECK_FALSE(result.contains("rules_version"));
  CHECK_FALSE(result.contains("not_applied"));
  CHECK_FALSE(result.contains("loyalty_points"));
  long long line_discounts = 0;
  for (const auto& line : result["lines"]) {
    CHECK(line["total"] == line["subtotal"].get<long long>() - line["discount"].get<long long>());
    line_discounts += line["discount"].get<long long>();
  }
  CHECK(line_discounts == 250);
  // The same input always gives the same bytes.
  CHECK(till::price_json(rules_with(promotion_with("")), request_with(R"(, "shipping_method": "express")")).text ==
        output.text);
}

TEST_CASE("public_view empties the codes of every non-public coupon and keeps the document as written",
          "[json][public_view]") {
  const std::string rules = R"({"promotions": [
      {"id": "secret", "coupon": {"codes": ["STAFF30", "VIP"]}, "reward": {"type": "percent_off_order", "percent": 30}},
      {"reward": {"type": "amount_off_order", "amount": 500}, "id": "open",
       "coupon": {"public": true, "codes": ["WELCOME"]}},
      {"id": "hidden", "coupon": {"codes": ["X"], "public": false}, "reward": {"type": "percent_off_order",
       "percent": 12.50}},
      {"id": "plain", "reward": {"type": "free_gift", "sku": "G", "name": "Caf\u00e9 mug"}}
    ], "currency": "GBP", "version": "v1"})";
  const auto view = till::public_view(rules);
  REQUIRE(view.ok());
  CHECK(*view == R"j({
  "promotions": [
    {
      "id": "secret",
      "coupon": {
        "codes": []
      },
      "reward": {
        "type": "percent_off_order",
        "percent": 30
      }
    },
    {
      "reward": {
        "type": "amount_off_order",
        "amount": 500
      },
      "id": "open",
      "coupon": {
        "public": true,
        "codes": [
          "WELCOME"
        ]
      }
    },
    {
      "id": "hidden",
      "coupon": {
        "codes": [],
        "public": false
      },
      "reward": {
        "type": "percent_off_order",
        "percent": 12.5
      }
    },
    {
      "id": "plain",
      "reward": {
        "type": "free_gift",
        "sku": "G",
        "name": "Café mug"
      }
    }
  ],
  "currency": "GBP",
  "version": "v1"
}
)j");
  // The view is itself a valid rule set, and the hidden promotion keeps its coupon requirement.
  const auto reread = till::read_rules(*view);
  REQUIRE(reread.ok());
  CHECK(reread->promotions[0].coupon->codes.empty());
  CHECK(reread->promotions[1].coupon->codes == std::vector<std::string>{"WELCOME"});
}

TEST_CASE("public_view fails as read_rules does", "[json][public_view]") {
  const auto bad = till::public_view(rules_with(promotion_with(R"(, "coupon": {"codes": []}, "exclusive": 1)")));
  REQUIRE_FALSE(bad.ok());
  CHECK(bad.error().code == till::ErrorCode::invalid_rules);
  CHECK(bad.error().path == "/promotions/0/exclusive");
  CHECK(till::public_view("{\"currency\": \"GBP\"").error().code == till::ErrorCode::invalid_json);
  CHECK(till::public_view(std::string(100, '[')).error().code == till::ErrorCode::limit_exceeded);
}

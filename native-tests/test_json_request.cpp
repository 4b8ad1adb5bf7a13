// Validation of the pricing request (§3, §8): every rule with its code and exact JSON Pointer, and what a
// valid request reads as.
#include <catch2/catch.hpp>
#include <string>
#include <vector>

#include "json/json_api.hpp"
#include "support/json_documents.hpp"

using till::ErrorCode;
using till::testing::request_with;
using till::testing::require_error;

namespace {

struct Refused {
  std::string request;
  ErrorCode code;
  std::string path;
};

void check_all(const std::vector<Refused>& cases) {
  for (const Refused& c : cases) {
    INFO("request: " << c.request);
    require_error(till::read_request(c.request), c.code, "request", c.path);
  }
}

std::string with_lines(const std::string& lines) {
  return R"({"currency": "GBP", "now": "2026-11-22T10:00:00Z", "lines": [)" + lines + "]}";
}

std::string with_line(const std::string& extra) {
  return with_lines(R"({"id": "l1", "sku": "A", "quantity": 1, "unit_price": 100)" + extra + "}");
}

std::string lines(int count) {
  std::string text;
  for (int i = 0; i < count; ++i) {
    // Appended piece by piece: operator+ chains here trip GCC 12's false -Wrestrict warning at -O2.
    if (i > 0) text += ',';
    text += R"({"id": "l)";
    text += std::to_string(i);
    text += R"(", "sku": "A", "quantity": 1, "unit_price": 1})";
  }
  return text;
}

}  // namespace

TEST_CASE("request: the document, currency, now and lines", "[json][request]") {
  check_all({
      {"[]", ErrorCode::invalid_request, ""},
      {R"({"now": "2026-11-22T10:00:00Z", "lines": []})", ErrorCode::invalid_request, "/currency"},
      {R"({"currency": "GBP", "lines": []})", ErrorCode::invalid_request, "/now"},
      {R"({"currency": "GBP", "now": "2026-11-22T10:00:00Z"})", ErrorCode::invalid_request, "/lines"},
      {R"({"currency": "GBP", "now": "2026-11-22T10:00:00Z", "line": []})", ErrorCode::invalid_request, "/line"},
      {R"({"currency": "gbp", "now": "2026-11-22T10:00:00Z", "lines": []})", ErrorCode::invalid_request,
       "/currency"},
      {R"({"currency": "GBP", "now": "2026-11-22T10:00Z", "lines": []})", ErrorCode::invalid_request, "/now"},
      {R"({"currency": "GBP", "now": 1795341600, "lines": []})", ErrorCode::invalid_request, "/now"},
      {R"({"currency": "GBP", "now": "2026-11-22T10:00:00Z", "lines": {}})", ErrorCode::invalid_request, "/lines"},
      {with_lines("[]"), ErrorCode::invalid_request, "/lines/0"},
      {with_lines("{}"), ErrorCode::invalid_request, "/lines/0/id"},
      {with_lines(R"({"id": "l1", "sku": "A", "unit_price": 1})"), ErrorCode::invalid_request, "/lines/0/quantity"},
      {with_lines(R"({"id": "l1", "sku": "A", "quantity": 1})"), ErrorCode::invalid_request, "/lines/0/unit_price"},
      {with_lines(R"({"id": "l1", "quantity": 1, "unit_price": 1})"), ErrorCode::invalid_request, "/lines/0/sku"},
      {with_line(R"(, "price": 1)"), ErrorCode::invalid_request, "/lines/0/price"},
      {with_lines(R"({"id": "", "sku": "A", "quantity": 1, "unit_price": 1})"), ErrorCode::invalid_request,
       "/lines/0/id"},
      {with_lines(R"({"id": 1, "sku": "A", "quantity": 1, "unit_price": 1})"), ErrorCode::invalid_request,
       "/lines/0/id"},
      {with_lines(R"({"id": "l1", "sku": "", "quantity": 1, "unit_price": 1})"), ErrorCode::invalid_request,
       "/lines/0/sku"},
      {with_lines(R"({"id": "l1", "sku": "A", "quantity": 1, "unit_price": 1},
                     {"id": "l1", "sku": "B", "quantity": 1, "unit_price": 1})"),
       ErrorCode::invalid_request, "/lines/1/id"},
      {with_lines(R"({"id": "l1", "sku": "A", "quantity": 0, "unit_price": 1})"), ErrorCode::invalid_request,
       "/lines/0/quantity"},
      {with_lines(R"({"id": "l1", "sku": "A", "quantity": 10001, "unit_price": 1})"), ErrorCode::invalid_request,
       "/lines/0/quantity"},
      {with_lines(R"({"id": "l1", "sku": "A", "quantity": 2.0, "unit_price": 1})"), ErrorCode::invalid_request,
       "/lines/0/quantity"},
      {with_lines(R"({"id": "l1", "sku": "A", "quantity": 1, "unit_price": -1})"), ErrorCode::invalid_request,
       "/lines/0/unit_price"},
      {with_lines(R"({"id": "l1", "sku": "A", "quantity": 1, "unit_price": 1000000000001})"),
       ErrorCode::invalid_request, "/lines/0/unit_price"},
      {with_lines(R"({"id": "l1", "sku": "A", "quantity": 1, "unit_price": 49.99})"), ErrorCode::invalid_request,
       "/lines/0/unit_price"},
      {with_line(R"(, "categories": "audio")"), ErrorCode::invalid_request, "/lines/0/categories"},
      {with_line(R"(, "tags": ["a", {}])"), ErrorCode::invalid_request, "/lines/0/tags/1"},
      {with_line(R"(, "brand": ["Red"])"), ErrorCode::invalid_request, "/lines/0/brand"},
      {with_line(R"(, "name": null)"), ErrorCode::invalid_request, "/lines/0/name"},
      // Values in the SPEC's order: the id comes before the quantity written ahead of it.
      {with_lines(R"({"quantity": 0, "sku": "A", "unit_price": 1, "id": ""})"), ErrorCode::invalid_request,
       "/lines/0/id"},
  });
}

TEST_CASE("request: 1,000 lines are accepted and 1,001 are limit_exceeded", "[json][request]") {
  CHECK(till::read_request(with_lines(lines(1'000))).ok());
  require_error(till::read_request(with_lines(lines(1'001))), ErrorCode::limit_exceeded, "request", "/lines");
}

TEST_CASE("request: shipping method, coupons, context, referral", "[json][request]") {
  std::string hundred_and_one;
  for (int i = 0; i < 101; ++i) hundred_and_one += (i == 0 ? "\"C" : ",\"C") + std::to_string(i) + "\"";
  check_all({
      {request_with(R"(, "shipping_method": 1)"), ErrorCode::invalid_request, "/shipping_method"},
      {request_with(R"(, "coupons": "DISC10")"), ErrorCode::invalid_request, "/coupons"},
      {request_with(R"(, "coupons": ["A", 10])"), ErrorCode::invalid_request, "/coupons/1"},
      {request_with(R"(, "coupons": [)" + hundred_and_one + "]"), ErrorCode::limit_exceeded, "/coupons"},
      {request_with(R"(, "context": {"channel": "web", "browser": "x"})"), ErrorCode::invalid_request,
       "/context/browser"},
      {request_with(R"(, "context": {"device": 1})"), ErrorCode::invalid_request, "/context/device"},
      {request_with(R"(, "context": "web")"), ErrorCode::invalid_request, "/context"},
      {request_with(R"(, "referral": {})"), ErrorCode::invalid_request, "/referral/token"},
      {request_with(R"(, "referral": {"token": 5})"), ErrorCode::invalid_request, "/referral/token"},
      {request_with(R"(, "referral": "abc")"), ErrorCode::invalid_request, "/referral"},
  });
  const std::string hundred = hundred_and_one.substr(0, hundred_and_one.rfind(','));
  const auto request = till::read_request(request_with(R"(, "coupons": [)" + hundred + "]"));
  REQUIRE(request.ok());
  CHECK(request->coupons.size() == 100);
}

TEST_CASE("request: customer", "[json][request]") {
  const auto customer = [](const std::string& body) { return request_with(R"(, "customer": )" + body); };
  check_all({
      {customer("[]"), ErrorCode::invalid_request, "/customer"},
      {customer(R"({"tier": "gold"})"), ErrorCode::invalid_request, "/customer/tier"},
      {customer(R"({"id": 5})"), ErrorCode::invalid_request, "/customer/id"},
      {customer(R"({"segments": "vip"})"), ErrorCode::invalid_request, "/customer/segments"},
      {customer(R"({"loyalty_tier": ["gold"]})"), ErrorCode::invalid_request, "/customer/loyalty_tier"},
      {customer(R"({"orders_count": -1})"), ErrorCode::invalid_request, "/customer/orders_count"},
      {customer(R"({"orders_count": 3.5})"), ErrorCode::invalid_request, "/customer/orders_count"},
      {customer(R"({"days_since_last_order": "200"})"), ErrorCode::invalid_request,
       "/customer/days_since_last_order"},
      {customer(R"({"birthday": "1990-02-30"})"), ErrorCode::invalid_request, "/customer/birthday"},
      {customer(R"({"birthday": "30/11/1990"})"), ErrorCode::invalid_request, "/customer/birthday"},
      {customer(R"({"birthday": "1990-11-30T00:00:00Z"})"), ErrorCode::invalid_request, "/customer/birthday"},
      {customer(R"({"newsletter": "yes"})"), ErrorCode::invalid_request, "/customer/newsletter"},
      {customer(R"({"country": 826})"), ErrorCode::invalid_request, "/customer/country"},
      {customer(R"({"recent_purchases": {}})"), ErrorCode::invalid_request, "/customer/recent_purchases"},
      {customer(R"({"recent_purchases": [{"sku": "A"}]})"), ErrorCode::invalid_request,
       "/customer/recent_purchases/0/days_ago"},
      {customer(R"({"recent_purchases": [{"days_ago": 1}]})"), ErrorCode::invalid_request,
       "/customer/recent_purchases/0/sku"},
      {customer(R"({"recent_purchases": [{"sku": "A", "days_ago": -1}]})"), ErrorCode::invalid_request,
       "/customer/recent_purchases/0/days_ago"},
      {customer(R"({"recent_purchases": [{"sku": "A", "days_ago": 1, "qty": 1}]})"), ErrorCode::invalid_request,
       "/customer/recent_purchases/0/qty"},
      {customer(R"({"recent_purchases": [{"sku": "A", "days_ago": 1, "unit_price": -1}]})"),
       ErrorCode::invalid_request, "/customer/recent_purchases/0/unit_price"},
      {customer(R"({"recent_purchases": [{"sku": "A", "days_ago": 1, "categories": [1]}]})"),
       ErrorCode::invalid_request, "/customer/recent_purchases/0/categories/0"},
  });
}

TEST_CASE("request: usage and options", "[json][request]") {
  check_all({
      {request_with(R"(, "usage": [])"), ErrorCode::invalid_request, "/usage"},
      {request_with(R"(, "usage": {"welcome-10": 1})"), ErrorCode::invalid_request, "/usage/welcome-10"},
      {request_with(R"(, "usage": {"welcome-10": {"customer": -1}})"), ErrorCode::invalid_request,
       "/usage/welcome-10/customer"},
      {request_with(R"(, "usage": {"a/b~c": {"total": 1.5}})"), ErrorCode::invalid_request, "/usage/a~1b~0c/total"},
      {request_with(R"(, "usage": {"w": {"count": 1}})"), ErrorCode::invalid_request, "/usage/w/count"},
      {request_with(R"(, "options": {"max_nudges": -1})"), ErrorCode::invalid_request, "/options/max_nudges"},
      {request_with(R"(, "options": {"max_nudges": 1001})"), ErrorCode::invalid_request, "/options/max_nudges"},
      {request_with(R"(, "options": {"explain": 1})"), ErrorCode::invalid_request, "/options/explain"},
      {request_with(R"(, "options": {"verbose": true})"), ErrorCode::invalid_request, "/options/verbose"},
  });
}

TEST_CASE("a valid request reads into the model with the SPEC's defaults", "[json][request]") {
  const auto request = till::read_request(R"({
    "currency": "GBP", "now": "2026-11-22T10:00:00Z",
    "lines": [{"id": "l1", "sku": "E7247", "name": "E7247 Speaker", "quantity": 2, "unit_price": 4999,
               "categories": ["speakers", "audio"], "tags": [], "brand": "Red"},
              {"id": "l2", "sku": "X", "quantity": 10000, "unit_price": 0}],
    "shipping_method": "standard", "coupons": ["disc10", " DISC10 "],
    "customer": {"id": "c-123", "segments": ["vip"], "loyalty_tier": "gold", "orders_count": 3,
                 "days_since_last_order": 200, "birthday": "1992-02-29", "newsletter": true, "country": "GB",
                 "recent_purchases": [{"sku": "E7247", "days_ago": 2, "categories": ["speakers"], "unit_price": 4999}]},
    "context": {"channel": "web", "device": "mobile"},
    "referral": {"token": "t0k"},
    "usage": {"welcome-10": {"customer": 1, "total": 412}, "unknown-promo": {}},
    "options": {"max_nudges": 0, "explain": true}
  })");
  REQUIRE(request.ok());
  CHECK(request->currency == "GBP");
  CHECK(request->now == till::Timestamp{1'795'341'600, 0});
  REQUIRE(request->lines.size() == 2);
  const till::Line& line = request->lines[0];
  CHECK(line.id == "l1");
  CHECK(line.sku == "E7247");
  CHECK(line.name == "E7247 Speaker");
  CHECK(line.quantity == 2);
  CHECK(line.unit_price == 4999);
  CHECK(line.categories == std::vector<std::string>{"speakers", "audio"});
  CHECK(line.tags.empty());
  CHECK(line.brand == "Red");
  CHECK_FALSE(request->lines[1].name.has_value());
  CHECK_FALSE(request->lines[1].brand.has_value());
  CHECK(request->lines[1].quantity == 10000);
  CHECK(request->shipping_method == "standard");
  CHECK(request->coupons == std::vector<std::string>{"disc10", " DISC10 "});  // as written; the engine folds
  REQUIRE(request->customer.has_value());
  CHECK(request->customer->segments == std::vector<std::string>{"vip"});
  CHECK(request->customer->orders_count == 3);
  CHECK(request->customer->birthday == till::Date{1992, 2, 29});
  CHECK(request->customer->newsletter == true);
  REQUIRE(request->customer->recent_purchases.size() == 1);
  CHECK(request->customer->recent_purchases[0].days_ago == 2);
  CHECK(request->customer->recent_purchases[0].unit_price == 4999);
  CHECK_FALSE(request->customer->recent_purchases[0].brand.has_value());
  CHECK(request->context.channel == "web");
  CHECK(request->context.device == "mobile");
  CHECK(request->referral_token == "t0k");
  CHECK(request->usage.at("welcome-10").customer == 1);
  CHECK(request->usage.at("welcome-10").total == 412);
  CHECK_FALSE(request->usage.at("unknown-promo").total.has_value());
  CHECK(request->options.max_nudges == 0);
  CHECK(request->options.explain);
}

TEST_CASE("a minimal request: a guest with an empty basket", "[json][request]") {
  const auto request = till::read_request(R"({"currency": "EUR", "now": "2026-11-22T10:00:00.25Z", "lines": []})");
  REQUIRE(request.ok());
  CHECK(request->lines.empty());
  CHECK(request->now.nanos == 250'000'000);
  CHECK_FALSE(request->customer.has_value());
  CHECK_FALSE(request->shipping_method.has_value());
  CHECK_FALSE(request->referral_token.has_value());
  CHECK(request->coupons.empty());
  CHECK(request->usage.empty());
  CHECK(request->options.max_nudges == 3);
  CHECK_FALSE(request->options.explain);
}

TEST_CASE("request messages name the field and the value", "[json][request]") {
  const auto message = [](const std::string& text) { return till::read_request(text).error().message; };
  CHECK(message(with_lines(R"({"id": "l1", "sku": "A", "quantity": 0, "unit_price": 1})")) ==
        "quantity must be at least 1 (got 0)");
  CHECK(message(with_lines(lines(1'001))) == "a request holds at most 1000 lines (got 1001)");
  CHECK(message(R"({"currency": "GBP", "lines": []})") == "the request needs \"now\"");
}

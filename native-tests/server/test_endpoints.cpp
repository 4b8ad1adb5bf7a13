// Every endpoint's successful answers, on a real server.
#include <catch2/catch.hpp>

#include "checkout_helpers.hpp"
#include "test_database.hpp"

using namespace till::server::testing;

TEST_CASE("GET /api/rules serves the public view with an ETag and answers 304 to a matching If-None-Match") {
  TestDatabase database;
  ServerProcess server(database.name());
  auto client = server.client();

  const Reply first = get(client, "/api/rules");
  REQUIRE(first.status == 200);
  const json rules = first.json();
  CHECK(rules["version"] == "test-1");
  for (const json& promotion : rules["promotions"]) {
    if (promotion["id"] == "once-only") CHECK(promotion["coupon"]["codes"].empty());  // not public
    if (promotion["id"] == "welcome") CHECK(promotion["coupon"]["codes"] == json::array({"WELCOME"}));
  }
  const std::string etag = first.header("ETag");
  REQUIRE(etag.size() > 2);
  CHECK(etag.front() == '"');

  const Reply again = get(client, "/api/rules", {{"If-None-Match", etag}});
  CHECK(again.status == 304);
  CHECK(again.body.empty());
  CHECK(get(client, "/api/rules", {{"If-None-Match", "W/" + etag + ", \"other\""}}).status == 304);
  CHECK(get(client, "/api/rules", {{"If-None-Match", "\"stale\""}}).status == 200);
}

TEST_CASE("health, readiness and metrics answer; request ids are echoed or generated") {
  TestDatabase database;
  ServerProcess server(database.name());
  auto client = server.client();

  CHECK(get(client, "/healthz").status == 200);
  const Reply ready = get(client, "/readyz");
  CHECK(ready.status == 200);
  CHECK(ready.json()["status"] == "ready");

  const Reply echoed = get(client, "/healthz", {{"X-Request-Id", "trace-42"}});
  CHECK(echoed.header("X-Request-Id") == "trace-42");
  const Reply generated = get(client, "/healthz", {{"X-Request-Id", "bad id with spaces"}});
  CHECK(!generated.header("X-Request-Id").empty());
  CHECK(generated.header("X-Request-Id") != "bad id with spaces");

  post(client, "/api/price", basket({{"E7247", 1}}).dump());
  post(client, "/api/coupons/check", R"({"code": "SECRET-GUESS-123"})");
  const Reply metrics = get(client, "/metrics");
  REQUIRE(metrics.status == 200);
  CHECK(metrics.body.find("till_http_requests_total{method=\"POST\",route=\"/api/price\",status=\"200\"}") !=
        std::string::npos);
  CHECK(metrics.body.find("till_http_request_duration_seconds_bucket{route=\"/api/price\"") != std::string::npos);
  // No user data in labels: the guessed code and the request id appear nowhere.
  CHECK(metrics.body.find("SECRET-GUESS-123") == std::string::npos);
  CHECK(metrics.body.find("trace-42") == std::string::npos);

  // The log is one JSON object per line, with the request id.
  const std::string log = server.log();
  CHECK(log.find("\"request_id\":\"trace-42\"") != std::string::npos);
}

TEST_CASE("POST /api/price prices with the catalogue's prices, the full rules and recorded usage") {
  TestDatabase database;
  ServerProcess server(database.name());
  auto client = server.client();

  json request = basket({{"E7247", 2}, {"H100", 1}}, std::string("c-price"), {"once"});
  request["lines"][0]["unit_price"] = 1;  // a page cannot change a price
  request["lines"][0]["categories"] = json::array();  // nor the attributes promotions look at
  const json result = preview(client, request);
  CHECK(result["lines"][0]["unit_price"] == 4999);
  CHECK(result["subtotal"] == 2 * 4999 + 2999);
  // speakers-10 (1000), the non-public ONCE (500) and every-order (1).
  CHECK(result["discount_total"] == 1000 + 500 + 1);
  CHECK(result["coupons"][0]["status"] == "applied");
  CHECK(result["coupons"][0]["code"] == "ONCE");
}

TEST_CASE("POST /api/coupons/check answers with the promotion, codes included, or unknown") {
  TestDatabase database;
  ServerProcess server(database.name());
  auto client = server.client();

  const Reply valid = post(client, "/api/coupons/check", R"({"code": "  once "})");
  REQUIRE(valid.status == 200);
  const json found = valid.json();
  CHECK(found["status"] == "valid");
  CHECK(found["code"] == "ONCE");
  REQUIRE(found["promotions"].size() == 1);
  CHECK(found["promotions"][0]["id"] == "once-only");
  CHECK(found["promotions"][0]["coupon"]["codes"] == json::array({"ONCE"}));

  const Reply unknown = post(client, "/api/coupons/check", R"({"code": "NOPE"})");
  REQUIRE(unknown.status == 200);
  CHECK(unknown.json()["status"] == "unknown");
  CHECK(!unknown.json().contains("promotions"));
}

TEST_CASE("GET / serves the static folder") {
  TestDatabase database;
  ServerProcess server(database.name(), data_path("rules.json"), {"--static", TILL_DEMO_DIR});
  auto client = server.client();
  const Reply catalogue = get(client, "/catalogue.json");
  CHECK(catalogue.status == 200);
  CHECK(catalogue.body.find("E7247") != std::string::npos);
  const Reply escape = get(client, "/../CMakeLists.txt");
  CHECK(escape.status >= 400);
}

// Every error status the API gives, each as an RFC 9457 problem document.
#include <catch2/catch.hpp>

#include "checkout_helpers.hpp"
#include "test_database.hpp"

using namespace till::server::testing;

namespace {

// A problem document of `status` (and `type`, when given).
void require_problem(const Reply& reply, int status, const std::string& type = "") {
  INFO(reply.body);
  REQUIRE(reply.status == status);
  CHECK(reply.header("Content-Type") == "application/problem+json");
  const json problem = json::parse(reply.body);
  CHECK(problem["status"] == status);
  CHECK(problem["title"].is_string());
  CHECK(problem["detail"].is_string());
  if (!type.empty()) CHECK(problem["type"] == "urn:till:problem:" + type);
}

}  // namespace

TEST_CASE("unknown paths, wrong methods and wrong content types are problems") {
  TestDatabase database;
  ServerProcess server(database.name());
  auto client = server.client();

  require_problem(get(client, "/api/nothing"), 404);
  const Reply wrong_method = get(client, "/api/price");
  require_problem(wrong_method, 405);
  CHECK(wrong_method.header("Allow") == "POST");
  require_problem(post(client, "/api/rules", "{}"), 405);
  const auto text = client.Post("/api/price", basket({{"E7247", 1}}).dump(), "text/plain");
  REQUIRE(text);
  CHECK(text->status == 415);
}

TEST_CASE("malformed, invalid, deep and oversized bodies are problems, never crashes") {
  TestDatabase database;
  ServerProcess server(database.name());
  auto client = server.client();

  const Reply malformed = post(client, "/api/price", "{\"currency\": ");
  require_problem(malformed, 400, "invalid_json");
  CHECK(malformed.json()["error"]["code"] == "invalid_json");
  require_problem(post(client, "/api/price", "{\"a\": 1, \"a\": 2}"), 400, "invalid_json");

  const Reply invalid = post(client, "/api/price", R"({"currency": "GBP", "now": "yesterday", "lines": []})");
  require_problem(invalid, 422, "invalid_request");
  CHECK(invalid.json()["error"]["path"] == "/now");

  const std::string deep = std::string(10000, '[') + std::string(10000, ']');
  require_problem(post(client, "/api/price", deep), 422, "limit_exceeded");
  require_problem(post(client, "/api/checkout/verify", deep, {{"Idempotency-Key", "deep"}}), 422, "limit_exceeded");

  // Refused from the Content-Length alone, before the body is read.
  const std::string answer = raw_exchange(server.port(),
                                          "POST /api/price HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n"
                                          "Content-Length: 5000000\r\nConnection: close\r\n\r\n");
  CHECK(answer.rfind("HTTP/1.1 413", 0) == 0);
  CHECK(answer.find("application/problem+json") != std::string::npos);
  // A chunked body has no Content-Length for the limit to see: it is refused before any of it is read.
  const std::string chunked = raw_exchange(server.port(),
                                           "POST /api/price HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n"
                                           "Transfer-Encoding: chunked\r\nConnection: close\r\n\r\n10\r\n" +
                                               std::string(16, ' ') + "\r\n");
  CHECK(chunked.rfind("HTTP/1.1 411", 0) == 0);
  CHECK(chunked.find("application/problem+json") != std::string::npos);
  require_problem(post(client, "/api/coupons/check", "[]"), 422, "invalid_body");
  require_problem(post(client, "/api/coupons/check", R"({"code": "A", "extra": 1})"), 422, "invalid_body");
  require_problem(post(client, "/api/coupons/check", R"({"code": 5})"), 422, "invalid_body");

  // A customer id is stored with the order, and no database should be asked to keep a NUL.
  json controlled = basket({{"E7247", 1}});
  controlled["customer"] = {{"id", std::string("c-\0-1", 5)}};
  const Reply previewed = post(client, "/api/price", controlled.dump());
  require_problem(previewed, 422, "invalid_request");
  CHECK(previewed.json()["error"]["path"] == "/customer/id");
  const Reply verified = post(client, "/api/checkout/verify", json{{"request", controlled}, {"shown", {{"total", 1}}}}.dump(),
                              {{"Idempotency-Key", "controlled"}});
  require_problem(verified, 422, "invalid_request");
  CHECK(verified.json()["error"]["path"] == "/request/customer/id");

  // The server is still well after all of it.
  CHECK(get(client, "/readyz").status == 200);
}

TEST_CASE("checkout errors: no key, wrong shape, unknown sku, another currency") {
  TestDatabase database;
  ServerProcess server(database.name());
  auto client = server.client();
  const json request = basket({{"E7247", 1}});
  const json shown = preview(client, request);

  require_problem(post(client, "/api/checkout/verify", checkout_body(request, shown)), 400, "idempotency_key_required");
  require_problem(post(client, "/api/checkout/verify", checkout_body(request, shown), {{"Idempotency-Key", ""}}), 400,
                  "idempotency_key_required");
  require_problem(post(client, "/api/checkout/verify", json{{"request", request}}.dump(), {{"Idempotency-Key", "k"}}),
                  422, "invalid_body");
  require_problem(checkout(client, request, json{{"discount_total", 0}}, unique_key("no-total")), 422, "invalid_body");

  json unknown = request;
  unknown["lines"][0]["sku"] = "NOT-SOLD";
  const Reply unknown_sku = checkout(client, unknown, shown, unique_key("sku"));
  require_problem(unknown_sku, 422, "unknown_sku");
  CHECK(unknown_sku.json()["sku"] == "NOT-SOLD");
  CHECK(unknown_sku.json()["path"] == "/request/lines/0/sku");

  json invalid = request;
  invalid["lines"][0]["quantity"] = 0;
  const Reply invalid_request = checkout(client, invalid, shown, unique_key("invalid"));
  require_problem(invalid_request, 422, "invalid_request");
  CHECK(invalid_request.json()["error"]["path"] == "/lines/0/quantity");
}

TEST_CASE("coupon checks are rate-limited per address with 429 and Retry-After") {
  TestDatabase database;
  ServerProcess server(database.name(), data_path("rules.json"), {"--coupon-checks-per-minute", "5"});
  auto client = server.client();
  for (int i = 0; i < 5; ++i) CHECK(post(client, "/api/coupons/check", R"({"code": "GUESS"})").status == 200);
  const Reply limited = post(client, "/api/coupons/check", R"({"code": "GUESS"})");
  require_problem(limited, 429, "rate_limited");
  CHECK(std::stoi(limited.header("Retry-After")) >= 1);
  // Pricing with a code draws on the same bucket; pricing without one does not.
  require_problem(post(client, "/api/price", basket({{"E7247", 1}}, std::nullopt, {"GUESS"}).dump()), 429);
  CHECK(post(client, "/api/price", basket({{"E7247", 1}}).dump()).status == 200);
}

TEST_CASE("bad flags and bad files stop the server with a clear message") {
  TestDatabase database;
  CHECK_THROWS_WITH(ServerProcess(database.name(), data_path("missing.json")), Catch::Contains("cannot be read"));
  CHECK_THROWS_WITH(ServerProcess(database.name(), demo_path("catalogue.json")), Catch::Contains("invalid_rules"));
  CHECK_THROWS_WITH(ServerProcess(database.name(), data_path("rules.json"), {"--port-typo", "1"}),
                    Catch::Contains("unknown option"));
}

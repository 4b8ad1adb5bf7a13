// POST /api/checkout/verify: honest checkouts are recorded once and replayed; tampered ones get 409 or 422
// and record nothing.
#include <catch2/catch.hpp>

#include "checkout_helpers.hpp"
#include "test_database.hpp"

using namespace till::server::testing;

TEST_CASE("an honest checkout is answered 200 with the authoritative result and replayed by its key") {
  TestDatabase database;
  ServerProcess server(database.name());
  auto client = server.client();
  const json request = basket({{"E7247", 1}, {"H100", 2}}, std::string("c-honest"), {"ONCE"});
  const json shown = preview(client, request);
  const std::string key = unique_key("honest");

  const Reply first = checkout(client, request, shown, key);
  REQUIRE(first.status == 200);
  CHECK(first.json()["total"] == shown["total"]);
  CHECK(first.header("Idempotent-Replayed").empty());

  const Reply replay = checkout(client, request, shown, key);
  REQUIRE(replay.status == 200);
  CHECK(replay.body == first.body);
  CHECK(replay.header("Idempotent-Replayed") == "true");

  // The same key with another body is refused, and the first answer stays.
  json other = request;
  other["lines"][0]["quantity"] = 2;
  const Reply reused = checkout(client, other, preview(client, other), key);
  CHECK(reused.status == 422);
  CHECK(reused.json()["type"] == "urn:till:problem:idempotency_key_reused");
  CHECK(checkout(client, request, shown, key).body == first.body);

  // The single-use ONCE is now used: the preview no longer applies it.
  CHECK(preview(client, request)["coupons"][0]["status"] == "not_applicable");

  // A whole result, nudges and all, is a fine `shown`; only a partial one is needed.
  const json whole = basket({{"H200", 1}});
  CHECK(checkout(client, whole, preview(client, whole), unique_key("whole")).status == 200);
  const json partial = basket({{"H200", 1}});
  CHECK(checkout(client, partial, json{{"total", preview(client, partial)["total"]}}, unique_key("partial")).status == 200);
}

TEST_CASE("tampered checkouts get 409 or 422 and record nothing") {
  TestDatabase database;
  ServerProcess server(database.name());
  auto client = server.client();
  // Each tampered checkout uses the single-use code TAMPER: were any of them recorded, the honest
  // checkout at the end could not have it.
  const json request = basket({{"E7247", 2}, {"C10", 1}}, std::string("c-tamper"), {"TAMPER"});
  const json honest = preview(client, request);
  REQUIRE(honest["coupons"][0]["status"] == "applied");
  const std::string reused_key = unique_key("tamper");

  {
    // A bigger discount claimed.
    json shown = honest;
    shown["total"] = honest["total"].get<int>() - 1000;
    shown["discount_total"] = honest["discount_total"].get<int>() + 1000;
    const Reply bigger = checkout(client, request, shown, reused_key);
    REQUIRE(bigger.status == 409);
    const json problem = bigger.json();
    CHECK(problem["type"] == "urn:till:problem:price_mismatch");
    CHECK(problem["result"]["total"] == honest["total"]);
    REQUIRE(problem["differences"].size() == 2);
    CHECK(problem["differences"][0] == json({{"path", "/discount_total"}, {"shown", shown["discount_total"]},
                                              {"expected", honest["discount_total"]}}));
    CHECK(problem["differences"][1]["path"] == "/total");
  }
  {
    // A lowered unit price, and the totals the page computed from it.
    json cheap = request;
    cheap["lines"][0]["unit_price"] = 100;
    json shown = honest;
    shown["lines"][0]["unit_price"] = 100;
    shown["total"] = honest["total"].get<int>() - 2 * 4899;
    const Reply lowered = checkout(client, cheap, shown, unique_key("lowered"));
    REQUIRE(lowered.status == 409);
    CHECK(lowered.json()["differences"][0]["path"] == "/lines/0/unit_price");
  }
  {
    // An invented promotion in `applied`.
    json shown = honest;
    shown["applied"].push_back({{"promotion", "invented"}, {"name", "Free money"}, {"amount", 5000}});
    CHECK(checkout(client, request, shown, unique_key("invented")).status == 409);
  }
  {
    // An invented coupon code that the page claims applied.
    json invented = request;
    invented["coupons"] = {"TAMPER", "FREESTUFF"};
    json shown = honest;
    shown["coupons"].push_back({{"code", "FREESTUFF"}, {"status", "applied"}, {"promotion", "free-stuff"}});
    const Reply coupon = checkout(client, invented, shown, unique_key("coupon"));
    REQUIRE(coupon.status == 409);
    CHECK(coupon.json()["differences"].dump().find("\"/coupons/1/status\"") != std::string::npos);
  }
  {
    // Another currency.
    json euros = request;
    euros["currency"] = "EUR";
    json shown = honest;
    shown["currency"] = "EUR";
    const Reply currency = checkout(client, euros, shown, unique_key("euros"));
    REQUIRE(currency.status == 422);
    CHECK(currency.json()["error"]["code"] == "currency_mismatch");
    CHECK(currency.json()["error"]["path"] == "/request/currency");
  }
  // Nothing above claimed TAMPER, and a refused key stays free for a corrected retry.
  const Reply corrected = checkout(client, request, honest, reused_key);
  CHECK(corrected.status == 200);
  CHECK(corrected.json()["total"] == honest["total"]);
  CHECK(preview(client, request)["coupons"][0]["status"] == "not_applicable");

  // A usage count sent by the page is ignored: the server reads its own records.
  json forged = request;
  forged["usage"] = {{"once-tamper", {{"total", 0}}}};
  const Reply again = checkout(client, forged, honest, unique_key("usage"));
  CHECK(again.status == 409);
}

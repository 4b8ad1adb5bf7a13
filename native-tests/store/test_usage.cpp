// usage(): redemption counts per customer and in total, as the server fills a request's `usage`.
#include <catch2/catch.hpp>

#include "checkouts.hpp"
#include "test_database.hpp"

using namespace till::server;
using namespace till::server::testing;

TEST_CASE("usage counts a customer's redemptions and everyone's", "[store][usage]") {
  TestDatabase database;
  auto store = database.open();
  const auto welcome = limited("welcome", 5, 100);
  const auto vip = limited("vip", std::nullopt, 100);
  REQUIRE(store->record(checkout("k1", "ann", {welcome, vip})).status == RecordStatus::recorded);
  REQUIRE(store->record(checkout("k2", "ann", {welcome})).status == RecordStatus::recorded);
  REQUIRE(store->record(checkout("k3", "bob", {welcome})).status == RecordStatus::recorded);
  REQUIRE(store->record(checkout("k4", std::nullopt, {vip})).status == RecordStatus::recorded);

  const auto ann = store->usage({"welcome", "vip"}, "ann");
  CHECK(ann.at("welcome").customer == 2);
  CHECK(ann.at("welcome").total == 3);
  CHECK(ann.at("vip").customer == 1);
  CHECK(ann.at("vip").total == 2);

  const auto bob = store->usage({"welcome", "vip"}, "bob");
  CHECK(bob.at("welcome").customer == 1);
  CHECK(bob.at("vip").customer == 0);
  CHECK(bob.at("vip").total == 2);
}

TEST_CASE("usage gives a guest customer counts of 0 and the totals", "[store][usage]") {
  TestDatabase database;
  auto store = database.open();
  REQUIRE(store->record(checkout("k1", "ann", {limited("welcome", 5, 100)})).status == RecordStatus::recorded);
  const auto guest = store->usage({"welcome"}, std::nullopt);
  CHECK(guest.at("welcome").customer == 0);
  CHECK(guest.at("welcome").total == 1);
}

TEST_CASE("usage answers every id asked for, unknown ones with 0", "[store][usage]") {
  TestDatabase database;
  auto store = database.open();
  REQUIRE(store->record(checkout("k1", "ann", {limited("welcome", 5, 100)})).status == RecordStatus::recorded);
  const auto counts = store->usage({"welcome", "never-redeemed", "with \"quotes\", {braces} and \\"}, "ann");
  REQUIRE(counts.size() == 3);
  CHECK(counts.at("never-redeemed").customer == 0);
  CHECK(counts.at("never-redeemed").total == 0);
  CHECK(counts.at("with \"quotes\", {braces} and \\").total == 0);
  CHECK(counts.at("welcome").total == 1);
  CHECK(store->usage({}, "ann").empty());
  CHECK(store->usage({"welcome"}, "nobody-yet").at("welcome").customer == 0);
}

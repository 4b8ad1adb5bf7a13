// record(): the idempotency key (recorded, replayed, key_reused), the limits (total, per customer,
// guests) and atomicity: whatever does not end in `recorded` leaves nothing behind.
#include <catch2/catch.hpp>

#include "checkouts.hpp"
#include "test_database.hpp"

using namespace till::server;
using namespace till::server::testing;

TEST_CASE("a recorded checkout keeps its order, redemptions and answer", "[store][record]") {
  TestDatabase database;
  auto store = database.open();
  CHECK_FALSE(store->answer("k1").has_value());

  const auto outcome = store->record(checkout("k1", "ann", {limited("welcome", 1, 10)}));
  CHECK(outcome.status == RecordStatus::recorded);

  const auto answer = store->answer("k1");
  REQUIRE(answer.has_value());
  CHECK(answer->status == 200);
  CHECK(answer->request_hash == "hash-of-k1");
  CHECK(answer->body == R"({"order":"k1"})");
  CHECK(database.integer("SELECT total FROM orders WHERE idempotency_key = 'k1'") == 1234);
  CHECK(database.integer("SELECT count(*) FROM orders WHERE currency = 'EUR' AND customer_id = 'ann'") == 1);
  CHECK(database.integer("SELECT count(*) FROM redemptions WHERE idempotency_key = 'k1' AND "
                         "promotion = 'welcome' AND customer_id = 'ann'") == 1);
}

TEST_CASE("a checkout without usage-limited promotions is recorded too", "[store][record]") {
  TestDatabase database;
  auto store = database.open();
  CHECK(store->record(checkout("k1", std::nullopt)).status == RecordStatus::recorded);
  CHECK(store->answer("k1").has_value());
  CHECK(database.integer("SELECT count(*) FROM redemptions") == 0);
}

TEST_CASE("the same key with the same request replays the first answer and records nothing", "[store][record]") {
  TestDatabase database;
  auto store = database.open();
  REQUIRE(store->record(checkout("k1", "ann", {limited("welcome", 5, 10)})).status == RecordStatus::recorded);

  auto again = checkout("k1", "ann", {limited("welcome", 5, 10)});
  again.response_body = "a different answer, never stored";
  const auto outcome = store->record(again);
  CHECK(outcome.status == RecordStatus::replayed);
  CHECK(outcome.answer.status == 200);
  CHECK(outcome.answer.body == R"({"order":"k1"})");
  CHECK(store->usage({"welcome"}, "ann").at("welcome").total == 1);
  CHECK(database.integer("SELECT count(*) FROM orders") == 1);
}

TEST_CASE("the same key with another request is key_reused and records nothing", "[store][record]") {
  TestDatabase database;
  auto store = database.open();
  REQUIRE(store->record(checkout("k1", "ann", {limited("welcome", 5, 10)})).status == RecordStatus::recorded);

  const auto outcome = store->record(checkout("k1", "bob", {limited("welcome", 5, 10)}, "another-hash"));
  CHECK(outcome.status == RecordStatus::key_reused);
  CHECK(outcome.answer.request_hash == "hash-of-k1");
  CHECK(store->usage({"welcome"}, "bob").at("welcome").customer == 0);
  CHECK(store->usage({"welcome"}, "bob").at("welcome").total == 1);
}

TEST_CASE("a total limit admits exactly that many redemptions", "[store][record][limits]") {
  TestDatabase database;
  auto store = database.open();
  const auto flash = limited("flash", std::nullopt, 2);
  CHECK(store->record(checkout("k1", "ann", {flash})).status == RecordStatus::recorded);
  CHECK(store->record(checkout("k2", std::nullopt, {flash})).status == RecordStatus::recorded);
  const auto third = store->record(checkout("k3", "bob", {flash}));
  CHECK(third.status == RecordStatus::limit_reached);
  CHECK(third.promotion == "flash");
  CHECK_FALSE(store->answer("k3").has_value());
  CHECK(store->usage({"flash"}, "bob").at("flash").total == 2);
}

TEST_CASE("a per-customer limit holds per customer, not for everyone", "[store][record][limits]") {
  TestDatabase database;
  auto store = database.open();
  const auto welcome = limited("welcome", 1, std::nullopt);
  CHECK(store->record(checkout("k1", "ann", {welcome})).status == RecordStatus::recorded);
  const auto second = store->record(checkout("k2", "ann", {welcome}));
  CHECK(second.status == RecordStatus::limit_reached);
  CHECK(second.promotion == "welcome");
  CHECK(store->record(checkout("k3", "bob", {welcome})).status == RecordStatus::recorded);
  const auto ann = store->usage({"welcome"}, "ann").at("welcome");
  CHECK(ann.customer == 1);
  CHECK(ann.total == 2);
}

TEST_CASE("a guest cannot redeem a promotion with a per-customer limit", "[store][record][limits]") {
  TestDatabase database;
  auto store = database.open();
  const auto outcome =
      store->record(checkout("k1", std::nullopt, {limited("open", std::nullopt, 5), limited("welcome", 1, 5)}));
  CHECK(outcome.status == RecordStatus::limit_reached);
  CHECK(outcome.promotion == "welcome");
  CHECK_FALSE(store->answer("k1").has_value());
  CHECK(store->usage({"open", "welcome"}, std::nullopt).at("open").total == 0);
}

TEST_CASE("a checkout passing one of its limits records none of its redemptions", "[store][record][atomicity]") {
  TestDatabase database;
  auto store = database.open();
  const auto once = limited("once", std::nullopt, 1);
  REQUIRE(store->record(checkout("k1", "bob", {once})).status == RecordStatus::recorded);

  // "always" sorts before "once", so it is counted before the limit of "once" is found reached.
  const auto always = limited("always", 10, 100);
  const auto outcome = store->record(checkout("k2", "ann", {once, always}));
  CHECK(outcome.status == RecordStatus::limit_reached);
  CHECK(outcome.promotion == "once");
  const auto ann = store->usage({"always", "once"}, "ann");
  CHECK(ann.at("always").customer == 0);
  CHECK(ann.at("always").total == 0);
  CHECK(ann.at("once").total == 1);
  CHECK(database.integer("SELECT count(*) FROM redemptions WHERE idempotency_key = 'k2'") == 0);

  // The key was not claimed: it can still be used.
  CHECK(store->record(checkout("k2", "ann", {always})).status == RecordStatus::recorded);
}

TEST_CASE("a record failing in the database midway leaves nothing and throws StoreError", "[store][record][atomicity]") {
  TestDatabase database;
  auto store = database.open();
  // The database refuses one redemption, the last of the checkout's (in id order), after the order and
  // the first redemption were written in the same transaction.
  if (database.kind() == "sqlite") {
    database.execute("CREATE TRIGGER refuse BEFORE INSERT ON redemptions WHEN NEW.promotion = 'poison' "
                     "BEGIN SELECT RAISE(ABORT, 'refused by the test'); END");
  } else {
    database.execute("ALTER TABLE redemptions ADD CONSTRAINT refuse CHECK (promotion <> 'poison')");
  }
  const auto fine = limited("fine", 5, 5);
  CHECK_THROWS_AS(store->record(checkout("k1", "ann", {fine, limited("poison", 5, 5)})), StoreError);
  CHECK_FALSE(store->answer("k1").has_value());
  CHECK(store->usage({"fine"}, "ann").at("fine").total == 0);
  CHECK(store->usage({"fine"}, "ann").at("fine").customer == 0);
  CHECK(database.integer("SELECT count(*) FROM orders") == 0);
  CHECK(database.integer("SELECT count(*) FROM redemptions") == 0);

  // The store goes on working, and the key was never claimed.
  CHECK(store->record(checkout("k1", "ann", {fine})).status == RecordStatus::recorded);
  CHECK(store->usage({"fine"}, "ann").at("fine").total == 1);
}

TEST_CASE("a promotion listed twice in one checkout is redeemed once", "[store][record]") {
  TestDatabase database;
  auto store = database.open();
  const auto welcome = limited("welcome", 1, 10);
  CHECK(store->record(checkout("k1", "ann", {welcome, welcome})).status == RecordStatus::recorded);
  CHECK(store->usage({"welcome"}, "ann").at("welcome").customer == 1);
}

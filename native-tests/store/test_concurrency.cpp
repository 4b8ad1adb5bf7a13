// 50 threads checking out at once: a single-use promotion is redeemed once, a per-customer limit holds
// for one customer and does not hold back others, and one idempotency key is recorded once.
#include <catch2/catch.hpp>
#include <functional>
#include <latch>
#include <map>
#include <thread>
#include <vector>

#include "checkouts.hpp"
#include "test_database.hpp"

using namespace till::server;
using namespace till::server::testing;

namespace {

constexpr int racers = 50;

// Records `checkout_of(i)` from `racers` threads released together; how many ended in each status.
std::map<RecordStatus, int> race(Store& store, const std::function<Checkout(int)>& checkout_of) {
  std::latch start(racers);
  std::vector<RecordOutcome> outcomes(racers);
  std::vector<std::string> errors(racers);
  std::vector<std::thread> threads;
  for (int i = 0; i < racers; ++i) {
    threads.emplace_back([&, i] {
      const Checkout mine = checkout_of(i);
      start.arrive_and_wait();
      try {
        outcomes[i] = store.record(mine);
      } catch (const StoreError& e) {
        errors[i] = e.what();
      }
    });
  }
  for (auto& thread : threads) thread.join();
  for (const auto& error : errors) CHECK(error == "");
  std::map<RecordStatus, int> counts;
  for (int i = 0; i < racers; ++i) {
    if (errors[i].empty()) ++counts[outcomes[i].status];
  }
  return counts;
}

}  // namespace

TEST_CASE("50 checkouts of a single-use promotion: exactly one is recorded", "[store][concurrency]") {
  TestDatabase database;
  auto store = database.open();
  const auto counts = race(*store, [](int i) {
    return checkout("k" + std::to_string(i), "customer" + std::to_string(i),
                    {limited("other", std::nullopt, 1000), limited("single-use", std::nullopt, 1)});
  });
  CHECK(counts.at(RecordStatus::recorded) == 1);
  CHECK(counts.at(RecordStatus::limit_reached) == racers - 1);
  const auto usage = store->usage({"single-use", "other"}, std::nullopt);
  CHECK(usage.at("single-use").total == 1);
  CHECK(usage.at("other").total == 1);
  CHECK(database.integer("SELECT count(*) FROM orders") == 1);
}

TEST_CASE("50 checkouts by one customer of a once-per-customer promotion: exactly one is recorded",
          "[store][concurrency]") {
  TestDatabase database;
  auto store = database.open();
  const auto counts = race(*store, [](int i) {
    return checkout("k" + std::to_string(i), "ann", {limited("welcome", 1, std::nullopt)});
  });
  CHECK(counts.at(RecordStatus::recorded) == 1);
  CHECK(counts.at(RecordStatus::limit_reached) == racers - 1);
  CHECK(store->usage({"welcome"}, "ann").at("welcome").customer == 1);
}

TEST_CASE("50 customers at once each redeem their once-per-customer promotion", "[store][concurrency]") {
  TestDatabase database;
  auto store = database.open();
  const auto counts = race(*store, [](int i) {
    // Alternate the order of the two promotions so that lock ordering, not luck, prevents deadlocks.
    std::vector<Redemption> both{limited("welcome", 1, std::nullopt), limited("autumn", 1, 1000)};
    if (i % 2 == 1) std::swap(both[0], both[1]);
    return checkout("k" + std::to_string(i), "customer" + std::to_string(i), both);
  });
  CHECK(counts.at(RecordStatus::recorded) == racers);
  CHECK(store->usage({"welcome"}, std::nullopt).at("welcome").total == racers);
}

TEST_CASE("50 concurrent records of one idempotency key: one recorded, the others replayed",
          "[store][concurrency]") {
  TestDatabase database;
  auto store = database.open();
  const auto counts = race(*store, [](int) { return checkout("the-key", "ann", {limited("welcome", 5, 5)}); });
  CHECK(counts.at(RecordStatus::recorded) == 1);
  CHECK(counts.at(RecordStatus::replayed) == racers - 1);
  CHECK(store->usage({"welcome"}, "ann").at("welcome").customer == 1);
  CHECK(database.integer("SELECT count(*) FROM orders") == 1);
}

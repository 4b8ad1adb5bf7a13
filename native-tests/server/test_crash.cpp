// Crash safety: kill -9 in the middle of a burst of checkouts, restart on the same database. Every
// acknowledged checkout is there exactly once and replays its first answer; nothing is counted twice.
#include <catch2/catch.hpp>

#include <atomic>
#include <chrono>
#include <mutex>
#include <thread>

#include "checkout_helpers.hpp"
#include "test_database.hpp"

using namespace till::server::testing;

TEST_CASE("kill -9 during a burst of checkouts loses no acknowledged checkout and records none twice") {
  TestDatabase database;
  const json request = basket({{"E7247", 1}, {"VC1", 3}});
  json shown;
  struct Sent {
    std::string key;
    std::string answer;  // the 200 body; empty when unacknowledged
  };
  std::vector<Sent> sent;
  std::mutex sent_mutex;
  {
    ServerProcess server(database.name());
    auto client = server.client();
    shown = preview(client, request);
    std::atomic<int> acknowledged{0};
    std::vector<std::thread> shoppers;
    for (int t = 0; t < 8; ++t) {
      shoppers.emplace_back([&] {
        auto own = server.client();
        for (;;) {
          const std::string key = unique_key("burst");
          const Reply reply = checkout(own, request, shown, key);
          if (reply.status == 0) {  // the server is gone
            std::lock_guard lock(sent_mutex);
            sent.push_back({key, ""});
            return;
          }
          std::lock_guard lock(sent_mutex);
          sent.push_back({key, reply.status == 200 ? reply.body : ""});
          if (reply.status == 200) ++acknowledged;
        }
      });
    }
    for (int i = 0; i < 1000 && acknowledged < 100; ++i) std::this_thread::sleep_for(std::chrono::milliseconds(5));
    server.kill_hard();
    for (std::thread& shopper : shoppers) shopper.join();
    REQUIRE(acknowledged >= 1);
  }

  ServerProcess restarted(database.name());
  auto client = restarted.client();
  const auto store = database.open();
  std::int64_t recorded = 0;
  int acknowledged = 0;
  for (const Sent& checkout_sent : sent) {
    const auto stored = store->answer(checkout_sent.key);
    if (stored) ++recorded;
    if (checkout_sent.answer.empty()) continue;
    ++acknowledged;
    REQUIRE(stored);
    const Reply replay = checkout(client, request, shown, checkout_sent.key);
    CHECK(replay.status == 200);
    CHECK(replay.header("Idempotent-Replayed") == "true");
    CHECK(replay.body == checkout_sent.answer);
  }
  // Each recorded checkout redeemed every-order once: the count is the number of recorded keys.
  CHECK(store->usage({"every-order"}, std::nullopt).at("every-order").total == recorded);
  CHECK(recorded >= acknowledged);
  INFO("acknowledged " << acknowledged << ", recorded " << recorded << ", sent " << sent.size());
  CHECK(recorded <= static_cast<std::int64_t>(sent.size()));
}

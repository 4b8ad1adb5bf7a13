// Limits hold under concurrent checkouts: of 50 at once, exactly one gets a single-use code, and a
// customer gets a once-per-customer promotion exactly once.
#include <catch2/catch.hpp>

#include <atomic>
#include <mutex>
#include <thread>

#include "checkout_helpers.hpp"
#include "test_database.hpp"

using namespace till::server::testing;

namespace {

constexpr int kCheckouts = 50;

struct Tally {
  std::atomic<int> accepted{0};
  std::atomic<int> conflicts{0};
  std::atomic<int> others{0};
  std::mutex mutex;
  std::vector<std::string> unexpected;  // status and body of each other answer
};

// Starts `kCheckouts` checkouts at once, request i built by `build(i)`, all showing `shown(i)`.
template <class Build, class Shown>
void run_together(const ServerProcess& server, Build build, Shown shown, Tally& tally) {
  std::atomic<bool> go{false};
  std::vector<std::thread> threads;
  for (int i = 0; i < kCheckouts; ++i) {
    threads.emplace_back([&, i] {
      auto client = server.client();
      const json request = build(i);
      const json page = shown(i);
      const std::string key = unique_key("together");
      while (!go.load()) std::this_thread::yield();
      const Reply reply = checkout(client, request, page, key);
      if (reply.status == 200) {
        ++tally.accepted;
      } else if (reply.status == 409) {
        ++tally.conflicts;
      } else {
        ++tally.others;
        std::lock_guard lock(tally.mutex);
        tally.unexpected.push_back(std::to_string(reply.status) + " " + reply.body);
      }
    });
  }
  go = true;
  for (std::thread& thread : threads) thread.join();
}

}  // namespace

TEST_CASE("50 concurrent checkouts of a single-use code: exactly one succeeds") {
  TestDatabase database;
  ServerProcess server(database.name());
  auto client = server.client();
  // Every shopper saw the code applied (the page priced before anyone used it).
  const json shown = preview(client, basket({{"H200", 1}}, std::string("c-0"), {"ONCE"}));
  REQUIRE(shown["coupons"][0]["status"] == "applied");

  Tally tally;
  run_together(
      server, [](int i) { return basket({{"H200", 1}}, "c-" + std::to_string(i), {"ONCE"}); },
      [&](int) { return shown; }, tally);
  for (const std::string& answer : tally.unexpected) WARN(answer);
  CHECK(tally.accepted == 1);
  CHECK(tally.conflicts == kCheckouts - 1);
  CHECK(tally.others == 0);
  CHECK(database.open()->usage({"once-only"}, std::nullopt).at("once-only").total == 1);
}

TEST_CASE("50 concurrent checkouts by one customer of a once-per-customer promotion: exactly one succeeds") {
  TestDatabase database;
  ServerProcess server(database.name());
  auto client = server.client();
  const json request = basket({{"R10", 1}}, std::string("c-same"), {"WELCOME"});
  const json shown = preview(client, request);
  REQUIRE(shown["coupons"][0]["status"] == "applied");

  Tally tally;
  run_together(server, [&](int) { return request; }, [&](int) { return shown; }, tally);
  for (const std::string& answer : tally.unexpected) WARN(answer);
  CHECK(tally.accepted == 1);
  CHECK(tally.conflicts == kCheckouts - 1);
  CHECK(tally.others == 0);

  // Another customer still gets it; a guest never does (it could not be counted).
  const json other = basket({{"R10", 1}}, std::string("c-other"), {"WELCOME"});
  CHECK(preview(client, other)["coupons"][0]["status"] == "applied");
  const json guest = basket({{"R10", 1}}, std::nullopt, {"WELCOME"});
  CHECK(preview(client, guest)["coupons"][0]["status"] == "not_applicable");
}

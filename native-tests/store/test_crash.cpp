// Crash safety: a process killed with SIGKILL in the middle of a burst of checkouts loses none that it
// was told were recorded, and the counts stay in step with the orders.
#include <catch2/catch.hpp>
#include <csignal>
#include <cstdio>
#include <set>
#include <string>
#include <sys/wait.h>
#include <thread>
#include <unistd.h>
#include <vector>

#include "checkouts.hpp"
#include "test_database.hpp"

using namespace till::server;
using namespace till::server::testing;

namespace {

// The child: opens the store and records checkouts from 4 threads without end, writing each key to
// `acknowledgements` once record() has answered `recorded`. It never returns.
[[noreturn]] void record_until_killed(const std::string& database, int acknowledgements) {
  try {
    auto store = open_store(database);
    std::vector<std::thread> threads;
    for (int t = 0; t < 4; ++t) {
      threads.emplace_back([&, t] {
        for (int i = 0;; ++i) {
          const std::string key = "t" + std::to_string(t) + "-" + std::to_string(i);
          if (store->record(checkout(key, "ann", {limited("burst", std::nullopt, 1'000'000)})).status !=
              RecordStatus::recorded) {
            _exit(3);
          }
          const std::string line = key + "\n";  // shorter than PIPE_BUF: written whole
          if (write(acknowledgements, line.data(), line.size()) != static_cast<ssize_t>(line.size())) _exit(4);
        }
      });
    }
    for (auto& thread : threads) thread.join();
  } catch (...) {
    _exit(2);
  }
  _exit(1);
}

}  // namespace

TEST_CASE("every checkout acknowledged before a kill -9 is recorded exactly once", "[store][crash]") {
  TestDatabase database;
  database.open();  // migrated before the child starts, so the burst begins at once

  int pipe_ends[2];
  REQUIRE(pipe(pipe_ends) == 0);
  const pid_t child = fork();
  REQUIRE(child >= 0);
  if (child == 0) {
    close(pipe_ends[0]);
    record_until_killed(database.name(), pipe_ends[1]);
  }
  close(pipe_ends[1]);

  // Kill the child mid-burst, once it has acknowledged a few hundred checkouts.
  constexpr std::size_t before_kill = 300;
  std::set<std::string> acknowledged;
  FILE* input = fdopen(pipe_ends[0], "r");
  REQUIRE(input != nullptr);
  char line[128];
  while (acknowledged.size() < before_kill && std::fgets(line, sizeof line, input) != nullptr) {
    std::string key(line);
    if (!key.empty() && key.back() == '\n') key.pop_back();
    acknowledged.insert(key);
  }
  kill(child, SIGKILL);
  int status = 0;
  waitpid(child, &status, 0);
  // Acknowledgements already in the pipe when the child died count too.
  while (std::fgets(line, sizeof line, input) != nullptr) {
    std::string key(line);
    if (!key.empty() && key.back() == '\n') acknowledged.insert(key.substr(0, key.size() - 1));
  }
  std::fclose(input);
  REQUIRE(WIFSIGNALED(status));
  REQUIRE(WTERMSIG(status) == SIGKILL);
  REQUIRE(acknowledged.size() >= before_kill);

  auto reopened = database.open();
  std::size_t missing = 0;
  for (const auto& key : acknowledged) {
    if (!reopened->answer(key).has_value()) ++missing;
  }
  CHECK(missing == 0);
  const auto orders = database.integer("SELECT count(*) FROM orders");
  CHECK(orders >= static_cast<std::int64_t>(acknowledged.size()));
  CHECK(database.integer("SELECT count(DISTINCT idempotency_key) FROM orders") == orders);
  CHECK(database.integer("SELECT count(*) FROM redemptions") == orders);
  CHECK(reopened->usage({"burst"}, "ann").at("burst").total == orders);
  CHECK(reopened->usage({"burst"}, "ann").at("burst").customer == orders);
}

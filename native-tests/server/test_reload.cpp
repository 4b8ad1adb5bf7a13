// SIGHUP reloads the rules and the catalogue between requests, without failing any request in flight; a
// bad new file keeps the old rules.
#include <catch2/catch.hpp>

#include <signal.h>
#include <unistd.h>

#include <atomic>
#include <chrono>
#include <filesystem>
#include <fstream>
#include <thread>

#include "checkout_helpers.hpp"
#include "test_database.hpp"

using namespace till::server::testing;

TEST_CASE("SIGHUP reloads the rules during traffic with no failed request; a bad file keeps the old rules") {
  TestDatabase database;
  const auto rules = std::filesystem::temp_directory_path() / ("till-reload-" + std::to_string(getpid()) + ".json");
  std::filesystem::copy_file(data_path("rules.json"), rules, std::filesystem::copy_options::overwrite_existing);
  ServerProcess server(database.name(), rules.string());

  std::atomic<bool> stop{false};
  std::atomic<int> answered{0};
  std::atomic<int> failed{0};
  std::vector<std::thread> traffic;
  for (int t = 0; t < 4; ++t) {
    traffic.emplace_back([&] {
      auto client = server.client();
      const json request = basket({{"E7247", 1}});
      while (!stop) {
        const Reply priced = post(client, "/api/price", request.dump());
        const Reply rules_reply = get(client, "/api/rules");
        if (priced.status == 200 && rules_reply.status == 200) {
          ++answered;
        } else {
          ++failed;
        }
      }
    });
  }
  auto client = server.client();
  const auto version = [&] { return get(client, "/api/rules").json()["version"].get<std::string>(); };
  const auto wait_for_version = [&](const std::string& wanted) {
    for (int i = 0; i < 500 && version() != wanted; ++i) std::this_thread::sleep_for(std::chrono::milliseconds(10));
    return version();
  };
  std::this_thread::sleep_for(std::chrono::milliseconds(200));
  CHECK(version() == "test-1");

  std::filesystem::copy_file(data_path("rules-v2.json"), rules, std::filesystem::copy_options::overwrite_existing);
  server.signal(SIGHUP);
  CHECK(wait_for_version("test-2") == "test-2");
  CHECK(preview(client, basket({{"E7247", 1}}))["discount_total"] == 1000 + 1);  // 20% of 4999, and every-order

  {
    std::ofstream broken(rules);
    broken << "{\"currency\": ";
  }
  server.signal(SIGHUP);
  std::this_thread::sleep_for(std::chrono::milliseconds(300));
  CHECK(version() == "test-2");
  CHECK(server.log().find("reload_failed") != std::string::npos);

  std::this_thread::sleep_for(std::chrono::milliseconds(200));
  stop = true;
  for (std::thread& thread : traffic) thread.join();
  CHECK(answered > 0);
  CHECK(failed == 0);
  CHECK(get(client, "/metrics").body.find("till_reloads_total{outcome=\"failed\"} 1") != std::string::npos);
  std::filesystem::remove(rules);
}

// Schema migrations: applied on a fresh database, recorded, not re-applied on reopening, safe when many
// open at once, and refused when the database is newer than the code.
#include <catch2/catch.hpp>
#include <latch>
#include <thread>
#include <vector>

#include "checkouts.hpp"
#include "test_database.hpp"

using namespace till::server;
using namespace till::server::testing;

TEST_CASE("a fresh database is migrated and its version recorded", "[store][migrations]") {
  TestDatabase database;
  auto store = database.open();
  CHECK(store->kind() == database.kind());
  CHECK(store->ready());
  CHECK(database.integer("SELECT count(*) FROM schema_migrations") == 1);
  CHECK(database.integer("SELECT max(version) FROM schema_migrations") == 1);
  CHECK(database.integer("SELECT count(*) FROM orders") == 0);
}

TEST_CASE("reopening a migrated database keeps its data and applies nothing twice", "[store][migrations]") {
  TestDatabase database;
  REQUIRE(database.open()->record(checkout("k1", "ann")).status == RecordStatus::recorded);
  auto reopened = database.open();
  CHECK(database.integer("SELECT count(*) FROM schema_migrations") == 1);
  CHECK(reopened->answer("k1").has_value());
}

TEST_CASE("many stores opening one fresh database at once migrate it once", "[store][migrations]") {
  TestDatabase database;
  constexpr int openers = 8;
  std::latch start(openers);
  std::vector<std::string> errors(openers);
  std::vector<std::thread> threads;
  for (int i = 0; i < openers; ++i) {
    threads.emplace_back([&, i] {
      start.arrive_and_wait();
      try {
        database.open();
      } catch (const StoreError& e) {
        errors[i] = e.what();
      }
    });
  }
  for (auto& thread : threads) thread.join();
  for (const auto& error : errors) CHECK(error.empty());
  CHECK(database.integer("SELECT count(*) FROM schema_migrations") == 1);
}

TEST_CASE("a database migrated by a newer build is refused with a clear error", "[store][migrations]") {
  TestDatabase database;
  database.open();
  database.execute("INSERT INTO schema_migrations (version) VALUES (99)");
  CHECK_THROWS_WITH(database.open(), Catch::Contains("schema version 99, newer than this build knows (1)"));
}

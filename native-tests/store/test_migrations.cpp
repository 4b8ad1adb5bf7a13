// Schema migrations: applied on a fresh database, recorded, not re-applied on reopening, safe when many
// open at once, and refused when the database is newer than the code.
#include <catch2/catch.hpp>
#include <cstdio>
#include <latch>
#include <sys/wait.h>
#include <thread>
#include <unistd.h>
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
  for (const auto& error : errors) CHECK(error == "");
  CHECK(database.integer("SELECT count(*) FROM schema_migrations") == 1);
}

TEST_CASE("many processes opening one fresh database at once migrate it once", "[store][migrations]") {
  TestDatabase database;
  constexpr int openers = 6;
  // Every child blocks reading the pipe until the parent closes its end, then all open at once.
  int gate[2];
  REQUIRE(pipe(gate) == 0);
  std::vector<pid_t> children;
  for (int i = 0; i < openers; ++i) {
    const pid_t child = fork();
    REQUIRE(child >= 0);
    if (child == 0) {
      close(gate[1]);
      char byte;
      if (read(gate[0], &byte, 1) != 0) _exit(3);
      try {
        database.open();
      } catch (const std::exception& e) {
        std::fprintf(stderr, "opener %d: %s\n", i, e.what());
        _exit(2);
      }
      _exit(0);
    }
    children.push_back(child);
  }
  close(gate[0]);
  close(gate[1]);
  for (const pid_t child : children) {
    int status = 0;
    waitpid(child, &status, 0);
    CHECK(WIFEXITED(status));
    CHECK(WEXITSTATUS(status) == 0);
  }
  CHECK(database.integer("SELECT count(*) FROM schema_migrations") == 1);
  CHECK(database.open()->ready());
}

TEST_CASE("a database migrated by a newer build is refused with a clear error", "[store][migrations]") {
  TestDatabase database;
  database.open();
  database.execute("INSERT INTO schema_migrations (version) VALUES (99)");
  CHECK_THROWS_WITH(database.open(), Catch::Contains("schema version 99, newer than this build knows (1)"));
}

// A PostgreSQL store whose idle pooled connections were closed by the server (a restart, an idle
// timeout) goes on working: the first call to find its connection lost runs again on a new one.
// SQLite has no connections to lose; its run of this file checks nothing.
#include <catch2/catch.hpp>

#include "checkouts.hpp"
#include "test_database.hpp"

using namespace till::server;
using namespace till::server::testing;

namespace {

// Closes every server connection of stores on `database`, as a database restart would.
void terminate_connections(const TestDatabase& database) {
  database.execute("SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE application_name = '" +
                   database.application_name() + "' AND pid <> pg_backend_pid()");
}

}  // namespace

TEST_CASE("a PostgreSQL store recovers from losing its idle connections", "[store][connection]") {
  if (store_kind() != "postgres") return;
  TestDatabase database;
  auto store = database.open();
  REQUIRE(store->record(checkout("k1", "ann", {limited("welcome", 5, 5)})).status == RecordStatus::recorded);

  terminate_connections(database);
  CHECK(store->usage({"welcome"}, "ann").at("welcome").customer == 1);
  terminate_connections(database);
  CHECK(store->answer("k1").has_value());
  terminate_connections(database);
  CHECK(store->record(checkout("k2", "ann", {limited("welcome", 5, 5)})).status == RecordStatus::recorded);
  terminate_connections(database);
  CHECK(store->ready());
  CHECK(store->usage({"welcome"}, "ann").at("welcome").customer == 2);
}

TEST_CASE("a PostgreSQL store that cannot reach its database reports it", "[store][connection]") {
  if (store_kind() != "postgres") return;
  TestDatabase database;
  auto store = database.open();
  // Dropping the schema under the store leaves it connected to a database without its tables.
  database.execute("DROP TABLE orders CASCADE");
  CHECK_THROWS_WITH(store->answer("k1"), Catch::Contains("orders"));
  CHECK_THROWS_AS(store->record(checkout("k1", "ann")), StoreError);
}

// Databases that cannot be opened give a StoreError saying what and why, never a crash or a hang.
#include <catch2/catch.hpp>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <unistd.h>

#include "test_database.hpp"

using namespace till::server;
using namespace till::server::testing;

TEST_CASE("bad SQLite paths are refused with a clear error", "[store][open]") {
  if (store_kind() != "sqlite") return;  // the PostgreSQL run checks bad URLs below
  const auto directory = std::filesystem::temp_directory_path() / ("till-store-open-" + std::to_string(getpid()));
  std::filesystem::create_directories(directory);

  CHECK_THROWS_WITH(open_store(""), Catch::Contains("no database given"));
  CHECK_THROWS_WITH(open_store(":memory:"), Catch::Contains("give an SQLite file path"));
  CHECK_THROWS_WITH(open_store((directory / "missing" / "till.db").string()),
                    Catch::Contains("cannot open the SQLite database") && Catch::Contains("missing/till.db"));
  CHECK_THROWS_WITH(open_store(directory.string()), Catch::Contains("cannot open the SQLite database"));

  const auto not_a_database = (directory / "notes.txt").string();
  std::ofstream(not_a_database) << "these are not the tables you are looking for, not by a long way at all\n";
  CHECK_THROWS_WITH(open_store(not_a_database),
                    Catch::Contains("notes.txt") && Catch::Contains("file is not a database"));
  std::filesystem::remove_all(directory);
}

TEST_CASE("bad PostgreSQL URLs are refused with a clear error", "[store][open]") {
  if (store_kind() != "postgres") return;  // the SQLite run checks bad paths above
  TestDatabase database;  // a live server, to aim the wrong database name at
  CHECK_THROWS_WITH(open_store("postgresql://postgres@127.0.0.1:1/till"),
                    Catch::Contains("cannot connect to PostgreSQL") && Catch::Contains("port 1 failed"));
  CHECK_THROWS_WITH(open_store("postgres://postgres@127.0.0.1:notaport/till"),
                    Catch::Contains("cannot connect to PostgreSQL") && Catch::Contains("notaport"));
  CHECK_THROWS_WITH(open_store("postgresql://postgres:hunter2@127.0.0.1:1/till"),
                    !Catch::Contains("hunter2"));
  const std::string url = database.name();
  const auto path_start = url.find('/', std::string("postgresql://").size());
  REQUIRE(path_start != std::string::npos);
  CHECK_THROWS_WITH(open_store(url.substr(0, path_start) + "/no_such_database"),
                    Catch::Contains("database \"no_such_database\" does not exist"));
}

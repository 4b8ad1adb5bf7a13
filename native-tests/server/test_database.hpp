// A fresh, empty database for one server under test, of the kind this run tests: TILL_TEST_STORE=sqlite
// (a file in a new temporary directory) or postgres (a new schema in the database at
// TILL_TEST_POSTGRES_URL). ctest sets both; without them the tests fail, never skip. The test reads the
// records back through the store interface, as a second process would.
#pragma once

#include <memory>
#include <string>

#include "server/store/store.hpp"

namespace till::server::testing {

class TestDatabase {
 public:
  TestDatabase();
  ~TestDatabase();
  TestDatabase(const TestDatabase&) = delete;
  TestDatabase& operator=(const TestDatabase&) = delete;

  /// What --database is given: the SQLite file or the URL of the schema.
  const std::string& name() const { return name_; }
  std::unique_ptr<Store> open() const { return open_store(name_); }

 private:
  std::string kind_;
  std::string name_;
  std::string directory_;  // SQLite
  std::string admin_url_;  // PostgreSQL: the database the schema lives in
  std::string schema_;     // PostgreSQL
};

}  // namespace till::server::testing

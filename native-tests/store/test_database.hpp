// A fresh, empty database for one test case, of the kind this run tests: TILL_TEST_STORE=sqlite (a file
// in a new temporary directory) or TILL_TEST_STORE=postgres (a new schema in the database at
// TILL_TEST_POSTGRES_URL). ctest sets both (CMakeLists.txt); without them every test fails, never skips.
// Direct SQL (`execute`, `integer`) reads and arranges what the store interface cannot.
#pragma once

#include <cstdint>
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

  /// "sqlite" or "postgres".
  const std::string& kind() const { return kind_; }
  /// What open_store is given: the SQLite file path, or the URL of the schema whose connections carry
  /// the schema's name as their application_name.
  const std::string& name() const { return name_; }
  std::unique_ptr<Store> open() const { return open_store(name_); }

  /// Runs `sql` on a connection of its own (no parameters: test-written SQL only).
  void execute(const std::string& sql) const;
  /// The first column of the first row of `sql`, as an integer.
  std::int64_t integer(const std::string& sql) const;

 private:
  std::string kind_;
  std::string name_;
  std::string directory_;  // SQLite: the temporary directory holding the file
  std::string admin_url_;  // PostgreSQL: the database the schema lives in
  std::string schema_;     // PostgreSQL: this test's schema, and its connections' application_name

 public:
  /// PostgreSQL: the application_name of the connections of stores opened on this database.
  const std::string& application_name() const { return schema_; }
};

/// The kind of store this run tests (TILL_TEST_STORE), failing the test when unset or unknown.
std::string store_kind();

}  // namespace till::server::testing

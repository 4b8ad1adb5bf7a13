#include "test_database.hpp"

#include <libpq-fe.h>
#include <unistd.h>

#include <atomic>
#include <cstdlib>
#include <filesystem>
#include <stdexcept>

namespace till::server::testing {

namespace {

std::string environment(const char* name) {
  const char* value = std::getenv(name);
  return value == nullptr ? std::string() : std::string(value);
}

void postgres_execute(const std::string& url, const std::string& sql) {
  PGconn* connection = PQconnectdb(url.c_str());
  std::string error;
  if (PQstatus(connection) != CONNECTION_OK) {
    error = PQerrorMessage(connection);
  } else {
    PQsetNoticeProcessor(connection, [](void*, const char*) {}, nullptr);
    PGresult* result = PQexec(connection, sql.c_str());
    if (PQresultStatus(result) != PGRES_COMMAND_OK) error = PQresultErrorMessage(result);
    PQclear(result);
  }
  PQfinish(connection);
  if (!error.empty()) throw std::runtime_error("'" + sql + "': " + error);
}

}  // namespace

TestDatabase::TestDatabase() : kind_(environment("TILL_TEST_STORE")) {
  static std::atomic<int> counter{0};
  const std::string unique = std::to_string(getpid()) + "_" + std::to_string(counter++);
  if (kind_ == "sqlite") {
    std::string pattern = (std::filesystem::temp_directory_path() / "till-server-test-XXXXXX").string();
    if (mkdtemp(pattern.data()) == nullptr) throw std::runtime_error("cannot make a temporary directory");
    directory_ = pattern;
    name_ = directory_ + "/till.sqlite3";
    return;
  }
  if (kind_ != "postgres") throw std::runtime_error("set TILL_TEST_STORE to sqlite or postgres (ctest does)");
  admin_url_ = environment("TILL_TEST_POSTGRES_URL");
  if (admin_url_.empty()) throw std::runtime_error("set TILL_TEST_POSTGRES_URL (ctest sets it from scripts/postgres url)");
  schema_ = "till_server_test_" + unique;
  postgres_execute(admin_url_, "CREATE SCHEMA " + schema_);
  name_ = admin_url_ + (admin_url_.find('?') == std::string::npos ? "?" : "&") + "options=-csearch_path%3D" + schema_;
}

TestDatabase::~TestDatabase() {
  try {
    if (kind_ == "sqlite") {
      std::filesystem::remove_all(directory_);
    } else if (!schema_.empty()) {
      postgres_execute(admin_url_, "DROP SCHEMA " + schema_ + " CASCADE");
    }
  } catch (const std::exception&) {
    // A leftover temporary schema or file harms nothing; a throwing destructor would.
  }
}

}  // namespace till::server::testing

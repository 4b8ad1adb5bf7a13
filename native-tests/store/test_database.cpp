#include "test_database.hpp"

#include <libpq-fe.h>
#include <sqlite3.h>
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

// Runs `sql` against `database` and answers the first value of the first row ("" when none).
std::string first_value(const std::string& kind, const std::string& database, const std::string& sql) {
  if (kind == "sqlite") {
    sqlite3* db = nullptr;
    std::string value;
    std::string error;
    if (sqlite3_open(database.c_str(), &db) != SQLITE_OK || sqlite3_busy_timeout(db, 5000) != SQLITE_OK) {
      error = sqlite3_errmsg(db);
    } else {
      auto keep_first = [](void* out, int columns, char** values, char**) {
        auto& text = *static_cast<std::string*>(out);
        if (text.empty() && columns > 0 && values[0] != nullptr) text = values[0];
        return 0;
      };
      char* message = nullptr;
      if (sqlite3_exec(db, sql.c_str(), keep_first, &value, &message) != SQLITE_OK) {
        error = message == nullptr ? "failed" : message;
        sqlite3_free(message);
      }
    }
    sqlite3_close(db);
    if (!error.empty()) throw std::runtime_error("test SQL '" + sql + "': " + error);
    return value;
  }
  PGconn* connection = PQconnectdb(database.c_str());
  if (PQstatus(connection) != CONNECTION_OK) {
    const std::string error = PQerrorMessage(connection);
    PQfinish(connection);
    throw std::runtime_error("test connection: " + error);
  }
  PQsetNoticeProcessor(connection, [](void*, const char*) {}, nullptr);
  PGresult* result = PQexec(connection, sql.c_str());
  const auto status = PQresultStatus(result);
  std::string value;
  std::string error;
  if (status == PGRES_TUPLES_OK && PQntuples(result) > 0) {
    value = PQgetvalue(result, 0, 0);
  } else if (status != PGRES_TUPLES_OK && status != PGRES_COMMAND_OK) {
    error = PQresultErrorMessage(result);
  }
  PQclear(result);
  PQfinish(connection);
  if (!error.empty()) throw std::runtime_error("test SQL '" + sql + "': " + error);
  return value;
}

}  // namespace

std::string store_kind() {
  const std::string kind = environment("TILL_TEST_STORE");
  if (kind != "sqlite" && kind != "postgres") {
    throw std::runtime_error("set TILL_TEST_STORE to sqlite or postgres (ctest does)");
  }
  return kind;
}

TestDatabase::TestDatabase() : kind_(store_kind()) {
  static std::atomic<int> counter{0};
  const std::string unique = std::to_string(getpid()) + "_" + std::to_string(counter++);
  if (kind_ == "sqlite") {
    std::string pattern = (std::filesystem::temp_directory_path() / "till-store-test-XXXXXX").string();
    if (mkdtemp(pattern.data()) == nullptr) throw std::runtime_error("cannot make a temporary directory");
    directory_ = pattern;
    name_ = directory_ + "/till.db";
    return;
  }
  admin_url_ = environment("TILL_TEST_POSTGRES_URL");
  if (admin_url_.empty()) {
    throw std::runtime_error("set TILL_TEST_POSTGRES_URL (ctest sets it from scripts/postgres url)");
  }
  schema_ = "till_test_" + unique;
  first_value(kind_, admin_url_, "CREATE SCHEMA " + schema_);
  // The application name lets a test find this store's connections (and only them) on the server.
  name_ = admin_url_ + (admin_url_.find('?') == std::string::npos ? "?" : "&") +
          "options=-csearch_path%3D" + schema_ + "&application_name=" + schema_;
}

TestDatabase::~TestDatabase() {
  try {
    if (kind_ == "sqlite") {
      std::filesystem::remove_all(directory_);
    } else {
      first_value(kind_, admin_url_, "DROP SCHEMA " + schema_ + " CASCADE");
    }
  } catch (const std::exception&) {
    // A leftover temporary schema or file harms nothing; a throwing destructor would.
  }
}

void TestDatabase::execute(const std::string& sql) const { first_value(kind_, name_, sql); }

std::int64_t TestDatabase::integer(const std::string& sql) const {
  return std::stoll(first_value(kind_, name_, sql));
}

}  // namespace till::server::testing

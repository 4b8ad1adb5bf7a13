#include "server/store/sqlite_connection.hpp"

#include <sqlite3.h>


namespace till::server {

SqliteStatement::SqliteStatement(SqliteConnection& connection, std::string_view sql)
    : connection_(connection) {
  if (sqlite3_prepare_v3(connection.handle(), sql.data(), static_cast<int>(sql.size()),
                         SQLITE_PREPARE_PERSISTENT, &statement_, nullptr) != SQLITE_OK) {
    connection.fail("cannot prepare a statement");
  }
}

SqliteStatement::~SqliteStatement() { sqlite3_finalize(statement_); }

SqliteStatement::Run::~Run() {
  sqlite3_reset(statement_.statement_);
  sqlite3_clear_bindings(statement_.statement_);
}

SqliteStatement::Run& SqliteStatement::Run::bind(int index, std::string_view text) {
  if (sqlite3_bind_text(statement_.statement_, index, text.data(), static_cast<int>(text.size()),
                        SQLITE_TRANSIENT) != SQLITE_OK) {
    statement_.connection_.fail("cannot bind a parameter");
  }
  return *this;
}

SqliteStatement::Run& SqliteStatement::Run::bind(int index, std::int64_t value) {
  if (sqlite3_bind_int64(statement_.statement_, index, value) != SQLITE_OK) {
    statement_.connection_.fail("cannot bind a parameter");
  }
  return *this;
}

SqliteStatement::Run& SqliteStatement::Run::bind_nullable(int index, const std::optional<std::string>& text) {
  if (text) return bind(index, std::string_view(*text));
  if (sqlite3_bind_null(statement_.statement_, index) != SQLITE_OK) {
    statement_.connection_.fail("cannot bind a parameter");
  }
  return *this;
}

bool SqliteStatement::Run::step() {
  const int code = sqlite3_step(statement_.statement_);
  if (code == SQLITE_ROW) return true;
  if (code == SQLITE_DONE) return false;
  statement_.connection_.fail("a statement failed");
}

std::string SqliteStatement::Run::text(int column) const {
  const auto* text = sqlite3_column_text(statement_.statement_, column);
  const int size = sqlite3_column_bytes(statement_.statement_, column);
  return text == nullptr ? std::string() : std::string(reinterpret_cast<const char*>(text), size);
}

std::int64_t SqliteStatement::Run::integer(int column) const {
  return sqlite3_column_int64(statement_.statement_, column);
}

SqliteConnection::SqliteConnection(const std::string& path) : path_(path) {
  // NOMUTEX: the pool gives a connection to one thread at a time; EXRESCODE: precise error messages.
  const int flags = SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE | SQLITE_OPEN_NOMUTEX | SQLITE_OPEN_EXRESCODE;
  if (sqlite3_open_v2(path.c_str(), &db_, flags, nullptr) != SQLITE_OK) {
    const std::string reason = db_ == nullptr ? "out of memory" : sqlite3_errmsg(db_);
    sqlite3_close(db_);
    throw StoreError("cannot open the SQLite database '" + path + "': " + reason);
  }
}

SqliteConnection::~SqliteConnection() {
  // Statements are finalised by their owners first; close_v2 would defer the close if one were left.
  sqlite3_close_v2(db_);
}

void SqliteConnection::execute(const char* sql) {
  char* message = nullptr;
  if (sqlite3_exec(db_, sql, nullptr, nullptr, &message) != SQLITE_OK) {
    const std::string reason = message == nullptr ? sqlite3_errmsg(db_) : message;
    sqlite3_free(message);
    const int code = sqlite3_errcode(db_) & 0xff;  // the primary code of an extended one (EXRESCODE)
    if (code == SQLITE_BUSY || code == SQLITE_LOCKED) throw SqliteBusy("SQLite database '" + path_ + "': " + reason);
    throw StoreError("SQLite database '" + path_ + "': " + reason);
  }
}

void SqliteConnection::rollback() noexcept {
  if (sqlite3_get_autocommit(db_) == 0) sqlite3_exec(db_, "ROLLBACK", nullptr, nullptr, nullptr);
}

std::string SqliteConnection::query_text(const char* sql) {
  SqliteStatement statement(*this, sql);
  auto run = statement.start();
  return run.step() ? run.text(0) : std::string();
}

void SqliteConnection::fail(std::string_view what) const {
  const int code = sqlite3_errcode(db_) & 0xff;  // the primary code of an extended one (EXRESCODE)
  if (code == SQLITE_BUSY || code == SQLITE_LOCKED) {
    throw SqliteBusy("SQLite database '" + path_ + "': " + std::string(what) + ": " + sqlite3_errmsg(db_));
  }
  throw StoreError("SQLite database '" + path_ + "': " + std::string(what) + ": " + sqlite3_errmsg(db_));
}

}  // namespace till::server

// A thin RAII layer over the SQLite C API: one connection and its prepared statements. Every failure
// throws StoreError with SQLite's own message.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

struct sqlite3;
struct sqlite3_stmt;

#include "server/store/store.hpp"

namespace till::server {

class SqliteConnection;

/// SQLite answered "database is locked" (or "busy") where its busy handler does not wait: while another
/// process creates the file or switches it to WAL, say. Trying again shortly after succeeds.
class SqliteBusy : public StoreError {
 public:
  using StoreError::StoreError;
};

/// A statement prepared once and run many times. Bind parameters (1-based) after `start`, then `step`.
class SqliteStatement {
 public:
  SqliteStatement(SqliteConnection& connection, std::string_view sql);
  ~SqliteStatement();
  SqliteStatement(const SqliteStatement&) = delete;
  SqliteStatement& operator=(const SqliteStatement&) = delete;

  /// Resets the statement on leaving scope, so that a half-read SELECT never keeps a read transaction
  /// (and with it the WAL) open.
  class Run {
   public:
    explicit Run(SqliteStatement& statement) : statement_(statement) {}
    ~Run();
    Run(const Run&) = delete;
    Run& operator=(const Run&) = delete;

    Run& bind(int index, std::string_view text);
    Run& bind(int index, std::int64_t value);
    Run& bind_nullable(int index, const std::optional<std::string>& text);  // NULL when absent
    /// True when a row is ready, false when the statement is done.
    bool step();
    std::string text(int column) const;
    std::int64_t integer(int column) const;

   private:
    SqliteStatement& statement_;
  };

  Run start() { return Run(*this); }

 private:
  SqliteConnection& connection_;
  sqlite3_stmt* statement_ = nullptr;
};

class SqliteConnection {
 public:
  /// Opens (creating) the file at `path`, read-write, for use by one thread at a time.
  explicit SqliteConnection(const std::string& path);
  ~SqliteConnection();
  SqliteConnection(const SqliteConnection&) = delete;
  SqliteConnection& operator=(const SqliteConnection&) = delete;

  /// Runs one or more statements that return no rows of interest.
  void execute(const char* sql);
  /// Ends the open transaction, if any, discarding its changes; never throws (used while unwinding).
  void rollback() noexcept;
  /// The text of the first column of the first row of `sql` (a PRAGMA's answer, say).
  std::string query_text(const char* sql);

  sqlite3* handle() const { return db_; }
  /// StoreError (SqliteBusy for a lock) naming what failed and SQLite's explanation.
  [[noreturn]] void fail(std::string_view what) const;

 private:
  std::string path_;
  sqlite3* db_ = nullptr;
};

}  // namespace till::server

// A thin RAII layer over libpq: one connection, its prepared statements and their results. Every
// failure throws StoreError with PostgreSQL's own message. Values always travel as parameters, never
// inside SQL text.
#pragma once

#include <cstdint>
#include <initializer_list>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <libpq-fe.h>

namespace till::server {

/// A statement's answer: rows of text values.
class PostgresResult {
 public:
  explicit PostgresResult(PGresult* result) : result_(result, &PQclear) {}

  int rows() const { return PQntuples(result_.get()); }
  ExecStatusType status() const { return PQresultStatus(result_.get()); }
  std::string text(int row, int column) const;
  std::int64_t integer(int row, int column) const;
  /// How many rows an INSERT, UPDATE or DELETE touched.
  std::int64_t affected() const;

 private:
  std::unique_ptr<PGresult, decltype(&PQclear)> result_;
};

/// A prepared statement to run, with its text parameters (nullopt is NULL).
struct PostgresCall {
  const char* name;
  std::vector<std::optional<std::string_view>> parameters;
};

class PostgresConnection {
 public:
  /// Connects to `url` (a postgres:// URL; its own parameters win over the defaults given here).
  explicit PostgresConnection(const std::string& url);
  ~PostgresConnection();
  PostgresConnection(const PostgresConnection&) = delete;
  PostgresConnection& operator=(const PostgresConnection&) = delete;

  /// Runs `sql` (one or more statements, no parameters) and answers the last statement's rows.
  PostgresResult execute(const char* sql);
  /// Prepares `sql` under `name` for this connection's lifetime.
  void prepare(const char* name, const char* sql);
  /// Runs the statement prepared as `name` with text parameters ($1, $2…; nullopt is NULL). A value
  /// holding a NUL byte is refused: PostgreSQL text cannot hold one.
  PostgresResult run(const char* name, std::initializer_list<std::optional<std::string_view>> parameters);
  /// Runs `calls` in one pipeline: all are sent before any answer is read, so they cost one round trip
  /// together. Their answers, in order; the first error throws (and PostgreSQL skips the rest). The
  /// answers of these statements are small, so neither side's buffers can fill while the other writes.
  std::vector<PostgresResult> run_pipelined(const std::vector<PostgresCall>& calls);
  /// Whether the connection to the server is lost (it restarted, or closed an idle connection): libpq
  /// saw it close, or the last error said the server is ending it.
  bool lost() const;

 private:
  PostgresResult checked(PGresult* result, std::string_view what);
  [[noreturn]] void fail(std::string_view what);

  PGconn* connection_ = nullptr;
  std::string last_error_state_;  // the SQLSTATE of the last failed statement
};

}  // namespace till::server

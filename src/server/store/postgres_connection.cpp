#include "server/store/postgres_connection.hpp"

#include <charconv>
#include <vector>

#include "server/store/store.hpp"

namespace till::server {
namespace {

// libpq's messages span lines (a hint, a LINE 2: excerpt); a StoreError's message is one line, at most
// `limit` characters.
std::string one_line(std::string_view message, std::size_t limit = 400) {
  std::string text;
  for (const char c : message) {
    const bool space = c == '\n' || c == '\t' || c == '\r' || c == ' ';
    if (space && (text.empty() || text.back() == ' ')) continue;
    text += space ? ' ' : c;
  }
  if (!text.empty() && text.back() == ' ') text.pop_back();
  if (text.size() > limit) text = text.substr(0, limit) + "...";
  return text;
}

// PostgreSQL's NOTICEs ("relation already exists, skipping") are not the server's to print.
void ignore_notice(void*, const char*) {}

}  // namespace

std::string PostgresResult::text(int row, int column) const {
  return std::string(PQgetvalue(result_.get(), row, column),
                     static_cast<std::size_t>(PQgetlength(result_.get(), row, column)));
}

std::int64_t PostgresResult::integer(int row, int column) const {
  const char* value = PQgetvalue(result_.get(), row, column);
  const char* end = value + PQgetlength(result_.get(), row, column);
  std::int64_t number = 0;
  if (std::from_chars(value, end, number).ptr != end) {
    throw StoreError("PostgreSQL answered '" + std::string(value, end) + "' where a number was expected");
  }
  return number;
}

std::int64_t PostgresResult::affected() const {
  const std::string count = PQcmdTuples(result_.get());
  return count.empty() ? 0 : std::stoll(count);
}

PostgresConnection::PostgresConnection(const std::string& url) {
  // The URL comes last so that whatever it says overrides these defaults. Without a timeout a host that
  // never answers would hang the server's start for minutes.
  const char* const keywords[] = {"connect_timeout", "application_name", "dbname", nullptr};
  const char* const values[] = {"10", "till-server", url.c_str(), nullptr};
  connection_ = PQconnectdbParams(keywords, values, /*expand_dbname=*/1);
  if (connection_ == nullptr) throw StoreError("cannot connect to PostgreSQL: out of memory");
  if (PQstatus(connection_) != CONNECTION_OK) {
    // libpq's message names the host and port, never the password.
    const std::string reason = one_line(PQerrorMessage(connection_));
    PQfinish(connection_);
    throw StoreError("cannot connect to PostgreSQL: " + reason);
  }
  PQsetNoticeProcessor(connection_, ignore_notice, nullptr);
}

PostgresConnection::~PostgresConnection() { PQfinish(connection_); }

PostgresResult PostgresConnection::execute(const char* sql) { return checked(PQexec(connection_, sql), sql); }

void PostgresConnection::prepare(const char* name, const char* sql) {
  checked(PQprepare(connection_, name, sql, 0, nullptr), name);
}

namespace {

// Text-format parameters as C strings: NUL-terminated copies, NULL for nullopt. A NUL inside a value is
// refused: PostgreSQL text cannot hold one.
class Parameters {
 public:
  Parameters(const char* statement, const auto& parameters) {
    texts_.reserve(parameters.size());  // no reallocation: the pointers into texts_ stay valid
    for (const auto& parameter : parameters) {
      if (!parameter) {
        values_.push_back(nullptr);
        continue;
      }
      if (parameter->find('\0') != std::string_view::npos) {
        throw StoreError(std::string("PostgreSQL cannot store a text holding a NUL byte (statement ") + statement +
                         ")");
      }
      values_.push_back(texts_.emplace_back(*parameter).c_str());
    }
  }
  int count() const { return static_cast<int>(values_.size()); }
  const char* const* values() const { return values_.data(); }

 private:
  std::vector<std::string> texts_;
  std::vector<const char*> values_;
};

}  // namespace

PostgresResult PostgresConnection::run(const char* name,
                                       std::initializer_list<std::optional<std::string_view>> parameters) {
  const Parameters values(name, parameters);
  return checked(PQexecPrepared(connection_, name, values.count(), values.values(), nullptr, nullptr, 0), name);
}

std::vector<PostgresResult> PostgresConnection::run_pipelined(const std::vector<PostgresCall>& calls) {
  if (PQenterPipelineMode(connection_) != 1) fail("cannot start a pipeline");
  for (const auto& call : calls) {
    const Parameters values(call.name, call.parameters);
    if (PQsendQueryPrepared(connection_, call.name, values.count(), values.values(), nullptr, nullptr, 0) != 1) {
      fail(call.name);
    }
  }
  if (PQpipelineSync(connection_) != 1) fail("cannot send a pipeline");
  std::vector<PostgresResult> answers;
  answers.reserve(calls.size());
  for (const auto& call : calls) {
    answers.push_back(checked(PQgetResult(connection_), call.name));
    // Each statement's answer ends with a null result.
    if (PGresult* extra = PQgetResult(connection_); extra != nullptr) {
      PQclear(extra);
      fail("unexpected answer in a pipeline");
    }
  }
  const PostgresResult sync(PQgetResult(connection_));
  if (sync.status() != PGRES_PIPELINE_SYNC || PQexitPipelineMode(connection_) != 1) fail("cannot end a pipeline");
  return answers;
}

void PostgresConnection::fail(std::string_view what) {
  throw StoreError("PostgreSQL: " + std::string(what) + ": " + one_line(PQerrorMessage(connection_)));
}

bool PostgresConnection::lost() const {
  // Class 08: connection exceptions; 57P01-57P03: the server is shutting down or restarting.
  const std::string_view state = last_error_state_;
  return PQstatus(connection_) == CONNECTION_BAD || state.starts_with("08") || state == "57P01" ||
         state == "57P02" || state == "57P03";
}

PostgresResult PostgresConnection::checked(PGresult* result, std::string_view what) {
  PostgresResult answer(result);
  const auto status = result == nullptr ? PGRES_FATAL_ERROR : PQresultStatus(result);
  if (status != PGRES_COMMAND_OK && status != PGRES_TUPLES_OK) {
    const char* state = result == nullptr ? nullptr : PQresultErrorField(result, PG_DIAG_SQLSTATE);
    last_error_state_ = state == nullptr ? "" : state;
    const char* primary = result == nullptr ? nullptr : PQresultErrorField(result, PG_DIAG_MESSAGE_PRIMARY);
    const std::string reason = one_line(primary != nullptr ? primary : PQerrorMessage(connection_));
    throw StoreError("PostgreSQL: " + one_line(what, 60) + ": " + reason);
  }
  return answer;
}

}  // namespace till::server

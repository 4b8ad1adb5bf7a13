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

PostgresResult PostgresConnection::run(const char* name,
                                       std::initializer_list<std::optional<std::string_view>> parameters) {
  // Text-format parameters are C strings: copy each into a NUL-terminated string.
  std::vector<std::string> texts;
  std::vector<const char*> values;
  texts.reserve(parameters.size());
  values.reserve(parameters.size());
  for (const auto& parameter : parameters) {
    if (!parameter) {
      values.push_back(nullptr);
      continue;
    }
    if (parameter->find('\0') != std::string_view::npos) {
      throw StoreError(std::string("PostgreSQL cannot store a text holding a NUL byte (statement ") + name + ")");
    }
    values.push_back(texts.emplace_back(*parameter).c_str());
  }
  return checked(PQexecPrepared(connection_, name, static_cast<int>(values.size()), values.data(), nullptr,
                                nullptr, 0),
                 name);
}

PostgresResult PostgresConnection::checked(PGresult* result, std::string_view what) {
  PostgresResult answer(result);
  const auto status = result == nullptr ? PGRES_FATAL_ERROR : PQresultStatus(result);
  if (status != PGRES_COMMAND_OK && status != PGRES_TUPLES_OK) {
    const char* primary = result == nullptr ? nullptr : PQresultErrorField(result, PG_DIAG_MESSAGE_PRIMARY);
    const std::string reason = one_line(primary != nullptr ? primary : PQerrorMessage(connection_));
    throw StoreError("PostgreSQL: " + one_line(what, 60) + ": " + reason);
  }
  return answer;
}

}  // namespace till::server

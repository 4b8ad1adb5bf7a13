#include "server/store/sqlite_schema.hpp"

#include <array>
#include <cstdint>
#include <string>

#include "server/store/store.hpp"

namespace till::server {
namespace {

struct Migration {
  std::int64_t version;
  const char* sql;
};

// Append only: a migration that shipped is never edited, a change is a new version.
// The usage tables are counters kept in step with `redemptions`, so reading a count is one lookup.
constexpr std::array migrations{
    Migration{1, R"sql(
      CREATE TABLE orders (
        idempotency_key TEXT PRIMARY KEY,
        request_hash TEXT NOT NULL,
        customer_id TEXT,
        currency TEXT NOT NULL,
        total INTEGER NOT NULL,
        response_body TEXT NOT NULL,
        created_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))
      );
      CREATE TABLE redemptions (
        idempotency_key TEXT NOT NULL REFERENCES orders (idempotency_key),
        promotion TEXT NOT NULL,
        customer_id TEXT,
        PRIMARY KEY (idempotency_key, promotion)
      ) WITHOUT ROWID;
      CREATE TABLE promotion_usage (
        promotion TEXT PRIMARY KEY,
        total INTEGER NOT NULL
      ) WITHOUT ROWID;
      CREATE TABLE customer_usage (
        promotion TEXT NOT NULL,
        customer_id TEXT NOT NULL,
        count INTEGER NOT NULL,
        PRIMARY KEY (promotion, customer_id)
      ) WITHOUT ROWID;
    )sql"},
};

}  // namespace

void migrate_sqlite(SqliteConnection& connection) {
  connection.execute("BEGIN IMMEDIATE");
  try {
    connection.execute(R"sql(
      CREATE TABLE IF NOT EXISTS schema_migrations (
        version INTEGER PRIMARY KEY,
        applied_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))
      ))sql");
    const std::int64_t current = std::stoll(connection.query_text(
        "SELECT coalesce(max(version), 0) FROM schema_migrations"));
    const std::int64_t newest = migrations.back().version;
    if (current > newest) {
      throw StoreError("the SQLite database is at schema version " + std::to_string(current) +
                       ", newer than this build knows (" + std::to_string(newest) + ")");
    }
    SqliteStatement record(connection, "INSERT INTO schema_migrations (version) VALUES (?1)");
    for (const auto& migration : migrations) {
      if (migration.version <= current) continue;
      connection.execute(migration.sql);
      record.start().bind(1, migration.version).step();
    }
    connection.execute("COMMIT");
  } catch (...) {
    connection.rollback();
    throw;
  }
}

}  // namespace till::server

#include "server/store/postgres_schema.hpp"

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

// Append only: a migration that shipped is never edited, a change is a new version. The same tables as
// the SQLite schema (sqlite_schema.cpp), in PostgreSQL's types.
constexpr std::array migrations{
    Migration{1, R"sql(
      CREATE TABLE orders (
        idempotency_key text PRIMARY KEY,
        request_hash text NOT NULL,
        customer_id text,
        currency text NOT NULL,
        total bigint NOT NULL,
        response_body text NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now()
      );
      CREATE TABLE redemptions (
        idempotency_key text NOT NULL REFERENCES orders (idempotency_key),
        promotion text NOT NULL,
        customer_id text,
        PRIMARY KEY (idempotency_key, promotion)
      );
      CREATE TABLE promotion_usage (
        promotion text PRIMARY KEY,
        total bigint NOT NULL
      );
      CREATE TABLE customer_usage (
        promotion text NOT NULL,
        customer_id text NOT NULL,
        count bigint NOT NULL,
        PRIMARY KEY (promotion, customer_id)
      );
    )sql"},
};

}  // namespace

void migrate_postgres(PostgresConnection& connection) {
  // On failure the caller closes the connection, which ends the transaction.
  connection.execute("BEGIN");
  // Any fixed number works as the key, as long as nothing else in the database uses it.
  connection.execute("SELECT pg_advisory_xact_lock(7461626173)");
  connection.execute(R"sql(
    CREATE TABLE IF NOT EXISTS schema_migrations (
      version bigint PRIMARY KEY,
      applied_at timestamptz NOT NULL DEFAULT now()
    ))sql");
  const std::int64_t current =
      connection.execute("SELECT coalesce(max(version), 0) FROM schema_migrations").integer(0, 0);
  const std::int64_t newest = migrations.back().version;
  if (current > newest) {
    throw StoreError("the PostgreSQL database is at schema version " + std::to_string(current) +
                     ", newer than this build knows (" + std::to_string(newest) + ")");
  }
  connection.prepare("record_migration", "INSERT INTO schema_migrations (version) VALUES ($1)");
  for (const auto& migration : migrations) {
    if (migration.version <= current) continue;
    connection.execute(migration.sql);
    connection.run("record_migration", {std::to_string(migration.version)});
  }
  connection.execute("COMMIT");
}

}  // namespace till::server

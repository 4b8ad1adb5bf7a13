// The PostgreSQL schema, as numbered migrations.
#pragma once

#include "server/store/postgres_connection.hpp"

namespace till::server {

/// Brings the database (the first schema on the connection's search_path) up to the newest schema
/// version in one transaction, under a transaction-scoped advisory lock so that two servers starting
/// at once apply each migration once. Throws StoreError when the database records a version newer than
/// this build knows.
void migrate_postgres(PostgresConnection& connection);

}  // namespace till::server

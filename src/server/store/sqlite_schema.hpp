// The SQLite schema, as numbered migrations.
#pragma once

#include "server/store/sqlite_connection.hpp"

namespace till::server {

/// Brings the database up to the newest schema version: creates `schema_migrations` when missing, then
/// applies each migration newer than the recorded version in order, all in one IMMEDIATE transaction
/// (so two processes opening the same file at once apply them once). Throws StoreError when the file
/// records a version newer than this build knows.
void migrate_sqlite(SqliteConnection& connection);

}  // namespace till::server

// The SQLite store: one database file in WAL mode, shared by any number of threads and processes.
#pragma once

#include <memory>
#include <string>

#include "server/store/store.hpp"

namespace till::server {

/// Opens (creating and migrating) the SQLite database at `path`. Throws StoreError when the file cannot
/// be opened or is not a till database.
std::unique_ptr<Store> open_sqlite_store(const std::string& path);

}  // namespace till::server

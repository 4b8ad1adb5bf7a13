// The PostgreSQL store: a pool of libpq connections to one database.
#pragma once

#include <memory>
#include <string>

#include "server/store/store.hpp"

namespace till::server {

/// Connects to `url` (postgres:// or postgresql://), migrating the schema, and checks that it answers.
/// The tables live in the first schema of the connection's search_path (a URL may choose one with
/// `?options=-csearch_path%3Dname`). Throws StoreError when it cannot connect or migrate.
std::unique_ptr<Store> open_postgres_store(const std::string& url);

}  // namespace till::server

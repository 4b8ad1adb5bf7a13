#include "server/store/postgres_store.hpp"
#include "server/store/sqlite_store.hpp"
#include "server/store/store.hpp"

namespace till::server {

std::unique_ptr<Store> open_store(const std::string& database) {
  const std::string_view name(database);
  if (name.starts_with("postgres://") || name.starts_with("postgresql://")) return open_postgres_store(database);
  return open_sqlite_store(database);
}

}  // namespace till::server

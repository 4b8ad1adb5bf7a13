// GET /readyz: ready when the store answers a trivial query, so a load balancer stops sending checkouts
// to a server whose database is gone.
#include "server/endpoints.hpp"

namespace till::server {

Answer readiness(Store& store) {
  bool ready = false;
  try {
    ready = store.ready();
  } catch (const StoreError&) {
    ready = false;
  }
  if (!ready) return problem(503, "store_unavailable", "The database does not answer", "the store is not ready");
  return {200, "application/json", std::string("{\"status\":\"ready\",\"store\":\"") + std::string(store.kind()) + "\"}\n",
          {}};
}

}  // namespace till::server

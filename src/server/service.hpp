// The HTTP side of till-server (cpp-httplib): routes, limits, request ids, problem documents for every
// error, metrics and request logs.
#pragma once

#include <httplib.h>

#include "server/config.hpp"
#include "server/endpoints.hpp"
#include "server/metrics.hpp"

namespace till::server {

/// Largest request body accepted: a 4 MiB document (§8) and its envelope; larger bodies get 413.
constexpr std::size_t kMaxBodyBytes = 4 * 1024 * 1024 + 64 * 1024;

/// Registers every route and limit of the API on `server`. `state` and `metrics` must outlive it.
void configure_service(httplib::Server& server, const Config& config, ServiceState& state, Metrics& metrics);

/// cpp-httplib 0.11 is compiled with a listen backlog of 5: a burst of new connections overflows it and
/// the kernel resets them. Once the server is bound, this finds its listening socket (bound to `port`)
/// and listens again with the system's maximum backlog, which Linux applies to a listening socket.
/// Returns false when no such socket was found.
bool widen_listen_backlog(int port);

}  // namespace till::server

#include "server/service.hpp"

#include <netinet/in.h>
#include <sys/resource.h>
#include <sys/socket.h>

#include <atomic>
#include <chrono>

#include "server/digest.hpp"
#include "server/log.hpp"

namespace till::server {

namespace {

using Clock = std::chrono::steady_clock;

// What the pre-routing handler learns about the request this thread is serving; read back by the logger.
// httplib serves one request at a time per thread, from pre-routing to logging.
struct InFlight {
  bool active = false;
  Clock::time_point started;
  std::string route;
};
thread_local InFlight in_flight;

struct Route {
  const char* method;
  const char* pattern;
};

constexpr Route kRoutes[] = {
    {"GET", "/api/rules"},   {"POST", "/api/price"},       {"POST", "/api/coupons/check"},
    {"POST", "/api/referrals"}, {"POST", "/api/checkout/verify"}, {"GET", "/healthz"},
    {"GET", "/readyz"},      {"GET", "/metrics"},
};

const Route* find_route(const std::string& path) {
  for (const Route& route : kRoutes) {
    if (path == route.pattern) return &route;
  }
  return nullptr;
}

bool valid_request_id(const std::string& id) {
  if (id.empty() || id.size() > 128) return false;
  return std::all_of(id.begin(), id.end(), [](char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-' || c == '_' ||
           c == '.' || c == ':';
  });
}

std::string new_request_id() {
  static const std::string prefix = random_hex(6);
  static std::atomic<std::uint64_t> counter{0};
  return prefix + "-" + std::to_string(counter.fetch_add(1, std::memory_order_relaxed) + 1);
}

void send(httplib::Response& response, const Answer& answer) {
  response.status = answer.status;
  for (const auto& [name, value] : answer.headers) response.set_header(name, value);
  if (answer.status != 304) response.set_content(answer.body, answer.content_type.c_str());
}

bool is_json(const httplib::Request& request) {
  std::string type = request.get_header_value("Content-Type");
  type = type.substr(0, type.find(';'));
  while (!type.empty() && (type.back() == ' ' || type.back() == '\t')) type.pop_back();
  std::transform(type.begin(), type.end(), type.begin(), [](unsigned char c) { return std::tolower(c); });
  return type == "application/json";
}

std::optional<std::string> header(const httplib::Request& request, const char* name) {
  if (!request.has_header(name)) return std::nullopt;
  return request.get_header_value(name);
}

// Every handler's errors become problems: a database failure is 503 (retry), anything else 500; both are
// logged with the request id, and nothing half-done is recorded (the store's transactions see to that).
template <class Endpoint>
httplib::Server::Handler guarded(Endpoint endpoint, bool json_body) {
  return [endpoint, json_body](const httplib::Request& request, httplib::Response& response) {
    if (json_body && !is_json(request)) {
      send(response, problem(415, "unsupported_media_type", "The body must be JSON",
                             "send the body with Content-Type: application/json"));
      return;
    }
    try {
      send(response, endpoint(request));
    } catch (const StoreError& error) {
      log_event("error", "store_failed", {{"request_id", response.get_header_value("X-Request-Id")}, {"error", error.what()}});
      Answer unavailable = problem(503, "store_unavailable", "The database is not available",
                                   "the checkout was not recorded; try again");
      unavailable.headers.emplace_back("Retry-After", "1");
      send(response, unavailable);
    } catch (const std::exception& error) {
      log_event("error", "handler_failed", {{"request_id", response.get_header_value("X-Request-Id")}, {"error", error.what()}});
      send(response, problem(500, "", "", "the server failed to answer this request"));
    }
  };
}

}  // namespace

bool widen_listen_backlog(int port) {
  rlimit limit{};
  getrlimit(RLIMIT_NOFILE, &limit);
  const int last = static_cast<int>(std::min<rlim_t>(limit.rlim_cur, 65536));
  for (int fd = 0; fd < last; ++fd) {
    int listening = 0;
    socklen_t size = sizeof listening;
    if (getsockopt(fd, SOL_SOCKET, SO_ACCEPTCONN, &listening, &size) != 0 || listening == 0) continue;
    sockaddr_storage address{};
    socklen_t length = sizeof address;
    if (getsockname(fd, reinterpret_cast<sockaddr*>(&address), &length) != 0) continue;
    int bound = -1;
    if (address.ss_family == AF_INET) bound = ntohs(reinterpret_cast<sockaddr_in*>(&address)->sin_port);
    if (address.ss_family == AF_INET6) bound = ntohs(reinterpret_cast<sockaddr_in6*>(&address)->sin6_port);
    if (bound == port) return ::listen(fd, SOMAXCONN) == 0;
  }
  return false;
}

void configure_service(httplib::Server& server, const Config& config, ServiceState& state, Metrics& metrics) {
  server.new_task_queue = [threads = config.threads] { return new httplib::ThreadPool(static_cast<std::size_t>(threads)); };
  server.set_payload_max_length(kMaxBodyBytes);
  // httplib writes headers and body separately: with Nagle's algorithm on, the body waits for the
  // client's delayed ACK (40 ms) and a keep-alive connection manages ~25 requests a second.
  server.set_tcp_nodelay(true);
  server.set_read_timeout(10, 0);
  server.set_write_timeout(10, 0);
  server.set_keep_alive_timeout(5);
  server.set_keep_alive_max_count(1000);

  server.set_pre_routing_handler([](const httplib::Request& request, httplib::Response& response) {
    const std::string given = request.get_header_value("X-Request-Id");
    response.set_header("X-Request-Id", valid_request_id(given) ? given : new_request_id());
    in_flight.active = true;
    in_flight.started = Clock::now();
    // cpp-httplib 0.11 checks the payload limit against Content-Length only: a chunked body would be read
    // whole, however large, before anything could refuse it. This runs before the body is read.
    if (request.has_header("Transfer-Encoding")) {
      response.set_header("Connection", "close");
      send(response, problem(411, "", "", "send the body with a Content-Length (at most " +
                                              std::to_string(kMaxBodyBytes) + " bytes), not in chunks"));
      return httplib::Server::HandlerResponse::Handled;
    }
    return httplib::Server::HandlerResponse::Unhandled;
  });

  // Errors the library answers itself (unknown path, 413, malformed HTTP) and 404 vs 405 get problem
  // bodies like every other error.
  server.set_error_handler(httplib::Server::HandlerWithResponse([](const httplib::Request& request,
                                                                    httplib::Response& response) {
    if (!response.has_header("X-Request-Id")) response.set_header("X-Request-Id", new_request_id());
    if (!response.body.empty()) return httplib::Server::HandlerResponse::Unhandled;
    if (response.status == 404) {
      if (const Route* route = find_route(request.path)) {
        response.status = 405;
        response.set_header("Allow", route->method);
        send(response, problem(405, "", "", request.method + " is not allowed here; use " + route->method));
        return httplib::Server::HandlerResponse::Handled;
      }
      send(response, problem(404, "", "", "there is nothing at this path"));
      return httplib::Server::HandlerResponse::Handled;
    }
    const int status = response.status;
    std::string detail = "the request could not be read";
    if (status == 413) detail = "the body is larger than " + std::to_string(kMaxBodyBytes) + " bytes";
    send(response, problem(status, "", "", detail));
    return httplib::Server::HandlerResponse::Handled;
  }));

  server.set_logger([&metrics](const httplib::Request& request, const httplib::Response& response) {
    double seconds = 0;
    if (in_flight.active) seconds = std::chrono::duration<double>(Clock::now() - in_flight.started).count();
    in_flight.active = false;
    const Route* known = find_route(request.path);
    std::string route = known != nullptr ? known->pattern : "unmatched";
    if (known == nullptr && response.status < 400 && request.method == "GET") route = "static";
    const std::string method = request.method == "GET" || request.method == "POST" || request.method == "HEAD"
                                   ? request.method
                                   : "other";
    metrics.observe_request(route, method, response.status, seconds);
    log_event(response.status >= 500 ? "error" : "info", "request",
              {{"request_id", response.get_header_value("X-Request-Id")},
               {"method", method},
               {"route", route},
               {"status", response.status},
               {"duration_ms", std::round(seconds * 1e6) / 1e3}});
  });

  if (config.static_dir) {
    server.set_file_extension_and_mimetype_mapping("wasm", "application/wasm");
    server.set_file_extension_and_mimetype_mapping("mjs", "text/javascript");
    server.set_mount_point("/", *config.static_dir);
  }

  server.Get("/healthz", [](const httplib::Request&, httplib::Response& response) {
    response.set_content("{\"status\":\"ok\"}\n", "application/json");
  });
  server.Get("/readyz", guarded([&state](const httplib::Request&) { return readiness(*state.store); }, false));
  server.Get("/metrics", [&metrics](const httplib::Request&, httplib::Response& response) {
    response.set_content(metrics.text(), "text/plain; version=0.0.4");
  });
  server.Get("/api/rules", guarded(
                               [&state](const httplib::Request& request) {
                                 return get_rules(*state.snapshot.get(), header(request, "If-None-Match"));
                               },
                               false));
  server.Post("/api/price", guarded(
                                [&state](const httplib::Request& request) {
                                  return price_preview(state, request.body, request.remote_addr);
                                },
                                true));
  server.Post("/api/coupons/check", guarded(
                                        [&state](const httplib::Request& request) {
                                          return check_coupon(state, request.body, request.remote_addr);
                                        },
                                        true));
  server.Post("/api/referrals",
              guarded([&state](const httplib::Request& request) { return issue_referral(state, request.body); }, true));
  server.Post("/api/checkout/verify", guarded(
                                          [&state](const httplib::Request& request) {
                                            return verify_checkout(state, request.body,
                                                                   header(request, "Idempotency-Key"));
                                          },
                                          true));
}

}  // namespace till::server

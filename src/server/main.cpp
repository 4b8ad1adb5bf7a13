// till-server: reads its settings, the rules, the catalogue and the database, then serves the API until
// SIGINT or SIGTERM. SIGHUP reloads the rules and catalogue; a bad new file keeps the old snapshot.
// Exit codes: 0 after a clean stop, 64 for bad flags, 1 when a file, the database or the port fails.
#include <pthread.h>
#include <signal.h>

#include <cstdio>
#include <cstdlib>
#include <thread>

#include "server/config.hpp"
#include "server/digest.hpp"
#include "server/log.hpp"
#include "server/service.hpp"

namespace {

using namespace till::server;

int fail(const std::string& message) {
  std::fprintf(stderr, "till-server: %s\n", message.c_str());
  return 1;
}

// Signals are taken by one thread with sigwait, never by an asynchronous handler, so a reload runs as
// ordinary code: it reads files, logs and swaps the snapshot while requests carry on.
void handle_signals(sigset_t signals, httplib::Server& server, const Config& config, ServiceState& state,
                    Metrics& metrics) {
  for (;;) {
    int signal = 0;
    if (sigwait(&signals, &signal) != 0) continue;
    if (signal != SIGHUP) {
      log_event("info", "stopping", {{"signal", signal == SIGINT ? "SIGINT" : "SIGTERM"}});
      server.stop();
      return;
    }
    std::string error;
    if (auto next = load_snapshot(config.rules_path, config.catalogue_path, error)) {
      state.snapshot.replace(std::move(next));
      metrics.observe_reload(true);
      log_event("info", "reloaded", {{"rules_version", state.snapshot.get()->rules.version.value_or("")}});
    } else {
      metrics.observe_reload(false);
      log_event("error", "reload_failed", {{"error", error}, {"kept", "the previous rules and catalogue"}});
    }
  }
}

}  // namespace

int main(int argc, char** argv) {
  const auto parsed = parse_config(std::vector<std::string>(argv + 1, argv + argc),
                                   [](const char* name) -> const char* { return std::getenv(name); });
  if (!parsed.config) {
    std::fputs(parsed.message.c_str(), parsed.exit_code == 0 ? stdout : stderr);
    return parsed.exit_code;
  }
  const Config& config = *parsed.config;

  // Blocked before any thread starts, so every thread inherits the mask and only sigwait sees them.
  sigset_t signals;
  sigemptyset(&signals);
  sigaddset(&signals, SIGHUP);
  sigaddset(&signals, SIGINT);
  sigaddset(&signals, SIGTERM);
  pthread_sigmask(SIG_BLOCK, &signals, nullptr);

  std::string error;
  auto snapshot = load_snapshot(config.rules_path, config.catalogue_path, error);
  if (!snapshot) return fail(error);
  std::unique_ptr<Store> store;
  try {
    store = open_store(config.database);
  } catch (const StoreError& failure) {
    return fail("cannot open the database: " + std::string(failure.what()));
  }
  std::string secret;
  if (config.secret) {
    secret = *config.secret;
  } else {
    secret = random_hex(32);
    log_event("warning", "generated_secret",
              {{"detail", "no --secret or TILL_SECRET: referral tokens are signed with a random key and stop "
                          "verifying when the server restarts"}});
  }
  ServiceState state{CurrentSnapshot(std::move(snapshot)), std::move(store), ReferralTokens(secret),
                     RateLimiter(config.coupon_checks_per_minute)};
  Metrics metrics;
  httplib::Server server;
  configure_service(server, config, state, metrics);

  if (!server.bind_to_port(config.host, config.port)) {
    return fail("cannot listen on " + config.host + ":" + std::to_string(config.port));
  }
  if (!widen_listen_backlog(config.port)) log_event("warning", "backlog_not_widened", {{"port", config.port}});
  std::thread signal_thread(handle_signals, signals, std::ref(server), std::cref(config), std::ref(state),
                            std::ref(metrics));
  log_event("info", "listening",
            {{"url", "http://" + config.host + ":" + std::to_string(config.port) + "/"},
             {"store", std::string(state.store->kind())},
             {"rules_version", state.snapshot.get()->rules.version.value_or("")},
             {"threads", config.threads}});
  const bool listened = server.listen_after_bind();
  if (!listened) pthread_kill(signal_thread.native_handle(), SIGTERM);
  signal_thread.join();
  log_event("info", "stopped");
  return listened ? 0 : 1;
}

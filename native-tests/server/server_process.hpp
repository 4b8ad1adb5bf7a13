// A real till-server process on a free loopback port, for the tests: started with the test rules and
// the demo catalogue on a database of this run's kind, ready when /readyz answers, and stopped (or killed)
// by the test. Its log goes to a file, printed when it fails to start.
#pragma once

#include <sys/types.h>

#include <string>
#include <vector>

#include <httplib.h>
#include <nlohmann/json.hpp>

namespace till::server::testing {

/// Files of the tests (native-tests/server/data) and of the demo store.
std::string data_path(const std::string& name);
std::string demo_path(const std::string& name);

class ServerProcess {
 public:
  /// Starts till-server with `--database database`, the given rules file and `extra` flags; throws
  /// std::runtime_error (with the end of its log) when it is not ready within 20 seconds.
  ServerProcess(const std::string& database, const std::string& rules = data_path("rules.json"),
                const std::vector<std::string>& extra = {});
  ~ServerProcess();
  ServerProcess(const ServerProcess&) = delete;
  ServerProcess& operator=(const ServerProcess&) = delete;

  int port() const { return port_; }
  /// A client for this server (one per thread: httplib clients are not shared across threads).
  httplib::Client client() const;
  /// Sends `signal` (SIGHUP for a reload).
  void signal(int signal) const;
  /// SIGKILL, and waits for the process to be gone.
  void kill_hard();
  /// SIGTERM, and returns the exit status (-1 if it had to be killed).
  int stop();
  /// Everything the server has logged so far.
  std::string log() const;

 private:
  void start();

  std::vector<std::string> arguments_;
  std::string log_path_;
  int port_ = 0;
  pid_t pid_ = -1;
};

/// An answer as the tests read it.
struct Reply {
  int status = 0;
  httplib::Headers headers;
  std::string body;
  nlohmann::json json() const { return nlohmann::json::parse(body); }
  std::string header(const std::string& name) const;
};

/// POST `body` as application/json with `headers`; status 0 when the connection failed.
Reply post(httplib::Client& client, const std::string& path, const std::string& body,
           const httplib::Headers& headers = {});
/// Sends `request` (raw HTTP) on a new connection and returns everything read until the server closes it.
std::string raw_exchange(int port, const std::string& request);

Reply get(httplib::Client& client, const std::string& path, const httplib::Headers& headers = {});

}  // namespace till::server::testing

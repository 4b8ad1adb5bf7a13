#include "server_process.hpp"

#include <fcntl.h>
#include <netinet/in.h>
#include <signal.h>
#include <sys/socket.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <stdexcept>
#include <thread>

namespace till::server::testing {

namespace {

// A port the kernel says is free now; the server binds it a moment later (a race the tests can live with).
int free_port() {
  const int fd = socket(AF_INET, SOCK_STREAM, 0);
  sockaddr_in address{};
  address.sin_family = AF_INET;
  address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  address.sin_port = 0;
  socklen_t length = sizeof address;
  if (bind(fd, reinterpret_cast<sockaddr*>(&address), sizeof address) != 0 ||
      getsockname(fd, reinterpret_cast<sockaddr*>(&address), &length) != 0) {
    close(fd);
    throw std::runtime_error("no free port");
  }
  close(fd);
  return ntohs(address.sin_port);
}

std::string tail(const std::string& text) { return text.size() > 4000 ? text.substr(text.size() - 4000) : text; }

}  // namespace

std::string data_path(const std::string& name) { return std::string(TILL_SERVER_TEST_DATA) + "/" + name; }
std::string demo_path(const std::string& name) { return std::string(TILL_DEMO_DIR) + "/" + name; }

ServerProcess::ServerProcess(const std::string& database, const std::string& rules,
                             const std::vector<std::string>& extra) {
  port_ = free_port();
  log_path_ = (std::filesystem::temp_directory_path() / ("till-server-test-" + std::to_string(getpid()) + "-" +
                                                          std::to_string(port_) + ".log"))
                  .string();
  arguments_ = {TILL_SERVER_PATH, "--rules", rules, "--catalogue", demo_path("catalogue.json"), "--database", database,
                "--port", std::to_string(port_), "--threads", "16", "--secret", "a test secret of some length",
                "--coupon-checks-per-minute", "100000"};
  arguments_.insert(arguments_.end(), extra.begin(), extra.end());
  start();
}

void ServerProcess::start() {
  pid_ = fork();
  if (pid_ < 0) throw std::runtime_error("fork failed");
  if (pid_ == 0) {
    const int log = open(log_path_.c_str(), O_WRONLY | O_CREAT | O_APPEND, 0644);
    dup2(log, STDOUT_FILENO);
    dup2(log, STDERR_FILENO);
    std::vector<char*> argv;
    for (std::string& argument : arguments_) argv.push_back(argument.data());
    argv.push_back(nullptr);
    execv(argv[0], argv.data());
    _exit(127);
  }
  const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(20);
  while (std::chrono::steady_clock::now() < deadline) {
    int status = 0;
    if (waitpid(pid_, &status, WNOHANG) == pid_) {
      pid_ = -1;
      throw std::runtime_error("till-server exited at start:\n" + tail(log()));
    }
    httplib::Client probe = client();
    probe.set_connection_timeout(0, 200'000);
    if (auto answer = probe.Get("/readyz"); answer && answer->status == 200) return;
    std::this_thread::sleep_for(std::chrono::milliseconds(20));
  }
  kill_hard();
  throw std::runtime_error("till-server was not ready within 20 s:\n" + tail(log()));
}

ServerProcess::~ServerProcess() {
  if (pid_ > 0) kill_hard();
  std::filesystem::remove(log_path_);
}

httplib::Client ServerProcess::client() const {
  httplib::Client client("127.0.0.1", port_);
  client.set_read_timeout(30, 0);
  client.set_write_timeout(30, 0);
  return client;
}

void ServerProcess::signal(int signal) const { kill(pid_, signal); }

void ServerProcess::kill_hard() {
  if (pid_ <= 0) return;
  kill(pid_, SIGKILL);
  waitpid(pid_, nullptr, 0);
  pid_ = -1;
}

int ServerProcess::stop() {
  if (pid_ <= 0) return -1;
  kill(pid_, SIGTERM);
  const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(10);
  while (std::chrono::steady_clock::now() < deadline) {
    int status = 0;
    if (waitpid(pid_, &status, WNOHANG) == pid_) {
      pid_ = -1;
      return WIFEXITED(status) ? WEXITSTATUS(status) : -1;
    }
    std::this_thread::sleep_for(std::chrono::milliseconds(10));
  }
  kill_hard();
  return -1;
}

std::string ServerProcess::log() const {
  std::ifstream file(log_path_);
  std::stringstream text;
  text << file.rdbuf();
  return text.str();
}

std::string Reply::header(const std::string& name) const {
  const auto found = headers.find(name);
  return found == headers.end() ? std::string() : found->second;
}

namespace {

Reply reply_of(const httplib::Result& result) {
  if (!result) return {0, {}, "connection failed: " + httplib::to_string(result.error())};
  return {result->status, result->headers, result->body};
}

}  // namespace

Reply post(httplib::Client& client, const std::string& path, const std::string& body, const httplib::Headers& headers) {
  return reply_of(client.Post(path.c_str(), headers, body, "application/json"));
}

std::string raw_exchange(int port, const std::string& request) {
  const int fd = socket(AF_INET, SOCK_STREAM, 0);
  sockaddr_in address{};
  address.sin_family = AF_INET;
  address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  address.sin_port = htons(static_cast<std::uint16_t>(port));
  std::string answer;
  if (connect(fd, reinterpret_cast<sockaddr*>(&address), sizeof address) == 0 &&
      send(fd, request.data(), request.size(), MSG_NOSIGNAL) == static_cast<ssize_t>(request.size())) {
    char buffer[4096];
    for (ssize_t got; (got = recv(fd, buffer, sizeof buffer, 0)) > 0;) answer.append(buffer, static_cast<std::size_t>(got));
  }
  close(fd);
  return answer;
}

Reply get(httplib::Client& client, const std::string& path, const httplib::Headers& headers) {
  return reply_of(client.Get(path.c_str(), headers));
}

}  // namespace till::server::testing

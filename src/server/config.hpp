// till-server's settings: command-line flags, each with an environment variable behind it (a flag wins).
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace till::server {

struct Config {
  std::string host = "127.0.0.1";
  int port = 8080;
  std::string rules_path;      // required
  std::string catalogue_path;  // required
  std::string database = "till.sqlite3";  // an SQLite file, or a postgres:// URL
  std::optional<std::string> secret;      // HMAC key of referral tokens (§9); absent: generated per run
  std::optional<std::string> static_dir;  // served at "/"
  int threads = 0;                        // request threads; 0 picks max(8, 4 x hardware threads)
  std::int64_t coupon_checks_per_minute = 20;  // per client address
};

/// What parse_config decided: run with `config`, or print `message` and exit with `exit_code` (0 for
/// --help, 64 for a usage error).
struct ConfigOutcome {
  std::optional<Config> config;
  std::string message;
  int exit_code = 0;
};

/// Reads `arguments` (argv without the program name) over the environment variables named in the usage
/// text (read through `environment`, which returns nullptr for an unset variable).
ConfigOutcome parse_config(const std::vector<std::string>& arguments,
                           const char* (*environment)(const char* name));

/// The --help text.
extern const char* const kUsage;

}  // namespace till::server

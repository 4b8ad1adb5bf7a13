// Flags and environment of till-server. Every setting has both, so that a container can be configured
// with environment alone and a developer with flags alone.
#include "server/config.hpp"

#include <charconv>
#include <functional>
#include <thread>

namespace till::server {

const char* const kUsage =
    "usage: till-server --rules RULES.json --catalogue CATALOGUE.json [options]\n"
    "\n"
    "  --rules FILE        the full rule set (TILL_RULES)\n"
    "  --catalogue FILE    the trusted catalogue: [{sku, name, unit_price, categories, tags, brand}]\n"
    "                      (TILL_CATALOGUE)\n"
    "  --database DB       an SQLite file, or a postgres:// URL (TILL_DATABASE; default till.sqlite3)\n"
    "  --host HOST         address to listen on (TILL_HOST; default 127.0.0.1)\n"
    "  --port PORT         port to listen on (TILL_PORT; default 8080)\n"
    "  --secret SECRET     key that signs referral tokens (TILL_SECRET; default: a random key per run,\n"
    "                      with a warning, so tokens do not survive a restart)\n"
    "  --static DIR        a folder served at / (TILL_STATIC; default: none)\n"
    "  --threads N         request threads (TILL_THREADS; default max(8, 4 x hardware threads))\n"
    "  --coupon-checks-per-minute N\n"
    "                      coupon checks per client address and minute (TILL_COUPON_CHECKS_PER_MINUTE;\n"
    "                      default 20)\n"
    "  --help              this text\n"
    "\n"
    "SIGHUP reloads the rules and the catalogue; SIGINT or SIGTERM stops the server.\n";

namespace {

std::optional<std::int64_t> parse_integer(const std::string& text, std::int64_t low, std::int64_t high) {
  std::int64_t value = 0;
  const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), value);
  if (error != std::errc{} || end != text.data() + text.size() || value < low || value > high) return {};
  return value;
}

struct Setting {
  const char* flag;
  const char* variable;
  // Stores the value; returns an error message, empty when the value is fine.
  std::function<std::string(Config&, const std::string&)> apply;
};

std::string set_integer(std::int64_t& target, const std::string& value, std::int64_t low, std::int64_t high,
                        const char* what) {
  const auto parsed = parse_integer(value, low, high);
  if (!parsed) {
    return std::string(what) + " must be an integer in [" + std::to_string(low) + ", " + std::to_string(high) +
           "] (got \"" + value + "\")";
  }
  target = *parsed;
  return {};
}

std::vector<Setting> settings() {
  return {
      {"--rules", "TILL_RULES", [](Config& c, const std::string& v) { c.rules_path = v; return std::string(); }},
      {"--catalogue", "TILL_CATALOGUE",
       [](Config& c, const std::string& v) { c.catalogue_path = v; return std::string(); }},
      {"--database", "TILL_DATABASE",
       [](Config& c, const std::string& v) {
         if (v.empty()) return std::string("--database must not be empty");
         c.database = v;
         return std::string();
       }},
      {"--host", "TILL_HOST", [](Config& c, const std::string& v) { c.host = v; return std::string(); }},
      {"--port", "TILL_PORT",
       [](Config& c, const std::string& v) {
         std::int64_t port = 0;
         auto error = set_integer(port, v, 1, 65535, "--port");
         c.port = static_cast<int>(port);
         return error;
       }},
      {"--secret", "TILL_SECRET",
       [](Config& c, const std::string& v) {
         if (v.size() < 16) return std::string("--secret must be at least 16 characters");
         c.secret = v;
         return std::string();
       }},
      {"--static", "TILL_STATIC", [](Config& c, const std::string& v) { c.static_dir = v; return std::string(); }},
      {"--threads", "TILL_THREADS",
       [](Config& c, const std::string& v) {
         std::int64_t threads = 0;
         auto error = set_integer(threads, v, 1, 1024, "--threads");
         c.threads = static_cast<int>(threads);
         return error;
       }},
      {"--coupon-checks-per-minute", "TILL_COUPON_CHECKS_PER_MINUTE",
       [](Config& c, const std::string& v) {
         return set_integer(c.coupon_checks_per_minute, v, 1, 1'000'000, "--coupon-checks-per-minute");
       }},
  };
}

ConfigOutcome usage_error(const std::string& message) {
  return {std::nullopt, "till-server: " + message + "\n(try till-server --help)\n", 64};
}

}  // namespace

ConfigOutcome parse_config(const std::vector<std::string>& arguments,
                           const char* (*environment)(const char* name)) {
  Config config;
  const auto all = settings();
  for (const Setting& setting : all) {
    if (const char* value = environment(setting.variable); value != nullptr && *value != '\0') {
      if (auto error = setting.apply(config, value); !error.empty()) {
        return usage_error(std::string(setting.variable) + ": " + error);
      }
    }
  }
  for (std::size_t i = 0; i < arguments.size(); ++i) {
    const std::string& argument = arguments[i];
    if (argument == "--help" || argument == "-h") return {std::nullopt, kUsage, 0};
    std::string flag = argument;
    std::optional<std::string> value;
    if (const auto equals = argument.find('='); argument.rfind("--", 0) == 0 && equals != std::string::npos) {
      flag = argument.substr(0, equals);
      value = argument.substr(equals + 1);
    }
    const Setting* setting = nullptr;
    for (const Setting& candidate : all) {
      if (flag == candidate.flag) setting = &candidate;
    }
    if (setting == nullptr) return usage_error("unknown option \"" + argument + "\"");
    if (!value) {
      if (i + 1 >= arguments.size()) return usage_error(flag + " needs a value");
      value = arguments[++i];
    }
    if (auto error = setting->apply(config, *value); !error.empty()) return usage_error(error);
  }
  if (config.rules_path.empty()) return usage_error("--rules (or TILL_RULES) is required");
  if (config.catalogue_path.empty()) return usage_error("--catalogue (or TILL_CATALOGUE) is required");
  if (config.threads == 0) {
    config.threads = std::max(8, 4 * static_cast<int>(std::thread::hardware_concurrency()));
  }
  return {config, "", 0};
}

}  // namespace till::server

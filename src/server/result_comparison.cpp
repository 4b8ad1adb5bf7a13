#include "server/result_comparison.hpp"

#include <cmath>

namespace till::server {

namespace {

using json_edge::Json;

std::string escape_token(const std::string& key) {
  std::string token;
  for (const char c : key) {
    if (c == '~') {
      token += "~0";
    } else if (c == '/') {
      token += "~1";
    } else {
      token += c;
    }
  }
  return token;
}

bool same_scalar(const Json& shown, const Json& expected) {
  if (shown.is_number() && expected.is_number() && (shown.is_number_float() || expected.is_number_float())) {
    return std::fabs(shown.get<double>() - expected.get<double>()) < 1e-9;
  }
  return shown == expected;
}

class Comparison {
 public:
  explicit Comparison(std::size_t limit) : limit_(limit) {}

  void compare(const Json& shown, const Json& expected, const std::string& path) {
    if (differences.size() >= limit_) return;
    if (shown.is_object()) {
      const Json* against = &expected;
      Json by_id;
      if (expected.is_array() && path.size() >= 6 && path.compare(path.size() - 6, 6, "/lines") == 0) {
        by_id = Json::object();
        for (const Json& line : expected) {
          if (line.is_object() && line.contains("id") && line["id"].is_string()) by_id[line["id"].get<std::string>()] = line;
        }
        against = &by_id;
      }
      if (!against->is_object()) {
        add(path, shown, expected);
        return;
      }
      for (const auto& [key, value] : shown.items()) {
        const std::string child = path + "/" + escape_token(key);
        const auto found = against->find(key);
        if (found == against->end()) {
          differences.push_back({child, value, std::nullopt});
        } else {
          compare(value, *found, child);
        }
        if (differences.size() >= limit_) return;
      }
      return;
    }
    if (shown.is_array()) {
      if (!expected.is_array() || expected.size() != shown.size()) {
        add(path, shown, expected);
        return;
      }
      for (std::size_t i = 0; i < shown.size(); ++i) compare(shown[i], expected[i], path + "/" + std::to_string(i));
      return;
    }
    if (!same_scalar(shown, expected)) add(path, shown, expected);
  }

  std::vector<Difference> differences;

 private:
  void add(const std::string& path, const Json& shown, const Json& expected) {
    if (differences.size() < limit_) differences.push_back({path, shown, expected});
  }

  std::size_t limit_;
};

}  // namespace

std::vector<Difference> compare_results(const Json& shown, const Json& expected, std::size_t limit) {
  Comparison comparison(limit);
  if (!shown.is_object() || !expected.is_object()) {
    comparison.compare(shown, expected, "");
    return std::move(comparison.differences);
  }
  for (const auto& [key, value] : shown.items()) {
    if (key == "nudges" || key == "not_applied") continue;
    const std::string path = "/" + escape_token(key);
    const auto found = expected.find(key);
    if (found == expected.end()) {
      comparison.differences.push_back({path, value, std::nullopt});
    } else {
      comparison.compare(value, *found, path);
    }
    if (comparison.differences.size() >= limit) break;
  }
  return std::move(comparison.differences);
}

}  // namespace till::server

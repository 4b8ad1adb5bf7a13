#include "server/result_comparison.hpp"

#include <cmath>

#include "json/json_pointer.hpp"

namespace till::server {

namespace {

using json_edge::Json;
using json_edge::Pointer;

bool same_scalar(const Json& shown, const Json& expected) {
  if (shown.is_number() && expected.is_number() && (shown.is_number_float() || expected.is_number_float())) {
    return std::fabs(shown.get<double>() - expected.get<double>()) < 1e-9;
  }
  return shown == expected;
}

class Comparison {
 public:
  explicit Comparison(std::size_t limit) : limit_(limit) {}

  void compare(const Json& shown, const Json& expected, const Pointer& path) {
    if (differences.size() >= limit_) return;
    if (shown.is_object()) {
      const Json* against = &expected;
      Json by_id;
      const std::string& at = path.str();
      if (expected.is_array() && at.size() >= 6 && at.compare(at.size() - 6, 6, "/lines") == 0) {
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
        const Pointer child = path / key;
        const auto found = against->find(key);
        if (found == against->end()) {
          differences.push_back({child.str(), value, std::nullopt});
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
      for (std::size_t i = 0; i < shown.size(); ++i) compare(shown[i], expected[i], path / i);
      return;
    }
    if (!same_scalar(shown, expected)) add(path, shown, expected);
  }

  std::vector<Difference> differences;

 private:
  void add(const Pointer& path, const Json& shown, const Json& expected) {
    if (differences.size() < limit_) differences.push_back({path.str(), shown, expected});
  }

  std::size_t limit_;
};

}  // namespace

std::vector<Difference> compare_results(const Json& shown, const Json& expected, std::size_t limit) {
  Comparison comparison(limit);
  if (!shown.is_object() || !expected.is_object()) {
    comparison.compare(shown, expected, Pointer());
    return std::move(comparison.differences);
  }
  for (const auto& [key, value] : shown.items()) {
    if (key == "nudges" || key == "not_applied") continue;
    const Pointer path = Pointer() / key;
    const auto found = expected.find(key);
    if (found == expected.end()) {
      comparison.differences.push_back({path.str(), value, std::nullopt});
    } else {
      comparison.compare(value, *found, path);
    }
    if (comparison.differences.size() >= limit) break;
  }
  return std::move(comparison.differences);
}

}  // namespace till::server

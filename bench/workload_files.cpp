// Writes the standard workloads to disk for the benchmarks that do not link the C++ generator (the
// JavaScript/WebAssembly one, the server one): they read manifest.json and time the same documents.
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <string>
#include <system_error>

#include "workloads.hpp"

namespace till::bench {
namespace {

/// Writes `text` to `path`; returns an error message, or an empty string on success.
std::string write_file(const std::filesystem::path& path, const std::string& text) {
  std::ofstream out(path, std::ios::binary | std::ios::trunc);
  out << text;
  out.close();
  if (!out) {
    return "cannot write " + path.string();
  }
  return {};
}

std::string request_file_name(std::size_t index) {
  char name[48];
  std::snprintf(name, sizeof name, "request-%02zu.json", index + 1);
  return name;
}

}  // namespace

std::string write_workloads(const std::vector<Workload>& workloads, const std::string& dir) {
  const std::filesystem::path root(dir);
  nlohmann::ordered_json manifest = {{"workloads", nlohmann::ordered_json::array()}};
  for (const Workload& workload : workloads) {
    std::error_code error;
    std::filesystem::create_directories(root / workload.name, error);
    if (error) {
      return "cannot create " + (root / workload.name).string() + ": " + error.message();
    }
    nlohmann::ordered_json entry = {{"name", workload.name},
                                    {"lines", workload.lines},
                                    {"promotions", workload.promotions},
                                    {"rules", workload.name + "/rules.json"},
                                    {"requests", nlohmann::ordered_json::array()}};
    if (std::string failure = write_file(root / workload.name / "rules.json", workload.rules_json + "\n");
        !failure.empty()) {
      return failure;
    }
    for (std::size_t i = 0; i < workload.request_jsons.size(); ++i) {
      const std::string name = request_file_name(i);
      if (std::string failure = write_file(root / workload.name / name, workload.request_jsons[i] + "\n");
          !failure.empty()) {
        return failure;
      }
      entry["requests"].push_back(workload.name + "/" + name);
    }
    manifest["workloads"].push_back(entry);
  }
  return write_file(root / "manifest.json", manifest.dump(2) + "\n");
}

}  // namespace till::bench

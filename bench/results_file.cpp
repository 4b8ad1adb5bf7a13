// Reading, merging and writing bench/results.json (see results_file.hpp).
#include "results_file.hpp"

#include <filesystem>
#include <fstream>
#include <iterator>
#include <string>
#include <thread>

namespace till::bench {

std::string merge_results(const std::string& path, const std::string& section,
                          const nlohmann::ordered_json& figures, const nlohmann::ordered_json& machine) {
  nlohmann::ordered_json document = nlohmann::ordered_json::object();
  if (std::filesystem::exists(path)) {
    std::ifstream in(path, std::ios::binary);
    const std::string text((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    if (!in.good() && !in.eof()) {
      return "cannot read " + path;
    }
    document = nlohmann::ordered_json::parse(text, nullptr, false);
    if (document.is_discarded() || !document.is_object()) {
      return path + " is not a JSON object; not overwriting it";
    }
  }
  document[section] = figures;
  document["machine"] = machine;
  std::ofstream out(path, std::ios::binary | std::ios::trunc);
  out << document.dump(2) << "\n";
  out.close();
  if (!out) {
    return "cannot write " + path;
  }
  return {};
}

nlohmann::ordered_json describe_machine() {
  std::string cpu = "unknown";
  std::ifstream cpuinfo("/proc/cpuinfo");
  for (std::string line; std::getline(cpuinfo, line);) {
    if (line.rfind("model name", 0) == 0) {
      const std::size_t colon = line.find(':');
      if (colon != std::string::npos && colon + 2 <= line.size()) {
        cpu = line.substr(colon + 2);
      }
      break;
    }
  }
#if defined(__clang__)
  const std::string compiler = std::string("clang ") + __clang_version__;
#elif defined(__GNUC__)
  const std::string compiler = std::string("g++ ") + __VERSION__;
#else
  const std::string compiler = "unknown";
#endif
#if defined(NDEBUG)
  const char* build = "optimised (NDEBUG)";
#else
  const char* build = "debug (assertions on)";
#endif
  return {{"cpu", cpu},
          {"hardware_threads", std::thread::hardware_concurrency()},
          {"compiler", compiler},
          {"build", build}};
}

}  // namespace till::bench

#include "server/log.hpp"

#include <chrono>
#include <cstdio>
#include <ctime>

namespace till::server {

namespace {

std::string now_text() {
  const auto now = std::chrono::system_clock::now();
  const std::time_t seconds = std::chrono::system_clock::to_time_t(now);
  const auto millis =
      std::chrono::duration_cast<std::chrono::milliseconds>(now.time_since_epoch()).count() % 1000;
  std::tm parts{};
  gmtime_r(&seconds, &parts);
  char text[40];
  const std::size_t length = std::strftime(text, sizeof text, "%Y-%m-%dT%H:%M:%S", &parts);
  std::snprintf(text + length, sizeof text - length, ".%03dZ", static_cast<int>(millis));
  return text;
}

}  // namespace

void log_event(const char* level, const char* event, const nlohmann::ordered_json& fields) {
  nlohmann::ordered_json line;
  line["time"] = now_text();
  line["level"] = level;
  line["event"] = event;
  for (const auto& [key, value] : fields.items()) line[key] = value;
  const std::string text = line.dump(-1, ' ', false, nlohmann::ordered_json::error_handler_t::replace) + "\n";
  // One fwrite of the whole line: stdio locks the stream for the call, so lines never interleave.
  std::fwrite(text.data(), 1, text.size(), stderr);
}

}  // namespace till::server

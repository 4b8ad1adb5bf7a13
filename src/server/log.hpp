// Structured logs: one JSON object per line on standard error, written whole (never interleaved), with
// the time, a level, an event name and the event's fields. Request lines carry the request id.
#pragma once

#include <string>

#include <nlohmann/json.hpp>

namespace till::server {

/// Writes {"time", "level", "event", ...fields} as one line. Thread-safe.
void log_event(const char* level, const char* event, const nlohmann::ordered_json& fields = nlohmann::ordered_json::object());

}  // namespace till::server

// bench/results.json: one file for every benchmark of till. Each benchmark owns one top-level section
// ("native" here; "wasm" and "server" come from the other benchmarks) and replaces only its own.
#pragma once

#include <nlohmann/json.hpp>
#include <string>

namespace till::bench {

/// Sets `section` and "machine" in the JSON object at `path` (created when missing) and keeps every other
/// section as it was. Refuses to touch a file that exists but is not a JSON object, rather than lose what
/// it holds. Returns an error message, or an empty string on success.
std::string merge_results(const std::string& path, const std::string& section,
                          const nlohmann::ordered_json& figures, const nlohmann::ordered_json& machine);

/// What the figures were measured on: CPU model, hardware threads, compiler, build type.
nlohmann::ordered_json describe_machine();

}  // namespace till::bench

// The one JSON reader of both documents (SPEC §8): strict, bounded, and never recursive.
#pragma once

#include <cstddef>
#include <string_view>

#include <nlohmann/json.hpp>

#include "core/error.hpp"

namespace till::json_edge {

/// Documents are kept as parsed, members in document order: unknown fields are reported in the order the
/// author wrote them, and the public view (§8) writes the rules back in that order.
using Json = nlohmann::ordered_json;

constexpr std::size_t kMaxDocumentBytes = 4 * 1024 * 1024;
constexpr int kMaxDepth = 64;  // the top-level value is depth 1

/// Parses `text` as one JSON value. A leading UTF-8 byte-order mark is skipped. Fails with
/// limit_exceeded for a text over 4 MiB or a value nested deeper than 64, and with invalid_json for
/// anything else that is not strict JSON: syntax errors, invalid UTF-8, NUL bytes, trailing text, NaN, Infinity,
/// numbers out of double range and duplicate keys. `document` ("rules" or "request") names the error's
/// document; its path is "" or, where known, a pointer to the offending value. Never throws; memory and
/// time are linear in the text.
Outcome<Json> parse_strict(std::string_view text, const char* document);

}  // namespace till::json_edge

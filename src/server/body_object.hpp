// The small JSON bodies of the API ({"code": ...}, {"request": ..., "shown": ...}): read as strictly as
// the SPEC's documents, unknown members refused.
#pragma once

#include <initializer_list>
#include <optional>
#include <string>

#include "json/strict_parser.hpp"
#include "server/answer.hpp"

namespace till::server {

/// Parses `body` as a JSON object whose members are all in `allowed` and include every one of
/// `required`. On failure returns nullopt and sets `problem_answer`: 400 for text that is not strict JSON
/// (the §8 error object included), 422 for the wrong shape.
std::optional<json_edge::Json> read_body_object(const std::string& body, std::initializer_list<const char*> required,
                                                std::initializer_list<const char*> allowed, Answer& problem_answer);

}  // namespace till::server

// What an endpoint answers, independent of the HTTP library: the service copies it into the response.
// Errors are RFC 9457 problem documents (application/problem+json).
#pragma once

#include <string>
#include <utility>
#include <vector>

#include <nlohmann/json.hpp>

#include "core/error.hpp"

namespace till::server {

struct Answer {
  int status = 200;
  std::string content_type = "application/json";
  std::string body;
  std::vector<std::pair<std::string, std::string>> headers;
};

/// A problem document: {"type": "urn:till:problem:<slug>", "title", "status", "detail"} plus the members
/// of `extra` (an object). `slug` empty gives "about:blank", whose title is the status's reason phrase.
Answer problem(int status, const std::string& slug, const std::string& title, const std::string& detail,
               nlohmann::ordered_json extra = nlohmann::ordered_json::object());

/// A problem for an invalid document (SPEC §8): 400 for invalid_json, 422 for everything else, with the
/// §8 error object as its "error" member.
Answer document_problem(const Error& error);

/// The reason phrase of an HTTP status ("Not Found").
const char* reason_phrase(int status);

}  // namespace till::server

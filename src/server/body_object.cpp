#include "server/body_object.hpp"

#include <algorithm>
#include <cstring>

namespace till::server {

std::optional<json_edge::Json> read_body_object(const std::string& body, std::initializer_list<const char*> required,
                                                std::initializer_list<const char*> allowed, Answer& problem_answer) {
  auto parsed = json_edge::parse_strict(body, "request");
  if (!parsed) {
    problem_answer = document_problem(parsed.error());
    return std::nullopt;
  }
  if (!parsed->is_object()) {
    problem_answer = problem(422, "invalid_body", "The body has the wrong shape", "the body must be a JSON object");
    return std::nullopt;
  }
  for (const auto& [key, value] : parsed->items()) {
    const bool known = std::any_of(allowed.begin(), allowed.end(), [&](const char* name) { return key == name; });
    if (!known) {
      problem_answer = problem(422, "invalid_body", "The body has the wrong shape", "unknown member \"" + key + "\"");
      return std::nullopt;
    }
  }
  for (const char* name : required) {
    if (!parsed->contains(name)) {
      problem_answer =
          problem(422, "invalid_body", "The body has the wrong shape", std::string("missing member \"") + name + "\"");
      return std::nullopt;
    }
  }
  return std::move(*parsed);
}

}  // namespace till::server

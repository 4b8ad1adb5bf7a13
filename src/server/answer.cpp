#include "server/answer.hpp"

namespace till::server {

const char* reason_phrase(int status) {
  switch (status) {
    case 200: return "OK";
    case 304: return "Not Modified";
    case 400: return "Bad Request";
    case 404: return "Not Found";
    case 405: return "Method Not Allowed";
    case 408: return "Request Timeout";
    case 409: return "Conflict";
    case 411: return "Length Required";
    case 413: return "Content Too Large";
    case 414: return "URI Too Long";
    case 415: return "Unsupported Media Type";
    case 422: return "Unprocessable Content";
    case 428: return "Precondition Required";
    case 429: return "Too Many Requests";
    case 431: return "Request Header Fields Too Large";
    case 500: return "Internal Server Error";
    case 503: return "Service Unavailable";
    default: return status >= 500 ? "Server Error" : "Client Error";
  }
}

Answer problem(int status, const std::string& slug, const std::string& title, const std::string& detail,
               nlohmann::ordered_json extra) {
  nlohmann::ordered_json document;
  document["type"] = slug.empty() ? "about:blank" : "urn:till:problem:" + slug;
  document["title"] = slug.empty() ? std::string(reason_phrase(status)) : title;
  document["status"] = status;
  document["detail"] = detail;
  for (auto& [key, value] : extra.items()) document[key] = std::move(value);
  return {status, "application/problem+json",
          document.dump(-1, ' ', false, nlohmann::ordered_json::error_handler_t::replace) + "\n",
          {}};
}

Answer document_problem(const Error& error) {
  nlohmann::ordered_json object;
  object["code"] = to_string(error.code);
  object["document"] = error.document;
  object["path"] = error.path;
  object["message"] = error.message;
  const bool syntax = error.code == ErrorCode::invalid_json;
  return problem(syntax ? 400 : 422, to_string(error.code),
                 syntax ? "The body is not valid JSON" : "The document is not valid", error.message,
                 {{"error", object}});
}

}  // namespace till::server

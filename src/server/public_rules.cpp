// GET /api/rules: the public view of the rule set (§8), cacheable by ETag.
#include "server/endpoints.hpp"

namespace till::server {

namespace {

// If-None-Match holds a list of entity tags, or "*"; the comparison is weak (RFC 9110 §13.1.2).
bool matches(const std::string& header, const std::string& etag) {
  std::size_t start = 0;
  while (start <= header.size()) {
    const auto comma = header.find(',', start);
    std::string tag = header.substr(start, comma == std::string::npos ? std::string::npos : comma - start);
    const auto first = tag.find_first_not_of(" \t");
    const auto last = tag.find_last_not_of(" \t");
    tag = first == std::string::npos ? std::string() : tag.substr(first, last - first + 1);
    if (tag.rfind("W/", 0) == 0) tag.erase(0, 2);
    if (tag == "*" || tag == etag) return true;
    if (comma == std::string::npos) break;
    start = comma + 1;
  }
  return false;
}

}  // namespace

Answer get_rules(const Snapshot& snapshot, const std::optional<std::string>& if_none_match) {
  Answer answer;
  answer.headers.emplace_back("ETag", snapshot.etag);
  answer.headers.emplace_back("Cache-Control", "no-cache");
  if (if_none_match && matches(*if_none_match, snapshot.etag)) {
    answer.status = 304;
    return answer;
  }
  answer.body = snapshot.public_view;
  return answer;
}

}  // namespace till::server

// POST /api/coupons/check: the only way a page learns a non-public code's promotion (§8). Rate-limited
// per client address before anything else is read, so malformed bodies count as guesses too.
#include "core/rules.hpp"
#include "server/body_object.hpp"
#include "server/endpoints.hpp"

namespace till::server {

Answer check_coupon(ServiceState& state, const std::string& body, const std::string& client_address) {
  if (const auto wait = state.coupon_checks.take(client_address); wait > 0) {
    Answer limited = problem(429, "rate_limited", "Too many coupon codes tried",
                             "this address has tried too many coupon codes; try again later");
    limited.headers.emplace_back("Retry-After", std::to_string(wait));
    return limited;
  }
  Answer bad_body;
  const auto document = read_body_object(body, {"code"}, {"code"}, bad_body);
  if (!document) return bad_body;
  const json_edge::Json& code_value = (*document)["code"];
  if (!code_value.is_string() || code_value.get<std::string>().empty() || code_value.get<std::string>().size() > 256) {
    return problem(422, "invalid_body", "The body has the wrong shape", "code must be a string of 1-256 bytes");
  }
  const std::string typed = code_value.get<std::string>();
  const std::string normalized = normalize_code(typed);
  const auto snapshot = state.snapshot.get();

  json_edge::Json answer;
  const auto found = snapshot->promotions_by_code.find(normalized);
  if (found == snapshot->promotions_by_code.end()) {
    answer["code"] = typed;
    answer["status"] = "unknown";
    return {200, "application/json", answer.dump() + "\n", {}};
  }
  // The code as the rules spell it (§5.5), from the first promotion that has it.
  const Promotion& first = snapshot->rules.promotions[found->second.front()];
  answer["code"] = typed;
  for (const std::string& code : first.coupon->codes) {
    if (normalize_code(code) == normalized) {
      answer["code"] = code;
      break;
    }
  }
  answer["status"] = "valid";
  answer["promotions"] = json_edge::Json::array();
  for (const std::size_t index : found->second) answer["promotions"].push_back(snapshot->promotion_documents[index]);
  return {200, "application/json", answer.dump(-1, ' ', false, json_edge::Json::error_handler_t::replace) + "\n", {}};
}

}  // namespace till::server

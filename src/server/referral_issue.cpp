// POST /api/referrals: issues a referral token (§9) for a customer, named by the trusted session layer.
#include <ctime>

#include "server/body_object.hpp"
#include "server/endpoints.hpp"
#include "server/trusted_request.hpp"

namespace till::server {

namespace {

constexpr std::int64_t kTokenLifetimeSeconds = 30 * 24 * 60 * 60;

std::string format_utc(std::int64_t seconds) {
  const std::time_t time = static_cast<std::time_t>(seconds);
  std::tm parts{};
  gmtime_r(&time, &parts);
  char text[32];
  std::strftime(text, sizeof text, "%Y-%m-%dT%H:%M:%SZ", &parts);
  return text;
}

bool valid_referrer(const std::string& referrer) {
  if (referrer.empty() || referrer.size() > 128) return false;
  return std::none_of(referrer.begin(), referrer.end(),
                      [](char c) { return static_cast<unsigned char>(c) < 0x20 || c == 0x7F; });
}

}  // namespace

Answer issue_referral(ServiceState& state, const std::string& body) {
  Answer bad_body;
  const auto document = read_body_object(body, {"referrer"}, {"referrer"}, bad_body);
  if (!document) return bad_body;
  const json_edge::Json& referrer = (*document)["referrer"];
  if (!referrer.is_string() || !valid_referrer(referrer.get<std::string>())) {
    return problem(422, "invalid_body", "The body has the wrong shape",
                   "referrer must be a customer id of 1-128 bytes without control characters");
  }
  const std::int64_t expires = server_now().seconds + kTokenLifetimeSeconds;
  json_edge::Json answer;
  answer["token"] = state.referrals.issue(referrer.get<std::string>(), expires);
  answer["expires_at"] = format_utc(expires);
  return {200, "application/json", answer.dump() + "\n", {}};
}

}  // namespace till::server

// POST /api/price: a preview priced exactly as a checkout would be (catalogue prices, the server's clock,
// recorded usage, verified referrals), but nothing is recorded and nudges and explanations are as asked.
#include "core/engine.hpp"
#include "json/json_api.hpp"
#include "server/endpoints.hpp"
#include "server/trusted_request.hpp"

namespace till::server {

Answer price_preview(ServiceState& state, const std::string& body, const std::string& client_address) {
  auto request = read_request(body);
  if (!request) return document_problem(request.error());
  if (!request->coupons.empty()) {
    if (const auto wait = state.coupon_checks.take(client_address); wait > 0) {
      Answer limited = problem(429, "rate_limited", "Too many coupon codes tried",
                               "this address has tried too many coupon codes; try again later");
      limited.headers.emplace_back("Retry-After", std::to_string(wait));
      return limited;
    }
  }
  const auto snapshot = state.snapshot.get();
  if (auto untrusted = make_trusted(*snapshot, state.referrals, *request, "")) return std::move(*untrusted);
  fill_usage(snapshot->rules, snapshot->usage_limited, *state.store, *request);
  const auto result = price(snapshot->rules, *request);
  if (!result) return document_problem(result.error());
  return {200, "application/json", write_result(*result), {}};
}

}  // namespace till::server

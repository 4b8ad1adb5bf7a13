// The API's endpoints as plain functions: a request body (and the few headers that matter) in, an Answer
// out. service.cpp wires them to HTTP; keeping them free of the HTTP library keeps each one readable as
// the flow it is.
#pragma once

#include <memory>
#include <optional>
#include <string>

#include "server/answer.hpp"
#include "server/rate_limiter.hpp"
#include "server/referral_token.hpp"
#include "server/snapshot.hpp"
#include "server/store/store.hpp"

namespace till::server {

/// Everything the endpoints share for the life of the server.
struct ServiceState {
  CurrentSnapshot snapshot;
  std::unique_ptr<Store> store;
  ReferralTokens referrals;
  RateLimiter coupon_checks;
};

/// GET /api/rules: the public view (§8) with its ETag; 304 when `if_none_match` holds that ETag.
Answer get_rules(const Snapshot& snapshot, const std::optional<std::string>& if_none_match);

/// POST /api/price: prices a §3 request for pages without WebAssembly, with the full rules (a page that
/// knows a code gets its discount, as it would after a coupon check), the catalogue's prices, the
/// server's clock and the store's usage counts. A request that carries coupons takes a token from the
/// same per-address bucket as /api/coupons/check, so pricing is no faster a way to guess codes.
Answer price_preview(ServiceState& state, const std::string& body, const std::string& client_address);

/// POST /api/coupons/check: body {"code": "..."}. 200 with {"code", "status": "valid", "promotions":
/// [<each promotion with that code, as written in the full rules>]} or {"code", "status": "unknown"};
/// 429 with Retry-After when the client address has checked too many codes.
Answer check_coupon(ServiceState& state, const std::string& body, const std::string& client_address);

/// POST /api/referrals: body {"referrer": "<customer id>"} (set by the trusted session layer). 200 with
/// {"token", "expires_at"}; tokens last 30 days.
Answer issue_referral(ServiceState& state, const std::string& body);

/// POST /api/checkout/verify: body {"request": <§3 request>, "shown": <the §4 result the page showed,
/// whole or in part, at least "total">}. See checkout_verify.cpp for the flow.
Answer verify_checkout(ServiceState& state, const std::string& body, const std::optional<std::string>& idempotency_key);

/// GET /readyz: 200 when the store answers, else 503.
Answer readiness(Store& store);

}  // namespace till::server

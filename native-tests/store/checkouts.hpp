// Checkouts for the store tests, built in one line.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "server/store/store.hpp"

namespace till::server::testing {

/// A verified checkout under `key` for `customer` (nullopt: a guest) redeeming `redemptions`; its
/// request hash and answer are derived from the key unless given.
inline Checkout checkout(const std::string& key, const std::optional<std::string>& customer,
                         std::vector<Redemption> redemptions = {}, const std::string& request_hash = "") {
  Checkout c;
  c.idempotency_key = key;
  c.request_hash = request_hash.empty() ? "hash-of-" + key : request_hash;
  c.customer_id = customer;
  c.currency = "EUR";
  c.total = 1234;
  c.response_body = R"({"order":")" + key + R"("})";
  c.redemptions = std::move(redemptions);
  return c;
}

/// A usage-limited promotion: at most `per_customer` per customer and `total` in all (nullopt: none).
inline Redemption limited(const std::string& promotion, std::optional<std::int64_t> per_customer,
                          std::optional<std::int64_t> total) {
  return Redemption{promotion, per_customer, total};
}

}  // namespace till::server::testing

// Requests as a page would build them: lines priced from the demo catalogue, checked out with the total
// the server's own preview gave (what an honest page shows).
#pragma once

#include <optional>
#include <string>
#include <utility>
#include <vector>

#include <nlohmann/json.hpp>

#include "server_process.hpp"

namespace till::server::testing {

using nlohmann::json;

/// A §3 request for `items` (sku, quantity) at the demo catalogue's prices, standard shipping.
json basket(const std::vector<std::pair<std::string, int>>& items, const std::optional<std::string>& customer_id = {},
            const std::vector<std::string>& coupons = {});

/// A key no other checkout of this process uses.
std::string unique_key(const std::string& prefix);

/// POST /api/price; requires 200 and returns the result.
json preview(httplib::Client& client, const json& request);

/// POST /api/checkout/verify with {"request", "shown"} and the Idempotency-Key.
Reply checkout(httplib::Client& client, const json& request, const json& shown, const std::string& key);

/// The body of a checkout, exactly as checkout() sends it (for replays by hand).
std::string checkout_body(const json& request, const json& shown);

}  // namespace till::server::testing

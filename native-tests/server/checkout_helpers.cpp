#include "checkout_helpers.hpp"

#include <unistd.h>

#include <atomic>
#include <fstream>
#include <stdexcept>

namespace till::server::testing {

namespace {

const json& catalogue() {
  static const json items = [] {
    std::ifstream file(demo_path("catalogue.json"));
    return json::parse(file);
  }();
  return items;
}

}  // namespace

json basket(const std::vector<std::pair<std::string, int>>& items, const std::optional<std::string>& customer_id,
            const std::vector<std::string>& coupons) {
  json request = {{"currency", "GBP"}, {"now", "2026-11-25T12:00:00Z"}, {"lines", json::array()},
                  {"shipping_method", "standard"}};
  int index = 0;
  for (const auto& [sku, quantity] : items) {
    json line;
    for (const json& item : catalogue()) {
      if (item["sku"].get<std::string>() == sku) line = item;
    }
    if (line.is_null()) throw std::runtime_error("no sku " + sku + " in the demo catalogue");
    line["id"] = "l" + std::to_string(++index);
    line["quantity"] = quantity;
    request["lines"].push_back(line);
  }
  if (customer_id) request["customer"] = {{"id", *customer_id}};
  if (!coupons.empty()) request["coupons"] = coupons;
  return request;
}

std::string unique_key(const std::string& prefix) {
  static std::atomic<int> counter{0};
  return prefix + "-" + std::to_string(getpid()) + "-" + std::to_string(counter++);
}

json preview(httplib::Client& client, const json& request) {
  const Reply reply = post(client, "/api/price", request.dump());
  if (reply.status != 200) throw std::runtime_error("preview failed: " + std::to_string(reply.status) + " " + reply.body);
  return reply.json();
}

std::string checkout_body(const json& request, const json& shown) { return json{{"request", request}, {"shown", shown}}.dump(); }

Reply checkout(httplib::Client& client, const json& request, const json& shown, const std::string& key) {
  return post(client, "/api/checkout/verify", checkout_body(request, shown), {{"Idempotency-Key", key}});
}

}  // namespace till::server::testing

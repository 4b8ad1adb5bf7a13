// Small documents and error checks shared by the tests written by hand.
#pragma once

#include <catch2/catch.hpp>
#include <string>

#include "core/error.hpp"
#include "core/money.hpp"

namespace till::testing {

/// A valid rule set holding the given promotions (JSON text of each, comma-separated) and two shipping
/// methods, "standard" and "express".
inline std::string rules_with(const std::string& promotions) {
  return R"({"currency": "GBP", "shipping_methods": [{"id": "standard", "name": "Standard", "price": 495},
             {"id": "express", "price": 995}], "promotions": [)" +
         promotions + "]}";
}

/// A valid percent_off_order promotion with `extra` members (a JSON fragment starting with a comma, or
/// empty) added at the end.
inline std::string promotion_with(const std::string& extra) {
  return R"({"id": "p", "reward": {"type": "percent_off_order", "percent": 10})" + extra + "}";
}

/// A rule set whose one promotion has `reward` (JSON text) as its reward.
inline std::string rules_with_reward(const std::string& reward) {
  return rules_with(R"({"id": "p", "reward": )" + reward + "}");
}

/// A valid request with two lines and `extra` top-level members (a fragment starting with a comma, or empty).
inline std::string request_with(const std::string& extra) {
  return R"({"currency": "GBP", "now": "2026-11-22T10:00:00Z", "lines": [
             {"id": "l1", "sku": "A", "quantity": 2, "unit_price": 1000},
             {"id": "l2", "sku": "B", "quantity": 1, "unit_price": 500}])" +
         extra + "}";
}

/// A request line as JSON: {"id", "sku", "quantity", "unit_price"} and nothing else.
inline std::string line(const std::string& id, const std::string& sku, int quantity, Money unit_price) {
  std::string text = R"({"id": ")";
  text += id;
  text += R"(", "sku": ")";
  text += sku;
  text += R"(", "quantity": )";
  text += std::to_string(quantity);
  text += R"(, "unit_price": )";
  text += std::to_string(unit_price);
  text += "}";
  return text;
}

/// Requires `outcome` to be the error `code` at `path` of `document`, with a message.
template <class T>
void require_error(const Outcome<T>& outcome, ErrorCode code, const std::string& document, const std::string& path) {
  REQUIRE_FALSE(outcome.ok());
  INFO("message: " << outcome.error().message);
  CHECK(to_string(outcome.error().code) == std::string(to_string(code)));
  CHECK(outcome.error().document == document);
  CHECK(outcome.error().path == path);
  CHECK_FALSE(outcome.error().message.empty());
}

}  // namespace till::testing

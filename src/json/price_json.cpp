// price_json: the whole of `till price` (SPEC §10) as one call, so the command line, the WebAssembly
// binding and the server answer identically. Checks run in §8's order: the rule set, the request, then
// what price() checks (currency_mismatch, the shipping method, the subtotal limit).
#include "core/engine.hpp"
#include "json/json_api.hpp"

namespace till {

PriceOutput price_json(std::string_view rules_text, std::string_view request_text) {
  const auto rules = read_rules(rules_text);
  if (!rules) return {write_error(rules.error()), true};
  const auto request = read_request(request_text);
  if (!request) return {write_error(request.error()), true};
  const auto result = price(*rules, *request);
  if (!result) return {write_error(result.error()), true};
  return {write_result(*result), false};
}

}  // namespace till

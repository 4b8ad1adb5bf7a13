// public_view (SPEC §8): the rule set a browser may see. It is the merchant's own document, key order and
// all, so that a diff against the private rules shows only the emptied codes.
#include "json/document_readers.hpp"
#include "json/json_api.hpp"

namespace till {

Outcome<std::string> public_view(std::string_view rules_text) {
  auto parsed = json_edge::parse_strict(rules_text, "rules");
  if (!parsed) return parsed.error();
  // Validation first: only a rule set the engine accepts has a public view, and its checks guarantee the
  // shape walked below (promotions is an array of objects, coupon an object with a codes array).
  const auto rules = json_edge::rules_from_json(*parsed);
  if (!rules) return rules.error();

  json_edge::Json& document = *parsed;
  if (const auto promotions = document.find("promotions"); promotions != document.end()) {
    for (json_edge::Json& promotion : *promotions) {
      const auto coupon = promotion.find("coupon");
      if (coupon == promotion.end()) continue;
      const auto is_public = coupon->find("public");
      if (is_public == coupon->end() || !is_public->get<bool>()) (*coupon)["codes"] = json_edge::Json::array();
    }
  }
  return document.dump(2, ' ', false, json_edge::Json::error_handler_t::replace) + "\n";
}

}  // namespace till

// write_result and write_error: the result of SPEC §4 and the error object of §8 as text. ordered_json
// keeps the SPEC's key order; nlohmann formats numbers itself (no locale, no printf), so the native and
// the WebAssembly builds print the same bytes.
#include <string>

#include <nlohmann/json.hpp>

#include "json/json_api.hpp"

namespace till {
namespace {

using Json = nlohmann::ordered_json;

std::string to_text(const Json& document) {
  // `replace` keeps dump() from ever throwing on a string that is not UTF-8; every string here comes from
  // validated documents, so it never replaces anything in practice.
  return document.dump(2, ' ', false, Json::error_handler_t::replace) + "\n";
}

/// A percentage as the rule set writes it: 10 for 1000 basis points, 12.5 for 1250.
Json percent_value(Basis percent) {
  if (percent % 100 == 0) return Json(percent / 100);
  return Json(static_cast<double>(percent) / 100.0);
}

Json selector_json(const Selector& selector) {
  Json out = Json::object();
  if (selector.skus) out["skus"] = *selector.skus;
  if (selector.categories) out["categories"] = *selector.categories;
  if (selector.tags) out["tags"] = *selector.tags;
  if (selector.brands) out["brands"] = *selector.brands;
  if (!selector.exclude_skus.empty()) out["exclude_skus"] = selector.exclude_skus;
  if (selector.min_unit_price) out["min_unit_price"] = *selector.min_unit_price;
  if (selector.max_unit_price) out["max_unit_price"] = *selector.max_unit_price;
  return out;
}

Json unit_requirement_json(const UnitRequirement& requirement) {
  Json out = Json::object();
  out["selector"] = selector_json(requirement.selector);
  out["quantity"] = requirement.quantity;
  return out;
}

/// A reward in the rule set's own form (§2.5), with the fields its type uses, in the table's order.
Json reward_json(const Reward& reward) {
  Json out = Json::object();
  out["type"] = to_string(reward.type);
  switch (reward.type) {
    case RewardType::percent_off_order:
    case RewardType::amount_off_order:
      break;
    case RewardType::percent_off_items:
    case RewardType::amount_off_items:
    case RewardType::fixed_price_items:
    case RewardType::multibuy:
      out["selector"] = selector_json(reward.selector);
      break;
    case RewardType::buy_x_get_y:
      out["buy"] = unit_requirement_json(reward.buy);
      out["get"] = unit_requirement_json(reward.get);
      break;
    case RewardType::free_gift:
      out["sku"] = reward.gift_sku;
      out["name"] = reward.gift_name;
      out["quantity"] = reward.quantity;
      out["value"] = reward.gift_value;
      return out;
    case RewardType::shipping:
      break;
  }
  if (reward.type == RewardType::multibuy) {
    out["quantity"] = reward.quantity;
    if (reward.price) out["price"] = *reward.price;
    if (reward.pay_for) out["pay_for"] = *reward.pay_for;
  }
  if (reward.percent) out["percent"] = percent_value(*reward.percent);
  if (reward.amount) out["amount"] = *reward.amount;
  if (reward.type == RewardType::amount_off_items && reward.per == PerWhat::once) out["per"] = "once";
  if (reward.unit_price) out["unit_price"] = *reward.unit_price;
  if (reward.type == RewardType::shipping && reward.price) out["price"] = *reward.price;
  if (reward.max_quantity) out["max_quantity"] = *reward.max_quantity;
  if (reward.methods) out["methods"] = *reward.methods;
  return out;
}

Json line_json(const LineResult& line) {
  Json out = Json::object();
  out["id"] = line.id;
  out["sku"] = line.sku;
  out["quantity"] = line.quantity;
  out["unit_price"] = line.unit_price;
  out["subtotal"] = line.subtotal;
  out["discount"] = line.discount;
  out["total"] = line.total;
  Json adjustments = Json::array();
  for (const Adjustment& adjustment : line.adjustments) {
    Json entry = Json::object();
    entry["promotion"] = adjustment.promotion;
    entry["amount"] = adjustment.amount;
    adjustments.push_back(std::move(entry));
  }
  out["adjustments"] = std::move(adjustments);
  return out;
}

Json shipping_json(const ShippingResult& shipping) {
  Json out = Json::object();
  out["method"] = shipping.method;
  out["price"] = shipping.price;
  out["discount"] = shipping.discount;
  out["total"] = shipping.total;
  return out;
}

Json gift_json(const Gift& gift) {
  Json out = Json::object();
  out["sku"] = gift.sku;
  out["name"] = gift.name;
  out["quantity"] = gift.quantity;
  out["value"] = gift.value;
  out["promotion"] = gift.promotion;
  return out;
}

Json applied_json(const Applied& applied) {
  Json out = Json::object();
  out["promotion"] = applied.promotion;
  out["name"] = applied.name;
  out["amount"] = applied.amount;
  if (applied.tier) out["tier"] = *applied.tier;
  if (applied.tier_name) out["tier_name"] = *applied.tier_name;
  out["message"] = applied.message;
  return out;
}

Json nudge_json(const Nudge& nudge) {
  Json out = Json::object();
  out["promotion"] = nudge.promotion;
  out["kind"] = to_string(nudge.kind);
  if (nudge.gap) out["gap"] = *nudge.gap;
  if (nudge.quantity) out["quantity"] = *nudge.quantity;
  if (nudge.selector) out["selector"] = selector_json(*nudge.selector);
  if (nudge.reward) out["reward"] = reward_json(*nudge.reward);
  if (nudge.code) out["code"] = *nudge.code;
  out["benefit"] = nudge.benefit;
  // Ten-thousandths as a number in [0, 1]: nlohmann prints the shortest text that reads back as the same
  // double, so 8998 prints as 0.8998 in every build.
  out["progress"] = static_cast<double>(nudge.progress) / 10000.0;
  out["message"] = nudge.message;
  return out;
}

Json coupon_json(const CouponResult& coupon) {
  Json out = Json::object();
  out["code"] = coupon.code;
  out["status"] = to_string(coupon.status);
  if (coupon.promotion) out["promotion"] = *coupon.promotion;
  if (coupon.reason) out["reason"] = to_string(*coupon.reason);
  if (coupon.detail) out["detail"] = *coupon.detail;
  return out;
}

Json not_applied_json(const NotApplied& entry) {
  Json out = Json::object();
  out["promotion"] = entry.promotion;
  out["reason"] = to_string(entry.reason);
  if (entry.detail) out["detail"] = *entry.detail;
  return out;
}

template <class T, class Write>
Json list_json(const std::vector<T>& items, Write write) {
  Json out = Json::array();
  for (const T& item : items) out.push_back(write(item));
  return out;
}

}  // namespace

std::string write_result(const Result& result) {
  Json out = Json::object();
  out["currency"] = result.currency;
  if (result.rules_version) out["rules_version"] = *result.rules_version;
  out["lines"] = list_json(result.lines, line_json);
  out["subtotal"] = result.subtotal;
  out["item_discount"] = result.item_discount;
  out["order_discount"] = result.order_discount;
  out["merchandise_total"] = result.merchandise_total;
  if (result.shipping) out["shipping"] = shipping_json(*result.shipping);
  out["discount_total"] = result.discount_total;
  out["total"] = result.total;
  out["gifts"] = list_json(result.gifts, gift_json);
  out["applied"] = list_json(result.applied, applied_json);
  out["nudges"] = list_json(result.nudges, nudge_json);
  out["coupons"] = list_json(result.coupons, coupon_json);
  if (result.not_applied) out["not_applied"] = list_json(*result.not_applied, not_applied_json);
  if (result.loyalty_points) out["loyalty_points"] = *result.loyalty_points;
  out["optimal"] = result.optimal;
  return to_text(out);
}

std::string write_error(const Error& error) {
  Json body = Json::object();
  body["code"] = to_string(error.code);
  body["document"] = error.document;
  body["path"] = error.path;
  body["message"] = error.message;
  Json out = Json::object();
  out["error"] = std::move(body);
  return to_text(out);
}

}  // namespace till

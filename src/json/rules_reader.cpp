// read_rules: the rule set of SPEC §2, checked in the order §8 gives (unknown fields, then missing
// fields, then values in the order the SPEC lists them) and turned into a till::RuleSet.
#include <set>
#include <string>

#include "core/currency.hpp"
#include "json/checker.hpp"
#include "json/document_readers.hpp"
#include "json/json_api.hpp"

namespace till {
namespace {

using json_edge::Amount;
using json_edge::Boolean;
using json_edge::Checker;
using json_edge::Count;
using json_edge::describe;
using json_edge::find_member;
using json_edge::Instant;
using json_edge::Integer;
using json_edge::Json;
using json_edge::Percent;
using json_edge::Pointer;
using json_edge::Quantity;
using json_edge::Text;
using json_edge::TextList;

constexpr std::size_t kMaxPromotions = 10'000;
constexpr std::size_t kMaxCodesPerCoupon = 1'000;
const char* class_name(RewardClass reward_class) {
  switch (reward_class) {
    case RewardClass::item: return "item";
    case RewardClass::order: return "order";
    case RewardClass::shipping: return "shipping";
    case RewardClass::gift: return "gift";
  }
  return "item";
}

std::string quote(const std::string& text) { return describe(Json(text)); }

bool is_blank(const std::string& text) {
  return text.find_first_not_of(" \t\n\v\f\r") == std::string::npos;
}

class RulesReader {
 public:
  explicit RulesReader(Checker& cx) : cx_(cx) {}

  bool rule_set(const Json& doc, RuleSet& rules) {
    const Pointer at;
    if (!cx_.object(doc, at, "the rule set",
                    {"id", "version", "currency", "minor_units", "rounding", "selection", "shipping_methods",
                     "loyalty", "promotions"},
                    {"currency"})) {
      return false;
    }
    std::size_t rounding = 0;
    std::size_t selection = 0;
    if (!cx_.member(doc, at, "id", rules.id, Text{cx_}) || !cx_.member(doc, at, "version", rules.version, Text{cx_}) ||
        !cx_.currency_code(doc["currency"], at / "currency", "currency", rules.currency) ||
        !minor_units(doc, at, rules) ||
        !cx_.member(doc, at, "rounding", rounding,
                    [&](const Json& v, const Pointer& p, std::string_view what, std::size_t& out) {
                      return cx_.choice(v, p, what, {"half_up", "half_even", "down"}, out);
                    }) ||
        !cx_.member(doc, at, "selection", selection,
                    [&](const Json& v, const Pointer& p, std::string_view what, std::size_t& out) {
                      return cx_.choice(v, p, what, {"best_for_customer", "priority"}, out);
                    })) {
      return false;
    }
    rules.rounding = static_cast<Rounding>(rounding);
    rules.selection = static_cast<Selection>(selection);
    if (const Json* methods = find_member(doc, "shipping_methods");
        methods != nullptr && !shipping_methods(*methods, at / "shipping_methods", rules.shipping_methods)) {
      return false;
    }
    if (const Json* loyalty = find_member(doc, "loyalty"); loyalty != nullptr) {
      rules.loyalty.emplace();
      if (!this->loyalty(*loyalty, at / "loyalty", *rules.loyalty)) return false;
    }
    rules_ = &rules;
    const Json* promotions = find_member(doc, "promotions");
    return promotions == nullptr || this->promotions(*promotions, at / "promotions", rules.promotions);
  }

 private:
  bool minor_units(const Json& doc, const Pointer& at, RuleSet& rules) {
    const std::optional<int> iso = iso4217_minor_units(rules.currency);
    const Json* stated = find_member(doc, "minor_units");
    if (stated == nullptr) {
      if (!iso) {
        return cx_.fail(at / "minor_units", "minor_units is required for " + rules.currency +
                                                ": ISO 4217 gives it no minor units");
      }
      rules.minor_units = *iso;
      return true;
    }
    std::int64_t units = 0;
    if (!cx_.integer(*stated, at / "minor_units", "minor_units", 1, 10'000, units)) return false;
    if (units != 1 && units != 10 && units != 100 && units != 1'000 && units != 10'000) {
      return cx_.fail(at / "minor_units",
                      "minor_units must be 1, 10, 100, 1000 or 10000 (got " + std::to_string(units) + ")");
    }
    if (iso && units != *iso) {
      return cx_.fail(at / "minor_units", "minor_units must be " + std::to_string(*iso) + " for " + rules.currency +
                                              ", as ISO 4217 says (got " + std::to_string(units) + ")");
    }
    rules.minor_units = units;
    return true;
  }

  bool shipping_methods(const Json& list, const Pointer& at, std::vector<ShippingMethod>& out) {
    if (!cx_.is_array(list, at, "shipping_methods")) return false;
    std::set<std::string> ids;
    for (std::size_t i = 0; i < list.size(); ++i) {
      const Json& v = list[i];
      const Pointer here = at / i;
      ShippingMethod method;
      if (!cx_.object(v, here, "a shipping method", {"id", "name", "price"}, {"id", "price"}) ||
          !cx_.identifier(v["id"], here / "id", "id", method.id)) {
        return false;
      }
      if (!ids.insert(method.id).second) {
        return cx_.fail(here / "id", "duplicate shipping method id " + quote(method.id));
      }
      method.name = method.id;
      if (!cx_.member(v, here, "name", method.name, Text{cx_}) ||
          !cx_.member(v, here, "price", method.price, Amount{cx_})) {
        return false;
      }
      out.push_back(std::move(method));
    }
    return true;
  }

  bool loyalty(const Json& v, const Pointer& at, Loyalty& out) {
    if (!cx_.object(v, at, "loyalty", {"points_per_major_unit", "tier_multipliers"}, {"points_per_major_unit"}) ||
        !cx_.member(v, at, "points_per_major_unit", out.points_per_major_unit, Count{cx_})) {
      return false;
    }
    const Json* multipliers = find_member(v, "tier_multipliers");
    if (multipliers == nullptr) return true;
    if (!cx_.is_object(*multipliers, at / "tier_multipliers", "tier_multipliers")) return false;
    for (const auto& [tier, multiplier] : multipliers->items()) {
      std::int64_t value = 0;
      if (!Count{cx_}(multiplier, at / "tier_multipliers" / tier, "a tier multiplier", value)) return false;
      out.tier_multipliers[tier] = value;
    }
    return true;
  }

  bool promotions(const Json& list, const Pointer& at, std::vector<Promotion>& out) {
    if (!cx_.is_array(list, at, "promotions")) return false;
    if (list.size() > kMaxPromotions) {
      return cx_.fail_limit(at, "a rule set holds at most " + std::to_string(kMaxPromotions) + " promotions (got " +
                                    std::to_string(list.size()) + ")");
    }
    out.reserve(list.size());
    for (std::size_t i = 0; i < list.size(); ++i) {
      Promotion promotion;
      if (!this->promotion(list[i], at / i, promotion)) return false;
      out.push_back(std::move(promotion));
    }
    return true;
  }

  bool promotion(const Json& v, const Pointer& at, Promotion& out) {
    if (!cx_.object(v, at, "a promotion",
                    {"id", "name", "priority", "starts_at", "ends_at", "coupon", "audience", "condition", "reward",
                     "tiers", "exclusive", "stackable", "max_discount", "max_applications", "usage_limit",
                     "messages"},
                    {"id"})) {
      return false;
    }
    const Json* reward = find_member(v, "reward");
    const Json* tiers = find_member(v, "tiers");
    if (reward == nullptr && tiers == nullptr) return cx_.fail(at / "reward", "a promotion needs \"reward\" or \"tiers\"");
    if (reward != nullptr && tiers != nullptr) {
      return cx_.fail(at / "tiers", "a promotion has \"reward\" or \"tiers\", not both");
    }
    if (tiers != nullptr && find_member(v, "condition") != nullptr) {
      return cx_.fail(at / "condition", "a promotion with \"tiers\" gives each tier its own \"condition\"");
    }

    if (!cx_.identifier(v["id"], at / "id", "id", out.id)) return false;
    if (!promotion_ids_.insert(out.id).second) return cx_.fail(at / "id", "duplicate promotion id " + quote(out.id));
    out.name = out.id;
    if (!cx_.member(v, at, "name", out.name, Text{cx_}) || !cx_.member(v, at, "priority", out.priority, Integer{cx_}) ||
        !cx_.member(v, at, "starts_at", out.starts_at, Instant{cx_}) ||
        !cx_.member(v, at, "ends_at", out.ends_at, Instant{cx_})) {
      return false;
    }
    if (out.starts_at && out.ends_at && *out.ends_at <= *out.starts_at) {
      return cx_.fail(at / "ends_at", "ends_at must be after starts_at (got " + describe(v["ends_at"]) +
                                          ", which is not after " + describe(v["starts_at"]) + ")");
    }
    if (const Json* coupon = find_member(v, "coupon"); coupon != nullptr) {
      out.coupon.emplace();
      if (!this->coupon(*coupon, at / "coupon", *out.coupon)) return false;
    }
    if (const Json* audience = find_member(v, "audience"); audience != nullptr) {
      out.audience.emplace();
      if (!this->audience(*audience, at / "audience", *out.audience)) return false;
    }
    if (reward != nullptr) {
      Tier tier;
      if (const Json* condition = find_member(v, "condition");
          condition != nullptr && !this->condition(*condition, at / "condition", tier.condition)) {
        return false;
      }
      if (!this->reward(*reward, at / "reward", tier.reward)) return false;
      out.tiers.push_back(std::move(tier));
    } else {
      out.tiered = true;
      if (!this->tiers(*tiers, at / "tiers", out.tiers)) return false;
    }
    return promotion_flags(v, at, out) && cx_.member(v, at, "usage_limit", out.usage_limit, [&](auto&&... a) {
             return usage_limit(a...);
           }) && messages(v, at, out.messages);
  }

  /// exclusive, stackable, max_discount and max_applications, with the contradictions of §2.1.
  bool promotion_flags(const Json& v, const Pointer& at, Promotion& out) {
    const RewardType type = out.tiers.front().reward.type;
    if (!cx_.member(v, at, "exclusive", out.exclusive, Boolean{cx_}) ||
        !cx_.member(v, at, "stackable", out.stackable, Boolean{cx_})) {
      return false;
    }
    if (out.exclusive && out.stackable) {
      return cx_.fail(at / "stackable", "a promotion cannot be both exclusive and stackable");
    }
    if (out.stackable && type == RewardType::free_gift) {
      return cx_.fail(at / "stackable", "a free_gift promotion cannot be stackable: gifts never compete");
    }
    if (!cx_.member(v, at, "max_discount", out.max_discount, Amount{cx_})) return false;
    if (out.max_discount && type == RewardType::free_gift) {
      return cx_.fail(at / "max_discount", "a free_gift promotion gives no discount to cap with max_discount");
    }
    if (!cx_.member(v, at, "max_applications", out.max_applications, Integer{cx_, 1})) return false;
    if (out.max_applications) {
      for (const Tier& tier : out.tiers) {
        if (tier.reward.type != RewardType::multibuy && tier.reward.type != RewardType::buy_x_get_y) {
          return cx_.fail(at / "max_applications",
                          std::string("max_applications applies only to multibuy and buy_x_get_y rewards (this "
                                      "promotion gives ") +
                              to_string(tier.reward.type) + ")");
        }
      }
    }
    return true;
  }

  bool usage_limit(const Json& v, const Pointer& at, std::string_view, UsageLimit& out) {
    return cx_.object(v, at, "usage_limit", {"per_customer", "total"}, {}) &&
           cx_.member(v, at, "per_customer", out.per_customer, Count{cx_}) &&
           cx_.member(v, at, "total", out.total, Count{cx_});
  }

  bool messages(const Json& promotion, const Pointer& at, Messages& out) {
    const Json* v = find_member(promotion, "messages");
    if (v == nullptr) return true;
    const Pointer here = at / "messages";
    return cx_.object(*v, here, "messages", {"applied", "nudge"}, {}) &&
           cx_.member(*v, here, "applied", out.applied, Text{cx_}) &&
           cx_.member(*v, here, "nudge", out.nudge, Text{cx_});
  }

  bool coupon(const Json& v, const Pointer& at, Coupon& out) {
    if (!cx_.object(v, at, "coupon", {"codes", "public"}, {"codes"})) return false;
    const Json& codes = v["codes"];
    const Pointer codes_at = at / "codes";
    if (!cx_.string_list(codes, codes_at, "codes", out.codes)) return false;
    if (out.codes.size() > kMaxCodesPerCoupon) {
      return cx_.fail_limit(codes_at, "a coupon holds at most " + std::to_string(kMaxCodesPerCoupon) +
                                          " codes (got " + std::to_string(out.codes.size()) + ")");
    }
    for (std::size_t i = 0; i < out.codes.size(); ++i) {
      if (is_blank(out.codes[i])) {
        return cx_.fail(codes_at / i, "a coupon code must not be blank (got " + quote(out.codes[i]) + ")");
      }
      out.normalized_codes.push_back(normalize_code(out.codes[i]));
    }
    return cx_.member(v, at, "public", out.is_public, Boolean{cx_});
  }

  bool audience(const Json& v, const Pointer& at, Audience& out) {
    if (!cx_.object(v, at, "audience",
                    {"segments_any", "segments_none", "loyalty_tiers", "first_order", "min_orders",
                     "min_days_since_last_order", "birthday_within_days", "newsletter", "channels", "devices",
                     "countries", "referred", "not_recently_purchased"},
                    {})) {
      return false;
    }
    return cx_.member(v, at, "segments_any", out.segments_any, TextList{cx_}) &&
           cx_.member(v, at, "segments_none", out.segments_none, TextList{cx_}) &&
           cx_.member(v, at, "loyalty_tiers", out.loyalty_tiers, TextList{cx_}) &&
           cx_.member(v, at, "first_order", out.first_order, Boolean{cx_}) &&
           cx_.member(v, at, "min_orders", out.min_orders, Count{cx_}) &&
           cx_.member(v, at, "min_days_since_last_order", out.min_days_since_last_order, Count{cx_}) &&
           cx_.member(v, at, "birthday_within_days", out.birthday_within_days, Count{cx_}) &&
           cx_.member(v, at, "newsletter", out.newsletter, Boolean{cx_}) &&
           cx_.member(v, at, "channels", out.channels, TextList{cx_}) &&
           cx_.member(v, at, "devices", out.devices, TextList{cx_}) &&
           cx_.member(v, at, "countries", out.countries, TextList{cx_}) &&
           cx_.member(v, at, "referred", out.referred, Boolean{cx_}) &&
           cx_.member(v, at, "not_recently_purchased", out.not_recently_purchased,
                      [&](const Json& value, const Pointer& here, std::string_view, RecentPurchaseRule& rule) {
                        return cx_.object(value, here, "not_recently_purchased", {"selector", "days"},
                                          {"selector", "days"}) &&
                               selector(value["selector"], here / "selector", rule.selector) &&
                               cx_.member(value, here, "days", rule.days, Count{cx_});
                      });
  }

  bool selector(const Json& v, const Pointer& at, Selector& out) {
    if (!cx_.object(v, at, "a selector",
                    {"skus", "categories", "tags", "brands", "exclude_skus", "min_unit_price", "max_unit_price"},
                    {}) ||
        !cx_.member(v, at, "skus", out.skus, TextList{cx_}) ||
        !cx_.member(v, at, "categories", out.categories, TextList{cx_}) ||
        !cx_.member(v, at, "tags", out.tags, TextList{cx_}) || !cx_.member(v, at, "brands", out.brands, TextList{cx_}) ||
        !cx_.member(v, at, "exclude_skus", out.exclude_skus, TextList{cx_}) ||
        !cx_.member(v, at, "min_unit_price", out.min_unit_price, Amount{cx_}) ||
        !cx_.member(v, at, "max_unit_price", out.max_unit_price, Amount{cx_})) {
      return false;
    }
    if (out.min_unit_price && out.max_unit_price && *out.max_unit_price < *out.min_unit_price) {
      return cx_.fail(at / "max_unit_price", "max_unit_price must be at least min_unit_price (" +
                                                 std::to_string(*out.min_unit_price) + ") (got " +
                                                 std::to_string(*out.max_unit_price) + ")");
    }
    return true;
  }

  bool condition(const Json& v, const Pointer& at, Condition& out) {
    if (!cx_.object(v, at, "condition", {"min_subtotal", "items"}, {}) ||
        !cx_.member(v, at, "min_subtotal", out.min_subtotal, Amount{cx_})) {
      return false;
    }
    const Json* items = find_member(v, "items");
    if (items == nullptr) return true;
    const Pointer items_at = at / "items";
    if (!cx_.is_array(*items, items_at, "items")) return false;
    for (std::size_t i = 0; i < items->size(); ++i) {
      const Json& item = (*items)[i];
      const Pointer here = items_at / i;
      ItemRequirement requirement;
      if (!cx_.object(item, here, "an items entry", {"selector", "min_quantity", "min_subtotal"}, {"selector"}) ||
          !selector(item["selector"], here / "selector", requirement.selector) ||
          !cx_.member(item, here, "min_quantity", requirement.min_quantity, Quantity{cx_}) ||
          !cx_.member(item, here, "min_subtotal", requirement.min_subtotal, Amount{cx_})) {
        return false;
      }
      out.items.push_back(std::move(requirement));
    }
    return true;
  }

  bool tiers(const Json& list, const Pointer& at, std::vector<Tier>& out) {
    if (!cx_.is_array(list, at, "tiers")) return false;
    if (list.empty()) return cx_.fail(at, "tiers must hold at least one tier");
    for (std::size_t i = 0; i < list.size(); ++i) {
      const Json& v = list[i];
      const Pointer here = at / i;
      Tier tier;
      if (!cx_.object(v, here, "a tier", {"name", "condition", "reward"}, {"reward"}) ||
          !cx_.member(v, here, "name", tier.name, Text{cx_})) {
        return false;
      }
      if (const Json* condition = find_member(v, "condition");
          condition != nullptr && !this->condition(*condition, here / "condition", tier.condition)) {
        return false;
      }
      if (!reward(v["reward"], here / "reward", tier.reward)) return false;
      const RewardClass first = class_of(out.empty() ? tier.reward.type : out.front().reward.type);
      if (class_of(tier.reward.type) != first) {
        return cx_.fail(here / "reward" / "type", std::string("every tier's reward must be of one class: tier 0 gives ") +
                                                      class_name(first) + " rewards, this one " +
                                                      class_name(class_of(tier.reward.type)) + " (got " +
                                                      quote(to_string(tier.reward.type)) + ")");
      }
      out.push_back(std::move(tier));
    }
    return true;
  }

  bool reward(const Json& v, const Pointer& at, Reward& out) {
    if (!cx_.is_object(v, at, "reward") ||
        !cx_.only_members(v, at, "a reward",
                          {"type", "selector", "percent", "amount", "per", "max_quantity", "unit_price", "quantity",
                           "price", "pay_for", "buy", "get", "sku", "name", "value", "methods"}) ||
        !cx_.required_members(v, at, "a reward", {"type"}) || !reward_type(v["type"], at / "type", out.type)) {
      return false;
    }
    const std::string what = std::string("a ") + to_string(out.type) + " reward";
    switch (out.type) {
      case RewardType::percent_off_order:
        return cx_.only_members(v, at, what, {"type", "percent"}) &&
               cx_.required_members(v, at, what, {"percent"}) &&
               cx_.member(v, at, "percent", out.percent, Percent{cx_});
      case RewardType::amount_off_order:
        return cx_.only_members(v, at, what, {"type", "amount"}) && cx_.required_members(v, at, what, {"amount"}) &&
               cx_.member(v, at, "amount", out.amount, Amount{cx_});
      case RewardType::percent_off_items:
        return cx_.only_members(v, at, what, {"type", "selector", "percent", "max_quantity"}) &&
               cx_.required_members(v, at, what, {"selector", "percent"}) &&
               selector(v["selector"], at / "selector", out.selector) &&
               cx_.member(v, at, "percent", out.percent, Percent{cx_}) &&
               cx_.member(v, at, "max_quantity", out.max_quantity, Quantity{cx_});
      case RewardType::amount_off_items: {
        std::size_t per = 0;
        if (!cx_.only_members(v, at, what, {"type", "selector", "amount", "per", "max_quantity"}) ||
            !cx_.required_members(v, at, what, {"selector", "amount"}) ||
            !selector(v["selector"], at / "selector", out.selector) ||
            !cx_.member(v, at, "amount", out.amount, Amount{cx_}) ||
            !cx_.member(v, at, "per", per,
                        [&](const Json& value, const Pointer& p, std::string_view name, std::size_t& index) {
                          return cx_.choice(value, p, name, {"unit", "once"}, index);
                        })) {
          return false;
        }
        out.per = static_cast<PerWhat>(per);
        return cx_.member(v, at, "max_quantity", out.max_quantity, Quantity{cx_});
      }
      case RewardType::fixed_price_items:
        return cx_.only_members(v, at, what, {"type", "selector", "unit_price", "max_quantity"}) &&
               cx_.required_members(v, at, what, {"selector", "unit_price"}) &&
               selector(v["selector"], at / "selector", out.selector) &&
               cx_.member(v, at, "unit_price", out.unit_price, Amount{cx_}) &&
               cx_.member(v, at, "max_quantity", out.max_quantity, Quantity{cx_});
      case RewardType::multibuy:
        return multibuy(v, at, what, out);
      case RewardType::buy_x_get_y:
        return cx_.only_members(v, at, what, {"type", "buy", "get", "percent", "amount", "unit_price"}) &&
               cx_.required_members(v, at, what, {"buy", "get"}) &&
               exactly_one(v, at, what, {"percent", "amount", "unit_price"}) &&
               unit_requirement(v["buy"], at / "buy", "buy", out.buy) &&
               unit_requirement(v["get"], at / "get", "get", out.get) &&
               cx_.member(v, at, "percent", out.percent, Percent{cx_}) &&
               cx_.member(v, at, "amount", out.amount, Amount{cx_}) &&
               cx_.member(v, at, "unit_price", out.unit_price, Amount{cx_});
      case RewardType::free_gift:
        if (!cx_.only_members(v, at, what, {"type", "sku", "name", "quantity", "value"}) ||
            !cx_.required_members(v, at, what, {"sku", "name"}) ||
            !cx_.string(v["sku"], at / "sku", "sku", out.gift_sku)) {
          return false;
        }
        if (out.gift_sku.empty()) return cx_.fail(at / "sku", "a free gift's sku must not be empty");
        return cx_.string(v["name"], at / "name", "name", out.gift_name) &&
               cx_.member(v, at, "quantity", out.quantity, Quantity{cx_}) &&
               cx_.member(v, at, "value", out.gift_value, Amount{cx_});
      case RewardType::shipping:
        return cx_.only_members(v, at, what, {"type", "percent", "amount", "price", "methods"}) &&
               exactly_one(v, at, what, {"percent", "amount", "price"}) &&
               cx_.member(v, at, "percent", out.percent, Percent{cx_}) &&
               cx_.member(v, at, "amount", out.amount, Amount{cx_}) &&
               cx_.member(v, at, "price", out.price, Amount{cx_}) && methods(v, at, out);
    }
    return true;
  }

  bool reward_type(const Json& v, const Pointer& at, RewardType& out) {
    std::string name;
    if (!cx_.string(v, at, "type", name)) return false;
    std::string known;
    // rules.hpp declares the types in the order of the SPEC's table, shipping last.
    for (int i = 0; i <= static_cast<int>(RewardType::shipping); ++i) {
      const auto type = static_cast<RewardType>(i);
      if (name == to_string(type)) {
        out = type;
        return true;
      }
      known += (known.empty() ? "" : ", ") + std::string(to_string(type));
    }
    return cx_.fail(at, "unknown reward type " + describe(v) + " (known types: " + known + ")");
  }

  /// Exactly one of `options` is present: none is reported at the reward, a second one where it is.
  bool exactly_one(const Json& v, const Pointer& at, const std::string& what,
                   std::initializer_list<std::string_view> options) {
    std::string listed;
    const std::string_view* present = nullptr;
    std::size_t index = 0;
    for (const std::string_view& option : options) {
      listed += (index == 0 ? "" : index + 1 == options.size() ? " or " : ", ") + std::string(option);
      ++index;
    }
    for (const std::string_view& option : options) {
      if (find_member(v, option) == nullptr) continue;
      if (present != nullptr) {
        return cx_.fail(at / option, what + " takes exactly one of " + listed + " (got " + std::string(*present) +
                                         " and " + std::string(option) + ")");
      }
      present = &option;
    }
    if (present == nullptr) return cx_.fail(at, what + " needs one of " + listed);
    return true;
  }

  bool multibuy(const Json& v, const Pointer& at, const std::string& what, Reward& out) {
    if (!cx_.only_members(v, at, what, {"type", "selector", "quantity", "price", "pay_for", "percent"}) ||
        !cx_.required_members(v, at, what, {"selector", "quantity"}) ||
        !exactly_one(v, at, what, {"price", "pay_for", "percent"}) ||
        !selector(v["selector"], at / "selector", out.selector) ||
        !cx_.integer(v["quantity"], at / "quantity", "quantity", 2, json_edge::kMaxQuantity, out.quantity) ||
        !cx_.member(v, at, "price", out.price, Amount{cx_})) {
      return false;
    }
    if (!cx_.member(v, at, "pay_for", out.pay_for, Integer{cx_, 1, out.quantity - 1})) return false;
    return cx_.member(v, at, "percent", out.percent, Percent{cx_});
  }

  bool unit_requirement(const Json& v, const Pointer& at, std::string_view what, UnitRequirement& out) {
    return cx_.object(v, at, what, {"selector", "quantity"}, {"selector"}) &&
           selector(v["selector"], at / "selector", out.selector) &&
           cx_.member(v, at, "quantity", out.quantity, Quantity{cx_});
  }

  bool methods(const Json& v, const Pointer& at, Reward& out) {
    if (!cx_.member(v, at, "methods", out.methods, TextList{cx_})) return false;
    if (!out.methods) return true;
    for (std::size_t i = 0; i < out.methods->size(); ++i) {
      const std::string& id = (*out.methods)[i];
      bool known = false;
      for (const ShippingMethod& method : rules_->shipping_methods) known = known || method.id == id;
      if (!known) {
        return cx_.fail(at / "methods" / i,
                        "methods must name ids of shipping_methods (got " + quote(id) + ", which is not one)");
      }
    }
    return true;
  }

  Checker& cx_;
  const RuleSet* rules_ = nullptr;
  std::set<std::string> promotion_ids_;
};

}  // namespace

Outcome<RuleSet> json_edge::rules_from_json(const Json& document) {
  Checker cx(ErrorCode::invalid_rules, "rules");
  RuleSet rules;
  if (!RulesReader(cx).rule_set(document, rules)) return cx.error();
  return rules;
}

Outcome<RuleSet> read_rules(std::string_view text) {
  const auto parsed = json_edge::parse_strict(text, "rules");
  if (!parsed) return parsed.error();
  return json_edge::rules_from_json(*parsed);
}

}  // namespace till

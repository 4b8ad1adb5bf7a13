// The rule set of SPEC §2, as validated data. Built by the JSON reader (src/json/rules_reader.cpp);
// every invariant the reader checks (ranges, contradictions, known shipping ids) may be assumed here.
#pragma once

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "core/money.hpp"
#include "core/time.hpp"

namespace till {

/// Which basket lines a rule is about (§2.2). An absent list matches every line; a present empty list
/// matches none (except exclude_skus, which then excludes nothing).
struct Selector {
  std::optional<std::vector<std::string>> skus;
  std::optional<std::vector<std::string>> categories;
  std::optional<std::vector<std::string>> tags;
  std::optional<std::vector<std::string>> brands;
  std::vector<std::string> exclude_skus;
  std::optional<Money> min_unit_price;  // inclusive, on the regular unit price
  std::optional<Money> max_unit_price;  // inclusive
};

/// One `condition.items[]` entry (§2.3).
struct ItemRequirement {
  Selector selector;
  std::int64_t min_quantity = 1;
  Money min_subtotal = 0;
};

/// What the basket must hold (§2.3); every present part must hold.
struct Condition {
  std::optional<Money> min_subtotal;  // measured as §5.2 says for the promotion's class
  std::vector<ItemRequirement> items;
};

struct RecentPurchaseRule {
  Selector selector;
  std::int64_t days = 0;
};

/// Who may have a promotion (§2.4); every present part must hold, checked in declaration order.
struct Audience {
  std::optional<std::vector<std::string>> segments_any;
  std::optional<std::vector<std::string>> segments_none;
  std::optional<std::vector<std::string>> loyalty_tiers;
  std::optional<bool> first_order;
  std::optional<std::int64_t> min_orders;
  std::optional<std::int64_t> min_days_since_last_order;
  std::optional<std::int64_t> birthday_within_days;
  std::optional<bool> newsletter;
  std::optional<std::vector<std::string>> channels;
  std::optional<std::vector<std::string>> devices;
  std::optional<std::vector<std::string>> countries;
  std::optional<bool> referred;
  std::optional<RecentPurchaseRule> not_recently_purchased;
};

enum class RewardType {
  percent_off_order,
  amount_off_order,
  percent_off_items,
  amount_off_items,
  fixed_price_items,
  multibuy,
  buy_x_get_y,
  free_gift,
  shipping,
};

/// The class of a reward (§2.5): which stage of evaluation it belongs to.
enum class RewardClass { item, order, shipping, gift };

// Inline: it is asked for every promotion at every pricing.
constexpr RewardClass class_of(RewardType type) {
  switch (type) {
    case RewardType::percent_off_order:
    case RewardType::amount_off_order: return RewardClass::order;
    case RewardType::free_gift: return RewardClass::gift;
    case RewardType::shipping: return RewardClass::shipping;
    default: return RewardClass::item;
  }
}
const char* to_string(RewardType type);

enum class PerWhat { unit, once };

/// `buy` or `get` of a buy_x_get_y reward.
struct UnitRequirement {
  Selector selector;
  std::int64_t quantity = 1;
};

/// What a promotion gives (§2.5). One flat record; which fields are meaningful depends on `type`, and the
/// reader guarantees exactly the fields the SPEC allows for that type are set.
struct Reward {
  RewardType type = RewardType::percent_off_order;
  Selector selector;                       // *_items, multibuy
  std::optional<Basis> percent;            // percent_off_*, multibuy, buy_x_get_y, shipping
  std::optional<Money> amount;             // amount_off_*, buy_x_get_y (off each get unit), shipping
  std::optional<Money> unit_price;         // fixed_price_items, buy_x_get_y
  std::optional<Money> price;              // multibuy (a group's price), shipping (the method's new price)
  PerWhat per = PerWhat::unit;             // amount_off_items
  std::optional<std::int64_t> max_quantity;  // *_items
  std::int64_t quantity = 1;               // multibuy group size n; free_gift quantity
  std::optional<std::int64_t> pay_for;     // multibuy k
  UnitRequirement buy;                     // buy_x_get_y
  UnitRequirement get;                     // buy_x_get_y
  std::string gift_sku;                    // free_gift
  std::string gift_name;                   // free_gift
  Money gift_value = 0;                    // free_gift: regular unit price of the gift
  std::optional<std::vector<std::string>> methods;  // shipping: ids of shipping_methods
};

/// One tier. A promotion with a plain `reward` is read as a single tier without a name.
struct Tier {
  std::optional<std::string> name;
  Condition condition;
  Reward reward;
};

struct Coupon {
  std::vector<std::string> codes;             // as written in the rules
  std::vector<std::string> normalized_codes;  // trimmed, ASCII case-folded (see normalize_code)
  bool is_public = false;
};

struct UsageLimit {
  std::optional<std::int64_t> per_customer;
  std::optional<std::int64_t> total;
};

struct Messages {
  std::optional<std::string> applied;
  std::optional<std::string> nudge;
};

struct Promotion {
  std::string id;
  std::string name;  // defaults to the id
  std::int64_t priority = 0;
  std::optional<Timestamp> starts_at;  // inclusive
  std::optional<Timestamp> ends_at;    // exclusive
  std::optional<Coupon> coupon;
  std::optional<Audience> audience;
  std::vector<Tier> tiers;  // at least one; all rewards of one class, lowest first
  bool tiered = false;      // true when written with `tiers`
  bool exclusive = false;
  bool stackable = false;
  std::optional<Money> max_discount;
  std::optional<std::int64_t> max_applications;
  std::optional<UsageLimit> usage_limit;
  Messages messages;

  RewardClass reward_class() const { return class_of(tiers.front().reward.type); }
};

struct ShippingMethod {
  std::string id;
  std::string name;
  Money price = 0;
};

struct Loyalty {
  std::int64_t points_per_major_unit = 0;
  std::map<std::string, std::int64_t> tier_multipliers;
};

enum class Selection { best_for_customer, priority };

struct RuleSet {
  std::optional<std::string> id;
  std::optional<std::string> version;
  std::string currency;
  std::int64_t minor_units = 100;  // minor units per major unit (from ISO 4217 or stated)
  Rounding rounding = Rounding::half_up;
  Selection selection = Selection::best_for_customer;
  std::vector<ShippingMethod> shipping_methods;
  std::optional<Loyalty> loyalty;
  std::vector<Promotion> promotions;
};

/// Trims ASCII white space and folds ASCII letters to upper case; other bytes are kept (§2.1).
std::string normalize_code(const std::string& code);

}  // namespace till

// The result of pricing (SPEC §4), as data. Written to JSON by src/json/result_writer.cpp.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/money.hpp"
#include "core/rules.hpp"

namespace till {

struct Adjustment {
  std::string promotion;
  Money amount = 0;
};

struct LineResult {
  std::string id;
  std::string sku;
  std::int64_t quantity = 0;
  Money unit_price = 0;
  Money subtotal = 0;
  Money discount = 0;
  Money total = 0;
  std::vector<Adjustment> adjustments;  // applied order (§4), zero amounts left out
};

struct ShippingResult {
  std::string method;
  Money price = 0;
  Money discount = 0;
  Money total = 0;
};

struct Gift {
  std::string sku;
  std::string name;
  std::int64_t quantity = 1;
  Money value = 0;
  std::string promotion;
};

struct Applied {
  std::string promotion;
  std::string name;
  Money amount = 0;
  std::optional<std::int64_t> tier;  // 0-based, for a tiered promotion
  std::optional<std::string> tier_name;
  std::string message;
};

enum class NudgeKind { spend_more, add_items, add_get_items, next_tier, enter_code };
const char* to_string(NudgeKind kind);

struct Nudge {
  std::string promotion;
  NudgeKind kind = NudgeKind::spend_more;
  std::optional<Money> gap;
  std::optional<std::int64_t> quantity;
  std::optional<Selector> selector;
  std::optional<Reward> reward;  // next_tier: the next tier's reward
  std::optional<std::string> code;
  Money benefit = 0;
  std::int64_t progress = 0;  // in ten-thousandths, [0, 10000]; written as a number in [0, 1]
  std::string message;
};

enum class CouponStatus { applied, unknown, not_applicable, not_best };
const char* to_string(CouponStatus status);

/// Why a promotion is not applied (§5.5), in the order the reasons are checked.
enum class Reason {
  not_started,
  expired,
  coupon_required,
  audience,
  usage_limit,
  exclusive,
  condition,
  no_eligible_items,
  not_best,
};
const char* to_string(Reason reason);

struct CouponResult {
  std::string code;
  CouponStatus status = CouponStatus::unknown;
  std::optional<std::string> promotion;
  std::optional<Reason> reason;
  std::optional<std::string> detail;
};

struct NotApplied {
  std::string promotion;
  Reason reason = Reason::not_best;
  std::optional<std::string> detail;  // audience: the first failing field
};

struct Result {
  std::string currency;
  std::optional<std::string> rules_version;
  std::vector<LineResult> lines;
  Money subtotal = 0;
  Money item_discount = 0;
  Money order_discount = 0;
  Money merchandise_total = 0;
  std::optional<ShippingResult> shipping;
  Money discount_total = 0;
  Money total = 0;
  std::vector<Gift> gifts;
  std::vector<Applied> applied;
  std::vector<Nudge> nudges;
  std::vector<CouponResult> coupons;
  std::optional<std::vector<NotApplied>> not_applied;  // only with options.explain
  std::optional<std::int64_t> loyalty_points;          // only with a loyalty section
  bool optimal = true;
};

}  // namespace till

// The SPEC's names for the engine's enumerations: one table each, shared by writer and messages.
#include "core/error.hpp"
#include "core/result.hpp"
#include "core/rules.hpp"

namespace till {

const char* to_string(ErrorCode code) {
  switch (code) {
    case ErrorCode::invalid_json: return "invalid_json";
    case ErrorCode::invalid_rules: return "invalid_rules";
    case ErrorCode::invalid_request: return "invalid_request";
    case ErrorCode::currency_mismatch: return "currency_mismatch";
    case ErrorCode::limit_exceeded: return "limit_exceeded";
  }
  return "";
}

const char* to_string(RewardType type) {
  switch (type) {
    case RewardType::percent_off_order: return "percent_off_order";
    case RewardType::amount_off_order: return "amount_off_order";
    case RewardType::percent_off_items: return "percent_off_items";
    case RewardType::amount_off_items: return "amount_off_items";
    case RewardType::fixed_price_items: return "fixed_price_items";
    case RewardType::multibuy: return "multibuy";
    case RewardType::buy_x_get_y: return "buy_x_get_y";
    case RewardType::free_gift: return "free_gift";
    case RewardType::shipping: return "shipping";
  }
  return "";
}

const char* to_string(NudgeKind kind) {
  switch (kind) {
    case NudgeKind::spend_more: return "spend_more";
    case NudgeKind::add_items: return "add_items";
    case NudgeKind::add_get_items: return "add_get_items";
    case NudgeKind::next_tier: return "next_tier";
    case NudgeKind::enter_code: return "enter_code";
  }
  return "";
}

const char* to_string(CouponStatus status) {
  switch (status) {
    case CouponStatus::applied: return "applied";
    case CouponStatus::unknown: return "unknown";
    case CouponStatus::not_applicable: return "not_applicable";
    case CouponStatus::not_best: return "not_best";
  }
  return "";
}

const char* to_string(Reason reason) {
  switch (reason) {
    case Reason::not_started: return "not_started";
    case Reason::expired: return "expired";
    case Reason::coupon_required: return "coupon_required";
    case Reason::audience: return "audience";
    case Reason::usage_limit: return "usage_limit";
    case Reason::exclusive: return "exclusive";
    case Reason::condition: return "condition";
    case Reason::no_eligible_items: return "no_eligible_items";
    case Reason::not_best: return "not_best";
  }
  return "";
}

}  // namespace till

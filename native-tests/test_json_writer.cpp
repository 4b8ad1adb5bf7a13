// Writing (§4, §8): the result's keys in the SPEC's order, optional members only when set, nudge
// selectors and rewards in the rule set's own form, and the error object.
#include <catch2/catch.hpp>
#include <string>

#include "json/json_api.hpp"

namespace {

till::Result full_result() {
  till::Result result;
  result.currency = "GBP";
  result.rules_version = "2026-11-22.1";
  result.lines.push_back({"l1", "E7247", 2, 4999, 9998, 1000, 8998, {{"speakers-10", 1000}}});
  result.subtotal = 9998;
  result.item_discount = 1000;
  result.merchandise_total = 8998;
  result.shipping = till::ShippingResult{"standard", 495, 0, 495};
  result.discount_total = 1000;
  result.total = 9493;
  result.gifts.push_back({"TOTE", "Tote bag", 1, 500, "tote"});
  result.applied.push_back({"speakers-10", "10% off E7247 Speaker", 1000, std::nullopt, std::nullopt, "10% off"});
  result.applied.push_back({"tiered", "Spend more", 0, 1, "Gold", "Gold"});
  till::Nudge spend;
  spend.promotion = "free-shipping-100";
  spend.kind = till::NudgeKind::spend_more;
  spend.gap = 1002;
  spend.benefit = 495;
  spend.progress = 8998;
  spend.message = "Spend \xC2\xA3" "10.02 more for free shipping";
  result.nudges.push_back(spend);
  till::Nudge tier;
  tier.promotion = "tiered";
  tier.kind = till::NudgeKind::next_tier;
  tier.quantity = 2;
  tier.selector = till::Selector{std::vector<std::string>{"A"}, std::nullopt, std::nullopt, std::nullopt, {"A-B"},
                                 100, std::nullopt};
  tier.reward = till::Reward{};
  tier.reward->type = till::RewardType::percent_off_items;
  tier.reward->selector.categories = std::vector<std::string>{"audio"};
  tier.reward->percent = 1250;
  tier.code = "SAVE";
  tier.benefit = 300;
  tier.progress = 10000;
  tier.message = "Add 2 more";
  result.nudges.push_back(tier);
  result.coupons.push_back({"DISC10", till::CouponStatus::applied, "speakers-10", std::nullopt, std::nullopt});
  result.coupons.push_back({"STAFF", till::CouponStatus::not_applicable, "staff-30", till::Reason::audience,
                            "segments_any"});
  result.not_applied = std::vector<till::NotApplied>{{"staff-30", till::Reason::audience, "segments_any"},
                                                      {"free-shipping-100", till::Reason::condition, std::nullopt}};
  result.loyalty_points = 178;
  result.optimal = true;
  return result;
}

}  // namespace

TEST_CASE("write_result puts every member in the SPEC's order", "[json][writer]") {
  CHECK(till::write_result(full_result()) == R"j({
  "currency": "GBP",
  "rules_version": "2026-11-22.1",
  "lines": [
    {
      "id": "l1",
      "sku": "E7247",
      "quantity": 2,
      "unit_price": 4999,
      "subtotal": 9998,
      "discount": 1000,
      "total": 8998,
      "adjustments": [
        {
          "promotion": "speakers-10",
          "amount": 1000
        }
      ]
    }
  ],
  "subtotal": 9998,
  "item_discount": 1000,
  "order_discount": 0,
  "merchandise_total": 8998,
  "shipping": {
    "method": "standard",
    "price": 495,
    "discount": 0,
    "total": 495
  },
  "discount_total": 1000,
  "total": 9493,
  "gifts": [
    {
      "sku": "TOTE",
      "name": "Tote bag",
      "quantity": 1,
      "value": 500,
      "promotion": "tote"
    }
  ],
  "applied": [
    {
      "promotion": "speakers-10",
      "name": "10% off E7247 Speaker",
      "amount": 1000,
      "message": "10% off"
    },
    {
      "promotion": "tiered",
      "name": "Spend more",
      "amount": 0,
      "tier": 1,
      "tier_name": "Gold",
      "message": "Gold"
    }
  ],
  "nudges": [
    {
      "promotion": "free-shipping-100",
      "kind": "spend_more",
      "gap": 1002,
      "benefit": 495,
      "progress": 0.8998,
      "message": "Spend £10.02 more for free shipping"
    },
    {
      "promotion": "tiered",
      "kind": "next_tier",
      "quantity": 2,
      "selector": {
        "skus": [
          "A"
        ],
        "exclude_skus": [
          "A-B"
        ],
        "min_unit_price": 100
      },
      "reward": {
        "type": "percent_off_items",
        "selector": {
          "categories": [
            "audio"
          ]
        },
        "percent": 12.5
      },
      "code": "SAVE",
      "benefit": 300,
      "progress": 1.0,
      "message": "Add 2 more"
    }
  ],
  "coupons": [
    {
      "code": "DISC10",
      "status": "applied",
      "promotion": "speakers-10"
    },
    {
      "code": "STAFF",
      "status": "not_applicable",
      "promotion": "staff-30",
      "reason": "audience",
      "detail": "segments_any"
    }
  ],
  "not_applied": [
    {
      "promotion": "staff-30",
      "reason": "audience",
      "detail": "segments_any"
    },
    {
      "promotion": "free-shipping-100",
      "reason": "condition"
    }
  ],
  "loyalty_points": 178,
  "optimal": true
}
)j");
}

TEST_CASE("write_result leaves out what is not set and keeps the lists that are always present",
          "[json][writer]") {
  till::Result result;
  result.currency = "JPY";
  result.optimal = false;
  CHECK(till::write_result(result) == R"j({
  "currency": "JPY",
  "lines": [],
  "subtotal": 0,
  "item_discount": 0,
  "order_discount": 0,
  "merchandise_total": 0,
  "discount_total": 0,
  "total": 0,
  "gifts": [],
  "applied": [],
  "nudges": [],
  "coupons": [],
  "optimal": false
}
)j");
}

TEST_CASE("nudge rewards are written back in the rule set's form for every type", "[json][writer]") {
  const auto reward_text = [](const till::Reward& reward) {
    till::Result result;
    till::Nudge nudge;
    nudge.kind = till::NudgeKind::next_tier;
    nudge.reward = reward;
    result.nudges.push_back(nudge);
    const auto text = till::write_result(result);
    const auto begin = text.find("\"reward\"");
    return text.substr(begin, text.find("\"benefit\"") - begin);
  };
  till::Reward multibuy;
  multibuy.type = till::RewardType::multibuy;
  multibuy.quantity = 3;
  multibuy.pay_for = 2;
  CHECK(reward_text(multibuy) == R"j("reward": {
        "type": "multibuy",
        "selector": {},
        "quantity": 3,
        "pay_for": 2
      },
      )j");
  till::Reward bxgy;
  bxgy.type = till::RewardType::buy_x_get_y;
  bxgy.buy.quantity = 2;
  bxgy.get.selector.tags = std::vector<std::string>{};
  bxgy.percent = 10000;
  CHECK(reward_text(bxgy) == R"j("reward": {
        "type": "buy_x_get_y",
        "buy": {
          "selector": {},
          "quantity": 2
        },
        "get": {
          "selector": {
            "tags": []
          },
          "quantity": 1
        },
        "percent": 100
      },
      )j");
  till::Reward shipping;
  shipping.type = till::RewardType::shipping;
  shipping.price = 0;
  shipping.methods = std::vector<std::string>{"standard"};
  CHECK(reward_text(shipping) == R"j("reward": {
        "type": "shipping",
        "price": 0,
        "methods": [
          "standard"
        ]
      },
      )j");
  till::Reward once;
  once.type = till::RewardType::amount_off_items;
  once.amount = 500;
  once.per = till::PerWhat::once;
  once.max_quantity = 3;
  CHECK(reward_text(once) == R"j("reward": {
        "type": "amount_off_items",
        "selector": {},
        "amount": 500,
        "per": "once",
        "max_quantity": 3
      },
      )j");
  till::Reward gift;
  gift.type = till::RewardType::free_gift;
  gift.gift_sku = "G";
  gift.gift_name = "Gift";
  gift.gift_value = 250;
  CHECK(reward_text(gift) == R"j("reward": {
        "type": "free_gift",
        "sku": "G",
        "name": "Gift",
        "quantity": 1,
        "value": 250
      },
      )j");
  till::Reward order;
  order.type = till::RewardType::percent_off_order;
  order.percent = 7;
  CHECK(reward_text(order) == R"j("reward": {
        "type": "percent_off_order",
        "percent": 0.07
      },
      )j");
}

TEST_CASE("progress is written as ten-thousandths of one", "[json][writer]") {
  const auto progress_text = [](std::int64_t progress) {
    till::Result result;
    till::Nudge nudge;
    nudge.progress = progress;
    result.nudges.push_back(nudge);
    const auto text = till::write_result(result);
    const auto begin = text.find("\"progress\": ") + 12;
    return text.substr(begin, text.find(',', begin) - begin);
  };
  CHECK(progress_text(0) == "0.0");
  CHECK(progress_text(1) == "0.0001");
  CHECK(progress_text(8998) == "0.8998");
  CHECK(progress_text(9999) == "0.9999");
  CHECK(progress_text(3333) == "0.3333");
  CHECK(progress_text(10000) == "1.0");
}

TEST_CASE("write_error writes the one error object", "[json][writer]") {
  const till::Error error{till::ErrorCode::invalid_rules, "rules", "/promotions/3/reward/percent",
                          "percent must be at most 100 (got 120)"};
  CHECK(till::write_error(error) == R"j({
  "error": {
    "code": "invalid_rules",
    "document": "rules",
    "path": "/promotions/3/reward/percent",
    "message": "percent must be at most 100 (got 120)"
  }
}
)j");
  // A message quoting bytes that are not UTF-8 (a parser's "last read") never makes writing fail.
  const till::Error raw{till::ErrorCode::invalid_json, "request", "", "last read: '\xFF'"};
  CHECK(till::write_error(raw).find("\"code\": \"invalid_json\"") != std::string::npos);
}

// Properties every result must have, on thousands of seeded random cases: the §4 identities, independence
// from the order promotions are written in, best_for_customer never worse for the shopper than priority
// mode or no promotions, determinism, and bad input always answered by an error object.
#include <algorithm>
#include <catch2/catch.hpp>
#include <cstdint>
#include <map>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "core/engine.hpp"
#include "json/json_api.hpp"
#include "support/random_cases.hpp"

namespace {

using till::testing::make_case;

constexpr std::uint64_t kCases = 3000;

std::string replay(std::uint64_t seed, const till::testing::RandomCase& input) {
  std::string text = "seed ";
  text += std::to_string(seed);
  return text + "\nrules:   " + input.rules + "\nrequest: " + input.request;
}

// What the shopper gets (§5.4 step 1): the discounts plus the value of the gifts.
till::Money benefit(const till::Result& result) {
  till::Money gifts = 0;
  for (const auto& gift : result.gifts)
    gifts += gift.value * gift.quantity;
  return result.discount_total + gifts;
}

int class_rank(till::RewardClass reward_class) {
  switch (reward_class) {
    case till::RewardClass::item:
      return 0;
    case till::RewardClass::order:
      return 1;
    case till::RewardClass::shipping:
      return 2;
    case till::RewardClass::gift:
      return 3;
  }
  return 4;
}

// Checks the identities of SPEC §4 and that nothing is negative.
void check_identities(const till::RuleSet& rules, const till::Result& result) {
  std::map<std::string, const till::Promotion*> by_id;
  for (const auto& promotion : rules.promotions)
    by_id[promotion.id] = &promotion;

  till::Money subtotal = 0;
  till::Money line_discounts = 0;
  std::map<std::string, till::Money> taken;  // per promotion: what it took off lines and shipping
  for (const auto& line : result.lines) {
    CHECK(line.subtotal == line.quantity * line.unit_price);
    CHECK(line.total == line.subtotal - line.discount);
    till::Money adjustments = 0;
    for (const auto& adjustment : line.adjustments) {
      CHECK(adjustment.amount > 0);  // zero amounts are left out
      adjustments += adjustment.amount;
      taken[adjustment.promotion] += adjustment.amount;
    }
    CHECK(line.discount == adjustments);
    CHECK(line.discount >= 0);
    CHECK(line.total >= 0);
    subtotal += line.subtotal;
    line_discounts += line.discount;
  }
  CHECK(result.subtotal == subtotal);
  CHECK(result.item_discount + result.order_discount == line_discounts);
  CHECK(result.item_discount >= 0);
  CHECK(result.order_discount >= 0);
  CHECK(result.merchandise_total == result.subtotal - result.item_discount - result.order_discount);
  CHECK(result.merchandise_total >= 0);
  const till::Money shipping_total = result.shipping ? result.shipping->total : 0;
  const till::Money shipping_discount = result.shipping ? result.shipping->discount : 0;
  if (result.shipping) {
    CHECK(result.shipping->total == result.shipping->price - result.shipping->discount);
    CHECK(result.shipping->discount >= 0);
    CHECK(result.shipping->total >= 0);
  }
  CHECK(result.total == result.merchandise_total + shipping_total);
  CHECK(result.discount_total == result.item_discount + result.order_discount + shipping_discount);
  CHECK(result.total >= 0);

  // Each applied amount is what that promotion took: its line adjustments, or for a shipping promotion
  // its part of the shipping discount (the shipping-class amounts add up to the shipping discount).
  till::Money shipping_amounts = 0;
  till::Money applied_total = 0;
  for (std::size_t i = 0; i < result.applied.size(); ++i) {
    const auto& applied = result.applied[i];
    REQUIRE(by_id.count(applied.promotion) == 1);
    const till::Promotion& promotion = *by_id[applied.promotion];
    CHECK(applied.amount >= 0);
    applied_total += applied.amount;
    switch (promotion.reward_class()) {
      case till::RewardClass::shipping:
        shipping_amounts += applied.amount;
        break;
      case till::RewardClass::gift:
        CHECK(applied.amount == 0);
        break;
      default:
        CHECK(applied.amount == taken[applied.promotion]);
        break;
    }
    CHECK(applied.tier.has_value() == promotion.tiered);
    if (i == 0)
      continue;
    // §4 order: class, then priority (higher first), then id.
    const till::Promotion& before = *by_id[result.applied[i - 1].promotion];
    const auto key = [](const till::Promotion& p) {
      return std::make_tuple(class_rank(p.reward_class()), -p.priority, p.id);
    };
    CHECK(key(before) < key(promotion));
  }
  CHECK(shipping_amounts == shipping_discount);
  CHECK(applied_total == result.discount_total);
  for (const auto& entry : taken) {
    const std::string& promotion = entry.first;
    CHECK(std::any_of(result.applied.begin(), result.applied.end(),
                      [&](const till::Applied& a) { return a.promotion == promotion; }));
  }
  for (const auto& gift : result.gifts) {
    CHECK(gift.value >= 0);
    CHECK(gift.quantity >= 1);
  }
  if (rules.loyalty) {
    REQUIRE(result.loyalty_points.has_value());
    CHECK(*result.loyalty_points >= 0);
  } else {
    CHECK_FALSE(result.loyalty_points.has_value());
  }
}

// The result text as JSON, with `not_applied` sorted by promotion id: the one part of a result whose
// order follows the rule set's order (§5.5).
nlohmann::json comparable(const std::string& text) {
  nlohmann::json result = nlohmann::json::parse(text, nullptr, false);
  if (result.contains("not_applied")) {
    auto& list = result["not_applied"];
    std::stable_sort(list.begin(), list.end(), [](const nlohmann::json& a, const nlohmann::json& b) {
      return a["promotion"].get<std::string>() < b["promotion"].get<std::string>();
    });
  }
  return result;
}

}  // namespace

TEST_CASE("every result satisfies the identities of SPEC §4", "[properties]") {
  for (std::uint64_t seed = 1; seed <= kCases; ++seed) {
    const auto input = make_case(seed, false);
    INFO(replay(seed, input));
    auto rules = till::read_rules(input.rules);
    auto request = till::read_request(input.request);
    REQUIRE(rules.ok());
    REQUIRE(request.ok());
    for (const auto selection : {till::Selection::best_for_customer, till::Selection::priority}) {
      rules->selection = selection;
      const auto result = till::price(*rules, *request);
      REQUIRE(result.ok());
      check_identities(*rules, *result);
    }
  }
}

TEST_CASE("the order promotions are written in does not change the result", "[properties]") {
  for (std::uint64_t seed = 1; seed <= kCases; ++seed) {
    const auto input = make_case(seed, false);
    auto document = nlohmann::ordered_json::parse(input.rules);
    auto& promotions = document["promotions"];
    if (promotions.size() < 2)
      continue;
    std::vector<nlohmann::ordered_json> shuffled(promotions.begin(), promotions.end());
    till::testing::Random random(seed);
    random.shuffle(shuffled);
    promotions = shuffled;
    const std::string shuffled_rules = document.dump();

    const auto original = till::price_json(input.rules, input.request);
    const auto reordered = till::price_json(shuffled_rules, input.request);
    INFO(replay(seed, input) << "\nshuffled: " << shuffled_rules << "\noriginal result: " << original.text
                             << "shuffled result: " << reordered.text);
    REQUIRE_FALSE(original.is_error);
    REQUIRE_FALSE(reordered.is_error);
    CHECK(comparable(original.text) == comparable(reordered.text));
  }
}

TEST_CASE("best_for_customer is never worse for the shopper than priority mode or no promotions",
          "[properties]") {
  for (std::uint64_t seed = 1; seed <= kCases; ++seed) {
    const auto input = make_case(seed, false);
    INFO(replay(seed, input));
    auto rules = till::read_rules(input.rules);
    auto request = till::read_request(input.request);
    REQUIRE(rules.ok());
    REQUIRE(request.ok());
    rules->selection = till::Selection::priority;
    const auto by_priority = till::price(*rules, *request);
    rules->selection = till::Selection::best_for_customer;
    const auto best = till::price(*rules, *request);
    REQUIRE(by_priority.ok());
    REQUIRE(best.ok());
    INFO("priority: " << till::write_result(*by_priority) << "best:     " << till::write_result(*best));
    CHECK(benefit(*best) >= benefit(*by_priority));
    // No promotions cost subtotal + shipping price; the discounts never raise what the shopper pays.
    const till::Money undiscounted = best->subtotal + (best->shipping ? best->shipping->price : 0);
    CHECK(best->total <= undiscounted);
    CHECK(benefit(*best) >= 0);
  }
}

TEST_CASE("pricing is deterministic: the same input gives the same bytes", "[properties]") {
  for (std::uint64_t seed = 1; seed <= kCases; ++seed) {
    const auto input = make_case(seed, seed % 2 == 0);
    const auto first = till::price_json(input.rules, input.request);
    const auto second = till::price_json(input.rules, input.request);
    INFO(replay(seed, input));
    CHECK(first.is_error == second.is_error);
    CHECK(first.text == second.text);
  }
}

TEST_CASE("the generator is a pure function of its seed", "[properties]") {
  for (std::uint64_t seed = 1; seed <= 200; ++seed) {
    const auto a = make_case(seed, seed % 3 == 0);
    const auto b = make_case(seed, seed % 3 == 0);
    CHECK(a.rules == b.rules);
    CHECK(a.request == b.request);
  }
  CHECK(make_case(1, false).rules != make_case(2, false).rules);
}

TEST_CASE("bad input is answered by one error object, never a crash", "[properties]") {
  int errors = 0;
  for (std::uint64_t seed = 1; seed <= kCases; ++seed) {
    const auto input = make_case(seed, true);
    const auto output = till::price_json(input.rules, input.request);
    INFO(replay(seed, input) << "\noutput: " << output.text);
    REQUIRE(!output.text.empty());
    CHECK(output.text.back() == '\n');
    const auto parsed = nlohmann::json::parse(output.text, nullptr, false);
    REQUIRE_FALSE(parsed.is_discarded());
    if (!output.is_error) {
      CHECK(parsed.contains("total"));
      continue;
    }
    ++errors;
    REQUIRE(parsed.size() == 1);
    const auto& error = parsed["error"];
    const std::string code = error.value("code", "");
    CHECK((code == "invalid_json" || code == "invalid_rules" || code == "invalid_request" ||
           code == "currency_mismatch" || code == "limit_exceeded"));
    const std::string document = error.value("document", "");
    CHECK((document == "rules" || document == "request"));
    CHECK(error.contains("path"));
    CHECK(error.contains("message"));
  }
  CHECK(errors > static_cast<int>(kCases) / 2);  // the mutations do make most cases invalid
}

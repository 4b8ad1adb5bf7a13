// Seeded mutation fuzzing of price_json (§8: bad input never crashes, never prices half a basket): valid
// documents are damaged thousands of ways (bytes deleted or inserted, types swapped, numbers made huge,
// negative or fractional, deep nesting, duplicate keys) and every answer must be either a result that
// re-parses with the §4 identities or exactly one error object with a known code.
#include <catch2/catch.hpp>
#include <cstdint>
#include <nlohmann/json.hpp>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "json/json_api.hpp"

namespace {

constexpr int kMutatedCases = 3000;

/// splitmix64: the same sequence on every platform and compiler (std:: distributions are not).
class Random {
 public:
  explicit Random(std::uint64_t seed) : state_(seed) {}
  std::uint64_t next() {
    std::uint64_t z = (state_ += 0x9E3779B97F4A7C15ULL);
    z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ULL;
    z = (z ^ (z >> 27)) * 0x94D049BB133111EBULL;
    return z ^ (z >> 31);
  }
  /// Uniform enough in [0, n) for test inputs; n > 0.
  std::size_t below(std::size_t n) { return static_cast<std::size_t>(next() % n); }
  template <class T, std::size_t N>
  const T& pick(const T (&items)[N]) {
    return items[below(N)];
  }

 private:
  std::uint64_t state_;
};

const char* const kRules[] = {
    R"({"id": "store", "version": "v1", "currency": "GBP", "rounding": "half_even",
        "shipping_methods": [{"id": "standard", "name": "Standard", "price": 495}, {"id": "express", "price": 995}],
        "loyalty": {"points_per_major_unit": 1, "tier_multipliers": {"gold": 2}},
        "promotions": [
          {"id": "ten", "reward": {"type": "percent_off_order", "percent": 10}, "condition": {"min_subtotal": 5000}},
          {"id": "3for2", "reward": {"type": "multibuy", "selector": {"categories": ["audio"]}, "quantity": 3,
           "pay_for": 2}, "max_applications": 2},
          {"id": "ship", "reward": {"type": "shipping", "percent": 100, "methods": ["standard"]},
           "condition": {"min_subtotal": 10000}},
          {"id": "gift", "reward": {"type": "free_gift", "sku": "TOTE", "name": "Tote", "value": 500}},
          {"id": "code", "coupon": {"codes": ["SAVE5"], "public": true},
           "reward": {"type": "amount_off_order", "amount": 500}, "priority": 2}
        ]})",
    R"({"currency": "EUR", "selection": "priority", "promotions": [
          {"id": "tiers", "tiers": [
            {"name": "Silver", "condition": {"min_subtotal": 2000}, "reward": {"type": "percent_off_order", "percent": 5}},
            {"name": "Gold", "condition": {"min_subtotal": 8000}, "reward": {"type": "amount_off_order", "amount": 1500}}]},
          {"id": "bogo", "reward": {"type": "buy_x_get_y", "buy": {"selector": {"skus": ["A"]}, "quantity": 1},
           "get": {"selector": {"skus": ["A", "B"]}, "quantity": 1}, "percent": 100}, "stackable": true},
          {"id": "vip", "audience": {"segments_any": ["vip"], "birthday_within_days": 7,
           "not_recently_purchased": {"selector": {"skus": ["B"]}, "days": 14}},
           "reward": {"type": "percent_off_items", "selector": {"min_unit_price": 100}, "percent": 12.5,
           "max_quantity": 3}, "max_discount": 2000, "usage_limit": {"per_customer": 1, "total": 100},
           "starts_at": "2026-01-01T00:00:00Z", "ends_at": "2027-01-01T00:00:00.5Z",
           "messages": {"applied": "{name}!", "nudge": "Spend {gap} for {name}"}}
        ]})",
    R"({"currency": "KWD", "promotions": [
          {"id": "fixed", "reward": {"type": "fixed_price_items", "selector": {"tags": ["sale"]}, "unit_price": 750}},
          {"id": "once", "exclusive": true, "reward": {"type": "amount_off_items", "selector": {"brands": ["Red"]},
           "amount": 1000, "per": "once"}},
          {"id": "price3", "reward": {"type": "multibuy", "selector": {}, "quantity": 3, "price": 10000}}
        ]})",
};

const char* const kRequests[] = {
    R"({"currency": "GBP", "now": "2026-11-22T10:00:00Z", "shipping_method": "standard",
        "lines": [{"id": "l1", "sku": "A", "name": "Speaker", "quantity": 3, "unit_price": 4999,
                   "categories": ["audio"], "tags": ["sale"], "brand": "Red"},
                  {"id": "l2", "sku": "B", "quantity": 1, "unit_price": 1250}],
        "coupons": ["save5", "NOPE"], "options": {"max_nudges": 5, "explain": true},
        "customer": {"id": "c1", "segments": ["vip"], "loyalty_tier": "gold", "orders_count": 3,
                     "birthday": "1990-11-25", "recent_purchases": [{"sku": "B", "days_ago": 30}]}})",
    R"({"currency": "EUR", "now": "2026-06-01T12:30:00.250Z",
        "lines": [{"id": "a", "sku": "A", "quantity": 4, "unit_price": 1000},
                  {"id": "b", "sku": "B", "quantity": 2, "unit_price": 800, "brand": "Red"}],
        "customer": {"segments": ["vip"], "birthday": "2000-02-29", "newsletter": true},
        "usage": {"vip": {"customer": 0, "total": 5}}, "referral": {"token": "abc"},
        "context": {"channel": "web", "device": "mobile"}, "options": {"explain": true}})",
    R"({"currency": "KWD", "now": "2026-11-22T10:00:00Z",
        "lines": [{"id": "x", "sku": "S", "quantity": 5, "unit_price": 3333, "tags": ["sale"], "brand": "Red"}]})",
};

const char* const kNumbers[] = {"1e400", "-1", "99999999999999999999", "1.5", "1e3", "10.0", "-0", "0",
                                "9007199254740993", "1000000000001", "18446744073709551616", "-9223372036854775809",
                                "0.07", "12.345", "100", "10001", "1E-7", "NaN", "Infinity"};
const char* const kValues[] = {"\"x\"", "\"\"", "[]", "{}", "null", "true", "false", "0", "[{}]", "{\"a\": 1}",
                               "\"2026-02-30T00:00:00Z\"", "[\"a\", 1]"};
const std::string_view kNoise[] = {"{", "}", "[", "]", ",", ":", "\"", "\\", "\xFF", "\xC3", "\xEF\xBB\xBF",
                                   std::string_view("\0", 1), " ", "e", "-", ".", "\\u0000", "\\ud800"};

std::size_t position(Random& random, const std::string& text) { return random.below(text.size() + 1); }

/// One damage to `text`, chosen by `random`.
void mutate(Random& random, std::string& text) {
  switch (random.below(10)) {
    case 0: {  // delete a run of bytes
      if (text.empty()) return;
      const std::size_t at = random.below(text.size());
      text.erase(at, 1 + random.below(8));
      return;
    }
    case 1:  // insert structural noise or stray bytes, a NUL included
      text.insert(position(random, text), std::string(random.pick(kNoise)));
      return;
    case 2: {  // make a number huge, negative, fractional or not a number
      std::vector<std::size_t> starts;
      for (std::size_t i = 0; i < text.size(); ++i) {
        if (text[i] >= '0' && text[i] <= '9' && (i == 0 || !(text[i - 1] >= '0' && text[i - 1] <= '9'))) {
          starts.push_back(i);
        }
      }
      if (starts.empty()) return;
      const std::size_t at = starts[random.below(starts.size())];
      std::size_t end = at;
      while (end < text.size() && text[end] >= '0' && text[end] <= '9') ++end;
      text.replace(at, end - at, random.pick(kNumbers));
      return;
    }
    case 3: {  // swap the type of the value after a key
      const std::size_t colon = text.find(": ", position(random, text));
      if (colon == std::string::npos) return;
      const std::size_t begin = colon + 2;
      std::size_t end = begin;
      if (end < text.size() && text[end] == '"') {
        end = text.find('"', end + 1);
        end = end == std::string::npos ? text.size() : end + 1;
      } else {
        while (end < text.size() && text[end] != ',' && text[end] != '}' && text[end] != ']') ++end;
      }
      text.replace(begin, end - begin, random.pick(kValues));
      return;
    }
    case 4: {  // duplicate a member: copy `"key": value,` right after itself
      const std::size_t quote = text.find('"', position(random, text));
      if (quote == std::string::npos) return;
      const std::size_t comma = text.find(',', quote);
      if (comma == std::string::npos) return;
      text.insert(comma + 1, text.substr(quote, comma - quote + 1));
      return;
    }
    case 5: {  // deep nesting, within and far beyond the limit
      const std::size_t depth = random.below(2) == 0 ? 60 + random.below(10) : 100'000;
      const std::string nest = std::string(depth, '[') + std::string(random.below(2) == 0 ? depth : 0, ']');
      text.insert(position(random, text), nest);
      return;
    }
    case 6: {  // flip a byte
      if (text.empty()) return;
      text[random.below(text.size())] = static_cast<char>(random.below(256));
      return;
    }
    case 7:  // truncate
      text.resize(random.below(text.size() + 1));
      return;
    case 8: {  // a different number in range: often still valid, so the pricing itself is exercised
      const std::size_t digit = text.find_first_of("123456789", position(random, text));
      if (digit == std::string::npos) return;
      text[digit] = static_cast<char>('1' + random.below(9));
      return;
    }
    default: {  // insert a member that may be unknown, duplicated or misplaced
      const std::size_t brace = text.find('{', position(random, text));
      if (brace == std::string::npos) return;
      const char* const members[] = {"\"id\": \"dup\",", "\"percent\": 120,", "\"bogus\": 1,", "\"quantity\": 0,",
                                     "\"lines\": [],", "\"currency\": \"USD\",", "\"stackable\": true,",
                                     "\"max_applications\": 2,", "\"tiers\": [],", "\"codes\": [\"\"],"};
      text.insert(brace + 1, random.pick(members));
      return;
    }
  }
}

std::int64_t as_int(const nlohmann::json& value) {
  REQUIRE(value.is_number_integer());
  return value.get<std::int64_t>();
}

/// The identities of §4 on a parsed result.
void require_identities(const nlohmann::json& result) {
  REQUIRE(result.is_object());
  std::int64_t subtotal = 0;
  std::int64_t line_discounts = 0;
  for (const auto& line : result.at("lines")) {
    std::int64_t adjustments = 0;
    for (const auto& adjustment : line.at("adjustments")) adjustments += as_int(adjustment.at("amount"));
    REQUIRE(as_int(line.at("discount")) == adjustments);
    REQUIRE(as_int(line.at("total")) == as_int(line.at("subtotal")) - as_int(line.at("discount")));
    REQUIRE(as_int(line.at("total")) >= 0);
    subtotal += as_int(line.at("subtotal"));
    line_discounts += as_int(line.at("discount"));
  }
  const std::int64_t item = as_int(result.at("item_discount"));
  const std::int64_t order = as_int(result.at("order_discount"));
  REQUIRE(as_int(result.at("subtotal")) == subtotal);
  REQUIRE(item + order == line_discounts);
  REQUIRE(as_int(result.at("merchandise_total")) == subtotal - item - order);
  std::int64_t shipping_total = 0;
  std::int64_t shipping_discount = 0;
  if (result.contains("shipping")) {
    shipping_total = as_int(result["shipping"].at("total"));
    shipping_discount = as_int(result["shipping"].at("discount"));
  }
  REQUIRE(as_int(result.at("total")) == as_int(result.at("merchandise_total")) + shipping_total);
  REQUIRE(as_int(result.at("discount_total")) == item + order + shipping_discount);
  for (const char* list : {"gifts", "applied", "nudges", "coupons"}) REQUIRE(result.at(list).is_array());
  REQUIRE(result.at("optimal").is_boolean());
}

/// Either one well-formed error object or a result with the identities; returns whether it was a result.
bool require_answer(const std::string& rules, const std::string& request) {
  const till::PriceOutput output = till::price_json(rules, request);
  REQUIRE(!output.text.empty());
  REQUIRE(output.text.back() == '\n');
  const auto parsed = nlohmann::json::parse(output.text, nullptr, /*allow_exceptions=*/false);
  REQUIRE_FALSE(parsed.is_discarded());
  if (!output.is_error) {
    require_identities(parsed);
    return true;
  }
  static const std::set<std::string> kCodes = {"invalid_json", "invalid_rules", "invalid_request",
                                               "currency_mismatch", "limit_exceeded"};
  REQUIRE(parsed.is_object());
  REQUIRE(parsed.size() == 1);
  const auto& error = parsed.at("error");
  REQUIRE(error.size() == 4);
  REQUIRE(kCodes.count(error.at("code").get<std::string>()) == 1);
  const std::string document = error.at("document").get<std::string>();
  REQUIRE((document == "rules" || document == "request"));
  const std::string path = error.at("path").get<std::string>();
  REQUIRE((path.empty() || path[0] == '/'));
  REQUIRE_FALSE(error.at("message").get<std::string>().empty());
  return false;
}

}  // namespace

TEST_CASE("the fuzzer's starting documents are valid and priced", "[fuzz]") {
  for (std::size_t i = 0; i < std::size(kRules); ++i) {
    INFO("rules " << i);
    const till::PriceOutput output = till::price_json(kRules[i], kRequests[i]);
    INFO(output.text);
    REQUIRE_FALSE(output.is_error);
    require_identities(nlohmann::json::parse(output.text));
  }
}

TEST_CASE("mutated documents give a result or exactly one error object, never a crash", "[fuzz]") {
  Random random(20261122);
  int priced = 0;
  for (int round = 0; round < kMutatedCases; ++round) {
    const std::size_t base = random.below(std::size(kRules));
    std::string rules = kRules[base];
    std::string request = kRequests[base];
    const std::size_t target = random.below(3);  // rules, request or both
    const std::size_t mutations = 1 + random.below(3);
    for (std::size_t m = 0; m < mutations; ++m) {
      if (target != 1) mutate(random, rules);
      if (target != 0) mutate(random, request);
    }
    INFO("round " << round << "\nrules:   " << rules << "\nrequest: " << request);
    priced += require_answer(rules, request) ? 1 : 0;
  }
  // Both paths are exercised: some damage is harmless (a changed name, a changed number in range), though
  // strict reading refuses most of it.
  CHECK(priced > kMutatedCases / 40);
  CHECK(priced < kMutatedCases);
}

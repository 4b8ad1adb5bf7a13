// Generates the standard workloads (see workloads.hpp). The mix of promotions follows what a mid-sized
// store runs: most promotions are aimed at a few skus or a category, a minority are behind coupons,
// audiences or date windows (and so are filtered out before the search), a few are order-wide, shipping
// or gift promotions, and a very few are stackable or exclusive.
#include "workloads.hpp"

#include <array>
#include <cstdint>
#include <cstdio>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <vector>

namespace till::bench {
namespace {

using Json = nlohmann::ordered_json;

/// SplitMix64: tiny and fully specified, so the workloads are the same bytes in every build (the
/// standard distributions are implementation-defined).
class Random {
 public:
  explicit Random(std::uint64_t seed) : state_(seed) {}

  std::uint64_t next() {
    std::uint64_t z = (state_ += 0x9e3779b97f4a7c15ULL);
    z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
    z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
    return z ^ (z >> 31);
  }

  /// An integer in [low, high]. The modulo bias is far below anything a benchmark could notice.
  std::int64_t between(std::int64_t low, std::int64_t high) {
    return low + static_cast<std::int64_t>(next() % static_cast<std::uint64_t>(high - low + 1));
  }

  bool chance(int percent) { return between(0, 99) < percent; }

  template <class T>
  const T& pick(const std::vector<T>& values) {
    return values[static_cast<std::size_t>(between(0, static_cast<std::int64_t>(values.size()) - 1))];
  }

 private:
  std::uint64_t state_;
};

const std::vector<std::string> kCategories = {
    "speakers", "headphones", "earbuds",  "radios",    "turntables", "amplifiers", "soundbars",
    "microphones", "cables",  "adapters", "chargers",  "cases",      "stands",     "batteries",
    "vinyl-care", "smart-home", "televisions", "projectors", "keyboards", "mice"};
const std::vector<std::string> kBrands = {"Red",   "Sonic", "Aurora", "Bassline", "Crest", "Duet",
                                          "Echo",  "Fathom", "Glide", "Halo",     "Ion",   "Jolt"};
const std::vector<std::string> kTags = {"sale", "new", "small", "bundle", "clearance", "bestseller", "eco",
                                        "gift-idea"};

constexpr int kCatalogueSize = 300;
constexpr int kRequestsPerWorkload = 16;
constexpr const char* kNow = "2026-11-25T12:00:00Z";

struct Product {
  std::string sku;
  std::string name;
  std::int64_t unit_price = 0;  // minor units
  std::vector<std::string> categories;
  std::vector<std::string> tags;
  std::optional<std::string> brand;
};

std::string numbered(const char* prefix, int number) {
  char text[32];
  std::snprintf(text, sizeof text, "%s%04d", prefix, number);
  return text;
}

/// Shop prices end in 99 and most products are cheap: 30% under £10, 40% under £50, 20% under £200,
/// 10% up to £1,000.
std::int64_t shop_price(Random& random) {
  const std::int64_t band = random.between(0, 9);
  const std::int64_t pounds = band < 3 ? random.between(1, 9)
                              : band < 7 ? random.between(10, 49)
                              : band < 9 ? random.between(50, 199)
                                         : random.between(200, 999);
  return pounds * 100 + 99;
}

std::vector<Product> make_catalogue() {
  Random random(20261125);
  std::vector<Product> catalogue;
  for (int i = 1; i <= kCatalogueSize; ++i) {
    Product product;
    product.sku = numbered("SKU", i);
    product.unit_price = shop_price(random);
    product.categories.push_back(random.pick(kCategories));
    if (random.chance(40)) {
      const std::string& second = random.pick(kCategories);
      if (second != product.categories.front()) {
        product.categories.push_back(second);
      }
    }
    const std::int64_t tag_count = random.between(0, 2);
    for (std::int64_t t = 0; t < tag_count; ++t) {
      const std::string& tag = random.pick(kTags);
      if (product.tags.empty() || product.tags.front() != tag) {
        product.tags.push_back(tag);
      }
    }
    if (random.chance(90)) {
      product.brand = random.pick(kBrands);
    }
    product.name = product.categories.front() + " " + product.sku;
    catalogue.push_back(std::move(product));
  }
  return catalogue;
}

const std::vector<Product>& catalogue() {
  static const std::vector<Product> products = make_catalogue();
  return products;
}

/// A selector as merchants write them: mostly a few skus or a category, sometimes a tag or a brand.
Json make_selector(Random& random) {
  Json selector = Json::object();
  const std::int64_t kind = random.between(0, 99);
  if (kind < 70) {
    Json skus = Json::array();
    const std::int64_t count = random.between(1, 4);
    for (std::int64_t i = 0; i < count; ++i) {
      skus.push_back(random.pick(catalogue()).sku);
    }
    selector["skus"] = skus;
  } else if (kind < 88) {
    selector["categories"] = Json::array({random.pick(kCategories)});
    if (random.chance(30)) {
      selector["brands"] = Json::array({random.pick(kBrands)});
    }
  } else if (kind < 94) {
    selector["tags"] = Json::array({random.pick(kTags)});
  } else {
    selector["brands"] = Json::array({random.pick(kBrands)});
    selector["min_unit_price"] = 1000;
  }
  if (random.chance(8)) {
    selector["exclude_skus"] = Json::array({random.pick(catalogue()).sku});
  }
  return selector;
}

enum class Kind {
  percent_off_items,
  amount_off_items,
  fixed_price_items,
  multibuy,
  buy_x_get_y,
  percent_off_order,
  amount_off_order,
  shipping,
  free_gift,
};

bool is_item(Kind kind) { return kind <= Kind::buy_x_get_y; }

/// The first promotions of every rule set, so that even the 5-promotion set is a realistic mix and every
/// larger one holds every reward type.
constexpr std::array<Kind, 9> kFirstKinds = {Kind::percent_off_items, Kind::multibuy,
                                             Kind::shipping,          Kind::buy_x_get_y,
                                             Kind::percent_off_order, Kind::amount_off_items,
                                             Kind::fixed_price_items, Kind::free_gift,
                                             Kind::amount_off_order};

Kind random_kind(Random& random) {
  const std::int64_t roll = random.between(0, 99);
  if (roll < 30) return Kind::percent_off_items;
  if (roll < 48) return Kind::amount_off_items;
  if (roll < 56) return Kind::fixed_price_items;
  if (roll < 74) return Kind::multibuy;
  if (roll < 88) return Kind::buy_x_get_y;
  if (roll < 91) return Kind::percent_off_order;
  if (roll < 94) return Kind::amount_off_order;
  if (roll < 97) return Kind::shipping;
  return Kind::free_gift;
}

const std::vector<std::int64_t> kPercents = {5, 10, 15, 20, 25, 30, 50};
const std::vector<std::int64_t> kOrderPercents = {5, 10, 15};
const std::vector<std::int64_t> kThresholds = {2500, 5000, 7500, 10000, 15000, 20000};

const std::vector<std::int64_t> kItemAmounts = {100, 200, 500, 1000, 1500};
const std::vector<std::int64_t> kFixedPrices = {499, 999, 1999, 2999};
const std::vector<std::int64_t> kMultibuyPercents = {10, 20, 25};

/// The reward of one promotion, without its condition.
Json make_reward(Random& random, Kind kind) {
  switch (kind) {
    case Kind::percent_off_items: {
      Json reward = {{"type", "percent_off_items"}, {"selector", make_selector(random)}};
      reward["percent"] = random.pick(kPercents);
      if (random.chance(20)) {
        reward["max_quantity"] = random.between(1, 3);
      }
      return reward;
    }
    case Kind::amount_off_items: {
      Json reward = {{"type", "amount_off_items"}, {"selector", make_selector(random)}};
      if (random.chance(33)) {
        reward["amount"] = random.between(5, 20) * 100;
        reward["per"] = "once";
      } else {
        reward["amount"] = random.pick(kItemAmounts);
      }
      return reward;
    }
    case Kind::fixed_price_items:
      return {{"type", "fixed_price_items"},
              {"selector", make_selector(random)},
              {"unit_price", random.pick(kFixedPrices)}};
    case Kind::multibuy: {
      const std::int64_t group = random.between(2, 4);
      Json reward = {{"type", "multibuy"}, {"selector", make_selector(random)}, {"quantity", group}};
      const std::int64_t variant = random.between(0, 2);
      if (variant == 0) {
        reward["price"] = group * random.between(3, 20) * 100;
      } else if (variant == 1) {
        reward["pay_for"] = group - 1;
      } else {
        reward["percent"] = random.pick(kMultibuyPercents);
      }
      return reward;
    }
    case Kind::buy_x_get_y: {
      const Json buy_selector = make_selector(random);
      const Json get_selector = random.chance(50) ? buy_selector : make_selector(random);
      Json reward = {{"type", "buy_x_get_y"},
                     {"buy", {{"selector", buy_selector}, {"quantity", random.between(1, 2)}}},
                     {"get", {{"selector", get_selector}, {"quantity", random.between(1, 2)}}}};
      const std::int64_t variant = random.between(0, 3);
      if (variant <= 1) {
        reward["percent"] = variant == 0 ? 100 : 50;
      } else if (variant == 2) {
        reward["amount"] = 500;
      } else {
        reward["unit_price"] = 99;
      }
      return reward;
    }
    case Kind::percent_off_order:
      return {{"type", "percent_off_order"}, {"percent", random.pick(kOrderPercents)}};
    case Kind::amount_off_order:
      return {{"type", "amount_off_order"}, {"amount", random.between(2, 10) * 100}};
    case Kind::shipping: {
      Json reward = {{"type", "shipping"}};
      const std::int64_t variant = random.between(0, 2);
      if (variant == 0) {
        reward["percent"] = 100;
      } else if (variant == 1) {
        reward["amount"] = 200;
      } else {
        reward["price"] = 495;
        reward["methods"] = Json::array({"express"});
      }
      return reward;
    }
    case Kind::free_gift:
      return {{"type", "free_gift"},
              {"sku", numbered("GIFT", static_cast<int>(random.between(1, 50)))},
              {"name", "Free gift"},
              {"quantity", 1},
              {"value", random.between(0, 15) * 100}};
  }
  return {};
}

/// Only these kinds are tiered in the workloads: "spend more, save more" on the order, on a category, or
/// on delivery.
bool tierable(Kind kind) {
  return kind == Kind::percent_off_items || kind == Kind::percent_off_order || kind == Kind::amount_off_order ||
         kind == Kind::shipping;
}

/// Tier `step` (1 = lowest) of a tiered promotion: the same reward with a larger amount or percentage.
Json make_tier_reward(const Json& base, Kind kind, std::int64_t step) {
  Json reward = base;
  if (kind == Kind::amount_off_order) {
    reward["amount"] = 500 * (step + 1);
  } else if (kind == Kind::shipping) {
    reward.erase("amount");
    reward.erase("price");
    reward.erase("methods");
    reward["percent"] = 25 + 25 * step;  // 50, 75, 100
  } else {
    reward["percent"] = 5 + 5 * step;
  }
  return reward;
}

/// What the basket must hold: order and shipping promotions need a spend, gifts a spend or a product;
/// item promotions sometimes need a quantity or a spend.
std::optional<Json> make_condition(Random& random, Kind kind) {
  if (!is_item(kind) && kind != Kind::free_gift) {
    return Json{{"min_subtotal", random.pick(kThresholds)}};
  }
  if (kind == Kind::free_gift) {
    if (random.chance(50)) {
      return Json{{"min_subtotal", random.pick(kThresholds)}};
    }
    return Json{{"items", Json::array({{{"selector", make_selector(random)}}})}};
  }
  const std::int64_t roll = random.between(0, 99);
  if (roll < 15) {
    return Json{{"items", Json::array({{{"selector", make_selector(random)}, {"min_quantity", 2}}})}};
  }
  if (roll < 25) {
    return Json{{"min_subtotal", random.pick(kThresholds)}};
  }
  return std::nullopt;
}

Json make_audience(Random& random) {
  switch (random.between(0, 5)) {
    case 0:
      return {{"loyalty_tiers", Json::array({"gold"})}};
    case 1:
      return {{"first_order", true}, {"newsletter", true}};
    case 2:
      return {{"segments_any", Json::array({"vip"})}};
    case 3:
      return {{"channels", Json::array({"app"})}};
    case 4:
      return {{"min_days_since_last_order", 180}};
    default:
      return {{"birthday_within_days", 7}};
  }
}

struct RuleSetDraft {
  Json rules;
  std::vector<std::string> codes;  // every coupon code, so that baskets can enter real ones
};

Json make_promotion(Random& random, int number, Kind kind, std::vector<std::string>& codes) {
  Json promotion = {{"id", numbered("promo-", number)}, {"name", numbered("Offer ", number)}};
  if (random.chance(20)) {
    promotion["priority"] = random.between(1, 10);
  }
  if (random.chance(15)) {
    // A third of the dated promotions are over or not yet started at kNow.
    const std::int64_t window = random.between(0, 2);
    promotion["starts_at"] = window == 2 ? "2026-11-27T00:00:00Z" : "2026-11-01T00:00:00Z";
    promotion["ends_at"] = window == 1 ? "2026-11-20T00:00:00Z" : "2026-12-01T00:00:00Z";
  }
  if (random.chance(12)) {
    const std::string code = numbered("CODE", number);
    codes.push_back(code);
    promotion["coupon"] = {{"codes", Json::array({code})}, {"public", random.chance(30)}};
  }
  if (random.chance(15)) {
    promotion["audience"] = make_audience(random);
  }

  if (tierable(kind) && random.chance(6)) {
    const Json base = make_reward(random, kind);
    Json tiers = Json::array();
    const std::int64_t count = random.between(2, 3);
    for (std::int64_t step = 1; step <= count; ++step) {
      tiers.push_back({{"name", numbered("Tier ", static_cast<int>(step))},
                       {"condition", {{"min_subtotal", 5000 * step}}},
                       {"reward", make_tier_reward(base, kind, step)}});
    }
    promotion["tiers"] = tiers;
  } else {
    if (std::optional<Json> condition = make_condition(random, kind)) {
      promotion["condition"] = *condition;
    }
    promotion["reward"] = make_reward(random, kind);
  }

  if (kind == Kind::free_gift) {
    return promotion;  // §2.1: a gift takes no exclusive, stackable, cap or application limit here
  }
  if (random.chance(1)) {
    promotion["exclusive"] = true;
  } else if (random.chance(5)) {
    promotion["stackable"] = true;
  }
  if (random.chance(5)) {
    promotion["max_discount"] = random.between(5, 30) * 100;
  }
  if ((kind == Kind::multibuy || kind == Kind::buy_x_get_y) && random.chance(30)) {
    promotion["max_applications"] = random.between(1, 3);
  }
  if (random.chance(3)) {
    promotion["usage_limit"] = {{"per_customer", 1}, {"total", 1000}};
  }
  return promotion;
}

RuleSetDraft make_rules(int promotion_count) {
  Random random(0x7111'0000ULL + static_cast<std::uint64_t>(promotion_count));
  RuleSetDraft draft;
  Json promotions = Json::array();
  for (int i = 0; i < promotion_count; ++i) {
    const Kind kind = i < static_cast<int>(kFirstKinds.size()) ? kFirstKinds[static_cast<std::size_t>(i)]
                                                              : random_kind(random);
    promotions.push_back(make_promotion(random, i + 1, kind, draft.codes));
  }
  draft.rules = {{"id", "bench-store"},
                 {"version", numbered("bench-", promotion_count)},
                 {"currency", "GBP"},
                 {"shipping_methods",
                  Json::array({{{"id", "standard"}, {"name", "Standard delivery"}, {"price", 495}},
                               {{"id", "express"}, {"name", "Next-day delivery"}, {"price", 995}}})},
                 {"loyalty", {{"points_per_major_unit", 1}, {"tier_multipliers", {{"gold", 2}}}}},
                 {"promotions", promotions}};
  return draft;
}

Json make_customer(Random& random, int number) {
  Json customer = {{"id", numbered("c-", number)}};
  if (random.chance(20)) {
    customer["segments"] = Json::array({"vip"});
  }
  if (random.chance(30)) {
    customer["loyalty_tier"] = "gold";
  }
  const std::int64_t orders = random.between(0, 20);
  customer["orders_count"] = orders;
  if (orders > 0) {
    customer["days_since_last_order"] = random.between(1, 400);
  }
  customer["birthday"] = random.chance(10) ? "1990-11-28" : "1985-06-15";
  customer["newsletter"] = random.chance(50);
  customer["country"] = "GB";
  return customer;
}

Json make_request(Random& random, int line_count, const std::vector<std::string>& codes, int number) {
  // Distinct skus per basket, as a shop's basket merges repeated adds into one line.
  std::vector<bool> taken(catalogue().size(), false);
  Json lines = Json::array();
  for (int i = 1; i <= line_count; ++i) {
    std::size_t index = 0;
    do {
      index = static_cast<std::size_t>(random.between(0, kCatalogueSize - 1));
    } while (taken[index]);
    taken[index] = true;
    const Product& product = catalogue()[index];
    const std::int64_t roll = random.between(0, 99);
    // Appended rather than `"l" + std::to_string(i)`, which trips a false -Wrestrict in g++ 12 at -O3.
    std::string id = "l";
    id += std::to_string(i);
    Json line = {{"id", id},
                 {"sku", product.sku},
                 {"name", product.name},
                 {"quantity", roll < 75 ? 1 : roll < 95 ? 2 : 3},
                 {"unit_price", product.unit_price},
                 {"categories", product.categories},
                 {"tags", product.tags}};
    if (product.brand) {
      line["brand"] = *product.brand;
    }
    lines.push_back(line);
  }
  Json request = {{"currency", "GBP"},
                  {"now", kNow},
                  {"lines", lines},
                  {"shipping_method", random.chance(80) ? "standard" : "express"}};
  if (!codes.empty() && random.chance(30)) {
    request["coupons"] = Json::array({random.pick(codes)});
  } else if (random.chance(5)) {
    request["coupons"] = Json::array({"NOT-A-CODE"});
  }
  if (random.chance(50)) {
    request["customer"] = make_customer(random, number);
  }
  request["context"] = {{"channel", random.chance(70) ? "web" : "app"},
                        {"device", random.chance(60) ? "mobile" : "desktop"}};
  return request;
}

Workload make_workload(int line_count, int promotion_count) {
  const RuleSetDraft draft = make_rules(promotion_count);
  Workload workload;
  workload.name = std::to_string(line_count) + "x" + std::to_string(promotion_count);
  workload.lines = line_count;
  workload.promotions = promotion_count;
  workload.rules_json = draft.rules.dump();
  Random random(0xba5e'0000ULL + static_cast<std::uint64_t>(line_count) * 100'003ULL +
                static_cast<std::uint64_t>(promotion_count));
  for (int i = 0; i < kRequestsPerWorkload; ++i) {
    workload.request_jsons.push_back(make_request(random, line_count, draft.codes, i + 1).dump());
  }
  return workload;
}

}  // namespace

std::vector<Workload> standard_workloads() {
  std::vector<Workload> workloads;
  for (int lines : {10, 20, 100}) {
    for (int promotions : {5, 200, 1000}) {
      workloads.push_back(make_workload(lines, promotions));
    }
  }
  return workloads;
}

}  // namespace till::bench

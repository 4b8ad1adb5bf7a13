#include "support/random_cases.hpp"

#include <limits>
#include <nlohmann/json.hpp>
#include <optional>

namespace till::testing {

std::int64_t Random::uniform(std::int64_t low, std::int64_t high) {
  const std::uint64_t span = static_cast<std::uint64_t>(high) - static_cast<std::uint64_t>(low);
  if (span == std::numeric_limits<std::uint64_t>::max())
    return static_cast<std::int64_t>(engine_());
  const std::uint64_t count = span + 1;
  // Accepting only draws at or above 2^64 mod count leaves a range whose size is a multiple of count.
  const std::uint64_t threshold = (0 - count) % count;
  std::uint64_t draw = engine_();
  while (draw < threshold)
    draw = engine_();
  return static_cast<std::int64_t>(static_cast<std::uint64_t>(low) + draw % count);
}

namespace {

// Keys stay in the order written, so a case reads like the SPEC's examples when printed for a replay.
using Json = nlohmann::ordered_json;

struct Product {
  const char* sku;
  const char* name;
  std::vector<std::string> categories;
  std::vector<std::string> tags;
  std::optional<std::string> brand;
};

// One small vocabulary shared by the basket and the selectors, so that selectors overlap and compete.
const std::vector<Product>& catalogue() {
  static const std::vector<Product> products = {
      {"E7247", "E7247 Speaker", {"speakers", "audio"}, {}, "Red"},
      {"H100", "H100 Headphones", {"headphones", "audio"}, {"sale"}, "Red"},
      {"H200", "H200 Headphones", {"headphones", "audio"}, {}, "Sonic"},
      {"H050", "H050 Earbuds", {"headphones", "audio"}, {"sale", "small"}, "Sonic"},
      {"C10", "C10 Cable", {"accessories"}, {"small"}, std::nullopt},
      {"C20", "C20 Adapter", {"accessories"}, {"small", "sale"}, "Blue"},
  };
  return products;
}

const std::vector<std::string> kSkus = {"E7247", "H100", "H200", "H050", "C10", "C20", "Z999"};
const std::vector<std::string> kCategories = {"speakers", "audio", "headphones", "accessories", "toys"};
const std::vector<std::string> kTags = {"sale", "small", "new"};
const std::vector<std::string> kBrands = {"Red", "Sonic", "Blue", "Green"};
// Ids whose sorted order differs from any natural order, upper case included (ids compare by code point).
const std::vector<std::string> kPromotionIds = {"spring", "vip-10",    "zeta", "alpha", "b2",
                                                "Bx",     "clear.out", "c_1",  "Alpha"};
const std::vector<std::string> kCodes = {"SAVE10", "VIP20", "FREESHIP", "Gift"};
const std::vector<std::string> kMethods = {"standard", "express", "collect"};
constexpr const char* kNow = "2026-11-22T10:00:00Z";

// `prefix` followed by `number` in decimal. (Spelled out because GCC 12 warns falsely, -Wrestrict, about
// a string literal + std::to_string at -O3.)
std::string numbered(const char* prefix, std::int64_t number) {
  std::string text(prefix);
  text += std::to_string(number);
  return text;
}

// Prices repeat often (ties in price decide which units a reward takes) and sometimes are anything.
Json price(Random& random) {
  static const std::vector<std::int64_t> common = {0,   1,    99,   350,  499,  500,
                                                   999, 1000, 1999, 2999, 4999, 9999};
  return random.chance(70) ? random.pick(common) : random.uniform(0, 9999);
}

// Whole percentages as JSON integers, fractional ones (exact in hundredths) as JSON numbers.
Json percent(Random& random) {
  switch (random.uniform(0, 9)) {
    case 0:
      return 12.5;
    case 1:
      return 33.33;
    case 2:
      return 100;
    default:
      return random.pick(std::vector<std::int64_t>{5, 10, 15, 20, 25, 50});
  }
}

Json some_of(Random& random, const std::vector<std::string>& values) {
  Json list = Json::array();
  const auto count = random.uniform(1, 2);
  for (std::int64_t i = 0; i < count; ++i)
    list.push_back(random.pick(values));
  return list;
}

Json selector(Random& random) {
  Json s = Json::object();
  switch (random.uniform(0, 11)) {
    case 0:
    case 1:
    case 10:
      break;
    case 2:
      s["skus"] = some_of(random, kSkus);
      break;
    case 3:
    case 11:
      s["categories"] = some_of(random, kCategories);
      break;
    case 4:
      s["tags"] = some_of(random, kTags);
      break;
    case 5:
      s["brands"] = some_of(random, kBrands);
      break;
    case 6:
      s["categories"] = some_of(random, kCategories);
      s["exclude_skus"] = random.chance(20) ? Json::array() : some_of(random, kSkus);
      break;
    case 7:
      s["tags"] = some_of(random, kTags);
      s["brands"] = some_of(random, kBrands);
      break;
    case 8:
      s["min_unit_price"] = random.pick(std::vector<std::int64_t>{0, 500, 1000});
      break;
    default:
      if (random.chance(30)) {
        s["skus"] = Json::array();  // matches no line
      } else {
        s["categories"] = some_of(random, kCategories);
      }
  }
  if (random.chance(10))
    s["max_unit_price"] = random.pick(std::vector<std::int64_t>{1999, 2999, 4999});
  return s;
}

Json condition(Random& random) {
  Json c = Json::object();
  if (random.chance(60)) {
    c["min_subtotal"] = random.chance(70)
                            ? random.pick(std::vector<std::int64_t>{0, 500, 1000, 2500, 5000, 10000})
                            : random.uniform(0, 20000);
  }
  if (c.empty() || random.chance(40)) {
    Json item = {{"selector", selector(random)}};
    if (random.chance(60))
      item["min_quantity"] = random.uniform(1, 3);
    if (random.chance(30))
      item["min_subtotal"] = random.pick(std::vector<std::int64_t>{0, 1000, 5000});
    c["items"] = Json::array({item});
  }
  return c;
}

Json audience(Random& random) {
  Json a = Json::object();
  const auto parts = random.uniform(1, 2);
  for (std::int64_t i = 0; i < parts; ++i) {
    switch (random.uniform(0, 12)) {
      case 0:
        a["segments_any"] = {"vip"};
        break;
      case 1:
        a["segments_none"] = {"staff"};
        break;
      case 2:
        a["loyalty_tiers"] = {"gold"};
        break;
      case 3:
        a["first_order"] = random.chance(50);
        break;
      case 4:
        a["min_orders"] = random.uniform(1, 3);
        break;
      case 5:
        a["min_days_since_last_order"] = 90;
        break;
      case 6:
        a["birthday_within_days"] = 7;
        break;
      case 7:
        a["newsletter"] = true;
        break;
      case 8:
        a["channels"] = {"web"};
        break;
      case 9:
        a["devices"] = {"mobile", "tablet"};
        break;
      case 10:
        a["countries"] = {"GB"};
        break;
      case 11:
        a["referred"] = true;
        break;
      default:
        a["not_recently_purchased"] = {{"selector", selector(random)}, {"days", 14}};
        break;
    }
  }
  return a;
}

enum class Kind {
  percent_off_order,
  amount_off_order,
  percent_off_items,
  amount_off_items,
  fixed_price_items,
  multibuy,
  buy_x_get_y,
  free_gift,
  shipping
};

bool is_item(Kind kind) {
  return kind == Kind::percent_off_items || kind == Kind::amount_off_items ||
         kind == Kind::fixed_price_items || kind == Kind::multibuy || kind == Kind::buy_x_get_y;
}

Json reward(Random& random, Kind kind, const std::vector<std::string>& methods, int gift_number) {
  auto amounts = [&](std::vector<std::int64_t> values) { return Json(random.pick(values)); };
  switch (kind) {
    case Kind::percent_off_order:
      return {{"type", "percent_off_order"}, {"percent", percent(random)}};
    case Kind::amount_off_order:
      return {{"type", "amount_off_order"}, {"amount", amounts({100, 500, 1000, 2000, 99999})}};
    case Kind::percent_off_items: {
      Json r = {{"type", "percent_off_items"}, {"selector", selector(random)}, {"percent", percent(random)}};
      if (random.chance(25))
        r["max_quantity"] = random.uniform(1, 3);
      return r;
    }
    case Kind::amount_off_items: {
      Json r = {{"type", "amount_off_items"},
                {"selector", selector(random)},
                {"amount", amounts({50, 100, 500, 1000, 5000})}};
      if (random.chance(35)) {
        r["per"] = "once";
      } else {
        if (random.chance(20))
          r["per"] = "unit";
        if (random.chance(25))
          r["max_quantity"] = random.uniform(1, 3);
      }
      return r;
    }
    case Kind::fixed_price_items: {
      Json r = {{"type", "fixed_price_items"},
                {"selector", selector(random)},
                {"unit_price", amounts({0, 99, 500, 1000, 2000})}};
      if (random.chance(25))
        r["max_quantity"] = random.uniform(1, 3);
      return r;
    }
    case Kind::multibuy: {
      const auto n = random.uniform(2, 4);
      Json r = {{"type", "multibuy"}, {"selector", selector(random)}, {"quantity", n}};
      switch (random.uniform(0, 2)) {
        case 0:
          r["price"] = amounts({100, 1000, 1500, 5000});
          break;
        case 1:
          r["pay_for"] = random.uniform(1, n - 1);
          break;
        default:
          r["percent"] = percent(random);
          break;
      }
      return r;
    }
    case Kind::buy_x_get_y: {
      Json buy_selector = selector(random);
      Json get_selector = random.chance(40) ? buy_selector : selector(random);
      Json r = {{"type", "buy_x_get_y"},
                {"buy", {{"selector", buy_selector}, {"quantity", random.uniform(1, 2)}}},
                {"get", {{"selector", get_selector}, {"quantity", random.uniform(1, 2)}}}};
      switch (random.uniform(0, 2)) {
        case 0:
          r["percent"] = random.chance(50) ? Json(100) : percent(random);
          break;
        case 1:
          r["amount"] = amounts({100, 500, 2000});
          break;
        default:
          r["unit_price"] = amounts({0, 100, 999});
          break;
      }
      return r;
    }
    case Kind::free_gift: {
      Json r = {{"type", "free_gift"},
                {"sku", numbered("GIFT-", gift_number)},
                {"name", numbered("Gift ", gift_number)}};
      if (random.chance(40))
        r["quantity"] = random.uniform(1, 2);
      if (random.chance(70))
        r["value"] = amounts({0, 1, 100, 1500});
      return r;
    }
    case Kind::shipping: {
      Json r = {{"type", "shipping"}};
      switch (random.uniform(0, 2)) {
        case 0:
          r["percent"] = random.chance(50) ? Json(100) : percent(random);
          break;
        case 1:
          r["amount"] = amounts({100, 200, 495, 1000});
          break;
        default:
          r["price"] = amounts({0, 100, 295});
          break;
      }
      if (!methods.empty() && random.chance(30))
        r["methods"] = {random.pick(methods)};
      return r;
    }
  }
  return {};
}

// Item rewards half the time: their competition for units is where the search has the most to decide.
Kind random_kind(Random& random) {
  static const std::vector<Kind> item_kinds = {Kind::percent_off_items, Kind::amount_off_items,
                                               Kind::fixed_price_items, Kind::multibuy, Kind::buy_x_get_y};
  return random.chance(50) ? random.pick(item_kinds) : static_cast<Kind>(random.uniform(0, 8));
}

// The rule set as a JSON object; `codes_in_use` collects the coupon codes the promotions carry.
Json make_rules(Random& random, std::vector<std::string>& codes_in_use, std::vector<std::string>& ids) {
  Json rules = Json::object();
  if (random.chance(50))
    rules["id"] = "random-store";
  if (random.chance(50))
    rules["version"] = "r1";
  rules["currency"] = "GBP";
  if (random.chance(60))
    rules["rounding"] = random.pick(std::vector<std::string>{"half_up", "half_even", "down"});
  if (random.chance(60))
    rules["selection"] = random.chance(75) ? "best_for_customer" : "priority";

  std::vector<std::string> methods;
  if (random.chance(90)) {
    Json list = Json::array();
    list.push_back({{"id", "standard"}, {"name", "Standard delivery"}, {"price", 495}});
    list.push_back(
        {{"id", "express"}, {"name", "Next-day delivery"}, {"price", random.chance(50) ? 995 : 1}});
    if (random.chance(30))
      list.push_back({{"id", "collect"}, {"name", "Click and collect"}, {"price", 0}});
    for (const auto& method : list)
      methods.push_back(method["id"].get<std::string>());
    rules["shipping_methods"] = list;
  }
  if (random.chance(30)) {
    rules["loyalty"] = {{"points_per_major_unit", random.uniform(0, 2)}, {"tier_multipliers", {{"gold", 2}}}};
  }

  std::vector<std::string> id_pool = kPromotionIds;
  random.shuffle(id_pool);
  // Mostly several promotions, so that they compete; the search space stays small (see the header).
  const auto count = random.chance(75) ? random.uniform(3, 6) : random.uniform(1, 2);
  int item_non_stackables = 0;
  Json promotions = Json::array();
  for (std::int64_t i = 0; i < count; ++i) {
    Json p = Json::object();
    p["id"] = id_pool[static_cast<std::size_t>(i)];
    ids.push_back(id_pool[static_cast<std::size_t>(i)]);
    if (random.chance(60))
      p["name"] = "Offer " + id_pool[static_cast<std::size_t>(i)];
    if (random.chance(50))
      p["priority"] = random.pick(std::vector<std::int64_t>{0, 0, 1, 2, -1});

    if (random.chance(10)) {
      switch (random.uniform(0, 3)) {
        case 0:
          p["starts_at"] = "2026-11-01T00:00:00Z";
          p["ends_at"] = "2026-12-01T00:00:00Z";
          break;
        case 1:
          p["starts_at"] = kNow;
          break;  // inclusive: running
        case 2:
          p["starts_at"] = "2026-11-22T10:00:00.5Z";
          break;  // half a second early: not started
        default:
          p["ends_at"] = kNow;
          break;  // exclusive: expired
      }
    }
    if (random.chance(20)) {
      Json codes = Json::array();
      if (!random.chance(10)) {
        std::string code = random.pick(kCodes);
        codes.push_back(code);
        codes_in_use.push_back(code);
      }
      p["coupon"] = {{"codes", codes}, {"public", random.chance(50)}};
    }
    if (random.chance(10))
      p["audience"] = audience(random);

    const Kind kind = random_kind(random);
    const bool gift = kind == Kind::free_gift;
    bool exclusive = random.chance(10);
    bool stackable = !exclusive && !gift && random.chance(25);
    if (is_item(kind) && !exclusive && !stackable && item_non_stackables == 4)
      stackable = true;
    if (is_item(kind) && !exclusive && !stackable)
      ++item_non_stackables;

    if (random.chance(15)) {
      Json tiers = Json::array();
      const auto tier_count = random.uniform(2, 3);
      std::int64_t threshold = random.pick(std::vector<std::int64_t>{0, 1000, 2500});
      for (std::int64_t t = 0; t < tier_count; ++t) {
        Json tier = Json::object();
        if (random.chance(60))
          tier["name"] = numbered("Tier ", t);
        Json c = random.chance(25) ? condition(random) : Json{{"min_subtotal", threshold}};
        tier["condition"] = c;
        tier["reward"] = reward(random, kind, methods, static_cast<int>(i));
        tiers.push_back(tier);
        threshold += random.pick(std::vector<std::int64_t>{500, 2500, 5000});
      }
      p["tiers"] = tiers;
    } else {
      if (random.chance(35))
        p["condition"] = condition(random);
      p["reward"] = reward(random, kind, methods, static_cast<int>(i));
    }
    if (exclusive)
      p["exclusive"] = true;
    else if (random.chance(10))
      p["exclusive"] = false;
    if (stackable)
      p["stackable"] = true;
    if (!gift && random.chance(15))
      p["max_discount"] = random.pick(std::vector<std::int64_t>{0, 1, 250, 1000, 3000});
    if ((kind == Kind::multibuy || kind == Kind::buy_x_get_y) && random.chance(30)) {
      p["max_applications"] = random.uniform(1, 2);
    }
    if (random.chance(10)) {
      Json limit = Json::object();
      if (random.chance(60))
        limit["per_customer"] = 1;
      if (limit.empty() || random.chance(40))
        limit["total"] = 100;
      p["usage_limit"] = limit;
    }
    if (random.chance(10)) {
      p["messages"] = {{"applied", "{name}: you save"}, {"nudge", "Spend {gap} more for {name} {unknown}"}};
    }
    promotions.push_back(p);
  }
  rules["promotions"] = promotions;
  return rules;
}

Json make_request(Random& random, const Json& rules, const std::vector<std::string>& codes_in_use,
                  const std::vector<std::string>& ids) {
  Json request = Json::object();
  request["currency"] = "GBP";
  request["now"] = kNow;
  Json lines = Json::array();
  const auto count = random.chance(80) ? random.uniform(2, 5) : 1;
  for (std::int64_t i = 0; i < count; ++i) {
    const Product& product = random.pick(catalogue());
    Json line = {{"id", numbered("l", i + 1)}, {"sku", product.sku}};
    if (random.chance(50))
      line["name"] = product.name;
    line["quantity"] = random.uniform(1, 4);
    line["unit_price"] = price(random);
    if (!product.categories.empty() || random.chance(50))
      line["categories"] = product.categories;
    if (!product.tags.empty() || random.chance(30))
      line["tags"] = product.tags;
    if (product.brand)
      line["brand"] = *product.brand;
    lines.push_back(line);
  }
  request["lines"] = lines;

  if (rules.contains("shipping_methods") && random.chance(90)) {
    std::vector<std::string> methods;
    for (const auto& method : rules["shipping_methods"])
      methods.push_back(method["id"].get<std::string>());
    request["shipping_method"] = random.pick(methods);
  }

  Json coupons = Json::array();
  for (const auto& code : codes_in_use) {
    if (!random.chance(80))
      continue;
    switch (random.uniform(0, 2)) {
      case 0:
        coupons.push_back(code);
        break;
      case 1: {  // folded to lower case and padded: must still match
        std::string folded;
        for (char c : code)
          folded += (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c;
        coupons.push_back(" " + folded + "\t");
        break;
      }
      default:
        coupons.push_back(code);
        coupons.push_back(code);
        break;  // entered twice
    }
  }
  if (random.chance(20))
    coupons.push_back("BOGUS");
  if (!coupons.empty() || random.chance(20))
    request["coupons"] = coupons;

  if (random.chance(50)) {
    Json customer = Json::object();
    if (random.chance(70))
      customer["id"] = "c-1";
    if (random.chance(50))
      customer["segments"] = some_of(random, std::vector<std::string>{"vip", "staff", "new"});
    if (random.chance(40))
      customer["loyalty_tier"] = random.chance(50) ? "gold" : "silver";
    if (random.chance(60))
      customer["orders_count"] = random.uniform(0, 3);
    if (random.chance(40))
      customer["days_since_last_order"] = random.pick(std::vector<std::int64_t>{1, 90, 200});
    if (random.chance(30))
      customer["birthday"] = random.chance(50) ? "1990-11-25" : "1984-02-29";
    if (random.chance(40))
      customer["newsletter"] = random.chance(60);
    if (random.chance(40))
      customer["country"] = random.chance(60) ? "GB" : "FR";
    if (random.chance(30)) {
      customer["recent_purchases"] = {{{"sku", random.pick(kSkus)},
                                       {"days_ago", random.uniform(0, 30)},
                                       {"categories", some_of(random, kCategories)}}};
    }
    request["customer"] = customer;
  }
  if (random.chance(40)) {
    Json context = Json::object();
    if (random.chance(70))
      context["channel"] = random.chance(50) ? "web" : "app";
    if (random.chance(70))
      context["device"] = random.chance(50) ? "mobile" : "desktop";
    request["context"] = context;
  }
  if (random.chance(10))
    request["referral"] = {{"token", "t0k3n"}};
  if (random.chance(25)) {
    Json usage = Json::object();
    usage[random.pick(ids)] = {{"customer", random.uniform(0, 1)},
                               {"total", random.pick(std::vector<int>{5, 100})}};
    if (random.chance(30))
      usage["no-such-promotion"] = {{"customer", 3}};
    request["usage"] = usage;
  }
  if (random.chance(70)) {
    Json options = Json::object();
    if (random.chance(50))
      options["max_nudges"] = random.uniform(0, 5);
    options["explain"] = random.chance(60);
    request["options"] = options;
  }
  return request;
}

// Every path to a value inside `document` (the root excluded).
void collect_paths(const Json& value, const Json::json_pointer& here,
                   std::vector<Json::json_pointer>& paths) {
  if (value.is_object()) {
    for (const auto& [key, child] : value.items()) {
      paths.push_back(here / key);
      collect_paths(child, here / key, paths);
    }
  } else if (value.is_array()) {
    for (std::size_t i = 0; i < value.size(); ++i) {
      paths.push_back(here / i);
      collect_paths(value[i], here / i, paths);
    }
  }
}

// A value of another JSON type than `value`.
Json wrong_type(Random& random, const Json& value) {
  if (value.is_string())
    return random.chance(50) ? Json(7) : Json::array();
  if (value.is_number())
    return random.chance(50) ? Json("7") : Json(true);
  if (value.is_boolean())
    return "true";
  if (value.is_array())
    return Json::object();
  if (value.is_object())
    return random.chance(50) ? Json::array() : Json(nullptr);
  return 0;
}

// A number the contract refuses where an integer or amount is expected (or, for a percentage, too precise).
Json bad_number(Random& random) {
  switch (random.uniform(0, 6)) {
    case 0:
      return -1;
    case 1:
      return 1'000'000'000'001;  // above 10^12
    case 2:
      return 10.0;  // an integer written as a float
    case 3:
      return 12.345;
    case 4:
      return 120;
    case 5:
      return 0;
    default:
      return 9007199254740993.0;  // beyond 2^53
  }
}

std::string replace_first(std::string text, const std::string& from, const std::string& to) {
  const auto at = text.find(from);
  if (at != std::string::npos)
    text.replace(at, from.size(), to);
  return text;
}

// Mutates one document (or the pair's text) so that it is usually no longer valid input.
RandomCase mutate(Random& random, Json rules, Json request) {
  const bool in_rules = random.chance(50);
  Json& document = in_rules ? rules : request;
  std::vector<Json::json_pointer> paths;
  collect_paths(document, Json::json_pointer(), paths);
  const Json::json_pointer target = paths.empty() ? Json::json_pointer() : random.pick(paths);

  const auto mutation = random.uniform(0, 16);
  switch (mutation) {
    case 0:
      if (!target.empty())
        document[target] = wrong_type(random, document[target]);
      break;
    case 1: {  // an unknown field in some object (the root when the target is not in an object)
      Json::json_pointer parent = target.empty() ? target : target.parent_pointer();
      if (!document[parent].is_object())
        parent = Json::json_pointer();
      document[parent]["colour"] = "red";
      break;
    }
    case 2:
      if (!target.empty() && document[target.parent_pointer()].is_object()) {
        document[target.parent_pointer()].erase(target.back());
      } else if (!target.empty()) {
        document[target.parent_pointer()].erase(std::stoul(target.back()));
      }
      break;
    case 3: {
      std::vector<Json::json_pointer> numbers;
      for (const auto& path : paths) {
        if (document[path].is_number())
          numbers.push_back(path);
      }
      if (!numbers.empty())
        document[random.pick(numbers)] = bad_number(random);
      break;
    }
    case 4:
      if (request["lines"].size() >= 2) {
        request["lines"][1]["id"] = request["lines"][0]["id"];
      } else {
        request["lines"][0]["quantity"] = random.chance(50) ? 0 : 10001;
      }
      break;
    case 5:
      request["currency"] = random.chance(50) ? "EUR" : "gbp";
      break;
    case 6:
      request["shipping_method"] = "drone";
      break;
    case 7: {
      Json promotion = {{"id", "bad"}, {"reward", {{"type", "percent_off_order"}, {"percent", 10}}}};
      switch (random.uniform(0, 4)) {
        case 0:
          promotion["exclusive"] = true;
          promotion["stackable"] = true;
          break;
        case 1:
          promotion["max_applications"] = 1;
          break;
        case 2:
          promotion["reward"] = {{"type", "free_gift"}, {"sku", "G"}, {"name", "G"}};
          promotion["max_discount"] = 100;
          break;
        case 3:
          promotion["starts_at"] = "2026-12-01T00:00:00Z";
          promotion["ends_at"] = "2026-11-01T00:00:00Z";
          break;
        default:
          promotion["starts_at"] = "2026-02-30T00:00:00Z";
          break;
      }
      rules["promotions"].push_back(promotion);
      if (random.chance(30))
        rules["promotions"].push_back(rules["promotions"].back());  // duplicate id
      break;
    }
    case 8: {
      Json many = Json::array();
      for (int i = 0; i < 101; ++i)
        many.push_back(numbered("C", i));
      request["coupons"] = many;
      break;
    }
    case 9: {  // nesting deeper than 64
      Json deep = Json::array();
      for (int i = 0; i < 70; ++i)
        deep = Json::array({deep});
      request["context"] = {{"channel", deep}};
      break;
    }
    case 10:
      request["now"] = random.chance(50) ? "2026-11-22 10:00:00" : "2026-11-22T10:00:00+00:00";
      break;
    default:
      break;  // a mutation of the text, below
  }

  RandomCase out{rules.dump(), request.dump()};
  std::string& text = in_rules ? out.rules : out.request;
  switch (mutation) {
    case 11: {
      const auto keep = random.uniform(0, static_cast<std::int64_t>(text.size()) - 1);
      text.resize(static_cast<std::size_t>(keep));
      break;
    }
    case 12:
      text = replace_first(text, "\"currency\":", "\"currency\":\"GBP\",\"currency\":");
      break;
    case 13:
      text = replace_first(text, "\"quantity\":", "\"quantity\":NaN,\"x\":");
      break;
    case 14:
      text = replace_first(text, "\"quantity\":1", "\"quantity\":1e0");
      break;
    case 15:
      text = "\xEF\xBB\xBF" + text;
      break;  // a byte-order mark is skipped: still valid
    case 16:
      text = replace_first(text, "\"sku\":\"", "\"sku\":\"\xFF");
      break;  // invalid UTF-8
    default:
      break;
  }
  return out;
}

// Every selector anywhere under `value` becomes a broad one, and every reward amount or percentage one of
// two values, so that many promotions want the same units and tie in what they give.
void broaden(Random& random, Json& value) {
  static const std::vector<Json> broad = {Json::object(), Json{{"categories", {"audio"}}},
                                          Json{{"categories", {"audio", "accessories"}}},
                                          Json{{"tags", {"sale", "small"}}}};
  if (value.is_array()) {
    for (auto& child : value)
      broaden(random, child);
    return;
  }
  if (!value.is_object())
    return;
  for (auto& [key, child] : value.items()) {
    if (key == "selector")
      child = random.pick(broad);
    else if (key == "amount")
      child = random.chance(50) ? 500 : 1000;
    else if (key == "percent")
      child = random.chance(50) ? 10 : 50;
    else
      broaden(random, child);
  }
}

// A contest: every promotion may take part (no coupons, audiences, dates or usage limits), selectors are
// broad and values few, and prices repeat, so the search must settle real competition and real ties.
void make_contest(Random& random, Json& rules, Json& request) {
  for (auto& promotion : rules["promotions"]) {
    for (const char* key : {"coupon", "audience", "starts_at", "ends_at", "usage_limit"})
      promotion.erase(key);
    broaden(random, promotion);
  }
  for (auto& line : request["lines"])
    line["unit_price"] = random.pick(std::vector<std::int64_t>{500, 1000, 1000, 2000});
}

}  // namespace

RandomCase make_case(std::uint64_t seed, bool allow_invalid) {
  Random random(seed);
  std::vector<std::string> codes_in_use;
  std::vector<std::string> ids;
  Json rules = make_rules(random, codes_in_use, ids);
  Json request = make_request(random, rules, codes_in_use, ids);
  if (random.chance(30))
    make_contest(random, rules, request);
  if (allow_invalid && random.chance(85))
    return mutate(random, std::move(rules), std::move(request));
  return {rules.dump(), request.dump()};
}

}  // namespace till::testing

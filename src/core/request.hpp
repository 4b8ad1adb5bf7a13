// The pricing request of SPEC §3, as validated data. Built by src/json/request_reader.cpp.
#pragma once

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "core/money.hpp"
#include "core/time.hpp"

namespace till {

struct Line {
  std::string id;
  std::string sku;
  std::optional<std::string> name;
  std::int64_t quantity = 1;  // [1, 10000]
  Money unit_price = 0;       // regular unit price
  std::vector<std::string> categories;
  std::vector<std::string> tags;
  std::optional<std::string> brand;
};

/// A purchase the customer made recently (for audience.not_recently_purchased). It matches a selector as a
/// line with the same fields would; without `unit_price` it never matches a selector with price bounds.
struct RecentPurchase {
  std::string sku;
  std::int64_t days_ago = 0;
  std::vector<std::string> categories;
  std::vector<std::string> tags;
  std::optional<std::string> brand;
  std::optional<Money> unit_price;
};

struct Customer {
  std::optional<std::string> id;
  std::optional<std::vector<std::string>> segments;
  std::optional<std::string> loyalty_tier;
  std::optional<std::int64_t> orders_count;
  std::optional<std::int64_t> days_since_last_order;
  std::optional<Date> birthday;
  std::optional<bool> newsletter;
  std::optional<std::string> country;
  std::vector<RecentPurchase> recent_purchases;
};

struct Context {
  std::optional<std::string> channel;
  std::optional<std::string> device;
};

struct Usage {
  std::optional<std::int64_t> customer;
  std::optional<std::int64_t> total;
};

struct Options {
  std::int64_t max_nudges = 3;  // [0, 1000]
  bool explain = false;
};

struct Request {
  std::string currency;
  Timestamp now;
  std::vector<Line> lines;
  std::optional<std::string> shipping_method;
  std::vector<std::string> coupons;  // as written by the shopper, at most 100
  std::optional<Customer> customer;  // absent: a guest
  Context context;
  std::optional<std::string> referral_token;  // present when the request carries a referral
  std::map<std::string, Usage> usage;
  Options options;
};

}  // namespace till

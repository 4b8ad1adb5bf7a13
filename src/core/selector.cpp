#include "core/selector.hpp"

#include <algorithm>

namespace till {
namespace {

bool contains(const std::vector<std::string>& list, const std::string& value) {
  return std::find(list.begin(), list.end(), value) != list.end();
}

bool any_of_in(const std::vector<std::string>& wanted, const std::vector<std::string>& have) {
  return std::any_of(wanted.begin(), wanted.end(), [&](const std::string& w) { return contains(have, w); });
}

bool matches_fields(const Selector& s, const std::string& sku, const std::vector<std::string>& categories,
                    const std::vector<std::string>& tags, const std::optional<std::string>& brand,
                    const std::optional<Money>& unit_price) {
  if (s.skus && !contains(*s.skus, sku)) return false;
  if (s.categories && !any_of_in(*s.categories, categories)) return false;
  if (s.tags && !any_of_in(*s.tags, tags)) return false;
  if (s.brands && (!brand || !contains(*s.brands, *brand))) return false;
  if (contains(s.exclude_skus, sku)) return false;
  if (s.min_unit_price && (!unit_price || *unit_price < *s.min_unit_price)) return false;
  if (s.max_unit_price && (!unit_price || *unit_price > *s.max_unit_price)) return false;
  return true;
}

}  // namespace

bool matches(const Selector& selector, const Line& line) {
  return matches_fields(selector, line.sku, line.categories, line.tags, line.brand, line.unit_price);
}

bool matches(const Selector& selector, const RecentPurchase& purchase) {
  return matches_fields(selector, purchase.sku, purchase.categories, purchase.tags,
                                        purchase.brand, purchase.unit_price);
}

}  // namespace till

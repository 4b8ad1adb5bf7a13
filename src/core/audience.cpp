#include "core/audience.hpp"

#include <algorithm>

#include "core/selector.hpp"

namespace till {
namespace {

bool contains(const std::vector<std::string>& list, const std::string& value) {
  return std::find(list.begin(), list.end(), value) != list.end();
}

bool in_list(const std::vector<std::string>& list, const std::optional<std::string>& value) {
  return value && contains(list, *value);
}

}  // namespace

std::optional<std::string> first_failing_audience_field(const Audience& a, const Request& request) {
  static const Customer guest;
  const Customer& c = request.customer ? *request.customer : guest;
  const std::vector<std::string> no_segments;
  const std::vector<std::string>& segments = c.segments ? *c.segments : no_segments;

  if (a.segments_any && !std::any_of(a.segments_any->begin(), a.segments_any->end(),
                                     [&](const std::string& s) { return contains(segments, s); }))
    return "segments_any";
  if (a.segments_none && std::any_of(a.segments_none->begin(), a.segments_none->end(),
                                     [&](const std::string& s) { return contains(segments, s); }))
    return "segments_none";
  if (a.loyalty_tiers && !in_list(*a.loyalty_tiers, c.loyalty_tier)) return "loyalty_tiers";
  if (a.first_order) {
    // A guest counts as 0 orders: a first order by definition.
    const std::int64_t orders = c.orders_count.value_or(0);
    if (*a.first_order ? orders != 0 : orders < 1) return "first_order";
  }
  if (a.min_orders && (!c.orders_count || *c.orders_count < *a.min_orders)) return "min_orders";
  if (a.min_days_since_last_order &&
      (!c.days_since_last_order || c.orders_count.value_or(1) == 0 ||
       *c.days_since_last_order < *a.min_days_since_last_order))
    return "min_days_since_last_order";
  if (a.birthday_within_days &&
      (!c.birthday || days_until_birthday(*c.birthday, utc_date(request.now)) > *a.birthday_within_days))
    return "birthday_within_days";
  if (a.newsletter && c.newsletter.value_or(false) != *a.newsletter) return "newsletter";
  if (a.channels && !in_list(*a.channels, request.context.channel)) return "channels";
  if (a.devices && !in_list(*a.devices, request.context.device)) return "devices";
  if (a.countries && !in_list(*a.countries, c.country)) return "countries";
  if (a.referred && request.referral_token.has_value() != *a.referred) return "referred";
  if (a.not_recently_purchased) {
    const RecentPurchaseRule& rule = *a.not_recently_purchased;
    for (const RecentPurchase& p : c.recent_purchases)
      if (p.days_ago <= rule.days && matches(rule.selector, p)) return "not_recently_purchased";
  }
  return std::nullopt;
}

}  // namespace till

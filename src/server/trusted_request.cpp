#include "server/trusted_request.hpp"

#include <algorithm>
#include <chrono>

namespace till::server {

std::optional<std::size_t> apply_catalogue(const Catalogue& catalogue, Request& request) {
  for (std::size_t i = 0; i < request.lines.size(); ++i) {
    Line& line = request.lines[i];
    const auto found = catalogue.find(line.sku);
    if (found == catalogue.end()) return i;
    const CatalogueItem& item = found->second;
    line.name = item.name;
    line.unit_price = item.unit_price;
    line.categories = item.categories;
    line.tags = item.tags;
    line.brand = item.brand;
  }
  return std::nullopt;
}

Timestamp server_now() {
  const auto since_epoch = std::chrono::system_clock::now().time_since_epoch();
  const auto seconds = std::chrono::duration_cast<std::chrono::seconds>(since_epoch);
  const auto nanos = std::chrono::duration_cast<std::chrono::nanoseconds>(since_epoch - seconds);
  return {seconds.count(), static_cast<std::int32_t>(nanos.count())};
}

void fill_usage(const RuleSet& rules, const std::vector<std::string>& usage_limited, Store& store,
                Request& request) {
  request.usage.clear();
  if (usage_limited.empty()) return;
  const std::optional<std::string> customer_id = request.customer ? request.customer->id : std::nullopt;
  const auto counts = store.usage(usage_limited, customer_id);
  for (const Promotion& promotion : rules.promotions) {
    if (!promotion.usage_limit) continue;
    const auto found = counts.find(promotion.id);
    till::Usage usage;
    usage.total = found == counts.end() ? 0 : found->second.total;
    usage.customer = found == counts.end() ? 0 : found->second.customer;
    if (!customer_id && promotion.usage_limit->per_customer) usage.customer = *promotion.usage_limit->per_customer;
    request.usage[promotion.id] = usage;
  }
}

std::optional<Answer> make_trusted(const Snapshot& snapshot, const ReferralTokens& referrals, Request& request,
                                   const std::string& at) {
  if (request.currency != snapshot.rules.currency) {
    return document_problem({ErrorCode::currency_mismatch, "request", at + "/currency",
                             "currency must be " + snapshot.rules.currency + " (got " + request.currency + ")"});
  }
  if (request.customer && request.customer->id &&
      std::any_of(request.customer->id->begin(), request.customer->id->end(),
                  [](char c) { return static_cast<unsigned char>(c) < 0x20 || c == 0x7F; })) {
    return document_problem({ErrorCode::invalid_request, "request", at + "/customer/id",
                             "the customer id must not contain control characters"});
  }
  if (const auto unknown = apply_catalogue(snapshot.catalogue, request)) {
    const std::string& sku = request.lines[*unknown].sku;
    return problem(422, "unknown_sku", "A line's sku is not in the catalogue",
                   "line " + std::to_string(*unknown) + ": sku \"" + sku + "\" is not sold here",
                   {{"sku", sku}, {"path", at + "/lines/" + std::to_string(*unknown) + "/sku"}});
  }
  request.now = server_now();
  if (request.referral_token) {
    const auto referrer = referrals.verify(*request.referral_token, request.now.seconds);
    const bool own = referrer && request.customer && request.customer->id == *referrer;
    if (!referrer || own) request.referral_token.reset();
  }
  return std::nullopt;
}

}  // namespace till::server

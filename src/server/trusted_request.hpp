// Turning a page's request into one the server can trust before pricing it: the catalogue's prices and
// attributes, the server's clock and the store's usage counts replace whatever the page sent. The
// customer, context and coupons stay as sent: the store's session layer in front of till-server is
// trusted to set the customer, and coupons are checked against the full rules anyway.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "core/request.hpp"
#include "core/rules.hpp"
#include "server/answer.hpp"
#include "server/catalogue.hpp"
#include "server/referral_token.hpp"
#include "server/snapshot.hpp"
#include "server/store/store.hpp"

namespace till::server {

/// Replaces every line's name, unit_price, categories, tags and brand with the catalogue's. Returns the
/// index of the first line whose sku the catalogue does not hold (the request is then half replaced and
/// must not be priced), or nullopt.
std::optional<std::size_t> apply_catalogue(const Catalogue& catalogue, Request& request);

/// The current UTC time, as a request's `now`.
Timestamp server_now();

/// Replaces request.usage with the store's counts of every promotion in `usage_limited` (ids of the
/// rule set's usage-limited promotions). A guest's per-customer limits count as reached, as Store::record
/// counts them, so the engine never applies a promotion that could not be recorded. Throws StoreError.
void fill_usage(const RuleSet& rules, const std::vector<std::string>& usage_limited, Store& store,
                Request& request);

/// What both pricing endpoints do before pricing: the currency checked (422 currency_mismatch, as the
/// catalogue's prices are in the rule set's currency), a customer id with a control character refused
/// (422 invalid_request: it is stored, and PostgreSQL cannot hold a NUL), apply_catalogue, `now` set to
/// server_now(), and a referral dropped unless its token is valid, unexpired and not the shopper's own
/// (§9). Returns a 422 unknown_sku problem when a sku is not in the catalogue. Every pointer in a problem
/// starts with `at`, where the request sits in the body ("" or "/request").
std::optional<Answer> make_trusted(const Snapshot& snapshot, const ReferralTokens& referrals, Request& request,
                                   const std::string& at);

}  // namespace till::server

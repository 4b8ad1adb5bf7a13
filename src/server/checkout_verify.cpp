// POST /api/checkout/verify: the server's re-check of a checkout. The flow:
//  1. An Idempotency-Key is required. A key already recorded replays its first answer when the body is the
//     same (same SHA-256) and is refused (422) when it is not.
//  2. The body is {"request", "shown"}. The request is read as §3 says; its currency must be the rule
//     set's; every line's price and attributes are replaced with the catalogue's (unknown sku: 422); `now`
//     is the server's clock; `usage` comes from the store; a referral whose token is not valid, has
//     expired or is the shopper's own is dropped (§9). Nudges and explanations are not computed.
//  3. The request is priced with the full rules and compared with `shown` as §11 compares expectations:
//     any difference is a 409 listing them with the authoritative result, and nothing is recorded.
//  4. A match is recorded with its usage-limited redemptions in one transaction. When a concurrent
//     checkout took the last use of a limit meanwhile, usage is read again and the request re-priced
//     (which then differs from `shown`: 409). The loop is bounded; past it the answer is 503.
// Only a recorded checkout claims its key: a 409 or 422 leaves the key free for a corrected retry.
#include "core/engine.hpp"
#include "json/document_readers.hpp"
#include "json/json_api.hpp"
#include "server/body_object.hpp"
#include "server/digest.hpp"
#include "server/endpoints.hpp"
#include "server/result_comparison.hpp"
#include "server/trusted_request.hpp"

namespace till::server {

namespace {

using json_edge::Json;

constexpr int kMaxRecordAttempts = 3;

bool valid_key(const std::string& key) {
  if (key.empty() || key.size() > 255) return false;
  return std::all_of(key.begin(), key.end(), [](char c) { return c > 0x20 && c < 0x7F; });
}

Answer replay(const StoredAnswer& stored, const std::string& request_hash) {
  if (stored.request_hash != request_hash) {
    return problem(422, "idempotency_key_reused", "The Idempotency-Key was used with another body",
                   "this Idempotency-Key was first used with a different request; use a new key for a new checkout");
  }
  Answer answer{stored.status, stored.status < 300 ? "application/json" : "application/problem+json", stored.body, {}};
  answer.headers.emplace_back("Idempotent-Replayed", "true");
  return answer;
}

Answer conflict(const std::vector<Difference>& differences, const Json& expected) {
  Json listed = Json::array();
  for (const Difference& difference : differences) {
    Json entry;
    entry["path"] = difference.path;
    entry["shown"] = difference.shown;
    entry["expected"] = difference.expected ? *difference.expected : Json();
    listed.push_back(std::move(entry));
  }
  return problem(409, "price_mismatch", "The page showed a different price",
                 std::to_string(differences.size()) + (differences.size() == 1 ? " value differs" : " values differ") +
                     " from the server's result; show the result and ask the shopper to confirm",
                 {{"differences", std::move(listed)}, {"result", expected}});
}

std::vector<Redemption> redemptions_of(const RuleSet& rules, const Result& result) {
  std::vector<Redemption> redemptions;
  for (const Applied& applied : result.applied) {
    for (const Promotion& promotion : rules.promotions) {
      if (promotion.id != applied.promotion || !promotion.usage_limit) continue;
      redemptions.push_back({promotion.id, promotion.usage_limit->per_customer, promotion.usage_limit->total});
    }
  }
  return redemptions;
}

}  // namespace

Answer verify_checkout(ServiceState& state, const std::string& body, const std::optional<std::string>& idempotency_key) {
  if (!idempotency_key || !valid_key(*idempotency_key)) {
    return problem(400, "idempotency_key_required", "An Idempotency-Key header is required",
                   "send a unique Idempotency-Key (1-255 visible ASCII characters) with every checkout");
  }
  const std::string request_hash = sha256_hex(body);
  if (const auto stored = state.store->answer(*idempotency_key)) return replay(*stored, request_hash);

  Answer bad_body;
  const auto envelope = read_body_object(body, {"request", "shown"}, {"request", "shown"}, bad_body);
  if (!envelope) return bad_body;
  const Json& shown = (*envelope)["shown"];
  if (!shown.is_object() || !shown.contains("total")) {
    return problem(422, "invalid_body", "The body has the wrong shape",
                   "shown must be an object holding at least the total the page showed");
  }
  auto request = json_edge::request_from_json((*envelope)["request"]);
  if (!request) return document_problem(request.error());

  const auto snapshot = state.snapshot.get();
  if (auto untrusted = make_trusted(*snapshot, state.referrals, *request, "/request")) return std::move(*untrusted);
  request->options.max_nudges = 0;
  request->options.explain = false;

  for (int attempt = 0; attempt < kMaxRecordAttempts; ++attempt) {
    fill_usage(snapshot->rules, snapshot->usage_limited, *state.store, *request);
    const auto result = price(snapshot->rules, *request);
    if (!result) return document_problem(result.error());
    std::string result_text = write_result(*result);
    // The engine's own output: trusted and shallow, so read without parse_strict's per-value callback.
    const Json expected = Json::parse(result_text);
    const auto differences = compare_results(shown, expected);
    if (!differences.empty()) return conflict(differences, expected);

    Checkout checkout;
    checkout.idempotency_key = *idempotency_key;
    checkout.request_hash = request_hash;
    if (request->customer) checkout.customer_id = request->customer->id;
    checkout.currency = snapshot->rules.currency;
    checkout.total = result->total;
    checkout.response_body = result_text;
    checkout.redemptions = redemptions_of(snapshot->rules, *result);
    const RecordOutcome outcome = state.store->record(checkout);
    switch (outcome.status) {
      case RecordStatus::recorded: return {200, "application/json", std::move(result_text), {}};
      case RecordStatus::replayed:
      case RecordStatus::key_reused: return replay(outcome.answer, request_hash);
      case RecordStatus::limit_reached: break;
    }
  }
  Answer busy = problem(503, "checkout_contended", "Too many concurrent checkouts for a limited promotion",
                        "usage limits kept changing while this checkout was verified; try again");
  busy.headers.emplace_back("Retry-After", "1");
  return busy;
}

}  // namespace till::server

// The pricing engine's entry point: a validated rule set and request in, a result or an error out.
#pragma once

#include <cstdint>

#include "core/error.hpp"
#include "core/request.hpp"
#include "core/result.hpp"
#include "core/rules.hpp"

namespace till {

/// Engine tuning that must be identical in every build so that every build gives the same answer.
struct EngineLimits {
  /// The best_for_customer search stops after this many of its own steps (§5.4); the best combination
  /// found so far is then used and the result says "optimal": false.
  std::int64_t search_steps = 50'000;

  /// Nudges re-price the basket to find exact gaps (§6); a request gets at most this many re-pricings.
  /// A nudge that would need more is not shown (never an inexact one).
  std::int64_t nudge_probes = 16;
};

/// Prices `request` against `rules` (§5). Both must come from the JSON readers (or satisfy what they
/// check). Fails with currency_mismatch, invalid_request (unknown shipping method) or limit_exceeded
/// (regular subtotal over 10^12), in that order; otherwise returns the whole result. Never throws.
Outcome<Result> price(const RuleSet& rules, const Request& request, const EngineLimits& limits = {});

}  // namespace till

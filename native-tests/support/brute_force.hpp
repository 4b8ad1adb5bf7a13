// The obviously-correct, slow reference for best_for_customer (SPEC §5.4): price EVERY combination that
// §5.3 allows and keep the best. It shares only the pricing of one combination (till::evaluate) and the
// comparison (till::better) with the engine, so an agreement with the engine's optimiser checks exactly
// the optimiser's search: which combinations it considers and which it prunes.
#pragma once

#include <cstdint>
#include <vector>

#include "core/combination.hpp"

namespace till::testing {

/// Every allowed combination of `context`, each once, in a fixed order (the empty one first):
///   - each candidate exclusive promotion alone (any class, gifts included); and
///   - every non-exclusive combination: an ordered selection of distinct non-stackable item candidates
///     (every permutation of every subset), times every subset of the stackable item candidates, times
///     no or one non-stackable order candidate, times every subset of the stackable order candidates, and
///     the same for shipping. Non-exclusive gift promotions are never chosen: evaluate() adds them.
/// Only candidates (context.candidate[i]) take part. Combinations are not yet checked for validity: that
/// is evaluate()'s answer. The count grows factorially; the random cases keep it to a few hundred.
std::vector<Combination> all_combinations(const PricingContext& context);

/// One allowed combination's price, with the combination it came from.
struct PricedCombination {
  Combination combination;
  Priced priced;
};

/// Every combination of all_combinations() that evaluate() says is valid, priced, in the same order.
std::vector<PricedCombination> allowed_outcomes(const PricingContext& context);

/// The best of allowed_outcomes() under till::better: the first outcome that no later one beats strictly.
/// The empty combination is always allowed; should evaluate() refuse even that, it comes back with
/// priced.valid == false for the caller to report.
PricedCombination best_by_brute_force(const PricingContext& context);

}  // namespace till::testing

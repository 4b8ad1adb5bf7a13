// Nudges (§6): the smallest change to the basket that earns a promotion the shopper is not getting.
#pragma once

#include <vector>

#include "core/engine.hpp"
#include "core/selection.hpp"

namespace till {

/// The nudges for a priced request, ordered and cut at options.max_nudges (§6). Each probe grows `context`
/// by its line and shrinks it back (LineExtension), so it is unchanged on return. `memo`, when given, is
/// the one the request was priced with (its probes share it).
std::vector<Nudge> find_nudges(PricingContext& context, const Selected& selected, const EngineLimits& limits,
                               SearchMemo* memo = nullptr);

}  // namespace till

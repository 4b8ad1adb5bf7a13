// Audience checks (§2.4).
#pragma once

#include <optional>
#include <string>

#include "core/request.hpp"
#include "core/rules.hpp"

namespace till {

/// The first field of `audience` (in §2.4 order) that the request's customer fails, or nullopt when the
/// audience holds. A guest (no customer) has no segments, tier, orders, birthday or subscription.
std::optional<std::string> first_failing_audience_field(const Audience& audience, const Request& request);

}  // namespace till

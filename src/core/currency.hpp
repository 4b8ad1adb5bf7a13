// ISO 4217 minor units (SPEC §1): how many minor units make one major unit of a currency.
#pragma once

#include <optional>
#include <string_view>

namespace till {

/// Minor units per major unit for an active ISO 4217 code: 100 for GBP, 1 for JPY, 1000 for KWD, 10000 for
/// CLF. nullopt for a code ISO 4217 does not list, and for the codes it lists without minor units (gold,
/// XDR, XTS, ...): a rule set in such a currency must state its own `minor_units`.
std::optional<int> iso4217_minor_units(std::string_view code);

}  // namespace till

#include "core/nudges.hpp"

namespace till {

std::vector<Nudge> find_nudges(const PricingContext& context, const Selected& selected, const EngineLimits& limits) {
  (void)context;
  (void)selected;
  (void)limits;
  return {};
}

}  // namespace till

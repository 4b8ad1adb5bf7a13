#include <map>

#include "json/json_api.hpp"

namespace till {

std::string check_summary(const RuleSet& rules) {
  // std::map walks the types in enum order, which rules.hpp keeps in the order of the SPEC's table.
  std::map<int, std::size_t> per_type;
  for (const Promotion& promotion : rules.promotions) ++per_type[static_cast<int>(promotion.tiers.front().reward.type)];
  const std::size_t count = rules.promotions.size();
  std::string line = "ok: " + std::to_string(count) + (count == 1 ? " promotion" : " promotions");
  std::string separator = " (";
  for (const auto& [type, n] : per_type) {
    line += separator;
    line += to_string(static_cast<RewardType>(type));
    line += ": " + std::to_string(n);
    separator = ", ";
  }
  if (!per_type.empty()) line += ")";
  return line + "\n";
}

}  // namespace till

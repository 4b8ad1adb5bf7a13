#include "server/store/lock_order.hpp"

#include <algorithm>

namespace till::server {

std::vector<Redemption> in_lock_order(std::vector<Redemption> redemptions) {
  const auto by_promotion = [](const Redemption& a, const Redemption& b) { return a.promotion < b.promotion; };
  std::stable_sort(redemptions.begin(), redemptions.end(), by_promotion);
  const auto same_promotion = [](const Redemption& a, const Redemption& b) { return a.promotion == b.promotion; };
  redemptions.erase(std::unique(redemptions.begin(), redemptions.end(), same_promotion), redemptions.end());
  return redemptions;
}

}  // namespace till::server

// The order in which both stores take a checkout's per-promotion locks.
#pragma once

#include <vector>

#include "server/store/store.hpp"

namespace till::server {

/// `redemptions` sorted by promotion id, each promotion once (a promotion is redeemed at most once per
/// order; of duplicates the first is kept). Locking in one global order means two checkouts never wait
/// for each other in a cycle, so concurrent records cannot deadlock.
std::vector<Redemption> in_lock_order(std::vector<Redemption> redemptions);

}  // namespace till::server

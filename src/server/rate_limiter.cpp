#include "server/rate_limiter.hpp"

#include <cmath>

namespace till::server {

namespace {

// Above this many addresses, buckets that have refilled completely are forgotten (they would be created
// again full), so that a flood of distinct addresses cannot grow the map without bound.
constexpr std::size_t kMaxAddresses = 100'000;

}  // namespace

std::int64_t RateLimiter::take(const std::string& address, Clock::time_point now) {
  const double per_second = per_minute_ / 60.0;
  std::lock_guard lock(mutex_);
  if (buckets_.size() >= kMaxAddresses) {
    std::erase_if(buckets_, [&](const auto& entry) {
      const double elapsed = std::chrono::duration<double>(now - entry.second.updated).count();
      return entry.second.tokens + elapsed * per_second >= per_minute_;
    });
  }
  auto [found, created] = buckets_.try_emplace(address, Bucket{per_minute_, now});
  Bucket& bucket = found->second;
  if (!created) {
    const double elapsed = std::chrono::duration<double>(now - bucket.updated).count();
    bucket.tokens = std::min(per_minute_, bucket.tokens + elapsed * per_second);
    bucket.updated = now;
  }
  if (bucket.tokens >= 1.0) {
    bucket.tokens -= 1.0;
    return 0;
  }
  return std::max<std::int64_t>(1, static_cast<std::int64_t>(std::ceil((1.0 - bucket.tokens) / per_second)));
}

}  // namespace till::server

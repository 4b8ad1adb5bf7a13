// A token bucket per client address: `per_minute` requests a minute on average, in bursts of at most
// `per_minute`. Used to stop coupon codes being guessed by brute force.
#pragma once

#include <chrono>
#include <cstdint>
#include <mutex>
#include <string>
#include <unordered_map>

namespace till::server {

class RateLimiter {
 public:
  using Clock = std::chrono::steady_clock;

  explicit RateLimiter(std::int64_t per_minute) : per_minute_(static_cast<double>(per_minute)) {}

  /// Takes one token from `address`'s bucket. Returns 0 when there was one, otherwise the whole seconds
  /// to wait until there is (for Retry-After, at least 1). Thread-safe.
  std::int64_t take(const std::string& address, Clock::time_point now = Clock::now());

 private:
  struct Bucket {
    double tokens = 0;
    Clock::time_point updated;
  };

  double per_minute_;
  std::mutex mutex_;
  std::unordered_map<std::string, Bucket> buckets_;
};

}  // namespace till::server

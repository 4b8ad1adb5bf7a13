// till_store_bench: how many record(), usage() and answer() calls a second a store takes, from 1 and from
// several threads. A benchmark, not a test: it prints figures and checks nothing.
//
//   till_store_bench DATABASE [SECONDS]
//
// DATABASE is what open_store takes (an SQLite path or a postgres:// URL); use a fresh one, the
// benchmark adds orders to it. Each checkout redeems two promotions, as a busy shop's would: one with a
// total limit that every checkout shares (so records of it are serialised) and one per customer.
#include <atomic>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <string>
#include <thread>
#include <vector>

#include "server/store/store.hpp"

using namespace till::server;
using Clock = std::chrono::steady_clock;

namespace {

// Runs `call(thread, i)` for i = 0, 1, … from `threads` threads for `seconds`; calls a second.
template <typename Call>
double rate(int threads, double seconds, Call call) {
  std::atomic<bool> stop{false};
  std::atomic<long> calls{0};
  std::vector<std::thread> workers;
  const auto start = Clock::now();
  for (int t = 0; t < threads; ++t) {
    workers.emplace_back([&, t] {
      long mine = 0;
      while (!stop.load(std::memory_order_relaxed)) call(t, mine++);
      calls += mine;
    });
  }
  std::this_thread::sleep_for(std::chrono::duration<double>(seconds));
  stop = true;
  for (auto& worker : workers) worker.join();
  return static_cast<double>(calls) / std::chrono::duration<double>(Clock::now() - start).count();
}

Checkout checkout_of(int thread, long i, const std::string& run) {
  Checkout c;
  c.idempotency_key = run + "-" + std::to_string(thread) + "-" + std::to_string(i);
  c.request_hash = "0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef";
  c.customer_id = "customer-" + std::to_string(i % 1000);
  c.currency = "EUR";
  c.total = 12345;
  c.response_body = std::string(1500, 'x');  // about the size of a 10-line result
  c.redemptions = {Redemption{"autumn-sale", std::nullopt, 1'000'000'000},
                   Redemption{"welcome", 1'000'000'000, std::nullopt}};
  return c;
}

}  // namespace

int main(int argc, char** argv) {
  if (argc < 2) {
    std::fprintf(stderr, "usage: till_store_bench DATABASE [SECONDS]\n");
    return 2;
  }
  const double seconds = argc > 2 ? std::atof(argv[2]) : 2.0;
  try {
    auto store = open_store(argv[1]);
    const std::string run = std::to_string(Clock::now().time_since_epoch().count());
    const int many = static_cast<int>(std::max(4u, std::thread::hardware_concurrency() * 2));
    std::printf("store %s, %.1f s per figure\n", std::string(store->kind()).c_str(), seconds);
    for (const int threads : {1, many}) {
      const double records = rate(threads, seconds, [&](int t, long i) {
        if (store->record(checkout_of(t, i, run + "-" + std::to_string(threads))).status != RecordStatus::recorded) {
          std::abort();
        }
      });
      const double usages = rate(threads, seconds, [&](int, long i) {
        store->usage({"autumn-sale", "welcome", "never"}, "customer-" + std::to_string(i % 1000));
      });
      const double answers = rate(threads, seconds, [&](int t, long i) {
        store->answer(run + "-" + std::to_string(threads) + "-" + std::to_string(t) + "-" + std::to_string(i));
      });
      std::printf("%2d threads: record %8.0f/s  usage %8.0f/s  answer %8.0f/s\n", threads, records, usages,
                  answers);
    }
  } catch (const StoreError& e) {
    std::fprintf(stderr, "till_store_bench: %s\n", e.what());
    return 1;
  }
}

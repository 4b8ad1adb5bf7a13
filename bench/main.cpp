// till_bench: times till end to end on the standard workloads (workloads.hpp), as a shop's server or page
// would call it: request JSON text -> read_request -> till::price -> write_result text, against a rule set
// parsed once. Reports the median microseconds per basket and writes them to the "native" section of
// bench/results.json. Each basket is timed twice in a row, as sent and with `max_nudges: 0`, so that what
// the nudges add (SPEC §6: each is found by re-pricing) is the difference of two medians taken on the same
// machine at the same time. Not a test: timings on shared machines are noisy, so nothing here
// passes or fails on a figure.
//
// usage: till_bench [--results PATH]        time every workload, merge into PATH (bench/results.json)
//        till_bench --write-workloads DIR   write the workloads' JSON documents to DIR and exit
// Exit status: 0 on success; 1 when a workload fails to price (a generator or engine bug) or a file cannot
// be written; 64 on wrong arguments.
#include <algorithm>
#include <chrono>
#include <cmath>
#include <cstdio>
#include <nlohmann/json.hpp>
#include <string>
#include <string_view>
#include <vector>

#include "core/engine.hpp"
#include "json/json_api.hpp"
#include "results_file.hpp"
#include "workloads.hpp"

namespace {

using Clock = std::chrono::steady_clock;

// Enough repetitions for a stable median on a noisy 2-core machine, and a ceiling so that a slow
// workload (a search that runs out of budget) cannot hold the run hostage.
constexpr std::size_t kMinSamples = 200;
constexpr auto kMinTime = std::chrono::milliseconds(500);
constexpr auto kMaxTime = std::chrono::seconds(10);

// The targets of the project's performance budget: 10 lines against 200 promotions priced in 50 us, and
// nudges for 20 lines against 200 promotions adding well under a millisecond.
constexpr const char* kTargetWorkload = "10x200";
constexpr double kTargetMicroseconds = 50.0;
constexpr const char* kNudgeTargetWorkload = "20x200";
constexpr double kNudgeTargetMicroseconds = 1000.0;

struct Priced {
  std::string error;  // write_error text; empty on success
  bool optimal = true;
  std::size_t bytes = 0;
};

/// One basket, end to end, exactly as the CLI and the WebAssembly binding run it; without nudges when
/// `without_nudges` (as if the request said `"max_nudges": 0`).
Priced price_basket(const till::RuleSet& rules, std::string_view request_text, bool without_nudges) {
  till::Outcome<till::Request> request = till::read_request(request_text);
  if (!request) {
    return {till::write_error(request.error()), false, 0};
  }
  if (without_nudges) request->options.max_nudges = 0;
  till::Outcome<till::Result> result = till::price(rules, *request);
  if (!result) {
    return {till::write_error(result.error()), false, 0};
  }
  return {{}, result->optimal, till::write_result(*result).size()};
}

struct Measurement {
  double median_us = 0;
  std::size_t samples = 0;
  std::size_t baskets = 0;  // distinct baskets priced (all of them unless the time ceiling was reached)
  bool optimal = true;      // every basket priced was priced optimally
};

/// The median of `nanoseconds`, in microseconds (reorders them).
double median_us(std::vector<std::int64_t>& nanoseconds) {
  const auto middle = nanoseconds.begin() + static_cast<std::ptrdiff_t>(nanoseconds.size() / 2);
  std::nth_element(nanoseconds.begin(), middle, nanoseconds.end());
  return static_cast<double>(*middle) / 1000.0;
}

/// Times the workload's baskets in turn, each as sent (`sent`) and with `max_nudges: 0` (`plain`), until
/// there are enough samples; fails with the first error. The two runs of a basket follow each other, in
/// alternating order, so that both medians see the same machine: on these VMs the speed changes by half
/// within seconds, and two medians taken one after the other could differ by that alone. Every timed run
/// is also checked (error, optimal), so that a slow workload needs no separate pass.
bool measure(const till::bench::Workload& workload, Measurement& sent, Measurement& plain, std::size_t& sink) {
  till::Outcome<till::RuleSet> rules = till::read_rules(workload.rules_json);
  if (!rules) {
    std::fprintf(stderr, "%s: rules refused: %s", workload.name.c_str(), till::write_error(rules.error()).c_str());
    return false;
  }
  // One untimed run of each warms caches and the allocator.
  sink += price_basket(*rules, workload.request_jsons.front(), false).bytes;
  sink += price_basket(*rules, workload.request_jsons.front(), true).bytes;

  std::vector<std::int64_t> sent_ns, plain_ns;
  const Clock::time_point start = Clock::now();
  for (std::size_t i = 0;; ++i) {
    const std::size_t basket = i % workload.request_jsons.size();
    const std::string& request = workload.request_jsons[basket];
    for (const bool without_nudges : {i % 2 == 1, i % 2 == 0}) {
      const Clock::time_point before = Clock::now();
      const Priced priced = price_basket(*rules, request, without_nudges);
      const Clock::time_point after = Clock::now();
      if (!priced.error.empty()) {
        std::fprintf(stderr, "%s: request %zu failed: %s", workload.name.c_str(), basket + 1,
                     priced.error.c_str());
        return false;
      }
      sink += priced.bytes;
      Measurement& measurement = without_nudges ? plain : sent;
      measurement.optimal = measurement.optimal && priced.optimal;
      (without_nudges ? plain_ns : sent_ns)
          .push_back(std::chrono::duration_cast<std::chrono::nanoseconds>(after - before).count());
    }
    const Clock::duration elapsed = Clock::now() - start;
    if ((sent_ns.size() >= kMinSamples && elapsed >= kMinTime) || elapsed >= kMaxTime) break;
  }
  for (auto [measurement, nanoseconds] : {std::pair{&sent, &sent_ns}, std::pair{&plain, &plain_ns}}) {
    measurement->samples = nanoseconds->size();
    measurement->baskets = std::min(nanoseconds->size(), workload.request_jsons.size());
    measurement->median_us = median_us(*nanoseconds);
  }
  return true;
}

int usage() {
  std::fprintf(stderr, "usage: till_bench [--results PATH]\n       till_bench --write-workloads DIR\n");
  return 64;
}

}  // namespace

int main(int argc, char** argv) {
  std::string results_path = "bench/results.json";
  std::string workloads_dir;
  for (int i = 1; i < argc; ++i) {
    const std::string_view argument = argv[i];
    if ((argument == "--results" || argument == "--write-workloads") && i + 1 < argc) {
      (argument == "--results" ? results_path : workloads_dir) = argv[++i];
    } else {
      return usage();
    }
  }

  const std::vector<till::bench::Workload> workloads = till::bench::standard_workloads();
  if (!workloads_dir.empty()) {
    if (const std::string failure = till::bench::write_workloads(workloads, workloads_dir); !failure.empty()) {
      std::fprintf(stderr, "till_bench: %s\n", failure.c_str());
      return 1;
    }
    std::printf("wrote %zu workloads to %s\n", workloads.size(), workloads_dir.c_str());
    return 0;
  }

  std::printf("%-10s %6s %11s %8s %8s %12s %8s %14s %12s\n", "workload", "lines", "promotions", "baskets",
              "samples", "median (us)", "optimal", "no nudges (us)", "nudges (us)");
  nlohmann::ordered_json figures = nlohmann::ordered_json::object();
  std::size_t sink = 0;
  for (const till::bench::Workload& workload : workloads) {
    Measurement measurement, plain;
    if (!measure(workload, measurement, plain, sink)) return 1;
    const double nudges = measurement.median_us - plain.median_us;
    std::printf("%-10s %6d %11d %8zu %8zu %12.1f %8s %14.1f %12.1f\n", workload.name.c_str(), workload.lines,
                workload.promotions, measurement.baskets, measurement.samples, measurement.median_us,
                measurement.optimal ? "yes" : "no", plain.median_us, nudges);
    std::fflush(stdout);
    // Rounded to 0.1 us: finer digits are noise and would only churn the file.
    auto rounded = [](double us) { return static_cast<double>(std::llround(us * 10.0)) / 10.0; };
    figures[workload.name] = {{"median_us", rounded(measurement.median_us)},
                              {"optimal", measurement.optimal},
                              {"samples", measurement.samples},
                              {"baskets", measurement.baskets},
                              {"without_nudges_median_us", rounded(plain.median_us)},
                              {"nudges_us", rounded(nudges)}};
  }
  if (figures.contains(kTargetWorkload)) {
    const double median = figures[kTargetWorkload]["median_us"].get<double>();
    std::printf("target: %s under %.0f us per basket: %s (%.1f us)\n", kTargetWorkload, kTargetMicroseconds,
                median < kTargetMicroseconds ? "met" : "NOT met", median);
  }
  if (figures.contains(kNudgeTargetWorkload)) {
    const double nudges = figures[kNudgeTargetWorkload]["nudges_us"].get<double>();
    std::printf("target: nudges for %s add well under %.0f us: %s (%.1f us)\n", kNudgeTargetWorkload,
                kNudgeTargetMicroseconds, nudges < kNudgeTargetMicroseconds ? "met" : "NOT met", nudges);
  }
  // Printed so that the compiler cannot drop the work, and as a cheap check that output was produced.
  std::printf("result bytes written: %zu\n", sink);

  if (const std::string failure =
          till::bench::merge_results(results_path, "native", figures, till::bench::describe_machine());
      !failure.empty()) {
    std::fprintf(stderr, "till_bench: %s\n", failure.c_str());
    return 1;
  }
  std::printf("figures written to %s\n", results_path.c_str());
  return 0;
}

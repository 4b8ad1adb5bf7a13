// The benchmark's standard workloads: seeded, deterministic rule sets and baskets that look like a real
// store's (a catalogue of a few hundred skus, promotions of every reward type of SPEC §2.5, mostly aimed
// at skus and categories, some behind coupons, some tiered, a few stackable or exclusive). The same
// documents are written to disk by `till_bench --write-workloads DIR` so that the JavaScript and server
// benchmarks time exactly the same inputs.
#pragma once

#include <string>
#include <vector>

namespace till::bench {

/// One workload: a rule set and the baskets priced against it, as the JSON texts a caller would send.
/// Every amount in them is in minor units (GBP pence).
struct Workload {
  std::string name;  // "<lines>x<promotions>", e.g. "10x200"
  int lines = 0;     // lines per basket
  int promotions = 0;
  std::string rules_json;
  std::vector<std::string> request_jsons;
};

/// The standard set: baskets of 10, 20 and 100 lines against 5, 200 and 1,000 promotions. The same call gives
/// the same bytes on every machine and in every build (its own PRNG, no std::*_distribution).
std::vector<Workload> standard_workloads();

/// Writes `dir`/manifest.json (the workloads' names, sizes and file names) and, per workload,
/// `dir`/<name>/rules.json and `dir`/<name>/request-NN.json. Creates directories as needed and
/// overwrites files of the same names. Returns an error message, or an empty string on success.
std::string write_workloads(const std::vector<Workload>& workloads, const std::string& dir);

}  // namespace till::bench

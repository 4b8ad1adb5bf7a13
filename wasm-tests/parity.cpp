// Digests of what `till price` prints for the shared random cases, so that the native and the wasm build
// of the same core can be compared cheaply over millions of inputs (wasm-tests/parity.test.mjs).
//
//   till_parity FIRST END            one line per block of 1000 seeds in [FIRST, END): "FIRST END DIGEST"
//   till_parity FIRST END --each     one line per seed: "SEED DIGEST"
//   till_parity SEED --show          the case and the output, to see what differs
//
// Even seeds are valid input; odd seeds may be mutated into invalid input (make_case's allow_invalid), so
// the error paths are compared as well. The digest is FNV-1a (64 bits) over the printed bytes and the
// exit status; it is identical in every build because it uses only fixed-width unsigned arithmetic.
#include <algorithm>
#include <cstdint>
#include <cstdio>
#include <cstring>
#include <string>
#include <string_view>

#include "json/json_api.hpp"
#include "support/random_cases.hpp"

namespace {

constexpr std::uint64_t kBlock = 1000;
constexpr int kUsage = 64;

struct Digest {
  std::uint64_t value = 0xcbf29ce484222325ULL;  // FNV-1a offset basis

  void add(std::string_view bytes) {
    for (unsigned char c : bytes) {
      value ^= c;
      value *= 0x100000001b3ULL;  // FNV-1a prime
    }
  }
};

till::testing::RandomCase case_for(std::uint64_t seed) { return till::testing::make_case(seed, seed % 2 == 1); }

void add_case(Digest& digest, std::uint64_t seed) {
  const till::testing::RandomCase input = case_for(seed);
  const till::PriceOutput output = till::price_json(input.rules, input.request);
  digest.add(output.text);
  const char exit_status = output.is_error ? 2 : 0;
  digest.add(std::string_view(&exit_status, 1));
}

bool parse_seed(const char* text, std::uint64_t& seed) {
  char* end = nullptr;
  seed = std::strtoull(text, &end, 10);
  return *text != '\0' && *end == '\0';
}

int usage() {
  std::fputs("usage: till_parity FIRST END [--each] | till_parity SEED --show\n", stderr);
  return kUsage;
}

}  // namespace

int main(int argc, char** argv) {
  std::uint64_t first = 0;
  if (argc == 3 && std::strcmp(argv[2], "--show") == 0 && parse_seed(argv[1], first)) {
    const till::testing::RandomCase input = case_for(first);
    const till::PriceOutput output = till::price_json(input.rules, input.request);
    std::printf("rules: %s\nrequest: %s\nexit: %d\noutput: %s", input.rules.c_str(), input.request.c_str(),
                output.is_error ? 2 : 0, output.text.c_str());
    return 0;
  }
  std::uint64_t end = 0;
  const bool each = argc == 4 && std::strcmp(argv[3], "--each") == 0;
  if ((argc != 3 && !each) || !parse_seed(argv[1], first) || !parse_seed(argv[2], end) || end < first) {
    return usage();
  }
  for (std::uint64_t block = first; block < end; block += each ? 1 : kBlock) {
    const std::uint64_t block_end = each ? block + 1 : std::min(end, block + kBlock);
    Digest digest;
    for (std::uint64_t seed = block; seed < block_end; ++seed) add_case(digest, seed);
    if (each) {
      std::printf("%llu %016llx\n", static_cast<unsigned long long>(block),
                  static_cast<unsigned long long>(digest.value));
    } else {
      std::printf("%llu %llu %016llx\n", static_cast<unsigned long long>(block),
                  static_cast<unsigned long long>(block_end), static_cast<unsigned long long>(digest.value));
    }
  }
  return 0;
}

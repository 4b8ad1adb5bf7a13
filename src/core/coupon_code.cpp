// Coupon code normalisation (§2.1): shoppers type codes with stray spaces and in any case.
#include <string>

#include "core/rules.hpp"

namespace till {
namespace {

// ASCII only, so that every build agrees whatever its locale: a code with other characters compares
// those bytes exactly.
bool is_ascii_space(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\v' || c == '\f' || c == '\r'; }

}  // namespace

std::string normalize_code(const std::string& code) {
  std::size_t begin = 0;
  std::size_t end = code.size();
  while (begin < end && is_ascii_space(code[begin])) ++begin;
  while (end > begin && is_ascii_space(code[end - 1])) --end;
  std::string normalized = code.substr(begin, end - begin);
  for (char& c : normalized) {
    if (c >= 'a' && c <= 'z') c = static_cast<char>(c - 'a' + 'A');
  }
  return normalized;
}

}  // namespace till

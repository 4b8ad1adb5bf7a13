// The core's JSON edge: text in, text out. Everything that crosses a process or language boundary (the
// command line, the WebAssembly binding, the server) goes through these functions, so every build prints
// the same bytes for the same input.
#pragma once

#include <string>
#include <string_view>

#include "core/error.hpp"
#include "core/request.hpp"
#include "core/result.hpp"
#include "core/rules.hpp"

namespace till {

/// Parses and validates a rule set (SPEC §2, §8). Errors have document "rules".
Outcome<RuleSet> read_rules(std::string_view text);

/// Parses and validates a request (SPEC §3, §8) on its own, without the rule set: currency_mismatch and
/// the shipping method are checked by price(). Errors have document "request".
Outcome<Request> read_request(std::string_view text);

/// The result as JSON text (SPEC §4), keys in the SPEC's order, followed by a newline.
std::string write_result(const Result& result);

/// `{"error": {...}}` as JSON text (SPEC §8), followed by a newline.
std::string write_error(const Error& error);

/// The public view of a rule set (SPEC §8): the same document with every non-public coupon's codes
/// emptied. Fails as read_rules does.
Outcome<std::string> public_view(std::string_view rules_text);

/// What `till check` prints for a valid rule set: "ok: N promotions (type: n, ...)" and a newline; each
/// promotion counts under its first tier's type, types in the SPEC table's order.
std::string check_summary(const RuleSet& rules);

/// Text of what `till price` prints, and whether it is an error (exit 2) or a result (exit 0).
struct PriceOutput {
  std::string text;
  bool is_error = false;
};

/// read_rules, read_request, price and write_* in one call: the whole of `till price`.
PriceOutput price_json(std::string_view rules_text, std::string_view request_text);

}  // namespace till

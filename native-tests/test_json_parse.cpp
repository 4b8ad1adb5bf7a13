// Strict JSON (§8): what the one reader of both documents refuses before any validation, and the limits
// it enforces while parsing (size, depth) without ever recursing.
#include <catch2/catch.hpp>
#include <string>

#include "json/json_api.hpp"
#include "support/json_documents.hpp"

using till::ErrorCode;
using till::testing::require_error;
using till::testing::rules_with;

namespace {

std::string nested_arrays(int depth, const std::string& inner = "") {
  return std::string(static_cast<std::size_t>(depth), '[') + inner + std::string(static_cast<std::size_t>(depth), ']');
}

/// A rule set whose rule set id holds `value`; only parsing can refuse it.
std::string rules_holding(const std::string& value) { return R"({"currency": "GBP", "id": )" + value + "}"; }

}  // namespace

TEST_CASE("duplicate keys are invalid_json at any depth, with a pointer to the repeated member", "[json][parse]") {
  require_error(till::read_rules(R"({"currency": "GBP", "currency": "EUR"})"), ErrorCode::invalid_json, "rules",
                "/currency");
  require_error(till::read_rules(rules_with(R"({"id": "a", "id": "b", "reward": {"type": "amount_off_order",
                                                "amount": 1}})")),
                ErrorCode::invalid_json, "rules", "/promotions/0/id");
  require_error(till::read_rules(rules_with(R"({"id": "a", "reward": {"type": "amount_off_order", "amount": 1}},
                   {"id": "b", "reward": {"type": "percent_off_items", "selector": {"skus": ["x"], "skus": ["y"]},
                   "percent": 5}})")),
                ErrorCode::invalid_json, "rules", "/promotions/1/reward/selector/skus");
  require_error(till::read_request(R"({"currency": "GBP", "now": "2026-11-22T10:00:00Z", "lines": [],
                                       "usage": {"a/b": {"total": 1, "total": 2}}})"),
                ErrorCode::invalid_json, "request", "/usage/a~1b/total");
  // The same key in sibling objects is fine.
  CHECK(till::read_rules(rules_with(R"({"id": "a", "reward": {"type": "amount_off_order", "amount": 1}},
                                        {"id": "b", "reward": {"type": "amount_off_order", "amount": 1}})"))
            .ok());
}

TEST_CASE("nesting depth 64 is accepted and 65 is limit_exceeded", "[json][parse]") {
  // The top-level value is depth 1, so 64 nested arrays reach depth 64 and a value inside them 65.
  CHECK(till::read_rules(rules_holding(nested_arrays(63))).error().code == ErrorCode::invalid_rules);
  require_error(till::read_rules(rules_holding(nested_arrays(64))), ErrorCode::limit_exceeded, "rules",
                "/id" + [] {
                  std::string path;
                  for (int i = 0; i < 63; ++i) path += "/0";  // the id is depth 2, its arrays 2 to 65
                  return path;
                }());
  CHECK(till::read_rules(nested_arrays(64)).error().code == ErrorCode::invalid_rules);  // an array, not an object
  CHECK(till::read_rules(nested_arrays(65)).error().code == ErrorCode::limit_exceeded);
  CHECK(till::read_rules(nested_arrays(63, "1")).error().code == ErrorCode::invalid_rules);
  CHECK(till::read_rules(nested_arrays(64, "1")).error().code == ErrorCode::limit_exceeded);
  CHECK(till::read_request(nested_arrays(65)).error().document == "request");
}

TEST_CASE("a million nested arrays are refused without recursing", "[json][parse]") {
  const std::string deep(1'000'000, '[');
  require_error(till::read_rules(deep), ErrorCode::limit_exceeded, "rules", [] {
    std::string path;
    for (int i = 0; i < 64; ++i) path += "/0";
    return path;
  }());
  const std::string deep_objects = [] {
    std::string text;
    for (int i = 0; i < 200'000; ++i) text += R"({"a":)";
    return text;
  }();
  CHECK(till::read_request(deep_objects).error().code == ErrorCode::limit_exceeded);
  CHECK(till::read_request(nested_arrays(500'000)).error().code == ErrorCode::limit_exceeded);
}

TEST_CASE("documents over 4 MiB are limit_exceeded", "[json][parse]") {
  const std::size_t limit = 4 * 1024 * 1024;
  std::string padded = R"({"currency": "GBP", "id": ")";
  padded += std::string(limit - padded.size() - 2, 'x') + "\"}";
  REQUIRE(padded.size() == limit);
  CHECK(till::read_rules(padded).ok());
  padded.insert(padded.end() - 1, ' ');
  require_error(till::read_rules(padded), ErrorCode::limit_exceeded, "rules", "");
}

TEST_CASE("NaN, Infinity and out-of-range numbers are invalid_json", "[json][parse]") {
  for (const char* value : {"NaN", "-NaN", "Infinity", "-Infinity", "inf", "1e400", "-1e400"}) {
    INFO(value);
    require_error(till::read_rules(rules_holding(value)), ErrorCode::invalid_json, "rules", "");
  }
}

TEST_CASE("a leading byte-order mark is skipped, anywhere else it is invalid", "[json][parse]") {
  const std::string bom = "\xEF\xBB\xBF";
  CHECK(till::read_rules(bom + R"({"currency": "GBP"})").ok());
  CHECK(till::read_rules(bom + bom + R"({"currency": "GBP"})").error().code == ErrorCode::invalid_json);
  CHECK(till::read_rules(" " + bom + R"({"currency": "GBP"})").error().code == ErrorCode::invalid_json);
  CHECK(till::read_rules("\xEF\xBB" R"({"currency": "GBP"})").error().code == ErrorCode::invalid_json);
}

TEST_CASE("syntax errors, invalid UTF-8 and trailing text are invalid_json", "[json][parse]") {
  const std::string bad[] = {
      "",
      "   ",
      R"({"currency": "GBP")",
      R"({"currency": "GBP"} x)",
      R"({"currency": "GBP"}{})",
      R"({"currency": 'GBP'})",
      R"({currency: "GBP"})",
      R"({"currency": "GBP",})",
      "{\"currency\": \"GB\xFF\"}",
      "{\"currency\": \"GB\xC3\"}",               // truncated sequence
      "{\"currency\": \"\xED\xA0\x80\"}",           // a UTF-16 surrogate encoded in UTF-8
      std::string("{\"currency\": \"GBP\"}\0", 20),   // nlohmann alone would stop reading at the NUL
      std::string("{\"currency\": \"GBP\"}\0{", 21),
      std::string("\0", 1),
      R"({"currency": "\uD800"})",                 // lone surrogate escape
      "{\"currency\": \"G\tBP\"}",                // raw control character
      R"({"currency": "GBP" /* comment */})",
      R"({"promotions": [01]})",
  };
  for (const std::string& text : bad) {
    INFO(text);
    require_error(till::read_rules(text), ErrorCode::invalid_json, "rules", "");
  }
  require_error(till::read_request("[1, 2"), ErrorCode::invalid_json, "request", "");
}

TEST_CASE("invalid_json messages come from the parser and are the same every time", "[json][parse]") {
  const auto first = till::read_rules(R"({"currency": NaN})");
  const auto second = till::read_rules(R"({"currency": NaN})");
  REQUIRE_FALSE(first.ok());
  CHECK(first.error().message == second.error().message);
  CHECK(first.error().message.find("not valid JSON") != std::string::npos);
  CHECK(first.error().message.find("json.exception") == std::string::npos);
}

TEST_CASE("valid UTF-8 text outside ASCII is kept as written", "[json][parse]") {
  const auto rules = till::read_rules(rules_with(
      R"({"id": "p", "name": "10% off caf\u00e9 \u2615 and na\u00efve \ud83d\ude00", "reward": {"type":
          "percent_off_order", "percent": 10}})"));
  REQUIRE(rules.ok());
  CHECK(rules->promotions[0].name == "10% off caf\xC3\xA9 \xE2\x98\x95 and na\xC3\xAFve \xF0\x9F\x98\x80");
}

// The WebAssembly boundary: the only file that includes <emscripten/...>. It binds the same text-in,
// text-out functions the native command line uses (src/json/json_api.hpp), so both builds print the same
// bytes. Documents cross as bytes (a Uint8Array or a JavaScript string, which Embind encodes as UTF-8)
// and come back as a fresh Uint8Array, never decoded here: web/till.mjs decodes them for the API, and
// web/bin/till.mjs writes them out untouched. Nothing here throws; failures are error documents.
#include <emscripten/bind.h>
#include <emscripten/val.h>

#include <cstddef>
#include <string>

#include "core/engine.hpp"
#include "json/json_api.hpp"

namespace {

using emscripten::val;

// A copy of `text` as a Uint8Array owned by JavaScript: a view of the wasm heap would dangle as soon as
// `text` is freed or the memory grows.
val to_bytes(const std::string& text) {
  const auto* data = reinterpret_cast<const unsigned char*>(text.data());
  return val::global("Uint8Array").new_(emscripten::typed_memory_view(text.size(), data));
}

// `{output: Uint8Array, isError: boolean}`: what the command line prints, and whether it exits 2.
val to_output(const std::string& text, bool is_error) {
  val output = val::object();
  output.set("output", to_bytes(text));
  output.set("isError", is_error);
  return output;
}

val price_json(const std::string& rules_text, const std::string& request_text) {
  till::PriceOutput priced = till::price_json(rules_text, request_text);
  return to_output(priced.text, priced.is_error);
}

val public_view_json(const std::string& rules_text) {
  till::Outcome<std::string> view = till::public_view(rules_text);
  return view ? to_output(*view, false) : to_output(till::write_error(view.error()), true);
}

// What `till check` prints: till::check_summary, or the error document.
val check_json(const std::string& rules_text) {
  const till::Outcome<till::RuleSet> rules = till::read_rules(rules_text);
  if (!rules) return to_output(till::write_error(rules.error()), true);
  return to_output(till::check_summary(*rules), false);
}

// An error document of SPEC §8 written by the core's own writer, for the failures the command line finds
// before any document is read (an unreadable or oversized file). An unknown `code` is invalid_json.
val error_json(const std::string& code, const std::string& document, const std::string& path,
               const std::string& message) {
  till::ErrorCode error_code = till::ErrorCode::invalid_json;
  for (const till::ErrorCode candidate : {till::ErrorCode::invalid_json, till::ErrorCode::invalid_rules,
                                          till::ErrorCode::invalid_request, till::ErrorCode::currency_mismatch,
                                          till::ErrorCode::limit_exceeded}) {
    if (code == till::to_string(candidate)) error_code = candidate;
  }
  return to_output(till::write_error(till::Error{error_code, document, path, message}), true);
}

// A rule set parsed and validated once, then used for many prices. When the text is invalid, `error()`
// says why and every call returns that error, so JavaScript cannot price against a half-read rule set.
class Engine {
 public:
  explicit Engine(const std::string& rules_text) : rules_text_(rules_text), rules_(read_rules_or_error()) {}

  val error() const { return rules_ ? to_output(std::string(), false) : rules_error(); }

  // Exactly what till::price_json prints for (rules_text, request_text), without re-reading the rules.
  val price(const std::string& request_text) const {
    if (!rules_) return rules_error();
    till::Outcome<till::Request> request = till::read_request(request_text);
    if (!request) return to_output(till::write_error(request.error()), true);
    till::Outcome<till::Result> result = till::price(*rules_, *request);
    if (!result) return to_output(till::write_error(result.error()), true);
    return to_output(till::write_result(*result), false);
  }

  val public_view() const { return public_view_json(rules_text_); }

 private:
  till::Outcome<till::RuleSet> read_rules_or_error() const { return till::read_rules(rules_text_); }
  val rules_error() const { return to_output(till::write_error(rules_.error()), true); }

  std::string rules_text_;  // kept for public_view, which rewrites the document as written
  till::Outcome<till::RuleSet> rules_;
};

}  // namespace

EMSCRIPTEN_BINDINGS(till) {
  emscripten::function("priceJson", &price_json);
  emscripten::function("publicViewJson", &public_view_json);
  emscripten::function("checkJson", &check_json);
  emscripten::function("errorJson", &error_json);
  emscripten::class_<Engine>("Engine")
      .constructor<const std::string&>()
      .function("error", &Engine::error)
      .function("price", &Engine::price)
      .function("publicView", &Engine::public_view);
}

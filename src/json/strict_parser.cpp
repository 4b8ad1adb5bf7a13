// nlohmann's parser is iterative, so a deep document cannot overflow the stack while it is read; what
// can is every later copy and dump(), which recurse per level. The parse callback therefore refuses (and
// discards) anything deeper than 64 as it is met, and also catches duplicate keys, which nlohmann itself
// would silently overwrite. Nothing here throws: parse errors come back as a discarded value, and their
// wording is recovered by a second, DOM-less pass.
#include "json/strict_parser.hpp"

#include <optional>
#include <set>
#include <string>
#include <vector>

#include "json/json_pointer.hpp"

namespace till::json_edge {
namespace {

/// Follows the parse events to know where the parser is, and keeps the first problem met.
class Watch {
 public:
  explicit Watch(const char* document) : document_(document) {}

  bool on_event(int depth, nlohmann::json::parse_event_t event, const Json& parsed) {
    using Event = nlohmann::json::parse_event_t;
    switch (event) {
      case Event::object_start:
      case Event::array_start:
        // depth counts the containers around this one; discarding keeps the parser from building it.
        if (!enter_value(depth)) return false;
        frames_.push_back(Frame{event == Event::object_start, 0, {}, {}});
        return true;
      case Event::key:
        // A key event comes even inside a discarded object; only kept objects have a frame.
        if (depth <= kMaxDepth && !problem_) note_key(parsed.get_ref<const std::string&>());
        return true;
      case Event::value:
        return enter_value(depth);
      case Event::object_end:
      case Event::array_end:
        // Ends are only reported for kept containers, exactly those that pushed a frame.
        frames_.pop_back();
        return true;
    }
    return true;
  }

  std::optional<Error> problem() const { return problem_; }

 private:
  struct Frame {
    bool is_object;
    std::size_t next_index;      // arrays: the index the next element gets
    std::string key;             // objects: the key of the member being read
    std::set<std::string> keys;  // objects: keys met so far
  };

  bool enter_value(int enclosing) {
    if (enclosing + 1 > kMaxDepth) {
      // Once too deep, every deeper value is discarded as well; only the first one is reported.
      if (!problem_) {
        problem_ = Error{ErrorCode::limit_exceeded, document_, here().str(),
                         "the " + std::string(document_) + " document is nested more than " +
                             std::to_string(kMaxDepth) + " levels deep"};
      }
      return false;
    }
    if (!frames_.empty() && !frames_.back().is_object) ++frames_.back().next_index;
    return true;
  }

  void note_key(const std::string& key) {
    Frame& object = frames_.back();
    object.key = key;
    if (!object.keys.insert(key).second) {
      problem_ = Error{ErrorCode::invalid_json, document_, here().str(),
                       "duplicate key \"" + key + "\" in the " + std::string(document_) + " document"};
    }
  }

  /// The pointer to the value being read: the current member or element of every open container.
  Pointer here() const {
    Pointer at;
    for (const Frame& frame : frames_) {
      at = frame.is_object ? at / frame.key : at / (frame.next_index == 0 ? 0 : frame.next_index - 1);
    }
    return at;
  }

  const char* document_;
  std::vector<Frame> frames_;
  std::optional<Error> problem_;
};

/// A SAX consumer that builds nothing and keeps the parser's own description of a syntax error.
struct SyntaxErrorProbe {
  std::string message;

  bool null() { return true; }
  bool boolean(bool) { return true; }
  bool number_integer(Json::number_integer_t) { return true; }
  bool number_unsigned(Json::number_unsigned_t) { return true; }
  bool number_float(Json::number_float_t, const Json::string_t&) { return true; }
  bool string(Json::string_t&) { return true; }
  bool binary(Json::binary_t&) { return true; }
  bool start_object(std::size_t) { return true; }
  bool key(Json::string_t&) { return true; }
  bool end_object() { return true; }
  bool start_array(std::size_t) { return true; }
  bool end_array() { return true; }
  bool parse_error(std::size_t, const std::string&, const nlohmann::detail::exception& ex) {
    message = ex.what();
    // Drop nlohmann's "[json.exception.parse_error.101] " tag: the shopper-facing text starts after it.
    if (const auto tag_end = message.find("] "); message.rfind("[json.exception.", 0) == 0 &&
                                                 tag_end != std::string::npos) {
      message.erase(0, tag_end + 2);
    }
    return false;
  }
};

std::string describe_syntax_error(std::string_view text) {
  SyntaxErrorProbe probe;
  Json::sax_parse(text, &probe, nlohmann::json::input_format_t::json, /*strict=*/true,
                  /*ignore_comments=*/false);
  return probe.message;
}

}  // namespace

Outcome<Json> parse_strict(std::string_view text, const char* document) {
  const std::string name = document;
  if (text.size() > kMaxDocumentBytes) {
    return Error{ErrorCode::limit_exceeded, name, "",
                 "the " + name + " document is " + std::to_string(text.size()) + " bytes; at most " +
                     std::to_string(kMaxDocumentBytes) + " (4 MiB) are allowed"};
  }
  // nlohmann's lexer treats a NUL byte as the end of the input (for C strings), which would accept
  // `{...}<NUL>anything`; raw NUL is never valid JSON, so it is refused first.
  if (const auto nul = text.find('\0'); nul != std::string_view::npos) {
    return Error{ErrorCode::invalid_json, name, "",
                 "the " + name + " document is not valid JSON: it holds a NUL byte at byte " + std::to_string(nul)};
  }
  // nlohmann's lexer skips one leading UTF-8 byte-order mark itself (and only one, only at the start).
  Watch watch(document);
  Json parsed = Json::parse(
      text, [&watch](int depth, nlohmann::json::parse_event_t event, Json& value) {
        return watch.on_event(depth, event, value);
      },
      /*allow_exceptions=*/false);
  // Events arrive in text order and parsing stops at a syntax error, so a problem the watch saw lies
  // before any syntax error and is the first thing wrong with the text.
  if (auto problem = watch.problem()) return *problem;
  if (parsed.is_discarded()) {
    return Error{ErrorCode::invalid_json, name, "",
                 "the " + name + " document is not valid JSON: " + describe_syntax_error(text)};
  }
  return parsed;
}

}  // namespace till::json_edge

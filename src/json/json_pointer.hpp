// JSON Pointers (RFC 6901) for error paths (§8).
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <utility>

namespace till::json_edge {

/// A pointer being built while a document is walked: "" is the whole document.
class Pointer {
 public:
  Pointer() = default;

  /// The member `key` of the object here; `~` and `/` are escaped as `~0` and `~1`.
  Pointer operator/(std::string_view key) const;
  /// The element `index` of the array here.
  Pointer operator/(std::size_t index) const;

  const std::string& str() const { return text_; }

 private:
  explicit Pointer(std::string text) : text_(std::move(text)) {}
  std::string text_;
};

}  // namespace till::json_edge

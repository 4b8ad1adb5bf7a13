#include "json/json_pointer.hpp"

namespace till::json_edge {

Pointer Pointer::operator/(std::string_view key) const {
  std::string text = text_;
  text.reserve(text.size() + key.size() + 1);
  text += '/';
  for (const char c : key) {
    if (c == '~') {
      text += "~0";
    } else if (c == '/') {
      text += "~1";
    } else {
      text += c;
    }
  }
  return Pointer(std::move(text));
}

Pointer Pointer::operator/(std::size_t index) const { return Pointer(text_ + '/' + std::to_string(index)); }

}  // namespace till::json_edge

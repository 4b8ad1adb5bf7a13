#include "json/checker.hpp"

#include <cmath>

namespace till::json_edge {
namespace {

constexpr std::size_t kMaxDescribed = 60;  // bytes of a value quoted in a message

bool contains(std::initializer_list<std::string_view> names, std::string_view name) {
  for (const std::string_view n : names) {
    if (n == name) return true;
  }
  return false;
}

bool is_identifier_char(char c) {
  return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_' || c == '.' ||
         c == '-';
}

std::string quote_text(std::string_view text) { return describe(Json(std::string(text))); }

}  // namespace

std::string describe(const Json& value) {
  // dump() cannot meet invalid UTF-8 here (the parser refused it), but `replace` keeps it from ever
  // throwing; nlohmann formats numbers itself, so the text is the same in every build and locale.
  std::string text = value.dump(-1, ' ', false, Json::error_handler_t::replace);
  if (text.size() <= kMaxDescribed) return text;
  std::size_t cut = kMaxDescribed;
  while (cut > 0 && (static_cast<unsigned char>(text[cut]) & 0xC0) == 0x80) --cut;  // whole UTF-8 characters
  return text.substr(0, cut) + "...";
}

const Json* find_member(const Json& object, std::string_view key) {
  const auto found = object.find(std::string(key));
  return found == object.end() ? nullptr : &*found;
}

bool Checker::fail(const Pointer& at, std::string message) {
  error_ = Error{invalid_, document_, at.str(), std::move(message)};
  return false;
}

bool Checker::fail_limit(const Pointer& at, std::string message) {
  error_ = Error{ErrorCode::limit_exceeded, document_, at.str(), std::move(message)};
  return false;
}

bool Checker::is_object(const Json& value, const Pointer& at, std::string_view what) {
  if (value.is_object()) return true;
  return fail(at, std::string(what) + " must be an object (got " + describe(value) + ")");
}

bool Checker::only_members(const Json& object, const Pointer& at, std::string_view what,
                           std::initializer_list<std::string_view> allowed) {
  for (const auto& [key, value] : object.items()) {
    if (!contains(allowed, key)) return fail(at / key, "unknown field " + quote_text(key) + " in " + std::string(what));
  }
  return true;
}

bool Checker::required_members(const Json& object, const Pointer& at, std::string_view what,
                               std::initializer_list<std::string_view> required) {
  for (const std::string_view key : required) {
    if (find_member(object, key) == nullptr) {
      return fail(at / key, std::string(what) + " needs " + quote_text(key));
    }
  }
  return true;
}

bool Checker::object(const Json& value, const Pointer& at, std::string_view what,
                     std::initializer_list<std::string_view> allowed,
                     std::initializer_list<std::string_view> required) {
  return is_object(value, at, what) && only_members(value, at, what, allowed) &&
         required_members(value, at, what, required);
}

bool Checker::is_array(const Json& value, const Pointer& at, std::string_view what) {
  if (value.is_array()) return true;
  return fail(at, std::string(what) + " must be an array (got " + describe(value) + ")");
}

bool Checker::integer(const Json& value, const Pointer& at, std::string_view what, std::int64_t min,
                      std::int64_t max, std::int64_t& out) {
  const std::string name(what);
  if (value.is_number_float()) {
    return fail(at, name + " must be an integer, written without a decimal point or exponent (got " +
                        describe(value) + ")");
  }
  if (!value.is_number_integer()) return fail(at, name + " must be an integer (got " + describe(value) + ")");
  if (value.is_number_unsigned() && value.get<std::uint64_t>() > static_cast<std::uint64_t>(max)) {
    return fail(at, name + " must be at most " + std::to_string(max) + " (got " + describe(value) + ")");
  }
  const std::int64_t number = value.get<std::int64_t>();
  if (number < min) return fail(at, name + " must be at least " + std::to_string(min) + " (got " + describe(value) + ")");
  if (number > max) return fail(at, name + " must be at most " + std::to_string(max) + " (got " + describe(value) + ")");
  out = number;
  return true;
}

bool Checker::percent(const Json& value, const Pointer& at, std::string_view what, Basis& out) {
  const std::string name(what);
  if (!value.is_number()) return fail(at, name + " must be a number (got " + describe(value) + ")");
  if (value.is_number_integer()) {
    std::int64_t whole = 0;
    if (!integer(value, at, what, 0, 100, whole)) return false;
    out = whole * 100;
    return true;
  }
  const double number = value.get<double>();
  if (number < 0) return fail(at, name + " must be at least 0 (got " + describe(value) + ")");
  if (number > 100) return fail(at, name + " must be at most 100 (got " + describe(value) + ")");
  // The document holds the nearest double to what was written: 12.5 * 100 is exact, 0.07 * 100 is
  // 7.000000000000001. Anything written with at most two decimals lands within 1e-6 of an integer.
  const double hundredths = number * 100;
  const double nearest = std::round(hundredths);
  if (std::fabs(hundredths - nearest) >= 1e-6) {
    return fail(at, name + " must have at most two decimal places (got " + describe(value) + ")");
  }
  out = static_cast<Basis>(nearest);
  return true;
}

bool Checker::boolean(const Json& value, const Pointer& at, std::string_view what, bool& out) {
  if (!value.is_boolean()) return fail(at, std::string(what) + " must be true or false (got " + describe(value) + ")");
  out = value.get<bool>();
  return true;
}

bool Checker::string(const Json& value, const Pointer& at, std::string_view what, std::string& out) {
  if (!value.is_string()) return fail(at, std::string(what) + " must be a string (got " + describe(value) + ")");
  out = value.get<std::string>();
  return true;
}

bool Checker::string_list(const Json& value, const Pointer& at, std::string_view what,
                          std::vector<std::string>& out) {
  if (!value.is_array()) {
    return fail(at, std::string(what) + " must be an array of strings (got " + describe(value) + ")");
  }
  std::vector<std::string> list;
  list.reserve(value.size());
  for (std::size_t i = 0; i < value.size(); ++i) {
    const Json& item = value[i];
    if (!item.is_string()) {
      return fail(at / i, std::string(what) + " must hold only strings (got " + describe(item) + ")");
    }
    list.push_back(item.get<std::string>());
  }
  out = std::move(list);
  return true;
}

bool Checker::identifier(const Json& value, const Pointer& at, std::string_view what, std::string& out) {
  std::string text;
  if (!string(value, at, what, text)) return false;
  bool valid = !text.empty() && text.size() <= 64;
  for (const char c : text) valid = valid && is_identifier_char(c);
  if (!valid) {
    return fail(at, std::string(what) + " must be 1 to 64 of the characters A-Z a-z 0-9 _ . - (got " +
                        describe(value) + ")");
  }
  out = std::move(text);
  return true;
}

bool Checker::currency_code(const Json& value, const Pointer& at, std::string_view what, std::string& out) {
  std::string text;
  if (!string(value, at, what, text)) return false;
  bool valid = text.size() == 3;
  for (const char c : text) valid = valid && c >= 'A' && c <= 'Z';
  if (!valid) {
    return fail(at, std::string(what) + " must be a three-letter upper-case currency code such as \"GBP\" (got " +
                        describe(value) + ")");
  }
  out = std::move(text);
  return true;
}

bool Checker::timestamp(const Json& value, const Pointer& at, std::string_view what, Timestamp& out) {
  std::string text;
  if (!string(value, at, what, text)) return false;
  const auto parsed = parse_timestamp(text);
  if (!parsed) {
    return fail(at, std::string(what) + " must be a real UTC time written YYYY-MM-DDTHH:MM:SS[.fraction]Z (got " +
                        describe(value) + ")");
  }
  out = *parsed;
  return true;
}

bool Checker::date(const Json& value, const Pointer& at, std::string_view what, Date& out) {
  std::string text;
  if (!string(value, at, what, text)) return false;
  const auto parsed = parse_date(text);
  if (!parsed) {
    return fail(at, std::string(what) + " must be a real date written YYYY-MM-DD (got " + describe(value) + ")");
  }
  out = *parsed;
  return true;
}

bool Checker::choice(const Json& value, const Pointer& at, std::string_view what,
                     std::initializer_list<std::string_view> choices, std::size_t& out) {
  std::string text;
  if (!string(value, at, what, text)) return false;
  std::size_t index = 0;
  std::string listed;
  for (const std::string_view c : choices) {
    if (c == text) {
      out = index;
      return true;
    }
    listed += (index == 0 ? "" : index + 1 == choices.size() ? " or " : ", ") + quote_text(c);
    ++index;
  }
  return fail(at, std::string(what) + " must be " + listed + " (got " + describe(value) + ")");
}

}  // namespace till::json_edge

// Validation of a parsed document against the SPEC (§1-§3, §8): the shared vocabulary of the rules and
// request readers. Every check either stores its value or records the document's one error and returns
// false, so a reader stops at the first thing wrong, in the order it checks (§8).
#pragma once

#include <cstdint>
#include <initializer_list>
#include <optional>
#include <string>
#include <string_view>
#include <type_traits>
#include <utility>
#include <vector>

#include "core/error.hpp"
#include "core/money.hpp"
#include "core/time.hpp"
#include "json/json_pointer.hpp"
#include "json/strict_parser.hpp"

namespace till::json_edge {

constexpr std::int64_t kMaxInteger = 9'007'199'254'740'992;  // 2^53: every other integer is in [-2^53, 2^53]
constexpr std::int64_t kMaxQuantity = 10'000;

/// A short rendering of a value for messages ("got 120", "got \"abc\""); long values are cut.
std::string describe(const Json& value);

/// `object[key]`, or nullptr when the member is absent.
const Json* find_member(const Json& object, std::string_view key);

class Checker {
 public:
  /// `invalid` is the code of a value the SPEC refuses (invalid_rules or invalid_request).
  Checker(ErrorCode invalid, std::string document) : invalid_(invalid), document_(std::move(document)) {}

  /// Records an `invalid` error at `at`; returns false so callers can `return cx.fail(...)`.
  bool fail(const Pointer& at, std::string message);
  /// Records a limit_exceeded error (§8 limits) at `at`; returns false.
  bool fail_limit(const Pointer& at, std::string message);
  Error error() const { return *error_; }

  /// `value` is an object; its members are all in `allowed` (the first other one in document order is
  /// refused) and, after that, all of `required` are present (the first missing one is reported where it
  /// belongs). `what` names the object in messages ("a promotion").
  bool object(const Json& value, const Pointer& at, std::string_view what,
              std::initializer_list<std::string_view> allowed, std::initializer_list<std::string_view> required);
  bool is_object(const Json& value, const Pointer& at, std::string_view what);
  bool only_members(const Json& object, const Pointer& at, std::string_view what,
                    std::initializer_list<std::string_view> allowed);
  bool required_members(const Json& object, const Pointer& at, std::string_view what,
                        std::initializer_list<std::string_view> required);
  bool is_array(const Json& value, const Pointer& at, std::string_view what);

  /// A JSON integer (never a float such as 10.0 or 1e3) in [min, max].
  bool integer(const Json& value, const Pointer& at, std::string_view what, std::int64_t min, std::int64_t max,
               std::int64_t& out);
  /// A percentage (§1): a number in [0, 100] with at most two decimals, as hundredths of a percent.
  bool percent(const Json& value, const Pointer& at, std::string_view what, Basis& out);
  bool boolean(const Json& value, const Pointer& at, std::string_view what, bool& out);
  bool string(const Json& value, const Pointer& at, std::string_view what, std::string& out);
  /// An array of strings ("skus", "categories", ...).
  bool string_list(const Json& value, const Pointer& at, std::string_view what, std::vector<std::string>& out);
  /// 1-64 of [A-Za-z0-9_.-] (§2.1).
  bool identifier(const Json& value, const Pointer& at, std::string_view what, std::string& out);
  /// Exactly three upper-case ASCII letters.
  bool currency_code(const Json& value, const Pointer& at, std::string_view what, std::string& out);
  bool timestamp(const Json& value, const Pointer& at, std::string_view what, Timestamp& out);
  bool date(const Json& value, const Pointer& at, std::string_view what, Date& out);
  /// A string equal to one of `choices`; `out` is its index.
  bool choice(const Json& value, const Pointer& at, std::string_view what,
              std::initializer_list<std::string_view> choices, std::size_t& out);

  /// Reads the member `key` of `object` with `read(value, pointer, key, out)` when it is present and
  /// leaves `out` untouched when it is absent. `out` may be a plain field (keeping its default) or a
  /// std::optional, which is then set.
  template <class T, class Read>
  bool member(const Json& object, const Pointer& at, std::string_view key, T& out, Read&& read) {
    const Json* value = find_member(object, key);
    if (value == nullptr) return true;
    if constexpr (is_optional<T>::value) {
      typename T::value_type read_value{};
      if (!read(*value, at / key, key, read_value)) return false;
      out = std::move(read_value);
      return true;
    } else {
      return read(*value, at / key, key, out);
    }
  }

 private:
  template <class T>
  struct is_optional : std::false_type {};
  template <class T>
  struct is_optional<std::optional<T>> : std::true_type {};

  ErrorCode invalid_;
  std::string document_;
  std::optional<Error> error_;
};

/// Value readers for Checker::member, one per kind of field in the SPEC.
struct Integer {
  Checker& cx;
  std::int64_t min = -kMaxInteger;
  std::int64_t max = kMaxInteger;
  bool operator()(const Json& v, const Pointer& at, std::string_view what, std::int64_t& out) const {
    return cx.integer(v, at, what, min, max, out);
  }
};
/// An amount in minor units, [0, 10^12] (§1).
struct Amount {
  Checker& cx;
  bool operator()(const Json& v, const Pointer& at, std::string_view what, Money& out) const {
    return cx.integer(v, at, what, 0, kMaxAmount, out);
  }
};
/// A quantity, [1, 10000] (§1).
struct Quantity {
  Checker& cx;
  bool operator()(const Json& v, const Pointer& at, std::string_view what, std::int64_t& out) const {
    return cx.integer(v, at, what, 1, kMaxQuantity, out);
  }
};
/// A count of orders, days or uses: [0, 2^53].
struct Count {
  Checker& cx;
  bool operator()(const Json& v, const Pointer& at, std::string_view what, std::int64_t& out) const {
    return cx.integer(v, at, what, 0, kMaxInteger, out);
  }
};
struct Percent {
  Checker& cx;
  bool operator()(const Json& v, const Pointer& at, std::string_view what, Basis& out) const {
    return cx.percent(v, at, what, out);
  }
};
struct Boolean {
  Checker& cx;
  bool operator()(const Json& v, const Pointer& at, std::string_view what, bool& out) const {
    return cx.boolean(v, at, what, out);
  }
};
struct Text {
  Checker& cx;
  bool operator()(const Json& v, const Pointer& at, std::string_view what, std::string& out) const {
    return cx.string(v, at, what, out);
  }
};
struct TextList {
  Checker& cx;
  bool operator()(const Json& v, const Pointer& at, std::string_view what, std::vector<std::string>& out) const {
    return cx.string_list(v, at, what, out);
  }
};
struct Instant {
  Checker& cx;
  bool operator()(const Json& v, const Pointer& at, std::string_view what, Timestamp& out) const {
    return cx.timestamp(v, at, what, out);
  }
};

}  // namespace till::json_edge

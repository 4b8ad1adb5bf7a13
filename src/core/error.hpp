// Errors are values (SPEC §8): the core never throws across its boundary.
#pragma once

#include <string>
#include <utility>
#include <variant>

namespace till {

enum class ErrorCode { invalid_json, invalid_rules, invalid_request, currency_mismatch, limit_exceeded };

const char* to_string(ErrorCode code);

/// One error object of SPEC §8. `document` is "rules" or "request"; `path` is a JSON Pointer to the
/// offending value, or to where a missing member belongs ("" for the whole document).
struct Error {
  ErrorCode code;
  std::string document;
  std::string path;
  std::string message;
};

/// A value or an Error, never both.
template <class T>
class Outcome {
 public:
  Outcome(T value) : state_(std::move(value)) {}          // NOLINT(google-explicit-constructor)
  Outcome(Error error) : state_(std::move(error)) {}      // NOLINT(google-explicit-constructor)

  bool ok() const { return state_.index() == 0; }
  explicit operator bool() const { return ok(); }
  T& value() { return std::get<0>(state_); }
  const T& value() const { return std::get<0>(state_); }
  T* operator->() { return &value(); }
  const T* operator->() const { return &value(); }
  T& operator*() { return value(); }
  const T& operator*() const { return value(); }
  const Error& error() const { return std::get<1>(state_); }

 private:
  std::variant<T, Error> state_;
};

}  // namespace till

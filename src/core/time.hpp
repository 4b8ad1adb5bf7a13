// UTC instants and calendar dates, without the C library's time zone machinery (identical in every build).
#pragma once

#include <compare>
#include <cstdint>
#include <optional>
#include <string_view>

namespace till {

/// An instant: seconds since 1970-01-01T00:00:00Z and nanoseconds within that second (digits of a
/// fraction beyond nine are dropped).
struct Timestamp {
  std::int64_t seconds = 0;
  std::int32_t nanos = 0;
  auto operator<=>(const Timestamp&) const = default;
};

/// A calendar date (proleptic Gregorian).
struct Date {
  int year = 1970;
  int month = 1;
  int day = 1;
  auto operator<=>(const Date&) const = default;
};

/// Parses exactly `YYYY-MM-DDTHH:MM:SS[.fraction]Z` with a real calendar date; nullopt otherwise.
std::optional<Timestamp> parse_timestamp(std::string_view text);

/// Parses exactly `YYYY-MM-DD` with a real calendar date; nullopt otherwise.
std::optional<Date> parse_date(std::string_view text);

/// Days since 1970-01-01 of a date (negative before).
std::int64_t days_from_civil(const Date& date);

/// The UTC calendar date of an instant.
Date utc_date(const Timestamp& instant);

bool is_leap_year(int year);

/// Days from `today` until the next anniversary of `birthday` (0 when it is today). A 29 February
/// birthday falls on 28 February in years that are not leap years (§2.4).
std::int64_t days_until_birthday(const Date& birthday, const Date& today);

}  // namespace till

// Calendar arithmetic for UTC instants and dates (time.hpp). Pure integer arithmetic on the proleptic
// Gregorian calendar (H. Hinnant's civil-from-days algorithms), so every build agrees and no time zone
// database or C library time function is involved.
#include "core/time.hpp"

namespace till {
namespace {

constexpr std::int64_t kSecondsPerDay = 86'400;

/// Reads exactly `count` ASCII digits at `at`; nullopt when any of them is not a digit.
std::optional<int> digits(std::string_view text, std::size_t at, std::size_t count) {
  if (at + count > text.size()) return std::nullopt;
  int value = 0;
  for (std::size_t i = at; i < at + count; ++i) {
    const char c = text[i];
    if (c < '0' || c > '9') return std::nullopt;
    value = value * 10 + (c - '0');
  }
  return value;
}

int days_in_month(int year, int month) {
  static constexpr int kDays[12] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  return month == 2 && is_leap_year(year) ? 29 : kDays[month - 1];
}

/// `YYYY-MM-DD` at the start of `text` (a real date), ignoring anything after it.
std::optional<Date> date_prefix(std::string_view text) {
  const auto year = digits(text, 0, 4);
  const auto month = digits(text, 5, 2);
  const auto day = digits(text, 8, 2);
  if (!year || !month || !day || text[4] != '-' || text[7] != '-') return std::nullopt;
  if (*month < 1 || *month > 12 || *day < 1 || *day > days_in_month(*year, *month)) return std::nullopt;
  return Date{*year, *month, *day};
}

Date civil_from_days(std::int64_t days) {
  days += 719'468;
  const std::int64_t era = (days >= 0 ? days : days - 146'096) / 146'097;
  const std::int64_t day_of_era = days - era * 146'097;
  const std::int64_t year_of_era =
      (day_of_era - day_of_era / 1460 + day_of_era / 36'524 - day_of_era / 146'096) / 365;
  const std::int64_t day_of_year = day_of_era - (365 * year_of_era + year_of_era / 4 - year_of_era / 100);
  const std::int64_t shifted_month = (5 * day_of_year + 2) / 153;  // March is 0
  const int day = static_cast<int>(day_of_year - (153 * shifted_month + 2) / 5 + 1);
  const int month = static_cast<int>(shifted_month < 10 ? shifted_month + 3 : shifted_month - 9);
  const int year = static_cast<int>(year_of_era + era * 400 + (month <= 2 ? 1 : 0));
  return Date{year, month, day};
}

/// The anniversary of `birthday` in `year`; 29 February falls on 28 February outside leap years (§2.4).
Date anniversary(const Date& birthday, int year) {
  if (birthday.month == 2 && birthday.day == 29 && !is_leap_year(year)) return Date{year, 2, 28};
  return Date{year, birthday.month, birthday.day};
}

}  // namespace

bool is_leap_year(int year) { return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0; }

std::int64_t days_from_civil(const Date& date) {
  const std::int64_t year = date.month <= 2 ? date.year - 1 : date.year;
  const std::int64_t era = (year >= 0 ? year : year - 399) / 400;
  const std::int64_t year_of_era = year - era * 400;
  const std::int64_t month_from_march = date.month > 2 ? date.month - 3 : date.month + 9;
  const std::int64_t day_of_year = (153 * month_from_march + 2) / 5 + date.day - 1;
  const std::int64_t day_of_era = year_of_era * 365 + year_of_era / 4 - year_of_era / 100 + day_of_year;
  return era * 146'097 + day_of_era - 719'468;
}

std::optional<Date> parse_date(std::string_view text) {
  if (text.size() != 10) return std::nullopt;
  return date_prefix(text);
}

std::optional<Timestamp> parse_timestamp(std::string_view text) {
  // YYYY-MM-DDTHH:MM:SS is 19 characters, then an optional .fraction (at least one digit), then Z.
  if (text.size() < 20 || text.back() != 'Z') return std::nullopt;
  const auto date = date_prefix(text);
  const auto hour = digits(text, 11, 2);
  const auto minute = digits(text, 14, 2);
  const auto second = digits(text, 17, 2);
  if (!date || text[10] != 'T' || text[13] != ':' || text[16] != ':' || !hour || !minute || !second) {
    return std::nullopt;
  }
  // A leap second (:60) is refused: no clock the engine compares with can name it.
  if (*hour > 23 || *minute > 59 || *second > 59) return std::nullopt;

  std::int32_t nanos = 0;
  const std::string_view fraction = text.substr(19, text.size() - 20);
  if (!fraction.empty()) {
    if (fraction.size() < 2 || fraction[0] != '.') return std::nullopt;
    std::int32_t scale = 100'000'000;
    for (std::size_t i = 1; i < fraction.size(); ++i) {
      const char c = fraction[i];
      if (c < '0' || c > '9') return std::nullopt;
      nanos += (c - '0') * scale;  // digits beyond the ninth have scale 0: dropped, as time.hpp says
      scale /= 10;
    }
  }
  const std::int64_t seconds =
      days_from_civil(*date) * kSecondsPerDay + *hour * 3600 + *minute * 60 + *second;
  return Timestamp{seconds, nanos};
}

Date utc_date(const Timestamp& instant) {
  const std::int64_t seconds = instant.seconds;
  const std::int64_t days = seconds >= 0 ? seconds / kSecondsPerDay : -((-seconds + kSecondsPerDay - 1) / kSecondsPerDay);
  return civil_from_days(days);
}

std::int64_t days_until_birthday(const Date& birthday, const Date& today) {
  Date next = anniversary(birthday, today.year);
  if (next < today) next = anniversary(birthday, today.year + 1);
  return days_from_civil(next) - days_from_civil(today);
}

}  // namespace till

// UTC times and dates (time.hpp): the exact formats of §2.1 and §3, and the birthday arithmetic of §2.4.
#include <catch2/catch.hpp>
#include <string>

#include "core/time.hpp"

using till::Date;
using till::Timestamp;

TEST_CASE("timestamps parse to seconds since the epoch and nanoseconds", "[time]") {
  CHECK(till::parse_timestamp("1970-01-01T00:00:00Z") == Timestamp{0, 0});
  CHECK(till::parse_timestamp("2026-11-22T10:00:00Z") == Timestamp{1'795'341'600, 0});
  CHECK(till::parse_timestamp("2000-02-29T23:59:59Z") == Timestamp{951'868'799, 0});
  CHECK(till::parse_timestamp("1969-12-31T23:59:59Z") == Timestamp{-1, 0});
  CHECK(till::parse_timestamp("9999-12-31T23:59:59Z") == Timestamp{253'402'300'799, 0});
}

TEST_CASE("timestamp fractions keep nanoseconds and drop digits beyond nine", "[time]") {
  CHECK(till::parse_timestamp("2026-01-01T00:00:00.5Z")->nanos == 500'000'000);
  CHECK(till::parse_timestamp("2026-01-01T00:00:00.123456789Z")->nanos == 123'456'789);
  CHECK(till::parse_timestamp("2026-01-01T00:00:00.1234567891234Z")->nanos == 123'456'789);
  CHECK(till::parse_timestamp("2026-01-01T00:00:00.000Z")->nanos == 0);
  CHECK(*till::parse_timestamp("2026-01-01T00:00:00.1Z") > *till::parse_timestamp("2026-01-01T00:00:00Z"));
}

TEST_CASE("timestamps in any other shape, or with a date that does not exist, are refused", "[time]") {
  const char* bad[] = {
      "",
      "2026-11-22",
      "2026-11-22T10:00:00",          // no Z
      "2026-11-22T10:00:00+00:00",    // offsets are not accepted
      "2026-11-22 10:00:00Z",         // space instead of T
      "2026-11-22t10:00:00Z",
      "2026-11-22T10:00:00z",
      "2026-11-22T10:00Z",
      "26-11-22T10:00:00Z",
      "+2026-11-22T10:00:00Z",
      "2026-1-22T10:00:00Z",
      "2026-11-22T10:00:00.Z",        // a fraction needs a digit
      "2026-11-22T10:00:00.5.5Z",
      "2026-11-22T10:00:00,5Z",
      "2026-11-22T24:00:00Z",
      "2026-11-22T10:60:00Z",
      "2026-11-22T10:00:60Z",         // leap seconds are refused
      "2026-13-01T00:00:00Z",
      "2026-00-01T00:00:00Z",
      "2026-11-00T00:00:00Z",
      "2026-11-31T00:00:00Z",
      "2025-02-29T00:00:00Z",         // not a leap year
      "1900-02-29T00:00:00Z",         // divisible by 100, not by 400
      "2026-11-22T10:00:00Z ",
      "2026-11-22T1a:00:00Z",
  };
  for (const char* text : bad) {
    INFO(text);
    CHECK_FALSE(till::parse_timestamp(text).has_value());
  }
  CHECK(till::parse_timestamp("2024-02-29T12:00:00Z").has_value());
  CHECK(till::parse_timestamp("2000-02-29T12:00:00Z").has_value());
}

TEST_CASE("dates are exactly YYYY-MM-DD with a real calendar date", "[time]") {
  CHECK(till::parse_date("1990-11-30") == Date{1990, 11, 30});
  CHECK(till::parse_date("2024-02-29") == Date{2024, 2, 29});
  CHECK_FALSE(till::parse_date("2023-02-29").has_value());
  CHECK_FALSE(till::parse_date("1990-11-31").has_value());
  CHECK_FALSE(till::parse_date("1990-11-3").has_value());
  CHECK_FALSE(till::parse_date("1990-11-30T00:00:00Z").has_value());
  CHECK_FALSE(till::parse_date("1990/11/30").has_value());
  CHECK_FALSE(till::parse_date("").has_value());
}

TEST_CASE("leap years follow the Gregorian rule", "[time]") {
  CHECK(till::is_leap_year(2024));
  CHECK(till::is_leap_year(2000));
  CHECK(till::is_leap_year(1600));
  CHECK_FALSE(till::is_leap_year(2023));
  CHECK_FALSE(till::is_leap_year(1900));
  CHECK_FALSE(till::is_leap_year(2100));
}

TEST_CASE("days_from_civil and utc_date are inverse", "[time]") {
  CHECK(till::days_from_civil(Date{1970, 1, 1}) == 0);
  CHECK(till::days_from_civil(Date{1970, 1, 2}) == 1);
  CHECK(till::days_from_civil(Date{1969, 12, 31}) == -1);
  CHECK(till::days_from_civil(Date{2000, 3, 1}) == 11'017);
  CHECK(till::days_from_civil(Date{2026, 11, 22}) == 20'779);
  for (std::int64_t day = -800'000; day <= 800'000; day += 997) {
    const Date date = till::utc_date(Timestamp{day * 86'400 + 3'600, 0});
    REQUIRE(till::days_from_civil(date) == day);
  }
  CHECK(till::utc_date(Timestamp{-1, 0}) == Date{1969, 12, 31});
  CHECK(till::utc_date(Timestamp{-86'400, 0}) == Date{1969, 12, 31});
  CHECK(till::utc_date(Timestamp{-86'401, 0}) == Date{1969, 12, 30});
  CHECK(till::utc_date(*till::parse_timestamp("2026-11-22T23:59:59.999Z")) == Date{2026, 11, 22});
}

TEST_CASE("days until the next birthday count today as 0", "[time]") {
  const Date today{2026, 11, 22};
  CHECK(till::days_until_birthday(Date{1990, 11, 22}, today) == 0);
  CHECK(till::days_until_birthday(Date{1990, 11, 30}, today) == 8);
  CHECK(till::days_until_birthday(Date{1990, 11, 21}, today) == 364);  // 2027 is not a leap year
  CHECK(till::days_until_birthday(Date{1990, 1, 1}, today) == 40);
  CHECK(till::days_until_birthday(Date{1990, 12, 31}, Date{2027, 12, 31}) == 0);
  CHECK(till::days_until_birthday(Date{1990, 1, 1}, Date{2027, 12, 31}) == 1);
  CHECK(till::days_until_birthday(Date{1990, 3, 1}, Date{2024, 2, 28}) == 2);  // across a 29 February
}

TEST_CASE("a 29 February birthday falls on 28 February outside leap years", "[time]") {
  const Date leapling{2000, 2, 29};
  CHECK(till::days_until_birthday(leapling, Date{2026, 2, 28}) == 0);
  CHECK(till::days_until_birthday(leapling, Date{2026, 2, 27}) == 1);
  CHECK(till::days_until_birthday(leapling, Date{2026, 3, 1}) == 364);  // next: 2027-02-28
  CHECK(till::days_until_birthday(leapling, Date{2028, 2, 28}) == 1);   // 2028 is a leap year
  CHECK(till::days_until_birthday(leapling, Date{2028, 2, 29}) == 0);
  CHECK(till::days_until_birthday(leapling, Date{2027, 3, 1}) == 365);  // next: 2028-02-29
}

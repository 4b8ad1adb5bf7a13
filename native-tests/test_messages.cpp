// Shopper-facing text (§7): money in the store's currency and message templates.
#include <catch2/catch.hpp>
#include <string>

#include "core/messages.hpp"

TEST_CASE("format_money uses symbols for GBP, EUR and USD", "[messages]") {
  CHECK(till::format_money(123456, "GBP", 100) == "£1,234.56");
  CHECK(till::format_money(500, "EUR", 100) == "€5.00");
  CHECK(till::format_money(99, "USD", 100) == "$0.99");
  CHECK(till::format_money(0, "GBP", 100) == "£0.00");
  CHECK(till::format_money(1111, "GBP", 100) == "£11.11");  // §6's example gap
  CHECK(till::format_money(5, "GBP", 100) == "£0.05");      // leading zero of the pence kept
}

TEST_CASE("format_money writes other codes after the number", "[messages]") {
  CHECK(till::format_money(1000, "JPY", 1) == "1,000 JPY");
  CHECK(till::format_money(10020, "KWD", 1000) == "10.020 KWD");
  CHECK(till::format_money(7, "KWD", 1000) == "0.007 KWD");
  // A code outside ISO 4217 with its stated minor units.
  CHECK(till::format_money(12345, "XTS", 10) == "1,234.5 XTS");
  CHECK(till::format_money(123456789, "ABC", 10000) == "12,345.6789 ABC");
}

TEST_CASE("format_money puts a comma every three digits", "[messages]") {
  CHECK(till::format_money(99999, "GBP", 100) == "£999.99");      // no separator below 1,000
  CHECK(till::format_money(100000, "GBP", 100) == "£1,000.00");
  CHECK(till::format_money(100000000000, "GBP", 100) == "£1,000,000,000.00");
  CHECK(till::format_money(1000000000000, "JPY", 1) == "1,000,000,000,000 JPY");  // 10^12, the largest amount
  CHECK(till::format_money(123456, "JPY", 1) == "123,456 JPY");
}

TEST_CASE("format_money never produces a negative sign for amounts in range", "[messages]") {
  for (till::Money amount : {till::Money{0}, till::Money{1}, till::Money{100}, till::kMaxAmount})
    CHECK(till::format_money(amount, "USD", 100).find('-') == std::string::npos);
}

TEST_CASE("render_template replaces every placeholder", "[messages]") {
  till::MessageValues values;
  values.name = "Free shipping";
  values.gap = "£10.02";
  values.quantity = "2";
  values.benefit = "£4.95";
  values.code = "SHIP";
  CHECK(till::render_template("{name}|{gap}|{quantity}|{benefit}|{code}", values) ==
        "Free shipping|£10.02|2|£4.95|SHIP");
  CHECK(till::render_template("Spend {gap} more for {name}", values) == "Spend £10.02 more for Free shipping");
  CHECK(till::render_template("{gap}{gap}", values) == "£10.02£10.02");  // every occurrence
  CHECK(till::render_template("no placeholders", values) == "no placeholders");
  CHECK(till::render_template("", values).empty());
}

TEST_CASE("render_template: a missing value becomes empty, an unknown placeholder is kept", "[messages]") {
  till::MessageValues values;
  values.name = "Deal";
  CHECK(till::render_template("Use code {code} for {name}", values) == "Use code  for Deal");
  CHECK(till::render_template("{price} and {Name} for {name}", values) == "{price} and {Name} for Deal");
  CHECK(till::render_template("{name", values) == "{name");  // unclosed: left as written
  CHECK(till::render_template("{}", values) == "{}");
  // A value is inserted as text, never re-read as a template.
  till::MessageValues nested;
  nested.name = std::string("{gap}");
  nested.gap = std::string("£1.00");
  CHECK(till::render_template("{name}", nested) == "{gap}");
}

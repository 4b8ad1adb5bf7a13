// The ISO 4217 table (§1) and coupon code normalisation (§2.1).
#include <catch2/catch.hpp>
#include <string>

#include "core/currency.hpp"
#include "core/rules.hpp"

TEST_CASE("ISO 4217 minor units per major unit", "[currency]") {
  CHECK(till::iso4217_minor_units("GBP") == 100);
  CHECK(till::iso4217_minor_units("EUR") == 100);
  CHECK(till::iso4217_minor_units("USD") == 100);
  CHECK(till::iso4217_minor_units("JPY") == 1);
  CHECK(till::iso4217_minor_units("KRW") == 1);
  CHECK(till::iso4217_minor_units("ISK") == 1);
  CHECK(till::iso4217_minor_units("KWD") == 1000);
  CHECK(till::iso4217_minor_units("BHD") == 1000);
  CHECK(till::iso4217_minor_units("TND") == 1000);
  CHECK(till::iso4217_minor_units("CLF") == 10000);
  CHECK(till::iso4217_minor_units("UYW") == 10000);
  CHECK(till::iso4217_minor_units("AED") == 100);  // first in the table
  CHECK(till::iso4217_minor_units("ZWG") == 100);
}

TEST_CASE("codes ISO 4217 does not list, or lists without minor units, have none", "[currency]") {
  CHECK_FALSE(till::iso4217_minor_units("XBT").has_value());
  CHECK_FALSE(till::iso4217_minor_units("XAU").has_value());  // gold
  CHECK_FALSE(till::iso4217_minor_units("XTS").has_value());  // testing code
  CHECK_FALSE(till::iso4217_minor_units("gbp").has_value());  // codes are upper case
  CHECK_FALSE(till::iso4217_minor_units("GB").has_value());
  CHECK_FALSE(till::iso4217_minor_units("").has_value());
  CHECK_FALSE(till::iso4217_minor_units("AAA").has_value());  // before the first entry
  CHECK_FALSE(till::iso4217_minor_units("ZZZ").has_value());  // after the last
}

TEST_CASE("coupon codes compare trimmed and ASCII case-folded", "[currency][coupon]") {
  CHECK(till::normalize_code("disc10") == "DISC10");
  CHECK(till::normalize_code("  Disc10\t\r\n") == "DISC10");
  CHECK(till::normalize_code("a b") == "A B");  // inner space is kept
  CHECK(till::normalize_code("   ") == "");
  CHECK(till::normalize_code("") == "");
  CHECK(till::normalize_code("caf\xC3\xA9") == "CAF\xC3\xA9");  // é is compared exactly, not folded
  CHECK(till::normalize_code("\xC2\xA0x") == "\xC2\xA0X");     // a no-break space is not ASCII space
}

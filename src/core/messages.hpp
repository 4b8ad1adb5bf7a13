// Shopper-facing text (§7): money formatting and message templates.
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "core/money.hpp"

namespace till {

/// `amount` (minor units) as shoppers read it: `£1,234.56`, `€5.00`, `$0.99` for GBP, EUR and USD, otherwise
/// the number then the code: `1,000 JPY`, `10.020 KWD`. `minor_units` is 1, 10, 100, 1000 or 10000.
std::string format_money(Money amount, const std::string& currency, std::int64_t minor_units);

/// The values a message template may use; an absent value renders as empty text.
struct MessageValues {
  std::optional<std::string> name;
  std::optional<std::string> gap;
  std::optional<std::string> quantity;
  std::optional<std::string> benefit;
  std::optional<std::string> code;
};

/// Replaces `{name}`, `{gap}`, `{quantity}`, `{benefit}` and `{code}`; any other `{...}` is left as written.
std::string render_template(std::string_view text, const MessageValues& values);

}  // namespace till

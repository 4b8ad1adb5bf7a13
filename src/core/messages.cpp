#include "core/messages.hpp"

namespace till {

std::string format_money(Money amount, const std::string& currency, std::int64_t minor_units) {
  const bool negative = amount < 0;
  const Money magnitude = negative ? -amount : amount;
  int decimals = 0;
  for (std::int64_t m = minor_units; m > 1; m /= 10) ++decimals;
  const std::string whole = std::to_string(magnitude / minor_units);
  std::string grouped;
  for (std::size_t i = 0; i < whole.size(); ++i) {
    if (i > 0 && (whole.size() - i) % 3 == 0) grouped += ',';
    grouped += whole[i];
  }
  if (decimals > 0) {
    std::string fraction = std::to_string(magnitude % minor_units);
    fraction.insert(0, static_cast<std::size_t>(decimals) - fraction.size(), '0');
    grouped += '.' + fraction;
  }
  const std::string sign = negative ? "-" : "";
  if (currency == "GBP") return sign + "\xC2\xA3" + grouped;
  if (currency == "EUR") return sign + "\xE2\x82\xAC" + grouped;
  if (currency == "USD") return sign + "$" + grouped;
  return sign + grouped + " " + currency;
}

std::string render_template(std::string_view text, const MessageValues& values) {
  std::string out;
  std::size_t i = 0;
  while (i < text.size()) {
    const std::size_t open = text.find('{', i);
    if (open == std::string_view::npos) break;
    const std::size_t close = text.find('}', open + 1);
    if (close == std::string_view::npos) break;
    out.append(text.substr(i, open - i));
    const std::string_view key = text.substr(open + 1, close - open - 1);
    const std::optional<std::string>* value = nullptr;
    if (key == "name") value = &values.name;
    else if (key == "gap") value = &values.gap;
    else if (key == "quantity") value = &values.quantity;
    else if (key == "benefit") value = &values.benefit;
    else if (key == "code") value = &values.code;
    if (value) {
      if (*value) out += **value;
      i = close + 1;
    } else {
      out += '{';  // not a placeholder: keep it and look for one after this brace
      i = open + 1;
    }
  }
  out.append(text.substr(i));
  return out;
}

}  // namespace till

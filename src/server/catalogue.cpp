// The catalogue reader. The file is the merchant's, but it is still checked as strictly as a request: a
// typo in it would otherwise price every checkout of that sku wrongly.
#include "server/catalogue.hpp"

#include "json/strict_parser.hpp"

namespace till::server {

namespace {

using json_edge::Json;

bool read_strings(const Json& entry, const char* field, std::vector<std::string>& out, std::string& error) {
  const auto found = entry.find(field);
  if (found == entry.end()) return true;
  if (!found->is_array()) {
    error = std::string(field) + " must be an array of strings";
    return false;
  }
  for (const Json& value : *found) {
    if (!value.is_string()) {
      error = std::string(field) + " must be an array of strings";
      return false;
    }
    out.push_back(value.get<std::string>());
  }
  return true;
}

bool read_item(const Json& entry, std::string& sku, CatalogueItem& item, std::string& error) {
  if (!entry.is_object()) {
    error = "must be an object";
    return false;
  }
  for (const auto& [key, value] : entry.items()) {
    if (key != "sku" && key != "name" && key != "unit_price" && key != "categories" && key != "tags" &&
        key != "brand") {
      error = "unknown field \"" + key + "\"";
      return false;
    }
  }
  const auto sku_value = entry.find("sku");
  if (sku_value == entry.end() || !sku_value->is_string() || sku_value->get<std::string>().empty()) {
    error = "sku must be a non-empty string";
    return false;
  }
  sku = sku_value->get<std::string>();
  const auto name = entry.find("name");
  if (name == entry.end() || !name->is_string()) {
    error = "name must be a string (sku " + sku + ")";
    return false;
  }
  item.name = name->get<std::string>();
  const auto price = entry.find("unit_price");
  if (price == entry.end() || !(price->is_number_unsigned() || price->is_number_integer()) ||
      price->get<std::int64_t>() < 0 || price->get<std::int64_t>() > kMaxAmount) {
    error = "unit_price must be an integer in [0, 10^12] (sku " + sku + ")";
    return false;
  }
  item.unit_price = price->get<std::int64_t>();
  if (!read_strings(entry, "categories", item.categories, error) || !read_strings(entry, "tags", item.tags, error)) {
    error += " (sku " + sku + ")";
    return false;
  }
  if (const auto brand = entry.find("brand"); brand != entry.end()) {
    if (!brand->is_string()) {
      error = "brand must be a string (sku " + sku + ")";
      return false;
    }
    item.brand = brand->get<std::string>();
  }
  return true;
}

}  // namespace

bool read_catalogue(std::string_view text, Catalogue& catalogue, std::string& error) {
  const auto parsed = json_edge::parse_strict(text, "catalogue");
  if (!parsed) {
    error = parsed.error().message;
    return false;
  }
  if (!parsed->is_array()) {
    error = "a catalogue must be a JSON array of items";
    return false;
  }
  catalogue.clear();
  for (std::size_t i = 0; i < parsed->size(); ++i) {
    std::string sku;
    CatalogueItem item;
    if (!read_item((*parsed)[i], sku, item, error)) {
      error = "item " + std::to_string(i) + ": " + error;
      return false;
    }
    if (!catalogue.emplace(sku, std::move(item)).second) {
      error = "item " + std::to_string(i) + ": sku " + sku + " is listed twice";
      return false;
    }
  }
  return true;
}

}  // namespace till::server

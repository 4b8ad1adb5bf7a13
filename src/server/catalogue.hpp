// The store's own catalogue: the prices and attributes the server trusts, whatever a page sends.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "core/money.hpp"

namespace till::server {

struct CatalogueItem {
  std::string name;
  Money unit_price = 0;  // minor units of the rule set's currency
  std::vector<std::string> categories;
  std::vector<std::string> tags;
  std::optional<std::string> brand;
};

using Catalogue = std::unordered_map<std::string, CatalogueItem>;  // by sku

/// Reads a catalogue document: a JSON array of {sku, name, unit_price, categories?, tags?, brand?} with
/// unique non-empty skus and unit prices in [0, 10^12] (SPEC §1). Returns false and a message naming
/// the offending entry when the text is not such a document.
bool read_catalogue(std::string_view text, Catalogue& catalogue, std::string& error);

}  // namespace till::server

#include "server/snapshot.hpp"

#include <fstream>
#include <sstream>

#include "json/document_readers.hpp"
#include "json/json_api.hpp"
#include "server/digest.hpp"

namespace till::server {

namespace {

bool read_file(const std::string& path, std::string& text, std::string& error) {
  std::ifstream file(path, std::ios::binary);
  if (!file) {
    error = path + ": cannot be read";
    return false;
  }
  std::ostringstream buffer;
  buffer << file.rdbuf();
  if (file.bad()) {
    error = path + ": cannot be read";
    return false;
  }
  text = buffer.str();
  return true;
}

std::string describe(const Error& error) {
  return std::string(to_string(error.code)) + " at \"" + error.path + "\": " + error.message;
}

}  // namespace

std::shared_ptr<const Snapshot> load_snapshot(const std::string& rules_path, const std::string& catalogue_path,
                                              std::string& error) {
  std::string rules_text;
  std::string catalogue_text;
  if (!read_file(rules_path, rules_text, error) || !read_file(catalogue_path, catalogue_text, error)) return nullptr;

  auto snapshot = std::make_shared<Snapshot>();
  const auto document = json_edge::parse_strict(rules_text, "rules");
  if (!document) {
    error = rules_path + ": " + describe(document.error());
    return nullptr;
  }
  auto rules = json_edge::rules_from_json(*document);
  if (!rules) {
    error = rules_path + ": " + describe(rules.error());
    return nullptr;
  }
  snapshot->rules = std::move(*rules);
  auto view = public_view(rules_text);
  if (!view) {
    error = rules_path + ": " + describe(view.error());
    return nullptr;
  }
  snapshot->public_view = std::move(*view);
  snapshot->etag = "\"" + sha256_hex(snapshot->public_view).substr(0, 32) + "\"";

  // The validation above guarantees that promotions, when present, is an array of objects in the order
  // of rules.promotions.
  if (const auto promotions = document->find("promotions"); promotions != document->end()) {
    for (const auto& promotion : *promotions) snapshot->promotion_documents.push_back(promotion);
  }
  for (std::size_t i = 0; i < snapshot->rules.promotions.size(); ++i) {
    const Promotion& promotion = snapshot->rules.promotions[i];
    if (promotion.coupon) {
      for (const std::string& code : promotion.coupon->normalized_codes) {
        auto& indexes = snapshot->promotions_by_code[code];
        if (indexes.empty() || indexes.back() != i) indexes.push_back(i);
      }
    }
    if (promotion.usage_limit) snapshot->usage_limited.push_back(promotion.id);
  }

  if (!read_catalogue(catalogue_text, snapshot->catalogue, error)) {
    error = catalogue_path + ": " + error;
    return nullptr;
  }
  return snapshot;
}

}  // namespace till::server

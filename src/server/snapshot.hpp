// One consistent view of what the server prices with: the rule set and the catalogue, read together and
// swapped together. Requests hold a shared_ptr to the snapshot they started with, so a reload (SIGHUP)
// never changes the rules under a request in flight.
#pragma once

#include <atomic>
#include <map>
#include <memory>
#include <string>
#include <vector>

#include "core/rules.hpp"
#include "json/strict_parser.hpp"
#include "server/catalogue.hpp"

namespace till::server {

struct Snapshot {
  RuleSet rules;                                // the full rules, non-public codes included
  std::string public_view;                      // SPEC §8, served by GET /api/rules
  std::string etag;                             // quoted SHA-256 prefix of public_view
  std::vector<json_edge::Json> promotion_documents;  // each promotion as written (codes included)
  std::map<std::string, std::vector<std::size_t>> promotions_by_code;  // normalized code -> indexes
  std::vector<std::string> usage_limited;       // ids of promotions with a usage_limit
  Catalogue catalogue;
};

/// Reads the rule set and the catalogue. On failure returns nullptr and sets `error` to a message that
/// names the file and what is wrong with it.
std::shared_ptr<const Snapshot> load_snapshot(const std::string& rules_path, const std::string& catalogue_path,
                                              std::string& error);

/// The snapshot in use, replaced atomically by a reload.
class CurrentSnapshot {
 public:
  explicit CurrentSnapshot(std::shared_ptr<const Snapshot> first) : current_(std::move(first)) {}
  std::shared_ptr<const Snapshot> get() const { return current_.load(); }
  void replace(std::shared_ptr<const Snapshot> next) { current_.store(std::move(next)); }

 private:
  std::atomic<std::shared_ptr<const Snapshot>> current_;
};

}  // namespace till::server

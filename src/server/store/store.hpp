// The server's records: placed orders, the redemptions of usage-limited promotions and the answers kept
// for idempotent replays. One interface, two databases (SQLite by default, PostgreSQL for a postgres://
// URL); the server never sees which one it talks to, and the same tests run against both.
//
// Thread safety: every member may be called from many request threads at once.
// Failures: a database that cannot be reached or answers with an error throws StoreError; the server
// turns it into a 503 problem and records nothing.
#pragma once

#include <cstdint>
#include <memory>
#include <optional>
#include <stdexcept>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace till::server {

class StoreError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

/// How often a promotion has been redeemed: by one customer, and by everyone (SPEC §3 `usage`).
struct Usage {
  std::int64_t customer = 0;
  std::int64_t total = 0;
};

/// One applied usage-limited promotion of a checkout, with its limits from the rule set (SPEC §2.1
/// `usage_limit`); an absent limit is not checked.
struct Redemption {
  std::string promotion;
  std::optional<std::int64_t> per_customer;
  std::optional<std::int64_t> total;
};

/// The first answer given for an idempotency key, replayed byte for byte.
struct StoredAnswer {
  std::string request_hash;  // SHA-256 (hex) of the request body the key was first used with
  int status = 0;            // HTTP status
  std::string body;          // the response body
};

/// A verified checkout, recorded with its redemptions in one transaction.
struct Checkout {
  std::string idempotency_key;
  std::string request_hash;
  std::optional<std::string> customer_id;  // absent for a guest
  std::string currency;
  std::int64_t total = 0;                  // minor units
  std::string response_body;               // the 200 answer, kept for replays
  std::vector<Redemption> redemptions;
};

enum class RecordStatus {
  recorded,       // the order and its redemptions are committed
  replayed,       // the key was already used with the same request hash: `answer` holds the first answer
  key_reused,     // the key was already used with a different request hash; nothing recorded
  limit_reached,  // a redemption would pass a limit (a concurrent checkout took it); nothing recorded
};

struct RecordOutcome {
  RecordStatus status = RecordStatus::recorded;
  StoredAnswer answer;    // for replayed (and key_reused: the stored hash)
  std::string promotion;  // for limit_reached: the first promotion whose limit is reached
};

class Store {
 public:
  virtual ~Store() = default;

  /// Redemption counts of `promotions` (ids), for `customer_id` (customer counts are 0 for a guest) and in
  /// total. Every id asked for is in the answer.
  virtual std::unordered_map<std::string, Usage> usage(const std::vector<std::string>& promotions,
                                                       const std::optional<std::string>& customer_id) = 0;

  /// The answer first given for `idempotency_key`, if any.
  virtual std::optional<StoredAnswer> answer(const std::string& idempotency_key) = 0;

  /// Atomically: claims the idempotency key, checks every redemption's limits against the committed
  /// counts (a guest's per-customer limit counts as reached) and records the order with its
  /// redemptions. Either all of it is committed and durable before this returns `recorded`, or nothing.
  /// Concurrent calls are serialised per promotion, so a limit holds under any number of checkouts.
  virtual RecordOutcome record(const Checkout& checkout) = 0;

  /// Whether the database answers a trivial query now (for /readyz).
  virtual bool ready() = 0;

  /// "sqlite" or "postgres".
  virtual std::string_view kind() const = 0;
};

/// Opens (creating and migrating as needed) the store named by `database`: a `postgres://` or
/// `postgresql://` URL, otherwise the path of an SQLite file. Throws StoreError when it cannot.
std::unique_ptr<Store> open_store(const std::string& database);

}  // namespace till::server

// Concurrency: record() claims the idempotency key first (a PRIMARY KEY: a second transaction with the
// same key waits for the first, then sees its row), then counts each redemption with an upsert that
// takes the promotion's counter row lock, in promotion id order (lock_order.hpp). The lock is held to
// the commit, so concurrent checkouts of one promotion are serialised and a limit holds; the fixed order
// rules out deadlocks. READ COMMITTED suffices: an upsert always sees the latest committed count. All of
// a checkout's statements go out in one pipeline, so the locks are held for two round trips, not one
// per statement.
//
// Durability is PostgreSQL's own: with the default synchronous_commit a commit is on disk before
// record() returns, and a checkout of a promotion waits for the previous one's disk flush. A URL may
// trade that for speed with `?options=-csynchronous_commit%3Doff` (a database crash may then lose the
// last moments of commits, never corrupt them).
#include "server/store/postgres_store.hpp"

#include <algorithm>

#include "server/store/lock_order.hpp"
#include "server/store/pool.hpp"
#include "server/store/postgres_connection.hpp"
#include "server/store/postgres_schema.hpp"

namespace till::server {
namespace {

// At most this many connections (PostgreSQL's default max_connections is 100, shared with others).
constexpr std::size_t connection_limit = 32;

/// A connection with the statements every call uses, prepared once.
struct Session {
  explicit Session(const std::string& url) : connection(url) {
    connection.prepare("usage",
                       "SELECT p.id, coalesce(t.total, 0), coalesce(c.count, 0) "
                       "FROM unnest($1::text[]) AS p (id) "
                       "LEFT JOIN promotion_usage t ON t.promotion = p.id "
                       "LEFT JOIN customer_usage c ON c.promotion = p.id AND c.customer_id = $2");
    connection.prepare("answer", "SELECT request_hash, response_body FROM orders WHERE idempotency_key = $1");
    connection.prepare("claim",
                       "INSERT INTO orders (idempotency_key, request_hash, customer_id, currency, total, "
                       "response_body) VALUES ($1, $2, $3, $4, $5, $6) ON CONFLICT (idempotency_key) DO NOTHING");
    connection.prepare("count_total",
                       "INSERT INTO promotion_usage AS u (promotion, total) VALUES ($1, 1) "
                       "ON CONFLICT (promotion) DO UPDATE SET total = u.total + 1 RETURNING total");
    connection.prepare("count_customer",
                       "INSERT INTO customer_usage AS u (promotion, customer_id, count) VALUES ($1, $2, 1) "
                       "ON CONFLICT (promotion, customer_id) DO UPDATE SET count = u.count + 1 RETURNING count");
    // DO NOTHING: in a checkout whose key was already used, the order row is the first checkout's, and
    // the whole transaction is rolled back anyway.
    connection.prepare("redeem",
                       "INSERT INTO redemptions (idempotency_key, promotion, customer_id) VALUES ($1, $2, $3) "
                       "ON CONFLICT DO NOTHING");
    connection.prepare("begin", "BEGIN");
  }

  PostgresConnection connection;
};

/// A PostgreSQL text[] literal of `items`, every element quoted, for one array parameter.
std::string text_array(const std::vector<std::string>& items) {
  std::string literal = "{";
  for (const auto& item : items) {
    if (literal.size() > 1) literal += ',';
    literal += '"';
    for (const char c : item) {
      if (c == '"' || c == '\\') literal += '\\';
      literal += c;
    }
    literal += '"';
  }
  return literal + "}";
}

std::optional<std::string_view> nullable(const std::optional<std::string>& text) {
  if (!text) return std::nullopt;
  return std::string_view(*text);
}

class PostgresStore final : public Store {
 public:
  PostgresStore(const std::string& url, std::unique_ptr<Session> first)
      : sessions_([url] { return std::make_unique<Session>(url); }, connection_limit) {
    sessions_.add(std::move(first));
  }

  std::unordered_map<std::string, Usage> usage(const std::vector<std::string>& promotions,
                                               const std::optional<std::string>& customer_id) override {
    std::unordered_map<std::string, Usage> counts;
    for (const auto& promotion : promotions) counts.emplace(promotion, Usage{});
    if (promotions.empty()) return counts;
    with_session([&](Session& session) {
      const auto rows = session.connection.run("usage", {text_array(promotions), nullable(customer_id)});
      for (int row = 0; row < rows.rows(); ++row) {
        auto& usage = counts[rows.text(row, 0)];
        usage.total = rows.integer(row, 1);
        usage.customer = customer_id ? rows.integer(row, 2) : 0;
      }
    });
    return counts;
  }

  std::optional<StoredAnswer> answer(const std::string& idempotency_key) override {
    std::optional<StoredAnswer> found;
    with_session([&](Session& session) { found = find_answer(session, idempotency_key); });
    return found;
  }

  RecordOutcome record(const Checkout& checkout) override {
    const auto redemptions = in_lock_order(checkout.redemptions);
    RecordOutcome outcome;
    // Until COMMIT is sent, a lost connection has rolled everything back and trying again is safe; once
    // it is sent, whether it was committed is unknown, and the error goes to the caller.
    bool before_commit = true;
    with_session(
        [&](Session& session) {
          outcome = record_in_transaction(session, checkout, redemptions);
          if (outcome.status != RecordStatus::recorded) {
            session.connection.execute("ROLLBACK");
            if (outcome.status == RecordStatus::replayed || outcome.status == RecordStatus::key_reused) {
              outcome = replay(session, checkout);
            }
            return;
          }
          before_commit = false;
          session.connection.execute("COMMIT");
        },
        before_commit);
    return outcome;
  }

  bool ready() override {
    try {
      with_session([](Session& session) { session.connection.execute("SELECT 1"); });
      return true;
    } catch (const StoreError&) {
      return false;
    }
  }

  std::string_view kind() const override { return "postgres"; }

 private:
  // Runs `work` on a pooled connection. A connection that saw an error is closed rather than reused:
  // it may be lost or stuck in an aborted transaction, and closing it rolls back whatever was open.
  // A pooled connection may also have been lost while idle (a database restart, an idle timeout): when
  // `work` failed because its connection was lost and `may_retry` still says it is safe, `work` runs
  // once more on a new connection.
  template <typename Work>
  void with_session(Work&& work, const bool& may_retry = always) {
    for (int attempt = 1;; ++attempt) {
      auto session = sessions_.acquire();
      try {
        work(*session);
        return;
      } catch (const StoreError&) {
        session.mark_broken();
        if (attempt > 1 || !may_retry || !session->connection.lost()) throw;
      } catch (...) {
        session.mark_broken();
        throw;
      }
    }
  }
  static constexpr bool always = true;

  static std::optional<StoredAnswer> find_answer(Session& session, const std::string& idempotency_key) {
    const auto rows = session.connection.run("answer", {idempotency_key});
    if (rows.rows() == 0) return std::nullopt;
    // Only verified checkouts are recorded, and their answer is always a 200.
    return StoredAnswer{rows.text(0, 0), 200, rows.text(0, 1)};
  }

  // Opens the transaction and writes the whole checkout in one pipeline: the order (claiming its key),
  // then for each redemption, in lock order, its counts and its row. Answers `recorded` when the key
  // was new and every new count is within its limit; `replayed` when the key was already used (the
  // caller rolls back, then reads the first answer); `limit_reached` otherwise. Anything but `recorded`
  // must be rolled back.
  static RecordOutcome record_in_transaction(Session& session, const Checkout& checkout,
                                             const std::vector<Redemption>& redemptions) {
    // A guest cannot be counted, so a per-customer limit holds them out: no counter needs locking.
    const auto guest_held_out = std::find_if(redemptions.begin(), redemptions.end(), [&](const Redemption& r) {
      return !checkout.customer_id && r.per_customer.has_value();
    });
    const bool count = guest_held_out == redemptions.end();

    const std::string total = std::to_string(checkout.total);
    std::vector<PostgresCall> calls{
        {"begin", {}},
        {"claim", {checkout.idempotency_key, checkout.request_hash, nullable(checkout.customer_id),
                   checkout.currency, total, checkout.response_body}}};
    for (const auto& redemption : redemptions) {
      if (!count) break;
      // Counting first takes the counter row's lock; the new count then says whether this one fits.
      calls.push_back({"count_total", {redemption.promotion}});
      if (checkout.customer_id) calls.push_back({"count_customer", {redemption.promotion, *checkout.customer_id}});
      calls.push_back({"redeem", {checkout.idempotency_key, redemption.promotion, nullable(checkout.customer_id)}});
    }
    const auto answers = session.connection.run_pipelined(calls);

    // The claim waited for any transaction holding the same key; inserting nothing means it committed.
    if (answers[1].affected() == 0) return RecordOutcome{RecordStatus::replayed, {}, {}};
    if (!count) return RecordOutcome{RecordStatus::limit_reached, {}, guest_held_out->promotion};
    std::size_t next = 2;
    for (const auto& redemption : redemptions) {
      if (redemption.total && answers[next].integer(0, 0) > *redemption.total) {
        return RecordOutcome{RecordStatus::limit_reached, {}, redemption.promotion};
      }
      ++next;
      if (checkout.customer_id) {
        if (redemption.per_customer && answers[next].integer(0, 0) > *redemption.per_customer) {
          return RecordOutcome{RecordStatus::limit_reached, {}, redemption.promotion};
        }
        ++next;
      }
      ++next;  // the redemption's row
    }
    return RecordOutcome{RecordStatus::recorded, {}, {}};
  }

  // The answer for a checkout whose key was already used: its first answer, replayed or refused.
  static RecordOutcome replay(Session& session, const Checkout& checkout) {
    auto first = find_answer(session, checkout.idempotency_key);
    if (!first) throw StoreError("PostgreSQL: the order for an idempotency key vanished while being read");
    const auto status =
        first->request_hash == checkout.request_hash ? RecordStatus::replayed : RecordStatus::key_reused;
    return RecordOutcome{status, std::move(*first), {}};
  }

  Pool<Session> sessions_;
};

}  // namespace

std::unique_ptr<Store> open_postgres_store(const std::string& url) {
  {
    PostgresConnection setup(url);
    migrate_postgres(setup);
  }
  return std::make_unique<PostgresStore>(url, std::make_unique<Session>(url));
}

}  // namespace till::server

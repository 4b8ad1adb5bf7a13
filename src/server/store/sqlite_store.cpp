// Durability: WAL with synchronous=NORMAL. A commit is in the WAL file (the operating system's cache)
// before record() returns, so a killed process loses nothing; a power cut or kernel crash may lose the
// last commits since the WAL was last synced, never corrupt the file (see docs/decisions.md).
//
// Concurrency: writers in this process queue on a mutex before BEGIN IMMEDIATE (SQLite admits one
// writer at a time anyway, and waiting on a mutex is far cheaper than SQLite's sleeping busy handler);
// BEGIN IMMEDIATE and the busy timeout serialise writers of other processes. Readers never wait in WAL.
#include "server/store/sqlite_store.hpp"

#include <sqlite3.h>

#include <chrono>
#include <mutex>
#include <thread>

#include "server/store/lock_order.hpp"
#include "server/store/pool.hpp"
#include "server/store/sqlite_connection.hpp"
#include "server/store/sqlite_schema.hpp"

namespace till::server {
namespace {

// How long a writer waits for another process's write transaction before the store reports an error.
constexpr int busy_timeout_ms = 5000;
// At most this many connections; more threads than this wait for one.
constexpr std::size_t connection_limit = 64;

/// A connection with the statements every call uses, prepared once.
struct Session {
  explicit Session(const std::string& path) : connection(path) {
    sqlite3_busy_timeout(connection.handle(), busy_timeout_ms);
    connection.execute("PRAGMA synchronous = NORMAL; PRAGMA foreign_keys = ON");
  }

  SqliteConnection connection;  // declared first: closed after its statements are finalised
  SqliteStatement begin{connection, "BEGIN IMMEDIATE"};
  SqliteStatement commit{connection, "COMMIT"};
  SqliteStatement total_usage{connection, "SELECT total FROM promotion_usage WHERE promotion = ?1"};
  SqliteStatement customer_usage{
      connection, "SELECT count FROM customer_usage WHERE promotion = ?1 AND customer_id = ?2"};
  SqliteStatement answer{connection,
                         "SELECT request_hash, response_body FROM orders WHERE idempotency_key = ?1"};
  SqliteStatement insert_order{connection,
                               "INSERT INTO orders (idempotency_key, request_hash, customer_id, currency, "
                               "total, response_body) VALUES (?1, ?2, ?3, ?4, ?5, ?6)"};
  SqliteStatement insert_redemption{
      connection, "INSERT INTO redemptions (idempotency_key, promotion, customer_id) VALUES (?1, ?2, ?3)"};
  SqliteStatement count_total{connection,
                              "INSERT INTO promotion_usage (promotion, total) VALUES (?1, 1) "
                              "ON CONFLICT (promotion) DO UPDATE SET total = total + 1"};
  SqliteStatement count_customer{connection,
                                 "INSERT INTO customer_usage (promotion, customer_id, count) VALUES (?1, ?2, 1) "
                                 "ON CONFLICT (promotion, customer_id) DO UPDATE SET count = count + 1"};
  SqliteStatement ping{connection, "SELECT 1"};
};

/// `attempt()`, tried again while it throws SqliteBusy, for as long as the busy timeout; the last
/// SqliteBusy passes through.
template <typename Attempt>
auto retrying_while_busy(Attempt attempt) {
  const auto deadline = std::chrono::steady_clock::now() + std::chrono::milliseconds(busy_timeout_ms);
  for (;;) {
    try {
      return attempt();
    } catch (const SqliteBusy&) {
      if (std::chrono::steady_clock::now() > deadline) throw;
    }
    std::this_thread::sleep_for(std::chrono::milliseconds(5));
  }
}

/// A new session; reading the schema to prepare its statements may meet another process's setup.
std::unique_ptr<Session> open_session(const std::string& path) {
  return retrying_while_busy([&] { return std::make_unique<Session>(path); });
}

/// The count a one-column SELECT finds, 0 when it finds no row.
std::int64_t count_of(SqliteStatement::Run& run) { return run.step() ? run.integer(0) : 0; }

class SqliteStore final : public Store {
 public:
  SqliteStore(const std::string& path, std::unique_ptr<Session> first)
      : sessions_([path] { return open_session(path); }, connection_limit) {
    sessions_.add(std::move(first));
  }

  std::unordered_map<std::string, Usage> usage(const std::vector<std::string>& promotions,
                                               const std::optional<std::string>& customer_id) override {
    auto session = sessions_.acquire();
    std::unordered_map<std::string, Usage> counts;
    // One read transaction, so all counts come from the same snapshot.
    session->connection.execute("BEGIN");
    try {
      for (const auto& promotion : promotions) {
        Usage usage;
        {
          auto run = session->total_usage.start();
          usage.total = count_of(run.bind(1, promotion));
        }
        if (customer_id) {
          auto run = session->customer_usage.start();
          usage.customer = count_of(run.bind(1, promotion).bind(2, *customer_id));
        }
        counts.emplace(promotion, usage);
      }
      session->connection.execute("COMMIT");
    } catch (...) {
      session->connection.rollback();
      throw;
    }
    return counts;
  }

  std::optional<StoredAnswer> answer(const std::string& idempotency_key) override {
    auto session = sessions_.acquire();
    return find_answer(*session, idempotency_key);
  }

  RecordOutcome record(const Checkout& checkout) override {
    const auto redemptions = in_lock_order(checkout.redemptions);
    // Queue first: waiting writers then hold no connection the readers could use.
    std::lock_guard writer(write_mutex_);
    auto session = sessions_.acquire();
    session->begin.start().step();
    try {
      auto outcome = record_in_transaction(*session, checkout, redemptions);
      if (outcome.status == RecordStatus::recorded) {
        session->commit.start().step();
      } else {
        session->connection.rollback();
      }
      return outcome;
    } catch (...) {
      session->connection.rollback();
      throw;
    }
  }

  bool ready() override {
    try {
      auto session = sessions_.acquire();
      auto run = session->ping.start();
      return run.step();
    } catch (const StoreError&) {
      return false;
    }
  }

  std::string_view kind() const override { return "sqlite"; }

 private:
  static std::optional<StoredAnswer> find_answer(Session& session, const std::string& idempotency_key) {
    auto run = session.answer.start();
    if (!run.bind(1, idempotency_key).step()) return std::nullopt;
    // Only verified checkouts are recorded, and their answer is always a 200.
    return StoredAnswer{run.text(0), 200, run.text(1)};
  }

  static RecordOutcome record_in_transaction(Session& session, const Checkout& checkout,
                                             const std::vector<Redemption>& redemptions) {
    if (auto first = find_answer(session, checkout.idempotency_key)) {
      const auto status =
          first->request_hash == checkout.request_hash ? RecordStatus::replayed : RecordStatus::key_reused;
      return RecordOutcome{status, std::move(*first), {}};
    }
    for (const auto& redemption : redemptions) {
      if (limit_reached(session, redemption, checkout.customer_id)) {
        return RecordOutcome{RecordStatus::limit_reached, {}, redemption.promotion};
      }
    }
    session.insert_order.start()
        .bind(1, checkout.idempotency_key)
        .bind(2, checkout.request_hash)
        .bind_nullable(3, checkout.customer_id)
        .bind(4, checkout.currency)
        .bind(5, checkout.total)
        .bind(6, checkout.response_body)
        .step();
    for (const auto& redemption : redemptions) {
      session.insert_redemption.start()
          .bind(1, checkout.idempotency_key)
          .bind(2, redemption.promotion)
          .bind_nullable(3, checkout.customer_id)
          .step();
      session.count_total.start().bind(1, redemption.promotion).step();
      if (checkout.customer_id) {
        session.count_customer.start().bind(1, redemption.promotion).bind(2, *checkout.customer_id).step();
      }
    }
    return RecordOutcome{RecordStatus::recorded, {}, {}};
  }

  // Whether one more redemption would pass a limit, by the counts committed so far (the transaction
  // holds the database's write lock, so nobody else can change them before the commit).
  static bool limit_reached(Session& session, const Redemption& redemption,
                            const std::optional<std::string>& customer_id) {
    if (redemption.total) {
      auto run = session.total_usage.start();
      if (count_of(run.bind(1, redemption.promotion)) >= *redemption.total) return true;
    }
    if (redemption.per_customer) {
      if (!customer_id) return true;  // a guest cannot be counted, so a per-customer limit holds them out
      auto run = session.customer_usage.start();
      if (count_of(run.bind(1, redemption.promotion).bind(2, *customer_id)) >= *redemption.per_customer) {
        return true;
      }
    }
    return false;
  }

  Pool<Session> sessions_;
  std::mutex write_mutex_;
};

}  // namespace

std::unique_ptr<Store> open_sqlite_store(const std::string& path) {
  if (path.empty()) throw StoreError("no database given: expected an SQLite file path or a postgres:// URL");
  if (path == ":memory:") {
    throw StoreError("':memory:' is not a database the server can keep: give an SQLite file path");
  }
  retrying_while_busy([&] {
    SqliteConnection setup(path);
    sqlite3_busy_timeout(setup.handle(), busy_timeout_ms);
    // WAL is a property of the file, kept once set. Another process holding the file at that moment
    // makes the switch answer with the old mode: try again.
    if (setup.query_text("PRAGMA journal_mode = WAL") != "wal") {
      throw SqliteBusy("the SQLite database '" + path + "' cannot be switched to WAL mode");
    }
    migrate_sqlite(setup);
    return 0;
  });
  return std::make_unique<SqliteStore>(path, open_session(path));
}

}  // namespace till::server

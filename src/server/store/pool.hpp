// A pool of database connections shared by the request threads. A connection is used by one thread at a
// time (neither an SQLite connection opened NOMUTEX nor a libpq connection may be shared); a thread that
// finds none idle opens a new one while fewer than `limit` exist, and otherwise waits for one.
#pragma once

#include <condition_variable>
#include <cstddef>
#include <functional>
#include <memory>
#include <mutex>
#include <utility>
#include <vector>

namespace till::server {

template <typename Connection>
class Pool {
 public:
  using Open = std::function<std::unique_ptr<Connection>()>;

  /// A connection lent to one thread; back to the pool when the lease ends, unless it was marked broken.
  class Lease {
   public:
    Lease(Pool& pool, std::unique_ptr<Connection> connection)
        : pool_(&pool), connection_(std::move(connection)) {}
    Lease(Lease&& other) noexcept = default;
    Lease& operator=(Lease&&) = delete;
    Lease(const Lease&) = delete;
    Lease& operator=(const Lease&) = delete;
    ~Lease() {
      if (pool_ != nullptr && connection_ != nullptr) pool_->give_back(std::move(connection_), broken_);
    }

    Connection& operator*() const { return *connection_; }
    Connection* operator->() const { return connection_.get(); }
    /// The connection is in an unknown state (lost, or mid-transaction after an error): close it.
    void mark_broken() { broken_ = true; }

   private:
    Pool* pool_;
    std::unique_ptr<Connection> connection_;
    bool broken_ = false;
  };

  Pool(Open open, std::size_t limit) : open_(std::move(open)), limit_(limit) {}

  /// Adds an already open connection (the one the store was checked and migrated with).
  void add(std::unique_ptr<Connection> connection) {
    std::lock_guard lock(mutex_);
    ++open_count_;
    idle_.push_back(std::move(connection));
  }

  /// An idle connection, a new one, or the next one given back. Whatever `open` throws passes through.
  Lease acquire() {
    std::unique_lock lock(mutex_);
    available_.wait(lock, [&] { return !idle_.empty() || open_count_ < limit_; });
    if (!idle_.empty()) {
      auto connection = std::move(idle_.back());
      idle_.pop_back();
      return Lease(*this, std::move(connection));
    }
    ++open_count_;
    lock.unlock();
    try {
      return Lease(*this, open_());
    } catch (...) {
      lock.lock();
      --open_count_;
      available_.notify_one();
      throw;
    }
  }

 private:
  void give_back(std::unique_ptr<Connection> connection, bool broken) {
    {
      std::lock_guard lock(mutex_);
      if (broken) {
        --open_count_;
      } else {
        idle_.push_back(std::move(connection));
      }
    }
    available_.notify_one();
    // A broken connection is closed here, outside the lock.
  }

  Open open_;
  std::size_t limit_;
  std::mutex mutex_;
  std::condition_variable available_;
  std::vector<std::unique_ptr<Connection>> idle_;
  std::size_t open_count_ = 0;
};

}  // namespace till::server

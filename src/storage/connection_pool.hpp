#pragma once

#include <cstddef>
#include <memory>
#include <mutex>
#include <string>
#include <utility>
#include <vector>

namespace sentinelle {

// Connections leased per call, apart from the writer's, on either engine (`Connection::open(
// address, error)` opens one). A new one is opened when all are busy, and at most `max_idle`
// are kept for later; `reusable` may tidy one given back, or refuse it (it is then closed).
template <typename Connection>
class connection_pool {
 public:
  class lease {
   public:
    lease() = default;
    lease(connection_pool* pool, std::unique_ptr<Connection> db)
        : pool_(pool), db_(std::move(db)) {}
    ~lease() {
      if (pool_ != nullptr && db_ != nullptr) {
        pool_->give_back(std::move(db_));
      }
    }
    lease(lease&& other) noexcept = default;
    lease& operator=(lease&&) = delete;
    lease(const lease&) = delete;
    lease& operator=(const lease&) = delete;

    explicit operator bool() const { return db_ != nullptr; }
    Connection& operator*() const { return *db_; }

   private:
    connection_pool* pool_ = nullptr;
    std::unique_ptr<Connection> db_;
  };

  using reuse_check = bool (*)(Connection& db);

  explicit connection_pool(std::string address, std::size_t max_idle = 4,
                           reuse_check reusable = nullptr)
      : address_(std::move(address)), max_idle_(max_idle), reusable_(reusable) {}

  // An idle connection, or a new one; an empty lease (and `error`) when none can be opened.
  lease acquire(std::string& error) {
    {
      std::lock_guard lock(mutex_);
      if (!idle_.empty()) {
        std::unique_ptr<Connection> db = std::move(idle_.back());
        idle_.pop_back();
        return {this, std::move(db)};
      }
    }
    // Opened outside the lock: opening reads a file or takes network round trips.
    std::unique_ptr<Connection> db = Connection::open(address_, error);
    if (db == nullptr) {
      return {};
    }
    return {this, std::move(db)};
  }

  // Closes the idle connections (outside the lock).
  void discard_idle() {
    std::vector<std::unique_ptr<Connection>> closing;
    std::lock_guard lock(mutex_);
    closing.swap(idle_);
  }

 private:
  void give_back(std::unique_ptr<Connection> db) {
    if (reusable_ != nullptr && !reusable_(*db)) {
      return;
    }
    std::lock_guard lock(mutex_);
    if (idle_.size() < max_idle_) {
      idle_.push_back(std::move(db));
    }
    // Otherwise closed on return, after the lock: a burst of readers does not keep its
    // connections.
  }

  std::string address_;
  std::size_t max_idle_;
  reuse_check reusable_;
  std::mutex mutex_;
  std::vector<std::unique_ptr<Connection>> idle_;
};

}  // namespace sentinelle

#pragma once

#include <cstddef>
#include <memory>
#include <mutex>
#include <string>
#include <vector>

#include "storage/postgres/pg_connection.hpp"

namespace sentinelle::pg {

// Connections for reads and for the outbox's short transactions, apart from the writer's, so
// they never wait behind a group commit. A caller leases one for the duration of a call; a
// broken one is dropped when given back (the next lease opens a fresh one), and at most
// `max_idle` are kept.
class reader_pool {
 public:
  class lease {
   public:
    lease() = default;
    lease(reader_pool* pool, std::unique_ptr<connection> db) : pool_(pool), db_(std::move(db)) {}
    ~lease();
    lease(lease&& other) noexcept = default;
    lease& operator=(lease&&) = delete;
    lease(const lease&) = delete;
    lease& operator=(const lease&) = delete;

    explicit operator bool() const { return db_ != nullptr; }
    connection& operator*() const { return *db_; }

   private:
    reader_pool* pool_ = nullptr;
    std::unique_ptr<connection> db_;
  };

  explicit reader_pool(std::string url, std::size_t max_idle = 4)
      : url_(std::move(url)), max_idle_(max_idle) {}

  // An idle connection, or a new one; an empty lease (and `error`) when none can be opened.
  lease acquire(std::string& error);
  // Closes the idle connections: one found broken means the server restarted or dropped us, and
  // the others are broken too, though nothing says so until each is used.
  void discard_idle();

 private:
  void give_back(std::unique_ptr<connection> db);

  std::string url_;
  std::size_t max_idle_;
  std::mutex mutex_;
  std::vector<std::unique_ptr<connection>> idle_;
};

}  // namespace sentinelle::pg

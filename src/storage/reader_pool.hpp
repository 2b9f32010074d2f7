#pragma once

#include <cstddef>
#include <memory>
#include <mutex>
#include <string>
#include <vector>

#include "storage/sqlite_connection.hpp"

namespace sentinelle {

// Reader connections for find / scores / count / ready, apart from the writer's, so reads run
// beside a commit (WAL). A caller leases one connection for the duration of a call; a new one is
// opened when all are busy, and at most `max_idle` are kept for later.
class reader_pool {
 public:
  class lease {
   public:
    lease() = default;
    lease(reader_pool* pool, std::unique_ptr<sqlite_connection> connection)
        : pool_(pool), connection_(std::move(connection)) {}
    ~lease();
    lease(lease&& other) noexcept = default;
    lease& operator=(lease&&) = delete;
    lease(const lease&) = delete;
    lease& operator=(const lease&) = delete;

    explicit operator bool() const { return connection_ != nullptr; }
    sqlite_connection& operator*() const { return *connection_; }

   private:
    reader_pool* pool_ = nullptr;
    std::unique_ptr<sqlite_connection> connection_;
  };

  explicit reader_pool(std::string path, std::size_t max_idle = 4)
      : path_(std::move(path)), max_idle_(max_idle) {}

  // An idle connection, or a new one; an empty lease (and `error`) when none can be opened.
  lease acquire(std::string& error);

 private:
  void give_back(std::unique_ptr<sqlite_connection> connection);

  std::string path_;
  std::size_t max_idle_;
  std::mutex mutex_;
  std::vector<std::unique_ptr<sqlite_connection>> idle_;
};

}  // namespace sentinelle

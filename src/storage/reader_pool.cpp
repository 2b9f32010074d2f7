#include "storage/reader_pool.hpp"

namespace sentinelle {

reader_pool::lease::~lease() {
  if (pool_ != nullptr && connection_ != nullptr) {
    pool_->give_back(std::move(connection_));
  }
}

reader_pool::lease reader_pool::acquire(std::string& error) {
  {
    std::lock_guard lock(mutex_);
    if (!idle_.empty()) {
      std::unique_ptr<sqlite_connection> connection = std::move(idle_.back());
      idle_.pop_back();
      return {this, std::move(connection)};
    }
  }
  // Opened outside the lock: opening reads the file and may wait on the busy timeout.
  std::unique_ptr<sqlite_connection> connection = sqlite_connection::open(path_, error);
  if (connection == nullptr) {
    return {};
  }
  return {this, std::move(connection)};
}

void reader_pool::give_back(std::unique_ptr<sqlite_connection> connection) {
  {
    std::lock_guard lock(mutex_);
    if (idle_.size() < max_idle_) {
      idle_.push_back(std::move(connection));
      return;
    }
  }
  // Closed here, outside the lock: a burst of readers does not keep its connections.
}

}  // namespace sentinelle

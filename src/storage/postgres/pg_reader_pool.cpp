#include "storage/postgres/pg_reader_pool.hpp"

namespace sentinelle::pg {

reader_pool::lease::~lease() {
  if (pool_ != nullptr && db_ != nullptr) {
    pool_->give_back(std::move(db_));
  }
}

reader_pool::lease reader_pool::acquire(std::string& error) {
  {
    std::lock_guard lock(mutex_);
    if (!idle_.empty()) {
      std::unique_ptr<connection> db = std::move(idle_.back());
      idle_.pop_back();
      return {this, std::move(db)};
    }
  }
  // Opened outside the lock: connecting is a network round trip or several.
  std::unique_ptr<connection> db = connection::open(url_, error);
  if (db == nullptr) {
    return {};
  }
  return {this, std::move(db)};
}

void reader_pool::discard_idle() {
  std::vector<std::unique_ptr<connection>> closing;
  {
    std::lock_guard lock(mutex_);
    closing.swap(idle_);
  }
  // Closed here, outside the lock.
}

void reader_pool::give_back(std::unique_ptr<connection> db) {
  if (db->broken()) {
    return;  // the server went away or restarted: a later lease connects afresh
  }
  if (db->in_transaction()) {
    std::string ignored;  // a call that failed mid-way must not leave its snapshot behind
    db->exec("ROLLBACK", ignored);
  }
  std::lock_guard lock(mutex_);
  if (idle_.size() < max_idle_) {
    idle_.push_back(std::move(db));
  }
}

}  // namespace sentinelle::pg

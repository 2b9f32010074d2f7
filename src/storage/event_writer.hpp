#pragma once

#include <atomic>
#include <cstdint>
#include <functional>
#include <memory>
#include <string>
#include <vector>

#include "storage/event_store.hpp"
#include "storage/rollup.hpp"
#include "storage/sqlite_connection.hpp"

namespace sentinelle {

// One caller's store() waiting for the writer.
struct pending_batch {
  std::vector<event> events;
  std::function<void(store_result)> done;
};

// Writes groups of batches on the one writer connection, with statements prepared once. Used
// only by the store's writer thread.
class event_writer {
 public:
  static std::unique_ptr<event_writer> create(std::unique_ptr<sqlite_connection> db,
                                              std::string& error);

  // Stores a group in ONE transaction, each batch under its own savepoint: a failing batch rolls
  // back alone and gets ok=false while the others commit; if the transaction itself fails
  // (BEGIN, rollups or COMMIT), every batch gets ok=false. Results are in batch order and are
  // final: when this returns, the transaction has committed or rolled back.
  std::vector<store_result> write_group(const std::vector<pending_batch>& group);

  // Transactions committed so far (tests check that concurrent batches share commits).
  std::int64_t committed_transactions() const { return committed_.load(); }

 private:
  struct statements {
    statement* begin = nullptr;
    statement* commit = nullptr;
    statement* rollback = nullptr;
    statement* savepoint = nullptr;
    statement* release = nullptr;
    statement* rollback_to = nullptr;
    statement* insert_event = nullptr;
    statement* upsert_hourly = nullptr;
    statement* upsert_daily = nullptr;
  };

  explicit event_writer(std::unique_ptr<sqlite_connection> db) : db_(std::move(db)) {}
  bool prepare_all(std::string& error);
  bool run(statement& control, std::string& error);
  void write_in_transaction(const std::vector<pending_batch>& group,
                            std::vector<store_result>& results);
  bool write_batch(const std::vector<event>& batch, rollup_changes& changes, store_result& result);
  void undo_batch();
  bool insert(const event& stored, bool& inserted, std::string& error);
  bool write_rollups(const rollup_changes& changes, std::string& error);
  bool upsert_rows(statement& upsert, const rollup_changes::rows& rows, std::string& error);
  void abandon(std::vector<store_result>& results, const std::string& error);

  std::unique_ptr<sqlite_connection> db_;
  statements statements_;
  std::atomic<std::int64_t> committed_{0};
};

}  // namespace sentinelle

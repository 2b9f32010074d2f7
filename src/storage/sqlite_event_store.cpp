#include "storage/sqlite_event_store.hpp"

#include <filesystem>

#include "storage/event_reader.hpp"
#include "storage/migrations.hpp"
#include "storage/score_queries.hpp"

namespace sentinelle {
namespace {

bool create_parent_directory(const std::string& path, std::string& error) {
  const std::filesystem::path parent = std::filesystem::path(path).parent_path();
  if (parent.empty()) {
    return true;
  }
  std::error_code failure;
  std::filesystem::create_directories(parent, failure);
  if (failure) {
    error = "cannot create directory " + parent.string() + ": " + failure.message();
    return false;
  }
  return true;
}

}  // namespace

std::unique_ptr<sqlite_event_store> sqlite_event_store::open(const std::string& path,
                                                             std::string& error,
                                                             store_options options) {
  if (path.empty()) {
    error = "storage path is empty";
    return nullptr;
  }
  if (!create_parent_directory(path, error)) {
    return nullptr;
  }
  // Before anything is read or written: a second process would fold the first one's pending
  // rollup counts, and both would deliver the outbox.
  file_lock lock;
  if (path != ":memory:" && !lock.acquire(path + "-lock", error)) {
    return nullptr;
  }
  std::unique_ptr<sqlite_connection> db = sqlite_connection::open(path, error);
  if (db == nullptr) {
    return nullptr;
  }
  if (!apply_migrations(*db, embedded_migrations(), error)) {
    error = path + ": " + error;
    return nullptr;
  }
  std::unique_ptr<event_writer> writer =
      event_writer::create(std::move(db), std::move(options.outbound), options.rollup_fold, error);
  if (writer == nullptr) {
    return nullptr;
  }
  std::unique_ptr<sqlite_event_store> store(
      new sqlite_event_store(path, std::move(lock), std::move(writer), options.erasure_scan_slice));
  // A reader that cannot open is a start-up error, not a surprise at the first query.
  if (!store->readers_.acquire(error)) {
    return nullptr;
  }
  return store;
}

sqlite_event_store::sqlite_event_store(const std::string& path, file_lock lock,
                                       std::unique_ptr<event_writer> writer,
                                       std::int64_t erasure_scan_slice)
    : lock_(std::move(lock)),
      writer_(std::move(writer)),
      erasure_scan_slice_(erasure_scan_slice),
      readers_(path),
      groups_([this](std::vector<pending_batch>& group,
                     commit_notice& notice) { return writer_->write_group(group, notice); },
              [this](const commit_notice& notice) { publish(notice); }, metrics_) {}

sqlite_event_store::~sqlite_event_store() {
  groups_.stop();
  // The writer thread is gone; what it left pending would otherwise be folded at the next open.
  std::string ignored;
  writer_->fold_pending(ignored);
}

void sqlite_event_store::store(std::vector<event> batch, std::function<void(store_result)> done) {
  groups_.push({std::move(batch), std::move(done)});
}

void sqlite_event_store::flush() { groups_.flush(); }

void sqlite_event_store::answer_on(answer_executor run_answers) {
  groups_.answer_on(std::move(run_answers));
}

std::optional<event> sqlite_event_store::find(event_kind kind, const std::string& source,
                                              const std::string& id) {
  std::string error;
  const reader_pool::lease reader = readers_.acquire(error);
  if (!reader) {
    return std::nullopt;
  }
  return find_event(*reader, kind, source, id, error);
}

score_answer sqlite_event_store::scores(const score_query& query) {
  score_answer failed;
  try {
    const reader_pool::lease reader = readers_.acquire(failed.error);
    if (!reader) {
      return failed;
    }
    if (worth_splitting(query)) {
      std::string busy;  // no second connection: one scan, as before
      if (const reader_pool::lease second = readers_.acquire(busy)) {
        return split_events_scan(*reader, *second, query);
      }
    }
    return compute_scores(*reader, query);
  } catch (const std::exception& problem) {  // allocation failure while building a query
    failed.error = std::string("scores: ") + problem.what();
    return failed;
  }
}

bool sqlite_event_store::ready() {
  std::string error;
  const reader_pool::lease reader = readers_.acquire(error);
  return reader && (*reader).query_text("SELECT MAX(version) FROM schema_migrations", error);
}

std::int64_t sqlite_event_store::count_events() {
  std::string error;
  const reader_pool::lease reader = readers_.acquire(error);
  if (!reader) {
    return -1;
  }
  return count_stored_events(*reader, error).value_or(-1);
}

}  // namespace sentinelle

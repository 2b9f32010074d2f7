#include "cli/ordered_pool.hpp"

#include <algorithm>

namespace sentinelle {

ordered_pool::ordered_pool(std::size_t workers, work process, sink write)
    : process_(std::move(process)), write_(std::move(write)), capacity_(2 * workers + 1) {
  for (std::size_t i = 0; i < workers; ++i) {
    threads_.emplace_back([this, i] { worker_loop(i); });
  }
}

ordered_pool::~ordered_pool() {
  {
    std::lock_guard lock(mutex_);
    stopping_ = true;
  }
  changed_.notify_all();
  for (std::thread& thread : threads_) {
    thread.join();
  }
}

void ordered_pool::worker_loop(std::size_t index) {
  std::unique_lock lock(mutex_);
  for (;;) {
    auto next = slots_.end();
    changed_.wait(lock, [&] {
      next = std::find_if(slots_.begin(), slots_.end(), [](const slot& s) { return !s.taken; });
      return stopping_ || next != slots_.end();
    });
    if (next == slots_.end()) {
      return;  // stopping, and nothing left to take
    }
    next->taken = true;
    line_batch* batch = next->batch.get();
    lock.unlock();
    process_(*batch, index);
    lock.lock();
    // Deque iterators may be invalidated by pushes; find the slot again by its batch.
    std::find_if(slots_.begin(), slots_.end(), [&](const slot& s) {
      return s.batch.get() == batch;
    })->done = true;
    changed_.notify_all();
  }
}

void ordered_pool::write_finished(std::unique_lock<std::mutex>& lock) {
  while (!slots_.empty() && slots_.front().done) {
    std::unique_ptr<line_batch> batch = std::move(slots_.front().batch);
    slots_.pop_front();
    lock.unlock();
    write_(*batch);
    lock.lock();
  }
}

void ordered_pool::submit(std::unique_ptr<line_batch> batch) {
  std::unique_lock lock(mutex_);
  for (;;) {
    write_finished(lock);
    if (slots_.size() < capacity_) {
      break;
    }
    changed_.wait(lock, [&] { return slots_.front().done; });
  }
  slots_.push_back({std::move(batch)});
  changed_.notify_all();
}

void ordered_pool::finish() {
  std::unique_lock lock(mutex_);
  while (!slots_.empty()) {
    changed_.wait(lock, [&] { return slots_.front().done; });
    write_finished(lock);
  }
}

}  // namespace sentinelle

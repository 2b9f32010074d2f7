#pragma once

#include <condition_variable>
#include <cstddef>
#include <deque>
#include <functional>
#include <memory>
#include <mutex>
#include <thread>
#include <vector>

#include "cli/line_reader.hpp"

namespace sentinelle {

// Analyses batches on several threads and hands them back in input order. At most `capacity`
// batches are in flight, so memory stays bounded however long the input.
class ordered_pool {
 public:
  using work = std::function<void(line_batch&, std::size_t worker)>;
  using sink = std::function<void(const line_batch&)>;

  ordered_pool(std::size_t workers, work process, sink write);
  ~ordered_pool();
  ordered_pool(const ordered_pool&) = delete;
  ordered_pool& operator=(const ordered_pool&) = delete;

  // Blocks while the pool is full; writes every finished batch at the head of the line.
  void submit(std::unique_ptr<line_batch> batch);
  // Waits for everything submitted and writes it.
  void finish();

 private:
  struct slot {
    std::unique_ptr<line_batch> batch;
    bool taken = false;
    bool done = false;
  };

  void worker_loop(std::size_t index);
  void write_finished(std::unique_lock<std::mutex>& lock);

  work process_;
  sink write_;
  std::size_t capacity_;
  std::mutex mutex_;
  std::condition_variable changed_;
  std::deque<slot> slots_;
  bool stopping_ = false;
  std::vector<std::thread> threads_;
};

}  // namespace sentinelle

#include "net/stream_queue.hpp"

#include <utility>

namespace sentinelle {

stream_queue::stream_queue(stream_limits limits, format_function format, notify_function notify)
    : limits_(limits), format_(format), notify_(std::move(notify)) {}

bool stream_queue::do_push(std::string_view data, std::optional<std::int64_t> event_id) {
  std::string message = format_(data, event_id);  // the costly part, outside the lock
  const std::lock_guard lock(mutex_);
  if (state_ != queue_state::open) {
    return false;
  }
  // counted_bytes_ never exceeds max_bytes, so the subtraction cannot wrap.
  if (counted_messages_ >= limits_.max_messages ||
      message.size() > limits_.max_bytes - counted_bytes_) {
    state_ = queue_state::overflowed;
    drop_queued();
    notify_last(signal::overflowed);
    return false;
  }
  const bool was_empty = queued_.empty();
  ++counted_messages_;
  counted_bytes_ += message.size();
  queued_.push_back(std::move(message));
  if (was_empty && notify_) {
    notify_(signal::wake);  // otherwise a wake is pending, or the writer will look again
  }
  return true;
}

void stream_queue::do_close() {
  const std::lock_guard lock(mutex_);
  if (state_ == queue_state::open) {
    state_ = queue_state::closing;  // what is queued is still written
    notify_last(signal::wake);
  }
}

bool stream_queue::is_open() const {
  const std::lock_guard lock(mutex_);
  return state_ == queue_state::open;
}

std::vector<std::string> stream_queue::take() {
  std::vector<std::string> batch;
  const std::lock_guard lock(mutex_);
  batch.swap(queued_);
  return batch;
}

void stream_queue::sent(const std::vector<std::string>& batch) {
  const std::lock_guard lock(mutex_);
  for (const auto& message : batch) {
    counted_bytes_ -= message.size();
  }
  counted_messages_ -= batch.size();
}

stream_queue::queue_state stream_queue::state() const {
  const std::lock_guard lock(mutex_);
  return state_;
}

bool stream_queue::drained_after_close() const {
  const std::lock_guard lock(mutex_);
  return state_ == queue_state::closing && queued_.empty();
}

void stream_queue::end() {
  const std::lock_guard lock(mutex_);
  state_ = queue_state::ended;
  drop_queued();
  notify_ = nullptr;
}

void stream_queue::drop_queued() {
  for (const auto& message : queued_) {
    counted_bytes_ -= message.size();
  }
  counted_messages_ -= queued_.size();
  queued_.clear();
}

// No state after `open` notifies again, so the function (and the strand it holds) can go now.
void stream_queue::notify_last(signal what) {
  auto notify = std::move(notify_);
  notify_ = nullptr;
  if (notify) {
    notify(what);
  }
}

}  // namespace sentinelle

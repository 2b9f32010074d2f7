#pragma once

#include <cstddef>
#include <functional>
#include <mutex>
#include <string>
#include <vector>

#include "net/push_stream.hpp"

namespace sentinelle {

struct stream_limits {
  std::size_t max_messages = 1024;
  std::size_t max_bytes = 4194304;
};

// The bounded queue behind a push_stream. push() runs on any thread: it formats the message
// outside the lock, queues it under a short lock, and tells the connection through `notify`;
// the connection takes batches on its strand and writes them outside of any lock. A message
// counts against the limits from push() until sent() (queued or being written), so memory
// stays bounded even while a write is stuck.
class stream_queue final : public push_stream {
 public:
  enum class queue_state { open, closing, overflowed, ended };
  enum class signal { wake, overflowed };
  using format_function = std::string (*)(std::string_view data, std::optional<std::int64_t> id);
  // Called under the queue's lock on the pushing thread: it must only post to the connection.
  // `wake` comes when the queue stops being empty and on close(): never once per message.
  using notify_function = std::function<void(signal)>;

  stream_queue(stream_limits limits, format_function format, notify_function notify);

  // The connection's side, on its strand.
  std::vector<std::string> take();  // what is queued, in push order; it counts until sent()
  void sent(const std::vector<std::string>& batch);
  queue_state state() const;
  // Closed by the application and nothing left to write, in one look: a message pushed between
  // take() and a separate look at state() would otherwise be dropped with the queue.
  bool drained_after_close() const;
  // No more pushes; drops what is queued. Releases `notify`, which holds the connection's
  // strand: the application may keep this object after the server is gone.
  void end();

 private:
  bool do_push(std::string_view data, std::optional<std::int64_t> event_id) override;
  void do_close() override;
  bool is_open() const override;
  void drop_queued();
  void notify_last(signal what);

  const stream_limits limits_;
  const format_function format_;
  mutable std::mutex mutex_;  // guards everything below
  notify_function notify_;
  std::vector<std::string> queued_;
  std::size_t counted_messages_ = 0;  // queued or being written
  std::size_t counted_bytes_ = 0;
  queue_state state_ = queue_state::open;
};

}  // namespace sentinelle

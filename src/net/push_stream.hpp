#pragma once

#include <cstdint>
#include <optional>
#include <string_view>

namespace sentinelle {

// One open server-push stream (an SSE response or a WebSocket) as the application sees it.
// Thread-safe and cheap: push() formats the message and queues it, the connection writes it
// later on its own strand. The queue is bounded (stream_queue_messages, stream_queue_bytes): a
// push that would exceed it closes the stream instead, so a client too slow to read is
// disconnected, reconnects and replays what it missed, and server memory stays bounded.
// Application tests may derive their own fake from it.
class push_stream {
 public:
  virtual ~push_stream() = default;

  // SSE: `id: <event_id>` when given, then one `data:` line per line of `data`. WebSocket: one
  // text frame holding `data` (no id: put it in the payload). False when the stream is closed,
  // or when this very push overflowed the queue and closed it.
  bool push(std::string_view data, std::optional<std::int64_t> event_id = {}) {
    return do_push(data, event_id);
  }

  // Ends the stream once the messages already queued are written. Idempotent.
  void close() { do_close(); }

  // False once the stream is closed, for whatever reason.
  bool open() const { return is_open(); }

 protected:
  push_stream() = default;
  push_stream(const push_stream&) = default;
  push_stream& operator=(const push_stream&) = default;

 private:
  virtual bool do_push(std::string_view data, std::optional<std::int64_t> event_id) = 0;
  virtual void do_close() = 0;
  virtual bool is_open() const = 0;
};

}  // namespace sentinelle

#pragma once

#include <boost/asio/steady_timer.hpp>
#include <chrono>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "net/asio_aliases.hpp"
#include "net/stream_queue.hpp"
#include "net/stream_request.hpp"

namespace sentinelle {

class server_state;

// Who asked for the stream, for its log lines.
struct stream_label {
  std::string method;
  std::string path;
  std::string remote;
};

// What SSE and WebSocket streams share: the queue, the writer loop, the end of the stream and
// the application's callbacks. It owns its socket (taken from the http_session, which awaits
// run() so that the stream still counts as a connection). Everything runs on the socket's
// strand: one writer (pump) and one reader coroutine per stream, as Beast allows.
class stream_connection : public std::enable_shared_from_this<stream_connection> {
 public:
  // Why the stream ended; the first cause wins and is logged.
  enum class end_reason {
    none,
    closed_by_app,     // push_stream::close(), after the queue was written
    client_left,       // EOF, reset, or the client's close frame
    overflow,          // a push found the queue full
    write_failed,      // including a write stuck longer than request_timeout_ms
    timed_out,         // WebSocket: no pong to our ping
    protocol_error,    // WebSocket: Beast closed it (1009 too big, 1007 bad UTF-8, bad frame)
    rejected_message,  // WebSocket: a binary message (we speak text only): close 1003
    callback_failed,   // on_open or on_message threw
    server_stop,
  };

  virtual ~stream_connection() = default;
  stream_connection(const stream_connection&) = delete;
  stream_connection& operator=(const stream_connection&) = delete;

  // Establishes the stream, serves it until it ends, then calls on_close.
  virtual asio::awaitable<void> run() = 0;

  // On the strand: the server is stopping. Ends the stream promptly.
  void stop() { end(end_reason::server_stop); }

 protected:
  using clock = std::chrono::steady_clock;

  stream_connection(asio::any_io_executor executor, std::shared_ptr<stream_request> request,
                    std::shared_ptr<server_state> state, stream_label label,
                    stream_queue::format_function format);

  // Calls on_open, unless the stream already ended (stopped during the handshake).
  bool begin(std::string_view protocol, unsigned status);
  // Writes what is pushed until the stream ends; a heartbeat after `heartbeat` of silence.
  asio::awaitable<void> pump(std::optional<std::chrono::milliseconds> heartbeat);
  void spawn_reader(asio::awaitable<void> reader);
  // Waits for the reader to end; after `linger` (when given), aborts the I/O to end it.
  asio::awaitable<void> wait_reader(std::optional<std::chrono::milliseconds> linger);
  void end(end_reason reason);
  // Closes the socket: every pending operation ends at once. Idempotent.
  void abort();
  // The application's callbacks, on the strand; an exception is logged and ends the stream.
  void deliver(std::string_view message);
  void finish();

  end_reason reason() const { return reason_; }
  // Ended on our side, the socket still open: say goodbye properly.
  bool ends_politely() const;
  server_state& state() const { return *state_; }
  std::chrono::milliseconds write_timeout() const;
  std::chrono::milliseconds heartbeat() const;

 private:
  virtual asio::awaitable<bool> write_messages(const std::vector<std::string>& batch) = 0;
  virtual asio::awaitable<bool> write_heartbeat() = 0;
  virtual void close_socket() = 0;

  asio::awaitable<void> idle(std::optional<std::chrono::milliseconds> heartbeat);
  void on_signal(stream_queue::signal what);
  void wake();
  bool guarded(std::string_view callback, const std::function<void()>& call);

  asio::any_io_executor executor_;
  asio::steady_timer wake_timer_;  // the writer sleeps here; cancel() wakes it
  std::shared_ptr<stream_request> request_;
  std::shared_ptr<server_state> state_;
  stream_label label_;
  stream_queue::format_function format_;
  std::shared_ptr<stream_queue> queue_;  // from begin() on
  end_reason reason_ = end_reason::none;
  bool opened_ = false;
  bool reading_ = false;
  bool writing_ = false;  // a write is in flight: stop() aborts it rather than wait for it
  bool aborted_ = false;
  std::string_view protocol_;
  std::uint64_t messages_sent_ = 0;
  clock::time_point opened_at_;
};

}  // namespace sentinelle

#include "net/stream_connection.hpp"

#include <spdlog/logger.h>

#include <boost/asio/co_spawn.hpp>
#include <boost/asio/post.hpp>
#include <exception>
#include <utility>

#include "net/json_log.hpp"
#include "net/server_state.hpp"

namespace sentinelle {
namespace {

std::string_view reason_name(stream_connection::end_reason reason) {
  using reason_type = stream_connection::end_reason;
  switch (reason) {
    case reason_type::none:
      return "none";
    case reason_type::closed_by_app:
      return "closed";
    case reason_type::client_left:
      return "client_left";
    case reason_type::overflow:
      return "overflow";
    case reason_type::write_failed:
      return "write_failed";
    case reason_type::timed_out:
      return "timed_out";
    case reason_type::protocol_error:
      return "protocol_error";
    case reason_type::rejected_message:
      return "rejected_message";
    case reason_type::callback_failed:
      return "callback_failed";
    case reason_type::server_stop:
      return "server_stop";
  }
  return "unknown";
}

}  // namespace

stream_connection::stream_connection(asio::any_io_executor executor,
                                     std::shared_ptr<stream_request> request,
                                     std::shared_ptr<server_state> state, stream_label label,
                                     stream_queue::format_function format)
    : executor_(executor),
      wake_timer_(executor),
      request_(std::move(request)),
      state_(std::move(state)),
      label_(std::move(label)),
      format_(format) {}

std::chrono::milliseconds stream_connection::write_timeout() const {
  return std::chrono::milliseconds(state_->options().request_timeout_ms);
}

std::chrono::milliseconds stream_connection::heartbeat() const {
  return std::chrono::milliseconds(state_->options().stream_heartbeat_ms);
}

bool stream_connection::begin(std::string_view protocol, unsigned status) {
  state_->counters().response_written(status);
  if (reason_ != end_reason::none) {
    return false;
  }
  const auto& options = state_->options();
  // The queue posts to the strand and finds the connection through a weak pointer: a stream the
  // application keeps must not keep the connection alive.
  queue_ = std::make_shared<stream_queue>(
      stream_limits{options.stream_queue_messages, options.stream_queue_bytes}, format_,
      [self = weak_from_this(), executor = executor_](stream_queue::signal what) {
        asio::post(executor, [self, what] {
          if (auto connection = self.lock()) {
            connection->on_signal(what);
          }
        });
      });
  opened_ = true;
  protocol_ = protocol;
  opened_at_ = clock::now();
  state_->counters().stream_opened();
  state_->logger().info(log_fields("stream_opened")
                            .add("protocol", protocol_)
                            .add("method", label_.method)
                            .add("path", label_.path)
                            .add("status", status)
                            .add("remote", label_.remote)
                            .text());
  if (request_->on_open && !guarded("on_open", [&] { request_->on_open(queue_); })) {
    end(end_reason::callback_failed);
  }
  return true;
}

asio::awaitable<void> stream_connection::pump(std::optional<std::chrono::milliseconds> heartbeat) {
  while (reason_ == end_reason::none) {
    const auto batch = queue_->take();
    if (!batch.empty()) {
      writing_ = true;
      const bool written = co_await write_messages(batch);
      writing_ = false;
      if (!written) {
        end(end_reason::write_failed);
        break;
      }
      messages_sent_ += batch.size();
      state_->counters().stream_messages_sent(batch.size());
      queue_->sent(batch);
    } else if (queue_->drained_after_close()) {
      end(end_reason::closed_by_app);  // everything queued before close() is written
    } else {
      co_await idle(heartbeat);
    }
  }
}

// Sleeps until woken (a push, close(), the end of the stream) or, after `heartbeat` of
// silence, writes a heartbeat.
asio::awaitable<void> stream_connection::idle(std::optional<std::chrono::milliseconds> heartbeat) {
  if (heartbeat) {
    wake_timer_.expires_after(*heartbeat);
  } else {
    wake_timer_.expires_at(clock::time_point::max());
  }
  auto [ec] = co_await wake_timer_.async_wait(use_tuple);
  if (ec || reason_ != end_reason::none) {
    co_return;  // woken
  }
  writing_ = true;
  const bool written = co_await write_heartbeat();
  writing_ = false;
  if (!written) {
    end(end_reason::write_failed);
  }
}

void stream_connection::spawn_reader(asio::awaitable<void> reader) {
  reading_ = true;
  // co_spawn runs the completion on the strand too (the lambda has no executor of its own).
  asio::co_spawn(executor_, std::move(reader), [self = shared_from_this()](std::exception_ptr) {
    self->reading_ = false;  // an exception (out of memory) ends the reader like an error
    self->end(end_reason::client_left);
    self->wake();
  });
}

asio::awaitable<void> stream_connection::wait_reader(
    std::optional<std::chrono::milliseconds> linger) {
  const auto deadline = linger ? clock::now() + *linger : clock::time_point::max();
  bool aborted = false;
  while (reading_) {
    wake_timer_.expires_at(aborted ? clock::time_point::max() : deadline);
    auto [ec] = co_await wake_timer_.async_wait(use_tuple);
    if (!ec && !aborted) {
      abort();  // the client did not close in time
      aborted = true;
    }
  }
}

void stream_connection::end(end_reason reason) {
  if (reason_ != end_reason::none) {
    return;
  }
  reason_ = reason;
  if (queue_) {
    queue_->end();
  }
  if (reason == end_reason::overflow) {
    state_->counters().stream_overflowed();
    state_->logger().warn(
        log_fields("stream_overflow").add("path", label_.path).add("remote", label_.remote).text());
    abort();  // the client is not reading: a goodbye would never get through
  } else if (reason == end_reason::server_stop && writing_) {
    abort();  // a write still in flight may be stuck for request_timeout_ms: do not wait
  }
  wake();
}

void stream_connection::abort() {
  aborted_ = true;
  close_socket();
}

bool stream_connection::ends_politely() const {
  return !aborted_ &&
         (reason_ == end_reason::closed_by_app || reason_ == end_reason::server_stop ||
          reason_ == end_reason::rejected_message || reason_ == end_reason::callback_failed);
}

void stream_connection::on_signal(stream_queue::signal what) {
  if (what == stream_queue::signal::overflowed) {
    end(end_reason::overflow);
  }
  wake();
}

void stream_connection::wake() {
  wake_timer_.cancel();
}

void stream_connection::deliver(std::string_view message) {
  if (reason_ == end_reason::none && request_ && request_->on_message &&
      !guarded("on_message", [&] { request_->on_message(message); })) {
    end(end_reason::callback_failed);
  }
}

void stream_connection::finish() {
  if (queue_) {
    queue_->end();
  }
  if (!opened_) {
    return;
  }
  state_->counters().stream_closed();
  if (request_->on_close) {
    guarded("on_close", request_->on_close);
  }
  const std::chrono::duration<double, std::milli> elapsed = clock::now() - opened_at_;
  state_->logger().info(log_fields("stream_closed")
                            .add("protocol", protocol_)
                            .add("path", label_.path)
                            .add("reason", reason_name(reason_))
                            .add("messages", messages_sent_)
                            .add_ms("duration_ms", elapsed.count())
                            .add("remote", label_.remote)
                            .text());
  request_.reset();  // the application's captures go now, not with the last push_stream copy
}

// A throwing callback is an application bug, but one stream's bug: log it, end that stream.
bool stream_connection::guarded(std::string_view callback, const std::function<void()>& call) {
  std::string what = "unknown exception";
  try {
    call();
    return true;
  } catch (const std::exception& error) {
    what = error.what();
  } catch (...) {
  }
  state_->logger().error(log_fields("stream_callback_exception")
                             .add("callback", callback)
                             .add("path", label_.path)
                             .add("what", what)
                             .text());
  return false;
}

}  // namespace sentinelle

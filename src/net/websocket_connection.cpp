#include "net/websocket_connection.hpp"

#include <spdlog/logger.h>

#include <boost/asio/buffer.hpp>
#include <boost/beast/core/flat_buffer.hpp>
#include <boost/beast/websocket/error.hpp>
#include <utility>

#include "net/net_log.hpp"
#include "net/server_state.hpp"

namespace sentinelle {
namespace {

namespace websocket = beast::websocket;
using reason_type = stream_connection::end_reason;

std::string raw_message(std::string_view data, std::optional<std::int64_t>) {
  return std::string(data);
}

// How a read that failed ends the stream.
reason_type reason_of_read_error(const beast::error_code& ec) {
  if (ec == websocket::error::closed || is_normal_close(ec)) {
    return reason_type::client_left;
  }
  if (ec == beast::error::timeout) {
    return reason_type::timed_out;  // no answer to our ping
  }
  return reason_type::protocol_error;  // Beast has sent the close frame (1009, 1007, 1002…)
}

websocket::close_code close_code_of(reason_type reason) {
  switch (reason) {
    case reason_type::server_stop:
      return websocket::close_code::going_away;
    case reason_type::rejected_message:
      return websocket::close_code::unknown_data;
    case reason_type::callback_failed:
      return websocket::close_code::internal_error;
    default:
      return websocket::close_code::normal;
  }
}

}  // namespace

websocket_connection::websocket_connection(tcp::socket socket, upgrade_request upgrade,
                                           std::shared_ptr<stream_request> request,
                                           std::shared_ptr<server_state> state, stream_label label)
    : stream_connection(socket.get_executor(), std::move(request), std::move(state),
                        std::move(label), &raw_message),
      socket_(std::move(socket)),
      upgrade_(std::move(upgrade)) {}

// Opened (on_open) before the handshake's answer, as SSE opens before its header
// (sse_connection.cpp): nothing that happens after the client has its 101 is missed.
asio::awaitable<void> websocket_connection::run() {
  if (begin("websocket", 101)) {
    const bool accepted = co_await accept();  // GCC 12: never co_await in a condition
    if (accepted) {
      spawn_reader(read_messages());
      co_await pump(std::nullopt);
      if (ends_politely()) {
        co_await close_politely();
      }
      co_await wait_reader(std::nullopt);  // Beast's own timeouts bound the closing handshake
    }
  }
  abort();
  finish();
}

asio::awaitable<bool> websocket_connection::accept() {
  // Beast's websocket timeouts replace tcp_stream's, which must be off (Beast's rule).
  beast::get_lowest_layer(socket_).expires_never();
  auto timeouts = websocket::stream_base::timeout::suggested(beast::role_type::server);
  timeouts.handshake_timeout = write_timeout();  // the opening and the closing handshakes
  timeouts.idle_timeout = 2 * heartbeat();       // a ping at half of it, then the close
  timeouts.keep_alive_pings = true;
  socket_.set_option(timeouts);
  socket_.read_message_max(state().options().websocket_message_limit_bytes);
  auto [ec] = co_await socket_.async_accept(upgrade_, use_tuple);
  if (ec) {
    log_failure(state().logger(), ec, "websocket_accept");  // Beast answered 400 if it could
    co_return false;
  }
  co_return true;
}

asio::awaitable<void> websocket_connection::read_messages() {
  beast::flat_buffer buffer;
  for (;;) {
    auto [ec, bytes] = co_await socket_.async_read(buffer, use_tuple);
    if (ec) {
      end(reason_of_read_error(ec));
      break;
    }
    if (socket_.got_text()) {
      const auto data = buffer.cdata();
      deliver(std::string_view(static_cast<const char*>(data.data()), data.size()));
    } else {
      end(end_reason::rejected_message);  // keep reading: the closing handshake needs it
    }
    buffer.consume(buffer.size());
  }
}

asio::awaitable<bool> websocket_connection::write_messages(const std::vector<std::string>& batch) {
  socket_.text(true);
  for (const auto& message : batch) {
    auto [ec, bytes] = co_await socket_.async_write(asio::buffer(message), use_tuple);
    if (ec) {
      log_failure(state().logger(), ec, "write");
      co_return false;
    }
  }
  co_return true;
}

// Our close frame; the pending read then sees the client's and completes with `closed`.
asio::awaitable<void> websocket_connection::close_politely() {
  auto [ec] = co_await socket_.async_close(close_code_of(reason()), use_tuple);
  if (ec) {
    log_failure(state().logger(), ec, "websocket_close");
    abort();
  }
}

void websocket_connection::close_socket() {
  beast::get_lowest_layer(socket_).close();
}

}  // namespace sentinelle

#include "net/sse_connection.hpp"

#include <spdlog/logger.h>

#include <array>
#include <boost/asio/buffer.hpp>
#include <boost/asio/write.hpp>
#include <boost/beast/http/chunk_encode.hpp>
#include <utility>

#include "net/net_log.hpp"
#include "net/response_wire.hpp"
#include "net/server_state.hpp"
#include "net/sse_format.hpp"

namespace sentinelle {
namespace {

// After the last chunk, how long the client may take to close its side before we do.
constexpr std::chrono::milliseconds linger_time{1000};

std::vector<asio::const_buffer> buffers_of(std::string_view text) {
  return {asio::buffer(text.data(), text.size())};
}

}  // namespace

sse_connection::sse_connection(tcp::socket socket, http_response response, unsigned version,
                               std::shared_ptr<server_state> state, stream_label label)
    : stream_connection(socket.get_executor(), response.stream, std::move(state), std::move(label),
                        &format_sse_event),
      stream_(std::move(socket)),
      response_(std::move(response)),
      version_(version),
      chunked_(version >= 11) {}

// The stream opens (on_open: a console subscribes) before the header goes out: a client that
// has read the header and then causes an event (posts a survey) must get it. The other order
// lost such events whenever the header reached the client before on_open ran.
asio::awaitable<void> sse_connection::run() {
  if (begin("sse", 200)) {
    const bool established = co_await write_header();  // GCC 12: never co_await in a condition
    if (established) {
      spawn_reader(read_until_closed());
      co_await pump(heartbeat());
      if (ends_politely()) {
        co_await end_body();
      }
      co_await wait_reader(linger_time);
    }
  }
  abort();
  finish();
}

// The header, then `retry:` as the first chunk: the client learns its reconnection delay even
// if the stream ends before any event.
asio::awaitable<bool> sse_connection::write_header() {
  const std::string header = stream_header(response_, version_, chunked_);
  stream_.expires_after(write_timeout());
  auto [ec, bytes] = co_await asio::async_write(stream_, asio::buffer(header), use_tuple);
  if (ec) {
    log_failure(state().logger(), ec, "write");
    co_return false;
  }
  co_return co_await write_body(buffers_of(sse_retry));
}

asio::awaitable<bool> sse_connection::write_messages(const std::vector<std::string>& batch) {
  std::vector<asio::const_buffer> buffers;
  buffers.reserve(batch.size());
  for (const auto& message : batch) {
    buffers.push_back(asio::buffer(message));
  }
  co_return co_await write_body(buffers);
}

asio::awaitable<bool> sse_connection::write_heartbeat() {
  co_return co_await write_body(buffers_of(sse_heartbeat));
}

// One chunk. A client that does not read fills the socket buffers and the write stalls: the
// deadline cuts it (tcp_stream closes the socket), unlike the idle wait between writes.
asio::awaitable<bool> sse_connection::write_body(const std::vector<asio::const_buffer>& buffers) {
  stream_.expires_after(write_timeout());
  beast::error_code ec;
  if (chunked_) {
    auto [chunk_ec, bytes] =
        co_await asio::async_write(stream_, http::make_chunk(buffers), use_tuple);
    ec = chunk_ec;
  } else {
    auto [raw_ec, bytes] = co_await asio::async_write(stream_, buffers, use_tuple);
    ec = raw_ec;
  }
  if (ec) {
    log_failure(state().logger(), ec, "write");
  }
  co_return !ec;
}

// The last chunk tells the client the stream is over (EventSource reconnects after `retry`),
// then a half-close; the reader waits for the client to close its side.
asio::awaitable<void> sse_connection::end_body() {
  if (chunked_) {
    stream_.expires_after(write_timeout());
    auto [ec, bytes] = co_await asio::async_write(stream_, http::make_chunk_last(), use_tuple);
    if (ec) {
      log_failure(state().logger(), ec, "write");
      co_return;
    }
  }
  beast::error_code ignored;
  stream_.socket().shutdown(tcp::socket::shutdown_send, ignored);
}

// The client has nothing to say after its request; reading tells us at once when it leaves.
// On the raw socket: the tcp_stream deadline belongs to the writes.
asio::awaitable<void> sse_connection::read_until_closed() {
  std::array<char, 1024> discard{};
  for (;;) {
    auto [ec, bytes] = co_await stream_.socket().async_read_some(asio::buffer(discard), use_tuple);
    if (ec) {
      break;
    }
  }
  end(end_reason::client_left);
}

void sse_connection::close_socket() {
  stream_.close();
}

}  // namespace sentinelle

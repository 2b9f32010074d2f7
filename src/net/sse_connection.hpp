#pragma once

#include <boost/beast/core/tcp_stream.hpp>

#include "net/stream_connection.hpp"

namespace sentinelle {

// A Server-Sent Events stream: a 200 `text/event-stream` response whose chunked body never ends
// until the stream does. Each batch of pushed events is one chunk; after stream_heartbeat_ms of
// silence a `: heartbeat` comment. Every write must complete within request_timeout_ms, or the
// client is not reading and the connection is closed. A reader discards what the client sends
// and notices at once when it leaves.
class sse_connection final : public stream_connection {
 public:
  // `response` is the handler's (its headers are sent); `version` the request's HTTP version.
  sse_connection(tcp::socket socket, http_response response, unsigned version,
                 std::shared_ptr<server_state> state, stream_label label);

  asio::awaitable<void> run() override;

 private:
  asio::awaitable<bool> write_header();
  asio::awaitable<bool> write_messages(const std::vector<std::string>& batch) override;
  asio::awaitable<bool> write_heartbeat() override;
  asio::awaitable<bool> write_body(const std::vector<asio::const_buffer>& buffers);
  asio::awaitable<void> end_body();
  asio::awaitable<void> read_until_closed();
  void close_socket() override;

  beast::tcp_stream stream_;
  http_response response_;
  unsigned version_;
  bool chunked_;  // HTTP/1.1; an HTTP/1.0 body simply ends with the connection
};

}  // namespace sentinelle

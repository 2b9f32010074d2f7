#pragma once

#include <chrono>
#include <cstddef>
#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <system_error>

#include "test_client.hpp"

namespace sentinelle::testing {

// An SSE client over a real socket: sends the GET, reads the response header, then decodes the
// chunked body as it arrives. Every operation gives up after `timeout`.
class sse_test_client {
 public:
  explicit sse_test_client(std::chrono::milliseconds timeout = std::chrono::seconds(5));
  ~sse_test_client();
  sse_test_client(const sse_test_client&) = delete;
  sse_test_client& operator=(const sse_test_client&) = delete;

  // `receive_buffer` > 0: SO_RCVBUF, set before connecting (for a client that never reads).
  std::error_code connect(std::uint16_t port, int receive_buffer = 0);
  std::error_code send_request(std::string_view target, const header_list& headers = {});
  // send_request(), then the response header (body empty); nullopt on error or timeout.
  std::optional<client_response> open(std::string_view target, const header_list& headers = {});
  // Reads until the decoded body holds `text`; false on timeout, error or the end of the body.
  bool read_until(std::string_view text);
  // Reads until the body ends (its last chunk); false on timeout or error.
  bool read_to_end();
  const std::string& body() const;
  // Waits for the server to close the connection after the body, like test_client's.
  bool wait_closed(std::chrono::milliseconds within);
  void disconnect();

 private:
  struct impl;
  std::unique_ptr<impl> impl_;
};

// A WebSocket client (Beast) over a real socket; every operation is bounded.
class websocket_test_client {
 public:
  explicit websocket_test_client(std::chrono::milliseconds timeout = std::chrono::seconds(5));
  ~websocket_test_client();
  websocket_test_client(const websocket_test_client&) = delete;
  websocket_test_client& operator=(const websocket_test_client&) = delete;

  // TCP connect and the opening handshake on `target`.
  std::error_code connect(std::uint16_t port, std::string_view target = "/ws",
                          int receive_buffer = 0);
  std::error_code write_text(std::string_view text);
  std::error_code write_binary(std::string_view bytes);
  // The next message, or nullopt (see last_error() and close_code()) after `within`.
  std::optional<std::string> read(std::chrono::milliseconds within = std::chrono::seconds(5));
  std::error_code last_error() const;
  unsigned close_code() const;  // from the server's close frame; 0 when none came
  std::size_t pings() const;    // ping frames seen while reading

 private:
  struct impl;
  std::unique_ptr<impl> impl_;
};

}  // namespace sentinelle::testing

#pragma once

#include <chrono>
#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <system_error>
#include <utility>
#include <vector>

namespace sentinelle::testing {

using header_list = std::vector<std::pair<std::string, std::string>>;

struct client_response {
  unsigned status = 0;
  header_list headers;
  std::string body;
  bool keep_alive = false;

  // The first header named `name` (case-insensitive), or "" when absent.
  std::string header(std::string_view name) const;
};

// "METHOD target HTTP/1.1" with Host and, when there is a body, Content-Length.
std::string raw_request(std::string_view method, std::string_view target,
                        std::string_view body = {}, const header_list& headers = {});

// A blocking HTTP/1.1 client over a real socket. Every operation gives up after `timeout`, so
// a server bug fails a test instead of hanging it. Sends raw bytes, so tests can be malformed.
class test_client {
 public:
  explicit test_client(std::chrono::milliseconds timeout = std::chrono::seconds(5));
  ~test_client();
  test_client(const test_client&) = delete;
  test_client& operator=(const test_client&) = delete;

  std::error_code connect(std::uint16_t port);
  std::error_code send(std::string_view bytes);
  // The next response on the connection; nullopt on close, error or timeout.
  std::optional<client_response> read_response(bool head_request = false);
  // send(raw_request(…)) then read_response().
  std::optional<client_response> request(std::string_view method, std::string_view target,
                                         std::string_view body = {},
                                         const header_list& headers = {});
  // Waits up to `within` for the server to close the connection (EOF or reset), discarding
  // what arrives meanwhile. False when it is still open after `within`.
  bool wait_closed(std::chrono::milliseconds within);

 private:
  struct impl;
  std::unique_ptr<impl> impl_;
};

}  // namespace sentinelle::testing

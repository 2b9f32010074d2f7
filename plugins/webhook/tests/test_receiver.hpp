#pragma once

#include <cstdint>
#include <functional>
#include <map>
#include <memory>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace sentinelle::testing {

struct received_request {
  std::string target;
  std::map<std::string, std::string> headers;  // names in lower case
  std::string body;                            // the raw bytes, as signed
  std::int64_t received_at_ms = 0;

  std::string header(const std::string& name) const;  // "" when absent
};

struct receiver_reply {
  unsigned status = 200;
  std::vector<std::pair<std::string, std::string>> headers;
  bool hang = false;  // read the request, never answer; wait for the client to close
};

using receiver_handler = std::function<receiver_reply(const received_request&)>;

// A real HTTP/1.1 receiver on 127.0.0.1, port 0, on its own thread; https with a self-signed
// certificate made at start when `tls`. One request per connection. The handler runs on the
// receiver's single thread, so it may keep state without locks.
class test_receiver {
 public:
  explicit test_receiver(receiver_handler handler, bool tls = false);
  ~test_receiver();
  test_receiver(const test_receiver&) = delete;
  test_receiver& operator=(const test_receiver&) = delete;

  std::uint16_t port() const;
  std::string url(std::string_view path = "/hooks/alerts") const;

  std::vector<received_request> requests() const;
  // The most requests that were read and not yet answered at one time.
  std::size_t peak_concurrent() const;

 private:
  struct impl;
  std::unique_ptr<impl> impl_;
};

// A port nothing listens on (bound, then closed).
std::uint16_t unused_port();

}  // namespace sentinelle::testing

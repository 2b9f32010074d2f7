#pragma once

#include <chrono>
#include <condition_variable>
#include <cstddef>
#include <memory>
#include <mutex>
#include <string>
#include <vector>

#include "net/router.hpp"
#include "net/stream_request.hpp"

namespace sentinelle::testing {

// Records what the net library tells a stream handler: the streams opened, the client's
// messages, the closes. Its routes: GET /events (SSE), GET /ws (WebSocket), GET /hello.
// Every wait is bounded.
class stream_probe {
 public:
  router routes();
  stream_request request();
  // Makes every on_open take this long (before it records the stream): a slow subscription.
  void delay_opens(std::chrono::milliseconds delay) { open_delay_ = delay; }

  // The index-th stream opened, or null when it did not open within `within`.
  std::shared_ptr<push_stream> wait_open(
      std::size_t index = 0, std::chrono::milliseconds within = std::chrono::seconds(5));
  bool wait_closes(std::size_t count, std::chrono::milliseconds within = std::chrono::seconds(5));
  bool wait_messages(std::size_t count, std::chrono::milliseconds within = std::chrono::seconds(5));

  std::size_t closes() const;
  std::vector<std::string> messages() const;
  // A close that came before its open, or twice for one stream, would be a library bug.
  bool closes_followed_opens() const;

 private:
  template <typename Condition>
  bool wait(Condition condition, std::chrono::milliseconds within);

  mutable std::mutex mutex_;
  std::condition_variable changed_;
  std::vector<std::shared_ptr<push_stream>> streams_;
  std::vector<std::string> messages_;
  std::size_t closes_ = 0;
  bool close_before_open_ = false;
  std::chrono::milliseconds open_delay_{0};
};

}  // namespace sentinelle::testing

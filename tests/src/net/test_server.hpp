#pragma once

#include <chrono>
#include <cstdint>
#include <functional>
#include <future>
#include <memory>
#include <mutex>
#include <string>
#include <thread>
#include <vector>

#include "net/http_server.hpp"

namespace spdlog::sinks {
template <typename Mutex>
class ringbuffer_sink;
}  // namespace spdlog::sinks

namespace sentinelle::testing {

using namespace std::chrono_literals;

// 127.0.0.1, port 0, two threads, and timeouts long enough never to fire unless a test wants.
http_server_options test_options();

// The real server, listening before the constructor returns, run() on a background thread.
// The destructor stops it and joins.
class test_server {
 public:
  // `before_run` configures the server between listen() and run() (e.g. handle_signals).
  explicit test_server(router routes, http_server_options options = test_options(),
                       const std::function<void(http_server&)>& before_run = {});
  ~test_server();
  test_server(const test_server&) = delete;
  test_server& operator=(const test_server&) = delete;

  std::uint16_t port() const { return server_.bound_port(); }
  http_server& server() { return server_; }

  // True once run() has returned (within `within`).
  bool wait_stopped(std::chrono::milliseconds within);

  // The JSON log lines written so far.
  std::vector<std::string> log_lines() const;

 private:
  std::shared_ptr<spdlog::sinks::ringbuffer_sink<std::mutex>> log_sink_;
  http_server server_;
  std::promise<void> stopped_;
  std::future<void> stopped_future_;
  std::thread thread_;
};

// Polls `condition` until it holds or `within` passes: for effects that raise no event the
// test could wait on (a counter, a closed acceptor). Never a fixed sleep.
bool eventually(const std::function<bool()>& condition, std::chrono::milliseconds within = 5s);

// Runs `work` on a thread joined by the destructor: for handlers that answer later.
class worker_threads {
 public:
  void run(std::function<void()> work);
  ~worker_threads();

 private:
  std::mutex mutex_;
  std::vector<std::thread> threads_;
};

}  // namespace sentinelle::testing

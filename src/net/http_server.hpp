#pragma once

#include <cstdint>
#include <functional>
#include <memory>
#include <system_error>

#include "net/http_server_options.hpp"
#include "net/http_server_stats.hpp"
#include "net/router.hpp"

namespace spdlog {
class logger;
}  // namespace spdlog

namespace sentinelle {

// The HTTP/1.1 server: Beast sessions on C++20 coroutines, `threads` threads sharing one
// io_context. Asio stays out of this header so that endpoint code compiles without it.
//
//   http_server server(options, std::move(routes));
//   if (auto ec = server.listen()) { … exit 2 … }
//   server.handle_signals([&](int) { storage.stop_accepting(); });  // before the line below:
//   std::cout << "listening on http://" << options.host << ':' << server.bound_port() << '\n';
//   server.run();  // returns once stopped and drained
//   storage.flush();
class http_server {
 public:
  // Throws std::invalid_argument naming the option when `options` are unusable.
  // Without a logger, logs JSON lines to stderr (make_json_logger("net")).
  http_server(http_server_options options, router routes,
              std::shared_ptr<spdlog::logger> logger = nullptr);
  ~http_server();
  http_server(const http_server&) = delete;
  http_server& operator=(const http_server&) = delete;

  // Resolves host, binds and listens. Afterwards bound_port() is the real port.
  std::error_code listen();
  std::uint16_t bound_port() const;

  // On SIGTERM or SIGINT: calls `on_signal` with the signal number, then stop(). Call before
  // run(). Flush after run() returns: only then has every request in flight been answered.
  void handle_signals(std::function<void(int)> on_signal = {});

  // Serves on `threads` threads, the calling one included, until stop() has drained every
  // connection. Call once, after a successful listen().
  void run();

  // From any thread, at any time, idempotent: stop accepting, close idle connections, let
  // requests in flight finish (their responses say Connection: close), then run() returns.
  void stop();

  http_server_stats stats() const;

  // Runs `work` soon on one of the server's threads. From any thread while the server exists:
  // a thread whose time is precious (the storage writer) hands its callbacks here. Work that
  // has not run when run() returns is destroyed, unrun, with the server.
  void post(std::function<void()> work);

 private:
  struct impl;
  std::unique_ptr<impl> impl_;
};

}  // namespace sentinelle

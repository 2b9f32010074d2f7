#pragma once

#include <atomic>
#include <cstddef>
#include <memory>
#include <mutex>
#include <unordered_map>

#include "net/http_server_options.hpp"
#include "net/request_limits.hpp"
#include "net/router.hpp"
#include "net/server_counters.hpp"

namespace spdlog {
class logger;
}  // namespace spdlog

namespace sentinelle {

class http_session;

// What the listener and every session share (chat-multi's shared_state): configuration,
// routes, counters, limits, logger, and the live sessions so that stop() can reach each of them.
class server_state {
 public:
  server_state(http_server_options options, router routes, std::shared_ptr<spdlog::logger> logger);

  const http_server_options& options() const { return options_; }
  const router& routes() const { return routes_; }
  server_counters& counters() { return counters_; }
  request_limits& limits() { return limits_; }
  spdlog::logger& logger() const { return *logger_; }
  bool stopping() const { return stopping_.load(std::memory_order_acquire); }

  std::size_t session_count() const;
  void add_session(const std::shared_ptr<http_session>& session);
  void remove_session(const http_session* session);

  // Marks the server as stopping and tells every live session; false when already stopping.
  bool begin_stop();

 private:
  const http_server_options options_;
  const router routes_;
  const std::shared_ptr<spdlog::logger> logger_;
  server_counters counters_;
  request_limits limits_;  // after counters_: it counts into them
  std::atomic<bool> stopping_{false};

  mutable std::mutex mutex_;  // guards sessions_ only
  std::unordered_map<const http_session*, std::weak_ptr<http_session>> sessions_;
};

}  // namespace sentinelle

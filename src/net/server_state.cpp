#include "net/server_state.hpp"

#include <utility>
#include <vector>

#include "net/http_session.hpp"

namespace sentinelle {

server_state::server_state(http_server_options options, router routes,
                           std::shared_ptr<spdlog::logger> logger)
    : options_(std::move(options)),
      routes_(std::move(routes)),
      logger_(std::move(logger)),
      limits_(options_, counters_) {}

std::size_t server_state::session_count() const {
  const std::lock_guard lock(mutex_);
  return sessions_.size();
}

void server_state::add_session(const std::shared_ptr<http_session>& session) {
  const std::lock_guard lock(mutex_);
  sessions_.emplace(session.get(), session);
}

void server_state::remove_session(const http_session* session) {
  const std::lock_guard lock(mutex_);
  sessions_.erase(session);
}

bool server_state::begin_stop() {
  if (stopping_.exchange(true, std::memory_order_acq_rel)) {
    return false;
  }
  // Lock only to snapshot; the sessions are told outside the lock (stop() posts to their strand).
  std::vector<std::shared_ptr<http_session>> live;
  {
    const std::lock_guard lock(mutex_);
    for (const auto& [key, weak] : sessions_) {
      if (auto session = weak.lock()) {
        live.push_back(std::move(session));
      }
    }
  }
  for (const auto& session : live) {
    session->stop();
  }
  return true;
}

}  // namespace sentinelle

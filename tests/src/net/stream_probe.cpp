#include "stream_probe.hpp"

#include <thread>
#include <utility>

namespace sentinelle::testing {

router stream_probe::routes() {
  router routes;
  routes.add("GET", "/events", [this](const http_request&, const responder& reply) {
    reply.send(sse_response(request()));
  });
  routes.add("GET", "/ws", [this](const http_request&, const responder& reply) {
    reply.send(websocket_response(request()));
  });
  routes.add("GET", "/hello", [](const http_request&, const responder& reply) {
    reply.send(json_response(200, "hello"));
  });
  return routes;
}

// Designated initializers, as endpoint code is expected to write them.
stream_request stream_probe::request() {
  return {
      .on_open =
          [this](std::shared_ptr<push_stream> stream) {
            std::this_thread::sleep_for(open_delay_);
            const std::lock_guard lock(mutex_);
            streams_.push_back(std::move(stream));
            changed_.notify_all();
          },
      .on_close =
          [this] {
            const std::lock_guard lock(mutex_);
            ++closes_;
            close_before_open_ = close_before_open_ || closes_ > streams_.size();
            changed_.notify_all();
          },
      .on_message =
          [this](std::string_view message) {
            const std::lock_guard lock(mutex_);
            messages_.emplace_back(message);
            changed_.notify_all();
          },
  };
}

template <typename Condition>
bool stream_probe::wait(Condition condition, std::chrono::milliseconds within) {
  std::unique_lock lock(mutex_);
  return changed_.wait_for(lock, within, condition);
}

std::shared_ptr<push_stream> stream_probe::wait_open(std::size_t index,
                                                     std::chrono::milliseconds within) {
  if (!wait([&] { return streams_.size() > index; }, within)) {
    return nullptr;
  }
  const std::lock_guard lock(mutex_);
  return streams_[index];
}

bool stream_probe::wait_closes(std::size_t count, std::chrono::milliseconds within) {
  return wait([&] { return closes_ >= count; }, within);
}

bool stream_probe::wait_messages(std::size_t count, std::chrono::milliseconds within) {
  return wait([&] { return messages_.size() >= count; }, within);
}

std::size_t stream_probe::closes() const {
  const std::lock_guard lock(mutex_);
  return closes_;
}

std::vector<std::string> stream_probe::messages() const {
  const std::lock_guard lock(mutex_);
  return messages_;
}

bool stream_probe::closes_followed_opens() const {
  const std::lock_guard lock(mutex_);
  return !close_before_open_;
}

}  // namespace sentinelle::testing

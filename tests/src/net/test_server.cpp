#include "test_server.hpp"

#include <spdlog/sinks/ringbuffer_sink.h>

#include "net/json_log.hpp"

namespace sentinelle::testing {

http_server_options test_options() {
  http_server_options options;
  options.host = "127.0.0.1";
  options.port = 0;
  options.threads = 2;
  options.request_timeout_ms = 10000;
  options.idle_timeout_ms = 10000;
  return options;
}

test_server::test_server(router routes, http_server_options options,
                         const std::function<void(http_server&)>& before_run)
    : log_sink_(std::make_shared<spdlog::sinks::ringbuffer_sink_mt>(1000)),
      server_(std::move(options), std::move(routes), make_json_logger("net", log_sink_)),
      stopped_future_(stopped_.get_future()) {
  if (const auto ec = server_.listen()) {
    throw std::runtime_error("listen: " + ec.message());
  }
  if (before_run) {
    before_run(server_);
  }
  thread_ = std::thread([this] {
    server_.run();
    stopped_.set_value();
  });
}

test_server::~test_server() {
  server_.stop();
  thread_.join();
}

bool test_server::wait_stopped(std::chrono::milliseconds within) {
  return stopped_future_.wait_for(within) == std::future_status::ready;
}

std::vector<std::string> test_server::log_lines() const {
  return log_sink_->last_formatted();
}

bool eventually(const std::function<bool()>& condition, std::chrono::milliseconds within) {
  const auto deadline = std::chrono::steady_clock::now() + within;
  while (!condition()) {
    if (std::chrono::steady_clock::now() > deadline) {
      return false;
    }
    std::this_thread::sleep_for(5ms);
  }
  return true;
}

void worker_threads::run(std::function<void()> work) {
  const std::lock_guard lock(mutex_);
  threads_.emplace_back(std::move(work));
}

worker_threads::~worker_threads() {
  for (auto& thread : threads_) {
    thread.join();
  }
}

}  // namespace sentinelle::testing

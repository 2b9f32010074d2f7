#include "webhook/webhook_delivery_worker.hpp"

#include <spdlog/logger.h>

#include <boost/asio/co_spawn.hpp>
#include <boost/asio/io_context.hpp>
#include <boost/asio/post.hpp>
#include <exception>
#include <stdexcept>
#include <thread>
#include <utility>

#include "net/json_log.hpp"
#include "webhook/delivery_engine.hpp"

namespace sentinelle {
namespace {

namespace asio = boost::asio;

const std::vector<webhook_sink_config>& checked(const std::vector<webhook_sink_config>& sinks) {
  if (auto problem = find_sinks_config_problem(sinks); !problem.empty()) {
    throw std::invalid_argument(problem);
  }
  return sinks;
}

webhook_worker_options with_logger(webhook_worker_options options) {
  if (!options.logger) {
    options.logger = make_json_logger("webhook");
  }
  return options;
}

}  // namespace

struct webhook_delivery_worker::impl {
  impl(outbox_store& store, const std::vector<webhook_sink_config>& sinks,
       webhook_payload_source payload_for, webhook_worker_options options)
      : logger(options.logger),
        engine(context, store, sinks, std::move(payload_for), std::move(options), counters) {}

  asio::io_context context{1};  // first: destroyed after the engine's timers
  webhook_counters counters;
  std::shared_ptr<spdlog::logger> logger;
  delivery_engine engine;
  std::thread thread;  // runs `context` until the engine has drained
};

webhook_delivery_worker::webhook_delivery_worker(outbox_store& store,
                                                 std::vector<webhook_sink_config> sinks,
                                                 webhook_payload_source payload_for,
                                                 webhook_worker_options options)
    : impl_(std::make_unique<impl>(store, checked(sinks), std::move(payload_for),
                                   with_logger(std::move(options)))) {}

webhook_delivery_worker::~webhook_delivery_worker() {
  stop();
}

void webhook_delivery_worker::start() {
  if (impl_->thread.joinable()) {
    return;
  }
  asio::co_spawn(impl_->context, impl_->engine.run(),
                 [logger = impl_->logger](const std::exception_ptr& error) {
                   if (error) {
                     logger->error(log_fields("webhook_worker_failed").text());
                   }
                 });
  impl_->thread = std::thread([this] { impl_->context.run(); });
  impl_->logger->info(log_fields("webhook_worker_started").text());
}

void webhook_delivery_worker::stop() {
  if (!impl_->thread.joinable()) {
    return;
  }
  asio::post(impl_->context, [this] { impl_->engine.begin_stop(); });
  impl_->thread.join();
  impl_->logger->info(log_fields("webhook_worker_stopped").text());
}

void webhook_delivery_worker::notify() {
  asio::post(impl_->context, [this] { impl_->engine.wake(); });
}

webhook_stats webhook_delivery_worker::stats() const {
  return impl_->counters.snapshot();
}

}  // namespace sentinelle

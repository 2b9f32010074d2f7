#include "net/http_server.hpp"

#include <spdlog/logger.h>

#include <algorithm>
#include <boost/asio/io_context.hpp>
#include <boost/asio/post.hpp>
#include <boost/asio/signal_set.hpp>
#include <boost/asio/strand.hpp>
#include <csignal>
#include <optional>
#include <stdexcept>
#include <thread>
#include <utility>
#include <vector>

#include "net/json_log.hpp"
#include "net/listener.hpp"
#include "net/server_state.hpp"

namespace sentinelle {
namespace {

unsigned thread_count(const http_server_options& options) {
  return options.threads != 0 ? options.threads : std::max(1U, std::thread::hardware_concurrency());
}

http_server_options checked(http_server_options options) {
  if (auto problem = find_option_problem(options); !problem.empty()) {
    throw std::invalid_argument("server." + problem);
  }
  return options;
}

}  // namespace

struct http_server::impl {
  impl(http_server_options options, router routes, std::shared_ptr<spdlog::logger> logger)
      : threads(thread_count(options)),
        context(static_cast<int>(threads)),
        control(asio::make_strand(context)),
        state(std::make_shared<server_state>(std::move(options), std::move(routes),
                                             logger ? std::move(logger) : make_json_logger("net"))),
        acceptor(context, control, state) {}

  const unsigned threads;
  asio::io_context context;       // declared first, destroyed last: everything below uses it
  asio::any_io_executor control;  // the acceptor's and the signal set's strand
  std::shared_ptr<server_state> state;
  listener acceptor;
  std::optional<asio::signal_set> signals;  // touched on `control` once run() has started
};

http_server::http_server(http_server_options options, router routes,
                         std::shared_ptr<spdlog::logger> logger)
    : impl_(std::make_unique<impl>(checked(std::move(options)), std::move(routes),
                                   std::move(logger))) {}

http_server::~http_server() = default;

std::error_code http_server::listen() {
  const auto& options = impl_->state->options();
  const auto ec = impl_->acceptor.listen(options.host, options.port);
  auto fields = log_fields(ec ? "listen_failed" : "listening");
  // The port asked for when it failed (nothing is bound then), the bound one otherwise.
  const std::uint16_t port = ec ? options.port : impl_->acceptor.port();
  fields.add("host", options.host).add("port", std::uint64_t{port});
  if (ec) {
    impl_->state->logger().error(fields.add("error", ec.message()).text());
  } else {
    impl_->state->logger().info(fields.add("threads", std::uint64_t{impl_->threads}).text());
  }
  return ec;
}

std::uint16_t http_server::bound_port() const {
  return impl_->acceptor.port();
}

void http_server::handle_signals(std::function<void(int)> on_signal) {
  auto& signals = impl_->signals.emplace(impl_->control, SIGINT, SIGTERM);
  signals.async_wait(
      [this, on_signal = std::move(on_signal)](const beast::error_code& ec, int signal_number) {
        if (ec) {
          return;  // cancelled by stop()
        }
        impl_->state->logger().info(
            log_fields("signal").add("signal", static_cast<std::uint64_t>(signal_number)).text());
        if (on_signal) {
          on_signal(signal_number);
        }
        stop();
      });
}

void http_server::run() {
  impl_->acceptor.start();
  std::vector<std::jthread> helpers;
  for (unsigned i = 1; i < impl_->threads; ++i) {
    helpers.emplace_back([this] { impl_->context.run(); });
  }
  impl_->context.run();
  helpers.clear();  // joins
  impl_->state->logger().info(log_fields("stopped").text());
}

void http_server::stop() {
  if (!impl_->state->begin_stop()) {
    return;
  }
  impl_->state->logger().info(log_fields("stopping").text());
  impl_->acceptor.stop();
  asio::post(impl_->control, [this] {
    if (impl_->signals) {
      impl_->signals->cancel();  // the last thing that would keep run() alive
    }
  });
}

void http_server::post(std::function<void()> work) {
  asio::post(impl_->context, std::move(work));
}

http_server_stats http_server::stats() const {
  return impl_->state->counters().snapshot(impl_->state->session_count());
}

}  // namespace sentinelle

#include "net/listener.hpp"

#include <spdlog/logger.h>

#include <boost/asio/co_spawn.hpp>
#include <boost/asio/detached.hpp>
#include <boost/asio/post.hpp>
#include <boost/asio/steady_timer.hpp>
#include <boost/asio/strand.hpp>
#include <boost/asio/this_coro.hpp>
#include <boost/asio/write.hpp>
#include <chrono>
#include <exception>
#include <string>
#include <utility>

#include "net/client_address.hpp"
#include "net/graceful_close.hpp"
#include "net/http_session.hpp"
#include "net/json_log.hpp"
#include "net/net_log.hpp"
#include "net/response_wire.hpp"
#include "net/server_state.hpp"

namespace sentinelle {
namespace {

using namespace std::chrono_literals;

// Answers `refusal` (503 over the global cap, 429 over the per-address one) and closes, within
// about 1.5 s whatever the client does: these connections are not counted against either cap,
// so each must be short-lived.
asio::awaitable<void> reject(tcp::socket socket, std::shared_ptr<server_state> state,
                             http_response refusal) {
  beast::tcp_stream stream(std::move(socket));
  refusal.headers.emplace_back("Retry-After", "1");
  const response_wire wire = to_wire(std::move(refusal), 11, false, false);
  stream.expires_after(1s);
  auto [ec, bytes] = co_await asio::async_write(stream, wire.buffers(), use_tuple);
  if (ec) {
    log_failure(state->logger(), ec, "write");
    co_return;
  }
  state->counters().response_written(wire.status);
  co_await close_gracefully(stream, 500ms);
}

// Accept fails with EMFILE when descriptors run out: wait instead of spinning on the error.
asio::awaitable<void> pause_after_error() {
  asio::steady_timer timer(co_await asio::this_coro::executor, 100ms);
  co_await timer.async_wait(use_tuple);
}

// Sessions report errors as values; an exception here (out of memory…) ends one connection only.
void log_session_exception(server_state& state, const std::exception_ptr& error) {
  if (!error) {
    return;
  }
  std::string what = "unknown exception";
  try {
    std::rethrow_exception(error);
  } catch (const std::exception& e) {
    what = e.what();
  } catch (...) {
  }
  state.logger().error(log_fields("session_failed").add("what", what).text());
}

}  // namespace

listener::listener(asio::io_context& context, asio::any_io_executor control,
                   std::shared_ptr<server_state> state)
    : context_(context), control_(control), acceptor_(control), state_(std::move(state)) {}

beast::error_code listener::listen(const std::string& host, std::uint16_t port) {
  beast::error_code ec;
  tcp::resolver resolver(context_);
  const auto results = resolver.resolve(host, std::to_string(port), ec);
  if (ec || results.empty()) {
    return ec ? ec : beast::error_code(asio::error::host_not_found);
  }
  const tcp::endpoint endpoint = results.begin()->endpoint();
  if (acceptor_.open(endpoint.protocol(), ec) ||
      acceptor_.set_option(asio::socket_base::reuse_address(true), ec) ||
      acceptor_.bind(endpoint, ec) ||
      acceptor_.listen(asio::socket_base::max_listen_connections, ec)) {
    acceptor_.close();
    return ec;
  }
  port_ = acceptor_.local_endpoint(ec).port();
  return ec;
}

void listener::start() {
  asio::co_spawn(control_, accept_loop(), asio::detached);
}

void listener::stop() {
  asio::post(control_, [this] {
    beast::error_code ignored;
    acceptor_.close(ignored);  // the pending accept ends with operation_aborted
  });
}

asio::awaitable<void> listener::accept_loop() {
  while (!state_->stopping()) {
    // Each connection gets its own strand: its coroutine and its responder's posts serialize.
    auto [ec, socket] = co_await acceptor_.async_accept(
        asio::any_io_executor(asio::make_strand(context_)), use_tuple);
    if (state_->stopping()) {
      break;  // a connection accepted during stop() is closed unanswered, like a late one
    }
    if (ec) {
      log_failure(state_->logger(), ec, "accept");
      co_await pause_after_error();
      continue;
    }
    admit(std::move(socket));
  }
  state_->logger().info(log_fields("accept_stopped").text());
}

void listener::admit(tcp::socket socket) {
  // Only this loop adds sessions, so the count cannot grow between this check and the add.
  if (state_->session_count() >= state_->options().max_connections) {
    state_->counters().connection_rejected();
    state_->logger().warn(log_fields("connection_rejected")
                              .add("reason", "max_connections")
                              .add("max_connections", state_->options().max_connections)
                              .text());
    refuse(std::move(socket), json_error(503, "unavailable", "too many connections, retry later"));
    return;
  }
  beast::error_code ec;
  const auto peer = socket.remote_endpoint(ec);
  if (ec) {
    return;  // the client is gone already: closing its socket is all there is to do
  }
  const auto client = client_address_of(peer.address());
  if (!state_->limits().admit_connection(client)) {
    state_->logger().warn(
        log_fields("connection_rejected")
            .add("reason", "max_connections_per_ip")
            .add("max_connections_per_ip", state_->options().max_connections_per_ip)
            .add("remote", peer.address().to_string())
            .text());
    refuse(std::move(socket),
           json_error(429, "rate_limited", "too many connections from this address"));
    return;
  }
  state_->counters().connection_accepted();
  auto session =
      std::make_shared<http_session>(std::move(socket), client, peer.address().to_string(), state_);
  state_->add_session(session);
  // The completion handler owns the session until its coroutine is over.
  asio::co_spawn(session->executor(), session->run(),
                 [session, state = state_](const std::exception_ptr& error) {
                   log_session_exception(*state, error);
                 });
}

void listener::refuse(tcp::socket socket, http_response refusal) {
  const auto executor = socket.get_executor();
  asio::co_spawn(executor, reject(std::move(socket), state_, std::move(refusal)), asio::detached);
}

}  // namespace sentinelle

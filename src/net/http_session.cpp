#include "net/http_session.hpp"

#include <spdlog/logger.h>

#include <array>
#include <boost/asio/dispatch.hpp>
#include <boost/asio/experimental/channel.hpp>
#include <boost/asio/io_context.hpp>
#include <boost/asio/post.hpp>
#include <boost/asio/write.hpp>
#include <boost/beast/core/buffers_suffix.hpp>
#include <boost/beast/core/string.hpp>
#include <boost/beast/http/empty_body.hpp>
#include <boost/beast/http/parser.hpp>
#include <boost/beast/http/read.hpp>
#include <boost/beast/http/write.hpp>
#include <boost/beast/websocket/rfc6455.hpp>
#include <optional>
#include <tuple>
#include <utility>

#include "net/graceful_close.hpp"
#include "net/json_log.hpp"
#include "net/net_log.hpp"
#include "net/request_framing.hpp"
#include "net/response_wire.hpp"
#include "net/server_state.hpp"
#include "net/stream_start.hpp"

namespace sentinelle {
namespace {

using response_channel = asio::experimental::channel<void(beast::error_code, http_response)>;

constexpr std::size_t first_read_size = 4096;
constexpr std::chrono::milliseconds linger_time{1000};

}  // namespace

http_session::http_session(tcp::socket socket, client_address client, std::string remote_address,
                           std::shared_ptr<server_state> state)
    : executor_(socket.get_executor()),
      client_(client),
      remote_address_(std::move(remote_address)),
      stream_(std::move(socket)),
      state_(std::move(state)) {
  // respond() first tries a plain send, which must never wait; async operations do not
  // depend on this mode. Should it fail, every response goes through async_write.
  beast::error_code ignored;
  stream_.socket().non_blocking(true, ignored);
}

http_session::~http_session() {
  state_->limits().release_connection(client_);
  state_->remove_session(this);
}

std::chrono::milliseconds http_session::request_timeout() const {
  return std::chrono::milliseconds(state_->options().request_timeout_ms);
}

void http_session::stop() {
  asio::post(executor_, [self = shared_from_this()] {
    if (self->idle_) {
      self->stream_.cancel();  // the pending read ends with operation_aborted
    } else if (self->stream_session_) {
      self->stream_session_->stop();
    }
  });
}

asio::awaitable<void> http_session::run() {
  // A new connection owes its first request, whole, within the request timeout.
  deadline_ = clock::now() + request_timeout();
  auto next = next_step::keep_alive;
  for (bool first = true; next == next_step::keep_alive; first = false) {
    if (state_->stopping()) {
      break;
    }
    const bool arrived = co_await wait_for_request(first);  // GCC 12: not in a condition
    if (!arrived) {
      break;
    }
    next = co_await serve_request();
  }
  if (next == next_step::drain_and_close) {
    co_await close_gracefully(stream_, linger_time);
  }
  beast::error_code ignored;
  stream_.socket().shutdown(tcp::socket::shutdown_both, ignored);
  stream_.close();
}

asio::awaitable<bool> http_session::wait_for_request(bool first) {
  if (buffer_.size() > 0) {  // a pipelined request is already here
    deadline_ = clock::now() + request_timeout();
    co_return true;
  }
  if (first) {
    stream_.expires_at(deadline_);
  } else {
    stream_.expires_after(std::chrono::milliseconds(state_->options().idle_timeout_ms));
  }
  idle_ = true;
  auto [ec, bytes] = co_await stream_.async_read_some(buffer_.prepare(first_read_size), use_tuple);
  idle_ = false;
  if (ec) {
    if (first && ec == beast::error::timeout) {
      log_timeout(exchange{});  // connected, then sent nothing: cut like any slow request
    } else if (ec != beast::error::timeout) {
      log_failure(state_->logger(), ec, "read");
    }
    co_return false;
  }
  buffer_.commit(bytes);
  if (!first) {
    deadline_ = clock::now() + request_timeout();  // counted from the request's first byte
  }
  co_return true;
}

asio::awaitable<http_session::next_step> http_session::serve_request() {
  exchange ex;
  ex.started = clock::now();
  state_->counters().request_read();
  request_parser parser;  // fresh per request: state and limits reset
  parser.header_limit(static_cast<std::uint32_t>(state_->options().header_limit_bytes));
  parser.body_limit(state_->options().body_limit_bytes);  // a larger Content-Length fails here
  beast::error_code header_ec;
  if (!parse_buffered(parser, false, header_ec)) {
    stream_.expires_at(deadline_);
    std::tie(header_ec, std::ignore) =
        co_await http::async_read_header(stream_, buffer_, parser, use_tuple);
  }
  if (header_ec) {
    co_return co_await refuse(header_ec, describe(parser.get(), ex));
  }
  const auto screened = co_await screen(parser.get(), !parser.is_done(), ex);
  if (screened) {
    co_return *screened;
  }
  const bool continued = co_await send_continue(parser.get());
  if (!continued) {
    co_return next_step::close;
  }
  beast::error_code body_ec;
  if (!parse_buffered(parser, true, body_ec)) {
    stream_.expires_at(deadline_);
    std::tie(body_ec, std::ignore) = co_await http::async_read(stream_, buffer_, parser, use_tuple);
  }
  if (body_ec) {
    co_return co_await refuse(body_ec, describe(parser.get(), ex));
  }
  describe(parser.get(), ex);
  auto message = parser.release();
  ex.bytes_in = message.body().size();
  const unsigned version = message.version();
  const bool keep_alive = message.keep_alive();
  const bool head = message.method() == http::verb::head;
  std::optional<upgrade_request> upgrade;  // for Beast's accept, if the handler answers WebSocket
  if (beast::websocket::is_upgrade(message)) {
    upgrade.emplace().base() = message.base();
  }
  auto request = to_http_request(std::move(message), remote_address_);
  http_response response;
  if (request) {
    response = co_await call_handler(*request);
  } else {
    response = json_error(400, "bad_request", "the target is not a path");
  }
  if (response.stream) {
    co_return co_await hand_over(std::move(response), ex, std::move(upgrade), version, keep_alive,
                                 head);
  }
  co_return co_await respond(std::move(response), ex, version, keep_alive, head);
}

// Most requests arrive whole in the first read: parsed here from the buffer, without Beast's
// read operations, which complete through a post to the strand even when no byte is missing
// (two round trips through the scheduler a request, and a timer re-armed for each).
// False when more bytes must be read: the async read goes on with the same parser.
bool http_session::parse_buffered(request_parser& parser, bool whole, beast::error_code& ec) {
  while (!(whole ? parser.is_done() : parser.is_header_done())) {
    if (buffer_.size() == 0) {
      return false;
    }
    const std::size_t used = parser.put(buffer_.data(), ec);
    buffer_.consume(used);
    if (ec == http::error::need_more) {
      ec = {};
      return false;
    }
    if (ec) {
      return true;  // the answer is the error
    }
    if (used == 0) {
      return false;
    }
  }
  return true;
}

// The request line as far as it was parsed (empty when it was not), for the log.
const http_session::exchange& http_session::describe(const beast_request& header, exchange& ex) {
  ex.method = std::string(header.method_string());
  ex.path = path_of(header.target());
  return ex;
}

// Refuses from the header alone, before the body is read and before any handler: framing that
// could be read two ways (400/501), then an empty rate-limit bucket (429). nullopt: go on.
asio::awaitable<std::optional<http_session::next_step>> http_session::screen(
    const beast_request& header, bool body_pending, exchange& ex) {
  if (auto refusal = check_framing(header)) {
    co_return co_await respond(std::move(*refusal), describe(header, ex), 11, false, false);
  }
  if (auto limited = state_->limits().check(header, client_, ex.started)) {
    // A body left unread cannot be skipped: keep the connection only when there is none.
    const bool keep_alive = header.keep_alive() && !body_pending;
    co_return co_await respond(std::move(*limited), describe(header, ex), header.version(),
                               keep_alive, header.method() == http::verb::head);
  }
  co_return std::nullopt;
}

// Clients that ask (curl does for large bodies) wait for this before sending the body; those
// whose Content-Length is over the limit got their 413 instead, in refuse().
asio::awaitable<bool> http_session::send_continue(const beast_request& header) {
  if (header.version() < 11 || !beast::iequals(header[http::field::expect], "100-continue")) {
    co_return true;
  }
  http::response<http::empty_body> interim{http::status::continue_, 11};
  auto [ec, bytes] = co_await http::async_write(stream_, interim, use_tuple);
  if (ec) {
    log_failure(state_->logger(), ec, "write");
    co_return false;
  }
  state_->counters().response_written(100);
  co_return true;
}

namespace {

// The io_context under a session's strand. Its executor tracks no work and owns nothing, so a
// copy may be destroyed after the io_context, unlike the strand's.
asio::io_context::executor_type io_context_of(const asio::any_io_executor& strand) {
  return static_cast<asio::io_context&>(asio::query(strand, asio::execution::context))
      .get_executor();
}

}  // namespace

asio::awaitable<http_response> http_session::call_handler(http_request& request) {
  auto channel = std::make_shared<response_channel>(executor_, 1);
  {
    // Handlers answer from any thread; the channel belongs to this session's strand. A worker
    // may finish, and destroy its copy of this closure, after the server is gone: so it posts
    // through the plain io_context executor (which owns nothing) and hands the strand and the
    // channel, whose destructors reach into the io_context's services, to the posted handler
    // (ASan caught the worker releasing them: handler_may_answer_later_from_another_thread).
    responder reply([channel, strand = executor_,
                     context = io_context_of(executor_)](http_response response) mutable {
      asio::post(context, [channel = std::move(channel), strand = std::move(strand),
                           response = std::move(response)]() mutable {
        asio::dispatch(strand,
                       [channel = std::move(channel), response = std::move(response)]() mutable {
                         channel->try_send(beast::error_code{}, std::move(response));
                       });
      });
    });
    dispatch(request, reply);
  }  // our copy ends here: if the handler kept none, the responder has already answered 500
  auto [ec, response] = co_await channel->async_receive(use_tuple);
  if (ec) {
    co_return json_error(500, "internal_error", "the response was lost");
  }
  co_return std::move(response);
}

// A throwing handler is a bug, but one request's bug: answer 500 and keep serving.
void http_session::dispatch(http_request& request, const responder& reply) {
  std::string what = "unknown exception";
  try {
    state_->routes().dispatch(request, reply);
    return;
  } catch (const std::exception& error) {
    what = error.what();
  } catch (...) {
  }
  state_->logger().error(
      log_fields("handler_exception").add("path", request.path).add("what", what).text());
  reply.send(json_error(500, "internal_error", "the request handler failed"));
}

asio::awaitable<http_session::next_step> http_session::refuse(const beast::error_code& ec,
                                                              const exchange& ex) {
  if (ec == beast::error::timeout) {
    log_timeout(ex);  // tcp_stream has closed the socket: no 408 can be sent
    co_return next_step::close;
  }
  auto answer = answer_read_error(ec, state_->options());
  if (!answer) {
    log_failure(state_->logger(), ec, "read");
    co_return next_step::close;
  }
  // Never keep alive: the rest of what the client sent (a body, bad framing) cannot be skipped.
  co_return co_await respond(std::move(*answer), ex, 11, false, false);
}

asio::awaitable<http_session::next_step> http_session::respond(http_response response,
                                                               const exchange& ex, unsigned version,
                                                               bool keep_alive, bool head) {
  const std::size_t bytes_out = response.body.size();
  const response_wire wire =
      to_wire(std::move(response), version, keep_alive && !state_->stopping(), head);
  // Most answers fit in the socket's send buffer: sent here, in one non-blocking call. An async
  // write, even one whose first try sends everything, completes through a post to the strand
  // and arms the stream's timer (~5,000 instructions a response, callgrind); it is left for
  // what the kernel did not take.
  beast::buffers_suffix<std::array<asio::const_buffer, 2>> unsent(wire.buffers());
  beast::error_code ec;
  if (stream_.socket().non_blocking()) {
    unsent.consume(stream_.socket().send(unsent, 0, ec));
    if (ec == asio::error::would_block) {
      ec = {};
    }
  }
  if (!ec && beast::buffer_bytes(unsent) > 0) {
    stream_.expires_after(request_timeout());  // a client that does not read its answer is cut
    std::tie(ec, std::ignore) = co_await asio::async_write(stream_, unsent, use_tuple);
  }
  if (ec) {
    log_failure(state_->logger(), ec, "write");
    co_return next_step::close;
  }
  state_->counters().response_written(wire.status);
  log_exchange(ex, wire.status, head ? 0 : bytes_out);
  co_return wire.keep_alive ? next_step::keep_alive : next_step::drain_and_close;
}

// The connection becomes the stream: its socket moves to the stream's connection, which this
// coroutine awaits, so the stream still counts against max_connections and stop() reaches it.
asio::awaitable<http_session::next_step> http_session::hand_over(
    http_response response, const exchange& ex, std::optional<upgrade_request> upgrade,
    unsigned version, bool keep_alive, bool head) {
  if (auto refusal = refuse_stream(response, upgrade.has_value(), head, state_->stopping())) {
    co_return co_await respond(std::move(*refusal), ex, version, keep_alive, head);
  }
  // No suspension since the stopping() check: a stop() from now on finds stream_session_.
  stream_session_ =
      make_stream_connection(stream_.release_socket(), std::move(response), std::move(upgrade),
                             version, state_, stream_label{ex.method, ex.path, remote_address_});
  co_await stream_session_->run();
  stream_session_.reset();
  co_return next_step::close;
}

void http_session::log_timeout(const exchange& ex) {
  state_->counters().request_timed_out();
  state_->logger().info(log_fields("request_timeout")
                            .add("method", ex.method)
                            .add("path", ex.path)
                            .add("remote", remote_address_)
                            .text());
}

// The line is built only when it is written: at thousands of requests a second the access log
// is a few percent of the server's CPU, and `[log] access = false` or a level above info skip it.
void http_session::log_exchange(const exchange& ex, unsigned status, std::size_t bytes_out) {
  if (!state_->options().access_log || !state_->logger().should_log(spdlog::level::info)) {
    return;
  }
  const std::chrono::duration<double, std::milli> elapsed = clock::now() - ex.started;
  state_->logger().info(log_fields("request")
                            .add("method", ex.method)
                            .add("path", ex.path)
                            .add("status", status)
                            .add_ms("duration_ms", elapsed.count())
                            .add("bytes_in", ex.bytes_in)
                            .add("bytes_out", bytes_out)
                            .add("remote", remote_address_)
                            .text());
}

}  // namespace sentinelle

#pragma once

#include <boost/beast/core/flat_buffer.hpp>
#include <boost/beast/core/tcp_stream.hpp>
#include <boost/beast/http/parser.hpp>
#include <chrono>
#include <memory>
#include <optional>
#include <string>

#include "net/asio_aliases.hpp"
#include "net/beast_messages.hpp"
#include "net/client_address.hpp"
#include "net/responder.hpp"

namespace sentinelle {

class server_state;
class stream_connection;

// One HTTP/1.1 connection, one coroutine on its own strand. Requests are served strictly one
// after the other: the next one is not read before the previous response is written (pipelined
// bytes wait in the buffer), so a client cannot queue work on the server. A handler answering
// with a stream turns the connection into that stream (SSE or WebSocket) until it ends.
class http_session : public std::enable_shared_from_this<http_session> {
 public:
  // `client` was admitted by the state's limits: the session gives its slot back when it ends.
  http_session(tcp::socket socket, client_address client, std::string remote_address,
               std::shared_ptr<server_state> state);
  ~http_session();
  http_session(const http_session&) = delete;
  http_session& operator=(const http_session&) = delete;

  const asio::any_io_executor& executor() const { return executor_; }

  // Serves requests until the client leaves, a limit or timeout is hit, or the server stops.
  asio::awaitable<void> run();

  // From any thread: close now if idle, end the stream if it is one, else close after the
  // response in flight.
  void stop();

 private:
  using clock = std::chrono::steady_clock;
  enum class next_step { keep_alive, close, drain_and_close };

  // What a request's log line needs, gathered as the request is read.
  struct exchange {
    std::string method;
    std::string path;
    clock::time_point started;
    std::size_t bytes_in = 0;
  };

  using request_parser = http::request_parser<http::string_body>;

  asio::awaitable<bool> wait_for_request(bool first);
  asio::awaitable<next_step> serve_request();
  bool parse_buffered(request_parser& parser, bool whole, beast::error_code& ec);
  static const exchange& describe(const beast_request& header, exchange& ex);
  asio::awaitable<std::optional<next_step>> screen(const beast_request& header, bool body_pending,
                                                   exchange& ex);
  asio::awaitable<bool> send_continue(const beast_request& header);
  asio::awaitable<http_response> call_handler(http_request& request);
  void dispatch(http_request& request, const responder& reply);
  asio::awaitable<next_step> refuse(const beast::error_code& ec, const exchange& ex);
  asio::awaitable<next_step> respond(http_response response, const exchange& ex, unsigned version,
                                     bool keep_alive, bool head);
  asio::awaitable<next_step> hand_over(http_response response, const exchange& ex,
                                       std::optional<upgrade_request> upgrade, unsigned version,
                                       bool keep_alive, bool head);
  void log_timeout(const exchange& ex);
  void log_exchange(const exchange& ex, unsigned status, std::size_t bytes_out);

  std::chrono::milliseconds request_timeout() const;

  asio::any_io_executor executor_;  // this connection's strand
  client_address client_;           // for the per-address limits
  std::string remote_address_;      // for handlers and logs
  beast::tcp_stream stream_;
  beast::flat_buffer buffer_;
  std::shared_ptr<server_state> state_;
  clock::time_point deadline_;  // when the request being read must be complete
  bool idle_ = false;           // waiting between requests: stop() may close at once
  std::shared_ptr<stream_connection> stream_session_;  // while the connection is a stream
};

}  // namespace sentinelle

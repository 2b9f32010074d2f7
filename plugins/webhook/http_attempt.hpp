#pragma once

// Internal to plugins/webhook: one POST over a fresh connection, Beast and Asio coroutines.
#include <boost/asio/any_io_executor.hpp>
#include <boost/asio/awaitable.hpp>
#include <boost/asio/ip/tcp.hpp>
#include <boost/asio/ssl/context.hpp>
#include <boost/asio/steady_timer.hpp>
#include <boost/beast/core/tcp_stream.hpp>
#include <boost/beast/http/message.hpp>
#include <boost/beast/http/string_body.hpp>
#include <boost/beast/ssl/ssl_stream.hpp>
#include <chrono>
#include <memory>
#include <optional>

#include "webhook/retry_policy.hpp"
#include "webhook/webhook_url.hpp"

namespace sentinelle {

using webhook_request = boost::beast::http::request<boost::beast::http::string_body>;

// One attempt: resolve, connect, TLS handshake (https), write, read the response head and at most
// 64 KiB of body, all under one deadline. Every failure comes back as a value in the result.
// Owned by a shared_ptr (the deadline's handler holds it); runs on a single-threaded executor.
class http_attempt : public std::enable_shared_from_this<http_attempt> {
 public:
  // `tls` must outlive the attempt; nullptr for http://. `verify_peer` adds the host name check
  // to the context's chain verification.
  http_attempt(boost::asio::any_io_executor executor, boost::asio::ssl::context* tls,
               bool verify_peer);

  boost::asio::awaitable<attempt_result> post(const webhook_url& url, webhook_request request,
                                              std::chrono::milliseconds timeout);

  // Ends the attempt now (the worker is stopping): post() returns error "aborted".
  void abort();
  bool aborted() const { return aborted_; }

 private:
  using tls_stream = boost::beast::ssl_stream<boost::beast::tcp_stream>;

  boost::asio::awaitable<attempt_result> exchange(const webhook_url& url, webhook_request request);
  boost::asio::awaitable<boost::system::error_code> connect(const webhook_url& url,
                                                            std::string_view& phase);
  boost::beast::tcp_stream& lowest();
  void close();
  attempt_result failure(std::string_view phase, const boost::system::error_code& ec) const;

  boost::asio::ip::tcp::resolver resolver_;
  boost::asio::steady_timer deadline_;
  std::optional<boost::beast::tcp_stream> plain_;  // exactly one of plain_ and tls_ is set
  std::optional<tls_stream> tls_;
  bool verify_peer_;
  bool timed_out_ = false;
  bool aborted_ = false;
};

}  // namespace sentinelle

#include "webhook/http_attempt.hpp"

#include <openssl/err.h>
#include <openssl/ssl.h>

#include <boost/asio/as_tuple.hpp>
#include <boost/asio/ip/address.hpp>
#include <boost/asio/ssl/host_name_verification.hpp>
#include <boost/asio/use_awaitable.hpp>
#include <boost/beast/core/flat_buffer.hpp>
#include <boost/beast/http/read.hpp>
#include <boost/beast/http/write.hpp>
#include <string>

#include "util/time.hpp"

namespace sentinelle {
namespace {

namespace asio = boost::asio;
namespace beast = boost::beast;
namespace http = boost::beast::http;
namespace ssl = boost::asio::ssl;
using boost::system::error_code;

// Every operation completes with its error_code as a value: failures are the normal path here.
constexpr auto use_tuple = asio::as_tuple(asio::use_awaitable);
constexpr std::uint64_t response_body_limit = 64 * 1024;

bool is_ip_address(const std::string& host) {
  error_code ec;
  asio::ip::make_address(host, ec);
  return !ec;
}

// Reads the final response head, skipping interim 1xx ones, then drains at most 64 KiB of body
// (its errors are ignored: the status has decided already).
template <typename Stream>
asio::awaitable<std::pair<error_code, attempt_result>> read_response(Stream& stream) {
  beast::flat_buffer buffer;
  for (int interim = 0; interim < 4; ++interim) {
    http::response_parser<http::string_body> parser;
    parser.body_limit(response_body_limit);
    auto [ec, read] = co_await http::async_read_header(stream, buffer, parser, use_tuple);
    if (ec) {
      co_return std::pair{ec, attempt_result{}};
    }
    const unsigned status = parser.get().result_int();
    if (status >= 200 || status < 100) {
      attempt_result result{.status = status, .error = {}, .retry_after_ms = std::nullopt};
      if (auto found = parser.get().find(http::field::retry_after); found != parser.get().end()) {
        result.retry_after_ms = parse_retry_after(found->value(), now_unix_ms());
      }
      if (!parser.is_done()) {
        co_await http::async_read(stream, buffer, parser, use_tuple);
      }
      co_return std::pair{error_code{}, std::move(result)};
    }
  }
  co_return std::pair{error_code{http::error::bad_status}, attempt_result{}};
}

template <typename Stream>
asio::awaitable<attempt_result> write_then_read(Stream& stream, webhook_request request,
                                                std::string_view& phase, error_code& failed) {
  phase = "write";
  auto [ec, written] = co_await http::async_write(stream, request, use_tuple);
  if (ec) {
    failed = ec;
    co_return attempt_result{};
  }
  phase = "read";
  auto [read_ec, result] = co_await read_response(stream);
  failed = read_ec;
  co_return std::move(result);
}

}  // namespace

http_attempt::http_attempt(asio::any_io_executor executor, ssl::context* tls, bool verify_peer)
    : resolver_(executor), deadline_(executor), verify_peer_(verify_peer) {
  if (tls != nullptr) {
    tls_.emplace(executor, *tls);
  } else {
    plain_.emplace(executor);
  }
}

beast::tcp_stream& http_attempt::lowest() {
  return tls_ ? beast::get_lowest_layer(*tls_) : *plain_;
}

void http_attempt::close() {
  resolver_.cancel();
  lowest().close();  // pending operations complete with operation_aborted
}

void http_attempt::abort() {
  aborted_ = true;
  close();
}

attempt_result http_attempt::failure(std::string_view phase, const error_code& ec) const {
  attempt_result result;
  if (timed_out_) {
    result.error = "timeout";
  } else if (aborted_) {
    result.error = "aborted";
  } else {
    result.error = std::string(phase) + ": " + ec.message();
  }
  return result;
}

asio::awaitable<attempt_result> http_attempt::post(const webhook_url& url, webhook_request request,
                                                   std::chrono::milliseconds timeout) {
  // One deadline for the whole attempt, the resolver included (tcp_stream's own timeouts do not
  // cover it): when it fires, everything is closed and the pending step fails.
  deadline_.expires_after(timeout);
  deadline_.async_wait([self = shared_from_this()](const error_code& ec) {
    if (!ec) {
      self->timed_out_ = true;
      self->close();
    }
  });
  attempt_result result = co_await exchange(url, std::move(request));
  deadline_.cancel();
  error_code ignored;
  lowest().socket().close(ignored);
  co_return result;
}

asio::awaitable<error_code> http_attempt::connect(const webhook_url& url, std::string_view& phase) {
  phase = "dns";
  auto [ec, endpoints] =
      co_await resolver_.async_resolve(url.host, std::to_string(url.port), use_tuple);
  if (ec || timed_out_ || aborted_) {
    co_return ec ? ec : error_code{asio::error::operation_aborted};
  }
  phase = "connect";
  auto [connect_ec, endpoint] = co_await lowest().async_connect(endpoints, use_tuple);
  if (connect_ec || !tls_) {
    co_return connect_ec;
  }
  phase = "tls";
  // SNI carries names only (RFC 6066 §3); the certificate is checked against names and IPs.
  // SSL_set_tlsext_host_name() spelled out: the macro's old-style cast breaks our -Werror.
  if (!is_ip_address(url.host) &&
      SSL_ctrl(tls_->native_handle(), SSL_CTRL_SET_TLSEXT_HOSTNAME, TLSEXT_NAMETYPE_host_name,
               const_cast<char*>(url.host.c_str())) != 1) {
    co_return error_code{static_cast<int>(::ERR_get_error()), asio::error::get_ssl_category()};
  }
  if (verify_peer_) {
    tls_->set_verify_callback(ssl::host_name_verification(url.host));
  }
  auto [handshake_ec] = co_await tls_->async_handshake(ssl::stream_base::client, use_tuple);
  co_return handshake_ec;
}

asio::awaitable<attempt_result> http_attempt::exchange(const webhook_url& url,
                                                       webhook_request request) {
  std::string_view phase;
  if (const error_code ec = co_await connect(url, phase)) {
    co_return failure(phase, ec);
  }
  error_code failed;
  attempt_result result;
  if (tls_) {
    result = co_await write_then_read(*tls_, std::move(request), phase, failed);
  } else {
    result = co_await write_then_read(*plain_, std::move(request), phase, failed);
  }
  if (failed) {
    co_return failure(phase, failed);
  }
  co_return result;
}

}  // namespace sentinelle

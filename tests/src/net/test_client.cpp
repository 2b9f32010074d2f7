#include "test_client.hpp"

#include <array>
#include <boost/asio/connect.hpp>
#include <boost/asio/io_context.hpp>
#include <boost/asio/ip/tcp.hpp>
#include <boost/asio/write.hpp>
#include <boost/beast/core/flat_buffer.hpp>
#include <boost/beast/core/string.hpp>
#include <boost/beast/http/parser.hpp>
#include <boost/beast/http/read.hpp>
#include <boost/beast/http/string_body.hpp>
#include <functional>

#include "bounded_run.hpp"

namespace sentinelle::testing {
namespace {

namespace asio = boost::asio;
namespace beast = boost::beast;
namespace http = beast::http;
using tcp = asio::ip::tcp;
using error_code = boost::system::error_code;

}  // namespace

std::string client_response::header(std::string_view name) const {
  for (const auto& [key, value] : headers) {
    if (beast::iequals(key, name)) {
      return value;
    }
  }
  return {};
}

std::string raw_request(std::string_view method, std::string_view target, std::string_view body,
                        const header_list& headers) {
  std::string text = std::string(method) + " " + std::string(target) + " HTTP/1.1\r\n";
  text += "Host: 127.0.0.1\r\n";
  if (!body.empty()) {
    text += "Content-Length: " + std::to_string(body.size()) + "\r\n";
  }
  for (const auto& [name, value] : headers) {
    text += name + ": " + value + "\r\n";
  }
  return text + "\r\n" + std::string(body);
}

struct test_client::impl {
  explicit impl(std::chrono::milliseconds limit) : timeout(limit) {}

  error_code run(const std::function<void(finish_function)>& start,
                 std::chrono::milliseconds limit) {
    return run_bounded(
        context, start, [&] { socket.cancel(); }, limit);
  }

  std::chrono::milliseconds timeout;
  asio::io_context context;
  tcp::socket socket{context};
  beast::flat_buffer buffer;  // kept across reads: responses may arrive back to back
};

test_client::test_client(std::chrono::milliseconds timeout)
    : impl_(std::make_unique<impl>(timeout)) {}

test_client::~test_client() = default;

std::error_code test_client::connect(std::uint16_t port) {
  const tcp::endpoint endpoint(asio::ip::make_address("127.0.0.1"), port);
  error_code ignored;
  impl_->socket.close(ignored);
  impl_->buffer.clear();
  return impl_->run(
      [&](const finish_function& finish) { impl_->socket.async_connect(endpoint, finish); },
      impl_->timeout);
}

std::error_code test_client::send(std::string_view bytes) {
  return impl_->run(
      [&](const finish_function& finish) {
        asio::async_write(impl_->socket, asio::buffer(bytes.data(), bytes.size()),
                          [finish](const error_code& ec, std::size_t) { finish(ec); });
      },
      impl_->timeout);
}

std::optional<client_response> test_client::read_response(bool head_request) {
  http::response_parser<http::string_body> parser;
  parser.body_limit(boost::none);
  parser.skip(head_request);
  const auto ec = impl_->run(
      [&](const finish_function& finish) {
        http::async_read(impl_->socket, impl_->buffer, parser,
                         [finish](const error_code& e, std::size_t) { finish(e); });
      },
      impl_->timeout);
  if (ec) {
    return std::nullopt;
  }
  const auto& message = parser.get();
  client_response response;
  response.status = message.result_int();
  for (const auto& field : message) {
    response.headers.emplace_back(std::string(field.name_string()), std::string(field.value()));
  }
  response.body = message.body();
  response.keep_alive = message.keep_alive();
  return response;
}

std::optional<client_response> test_client::request(std::string_view method,
                                                    std::string_view target, std::string_view body,
                                                    const header_list& headers) {
  if (send(raw_request(method, target, body, headers))) {
    return std::nullopt;
  }
  return read_response(method == "HEAD");
}

bool test_client::wait_closed(std::chrono::milliseconds within) {
  const auto deadline = std::chrono::steady_clock::now() + within;
  std::array<char, 4096> discard{};
  for (;;) {
    const auto left = std::chrono::duration_cast<std::chrono::milliseconds>(
        deadline - std::chrono::steady_clock::now());
    if (left.count() <= 0) {
      return false;
    }
    const auto ec = impl_->run(
        [&](const finish_function& finish) {
          impl_->socket.async_read_some(asio::buffer(discard),
                                        [finish](const error_code& e, std::size_t) { finish(e); });
        },
        left);
    if (ec == asio::error::eof || ec == asio::error::connection_reset) {
      return true;
    }
    if (ec) {
      return false;  // timed out (still open) or an unexpected error
    }
  }
}

}  // namespace sentinelle::testing

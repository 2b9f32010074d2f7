#include "stream_client.hpp"

#include <array>
#include <boost/asio/io_context.hpp>
#include <boost/asio/ip/tcp.hpp>
#include <boost/asio/write.hpp>
#include <boost/beast/core/buffers_to_string.hpp>
#include <boost/beast/core/flat_buffer.hpp>
#include <boost/beast/http/parser.hpp>
#include <boost/beast/http/read.hpp>
#include <boost/beast/http/string_body.hpp>
#include <boost/beast/websocket/stream.hpp>
#include <functional>

#include "bounded_run.hpp"

namespace sentinelle::testing {
namespace {

namespace asio = boost::asio;
namespace beast = boost::beast;
namespace http = beast::http;
namespace websocket = beast::websocket;
using tcp = asio::ip::tcp;
using error_code = boost::system::error_code;
using clock = std::chrono::steady_clock;

error_code connect_socket(asio::io_context& context, tcp::socket& socket, std::uint16_t port,
                          int receive_buffer, std::chrono::milliseconds limit) {
  error_code ec;
  socket.close(ec);
  socket.open(tcp::v4());
  if (receive_buffer > 0) {
    socket.set_option(asio::socket_base::receive_buffer_size(receive_buffer));
  }
  const tcp::endpoint endpoint(asio::ip::make_address("127.0.0.1"), port);
  return run_bounded(
      context, [&](const finish_function& finish) { socket.async_connect(endpoint, finish); },
      [&] { socket.cancel(); }, limit);
}

std::chrono::milliseconds left_until(clock::time_point deadline) {
  return std::chrono::duration_cast<std::chrono::milliseconds>(deadline - clock::now());
}

}  // namespace

struct sse_test_client::impl {
  explicit impl(std::chrono::milliseconds limit) : timeout(limit) {}

  error_code read_some() {
    return run_bounded(
        context,
        [&](const finish_function& finish) {
          http::async_read_some(socket, buffer, *parser,
                                [finish](const error_code& e, std::size_t) { finish(e); });
        },
        [&] { socket.cancel(); }, timeout);
  }

  std::chrono::milliseconds timeout;
  asio::io_context context;
  tcp::socket socket{context};
  beast::flat_buffer buffer;
  std::optional<http::response_parser<http::string_body>> parser;
};

sse_test_client::sse_test_client(std::chrono::milliseconds timeout)
    : impl_(std::make_unique<impl>(timeout)) {}

sse_test_client::~sse_test_client() = default;

std::error_code sse_test_client::connect(std::uint16_t port, int receive_buffer) {
  return connect_socket(impl_->context, impl_->socket, port, receive_buffer, impl_->timeout);
}

std::error_code sse_test_client::send_request(std::string_view target, const header_list& headers) {
  const std::string request = raw_request("GET", target, {}, headers);
  return run_bounded(
      impl_->context,
      [&](const finish_function& finish) {
        asio::async_write(impl_->socket, asio::buffer(request),
                          [finish](const error_code& ec, std::size_t) { finish(ec); });
      },
      [&] { impl_->socket.cancel(); }, impl_->timeout);
}

std::optional<client_response> sse_test_client::open(std::string_view target,
                                                     const header_list& headers) {
  if (send_request(target, headers)) {
    return std::nullopt;
  }
  impl_->parser.emplace();
  impl_->parser->body_limit(boost::none);
  while (!impl_->parser->is_header_done()) {
    if (impl_->read_some()) {
      return std::nullopt;
    }
  }
  const auto& message = impl_->parser->get();
  client_response response;
  response.status = message.result_int();
  for (const auto& field : message) {
    response.headers.emplace_back(std::string(field.name_string()), std::string(field.value()));
  }
  response.keep_alive = message.keep_alive();
  return response;
}

bool sse_test_client::read_until(std::string_view text) {
  while (body().find(text) == std::string::npos) {
    if (impl_->parser->is_done() || impl_->read_some()) {
      return false;
    }
  }
  return true;
}

bool sse_test_client::read_to_end() {
  while (!impl_->parser->is_done()) {
    if (impl_->read_some()) {
      return false;
    }
  }
  return true;
}

const std::string& sse_test_client::body() const {
  return impl_->parser->get().body();
}

bool sse_test_client::wait_closed(std::chrono::milliseconds within) {
  const auto deadline = clock::now() + within;
  std::array<char, 4096> discard{};
  while (left_until(deadline).count() > 0) {
    const auto ec = run_bounded(
        impl_->context,
        [&](const finish_function& finish) {
          impl_->socket.async_read_some(asio::buffer(discard),
                                        [finish](const error_code& e, std::size_t) { finish(e); });
        },
        [&] { impl_->socket.cancel(); }, left_until(deadline));
    if (ec == asio::error::eof || ec == asio::error::connection_reset) {
      return true;
    }
    if (ec) {
      return false;
    }
  }
  return false;
}

void sse_test_client::disconnect() {
  error_code ignored;
  impl_->socket.close(ignored);
}

struct websocket_test_client::impl {
  explicit impl(std::chrono::milliseconds limit) : timeout(limit) {
    socket.control_callback([this](websocket::frame_type kind, beast::string_view) {
      pings += kind == websocket::frame_type::ping ? 1 : 0;
    });
  }

  error_code run(const std::function<void(finish_function)>& start,
                 std::chrono::milliseconds limit) {
    return run_bounded(
        context, start, [&] { socket.next_layer().cancel(); }, limit);
  }

  std::chrono::milliseconds timeout;
  asio::io_context context;
  websocket::stream<tcp::socket> socket{context};
  beast::flat_buffer buffer;
  error_code last_error;
  std::size_t pings = 0;
};

websocket_test_client::websocket_test_client(std::chrono::milliseconds timeout)
    : impl_(std::make_unique<impl>(timeout)) {}

websocket_test_client::~websocket_test_client() = default;

std::error_code websocket_test_client::connect(std::uint16_t port, std::string_view target,
                                               int receive_buffer) {
  if (auto ec = connect_socket(impl_->context, impl_->socket.next_layer(), port, receive_buffer,
                               impl_->timeout)) {
    return ec;
  }
  return impl_->run(
      [&](const finish_function& finish) {
        impl_->socket.async_handshake("127.0.0.1", std::string(target), finish);
      },
      impl_->timeout);
}

std::error_code websocket_test_client::write_text(std::string_view text) {
  impl_->socket.text(true);
  return impl_->run(
      [&](const finish_function& finish) {
        impl_->socket.async_write(asio::buffer(text.data(), text.size()),
                                  [finish](const error_code& e, std::size_t) { finish(e); });
      },
      impl_->timeout);
}

std::error_code websocket_test_client::write_binary(std::string_view bytes) {
  impl_->socket.binary(true);
  return impl_->run(
      [&](const finish_function& finish) {
        impl_->socket.async_write(asio::buffer(bytes.data(), bytes.size()),
                                  [finish](const error_code& e, std::size_t) { finish(e); });
      },
      impl_->timeout);
}

std::optional<std::string> websocket_test_client::read(std::chrono::milliseconds within) {
  impl_->buffer.clear();
  impl_->last_error = impl_->run(
      [&](const finish_function& finish) {
        impl_->socket.async_read(impl_->buffer,
                                 [finish](const error_code& e, std::size_t) { finish(e); });
      },
      within);
  if (impl_->last_error) {
    return std::nullopt;
  }
  return beast::buffers_to_string(impl_->buffer.cdata());
}

std::error_code websocket_test_client::last_error() const {
  return impl_->last_error;
}

unsigned websocket_test_client::close_code() const {
  return impl_->socket.reason().code;
}

std::size_t websocket_test_client::pings() const {
  return impl_->pings;
}

}  // namespace sentinelle::testing

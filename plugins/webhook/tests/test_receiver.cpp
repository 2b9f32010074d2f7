#include "test_receiver.hpp"

#include <algorithm>
#include <boost/asio/as_tuple.hpp>
#include <boost/asio/co_spawn.hpp>
#include <boost/asio/detached.hpp>
#include <boost/asio/io_context.hpp>
#include <boost/asio/ip/tcp.hpp>
#include <boost/asio/ssl.hpp>
#include <boost/asio/use_awaitable.hpp>
#include <boost/beast/core/flat_buffer.hpp>
#include <boost/beast/http.hpp>
#include <boost/beast/ssl/ssl_stream.hpp>
#include <cctype>
#include <chrono>
#include <mutex>
#include <optional>
#include <thread>

#include "self_signed_tls.hpp"
#include "util/time.hpp"

namespace sentinelle::testing {
namespace {

namespace asio = boost::asio;
namespace beast = boost::beast;
namespace http = boost::beast::http;
namespace ssl = boost::asio::ssl;
using tcp = asio::ip::tcp;
constexpr auto use_tuple = asio::as_tuple(asio::use_awaitable);

std::string lower(std::string_view text) {
  std::string out(text);
  std::transform(out.begin(), out.end(), out.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return out;
}

received_request to_received(const http::request<http::string_body>& request) {
  received_request received;
  received.target = std::string(request.target());
  for (const auto& field : request) {
    received.headers[lower(field.name_string())] = std::string(field.value());
  }
  received.body = request.body();
  received.received_at_ms = now_unix_ms();
  return received;
}

}  // namespace

std::string received_request::header(const std::string& name) const {
  const auto found = headers.find(lower(name));
  return found == headers.end() ? "" : found->second;
}

struct test_receiver::impl {
  explicit impl(receiver_handler on_request) : handler(std::move(on_request)) {}

  asio::io_context context{1};  // first: destroyed last, with the coroutines it still holds
  tcp::acceptor acceptor{context, tcp::endpoint(asio::ip::make_address("127.0.0.1"), 0)};
  std::optional<ssl::context> tls;
  receiver_handler handler;
  mutable std::mutex mutex;
  std::vector<received_request> received;
  std::size_t active = 0;
  std::size_t peak = 0;
  std::thread thread;

  asio::awaitable<void> accept_loop() {
    for (;;) {
      auto [ec, socket] = co_await acceptor.async_accept(use_tuple);
      if (ec) {
        co_return;
      }
      asio::co_spawn(context, serve(std::move(socket)), asio::detached);
    }
  }

  asio::awaitable<void> serve(tcp::socket socket) {
    if (!tls) {
      co_await answer(socket);
      co_return;
    }
    beast::ssl_stream<tcp::socket> stream(std::move(socket), *tls);
    auto [ec] = co_await stream.async_handshake(ssl::stream_base::server, use_tuple);
    if (!ec) {
      co_await answer(stream);
    }
  }

  template <typename Stream>
  asio::awaitable<void> answer(Stream& stream) {
    beast::flat_buffer buffer;
    http::request<http::string_body> request;
    auto [ec, read] = co_await http::async_read(stream, buffer, request, use_tuple);
    if (ec) {
      co_return;
    }
    const receiver_reply reply = record_and_decide(to_received(request));
    if (reply.hang) {
      // Silent until the client gives up and closes (its timeout): then the slot is free again.
      char byte = 0;
      co_await stream.async_read_some(asio::buffer(&byte, 1), use_tuple);
    } else {
      co_await write_reply(stream, reply);
    }
    const std::lock_guard lock(mutex);
    --active;
  }

  template <typename Stream>
  asio::awaitable<void> write_reply(Stream& stream, const receiver_reply& reply) {
    http::response<http::string_body> response{static_cast<http::status>(reply.status), 11};
    for (const auto& [name, value] : reply.headers) {
      response.set(name, value);
    }
    response.body() = "ok";
    response.keep_alive(false);
    response.prepare_payload();
    co_await http::async_write(stream, response, use_tuple);
  }

  receiver_reply record_and_decide(received_request request) {
    {
      const std::lock_guard lock(mutex);
      received.push_back(request);
      peak = std::max(peak, ++active);
    }
    return handler(request);
  }
};

test_receiver::test_receiver(receiver_handler handler, bool tls)
    : impl_(std::make_unique<impl>(std::move(handler))) {
  if (tls) {
    impl_->tls.emplace(ssl::context::tls_server);
    use_self_signed_certificate(*impl_->tls);
  }
  asio::co_spawn(impl_->context, impl_->accept_loop(), asio::detached);
  impl_->thread = std::thread([this] { impl_->context.run(); });
}

test_receiver::~test_receiver() {
  impl_->context.stop();
  impl_->thread.join();
}

std::uint16_t test_receiver::port() const {
  return impl_->acceptor.local_endpoint().port();
}

std::string test_receiver::url(std::string_view path) const {
  return std::string(impl_->tls ? "https" : "http") + "://127.0.0.1:" + std::to_string(port()) +
         std::string(path);
}

std::vector<received_request> test_receiver::requests() const {
  const std::lock_guard lock(impl_->mutex);
  return impl_->received;
}

std::size_t test_receiver::peak_concurrent() const {
  const std::lock_guard lock(impl_->mutex);
  return impl_->peak;
}

std::uint16_t unused_port() {
  asio::io_context context;
  tcp::acceptor acceptor(context, tcp::endpoint(asio::ip::make_address("127.0.0.1"), 0));
  return acceptor.local_endpoint().port();
}

}  // namespace sentinelle::testing

#pragma once

#include <boost/asio/io_context.hpp>
#include <cstdint>
#include <memory>
#include <string>

#include "net/asio_aliases.hpp"
#include "net/http_response.hpp"

namespace sentinelle {

class server_state;

// Accepts connections and gives each its session and strand, or, over max_connections, a 503
// `unavailable` and a close (over max_connections_per_ip: a 429 `rate_limited`). The acceptor
// lives on the server's control strand.
class listener {
 public:
  listener(asio::io_context& context, asio::any_io_executor control,
           std::shared_ptr<server_state> state);

  // Resolves, binds and listens; afterwards port() is the real port (useful with port 0).
  beast::error_code listen(const std::string& host, std::uint16_t port);
  std::uint16_t port() const { return port_; }

  void start();  // spawns the accept loop; call once, after a successful listen()
  void stop();   // from any thread: stop accepting; the loop ends

 private:
  asio::awaitable<void> accept_loop();
  void admit(tcp::socket socket);
  void refuse(tcp::socket socket, http_response refusal);

  asio::io_context& context_;
  asio::any_io_executor control_;
  tcp::acceptor acceptor_;
  std::shared_ptr<server_state> state_;
  std::uint16_t port_ = 0;
};

}  // namespace sentinelle

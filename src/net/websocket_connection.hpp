#pragma once

#include <boost/beast/core/tcp_stream.hpp>
#include <boost/beast/websocket/stream.hpp>

#include "net/beast_messages.hpp"
#include "net/stream_connection.hpp"

namespace sentinelle {

// A WebSocket stream (RFC 6455) accepted from an upgrade request already read by the session.
// Pushed messages are text frames. Heartbeats are Beast's keep-alive pings: a ping after
// stream_heartbeat_ms without a byte from the client, the connection closed after twice that,
// so a dead peer is found. Client text messages go to on_message; a binary message is closed
// with 1003; Beast itself closes over-limit (1009) and invalid UTF-8 (1007) messages.
class websocket_connection final : public stream_connection {
 public:
  websocket_connection(tcp::socket socket, upgrade_request upgrade,
                       std::shared_ptr<stream_request> request, std::shared_ptr<server_state> state,
                       stream_label label);

  asio::awaitable<void> run() override;

 private:
  asio::awaitable<bool> accept();
  asio::awaitable<void> read_messages();
  asio::awaitable<bool> write_messages(const std::vector<std::string>& batch) override;
  asio::awaitable<bool> write_heartbeat() override { co_return true; }  // Beast pings
  asio::awaitable<void> close_politely();
  void close_socket() override;

  beast::websocket::stream<beast::tcp_stream> socket_;
  upgrade_request upgrade_;
};

}  // namespace sentinelle

#include "net/stream_start.hpp"

#include <utility>

#include "net/sse_connection.hpp"
#include "net/stream_request.hpp"
#include "net/websocket_connection.hpp"

namespace sentinelle {

std::optional<http_response> refuse_stream(const http_response& response, bool is_upgrade,
                                           bool head, bool stopping) {
  if (response.stream->protocol == stream_protocol::websocket && !is_upgrade) {
    auto refusal = json_error(426, "upgrade_required",
                              "this endpoint speaks WebSocket: send a WebSocket upgrade request");
    refusal.headers.emplace_back("Upgrade", "websocket");  // RFC 9110 §15.5.22: a 426 must say
    return refusal;
  }
  if (stopping) {
    auto refusal = json_error(503, "unavailable", "the server is stopping, retry later");
    refusal.headers.emplace_back("Retry-After", "1");
    return refusal;
  }
  if (head) {
    http_response header = response;
    header.stream.reset();
    return header;
  }
  return std::nullopt;
}

std::shared_ptr<stream_connection> make_stream_connection(
    tcp::socket socket, http_response response, std::optional<upgrade_request> upgrade,
    unsigned version, std::shared_ptr<server_state> state, stream_label label) {
  if (response.stream->protocol == stream_protocol::websocket) {
    auto request = response.stream;
    return std::make_shared<websocket_connection>(std::move(socket), std::move(*upgrade),
                                                  std::move(request), std::move(state),
                                                  std::move(label));
  }
  return std::make_shared<sse_connection>(std::move(socket), std::move(response), version,
                                          std::move(state), std::move(label));
}

}  // namespace sentinelle

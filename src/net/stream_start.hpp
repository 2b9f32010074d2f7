#pragma once

#include <memory>
#include <optional>

#include "net/asio_aliases.hpp"
#include "net/beast_messages.hpp"
#include "net/http_response.hpp"
#include "net/stream_connection.hpp"

namespace sentinelle {

// The answer to send instead of opening the stream a handler asked for, or nullopt to open it:
// - a WebSocket route without a valid upgrade (or HEAD): 426 `upgrade_required`;
// - the server is stopping: 503 `unavailable`;
// - HEAD on an SSE route: the stream's header alone.
std::optional<http_response> refuse_stream(const http_response& response, bool is_upgrade,
                                           bool head, bool stopping);

// The connection serving `response.stream` on `socket`. `upgrade` holds the request's header
// when it was a WebSocket upgrade.
std::shared_ptr<stream_connection> make_stream_connection(
    tcp::socket socket, http_response response, std::optional<upgrade_request> upgrade,
    unsigned version, std::shared_ptr<server_state> state, stream_label label);

}  // namespace sentinelle

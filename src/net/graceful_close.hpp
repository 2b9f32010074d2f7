#pragma once

#include <boost/beast/core/tcp_stream.hpp>
#include <chrono>

#include "net/asio_aliases.hpp"

namespace sentinelle {

// Closes a connection we answered without reading all it sent (413 before the body, 431, 503):
// half-close, discard what the client still sends for at most `linger`, then close. Closing with
// unread input makes TCP send a reset, which can destroy our answer before the client reads it.
asio::awaitable<void> close_gracefully(beast::tcp_stream& stream, std::chrono::milliseconds linger);

}  // namespace sentinelle

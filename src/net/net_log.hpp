#pragma once

#include <string_view>

#include "net/asio_aliases.hpp"

namespace spdlog {
class logger;
}  // namespace spdlog

namespace sentinelle {

// How connections normally end: cancelled by us, closed or reset by the peer (a WebSocket
// closing handshake included).
bool is_normal_close(const beast::error_code& ec);

// The one place that reports a failed I/O operation, as a `net_error` line; normal closes are
// not failures and are skipped.
void log_failure(spdlog::logger& logger, const beast::error_code& ec, std::string_view what);

}  // namespace sentinelle

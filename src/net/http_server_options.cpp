#include "net/http_server_options.hpp"

#include <limits>

namespace sentinelle {

std::string find_option_problem(const http_server_options& options) {
  if (options.host.empty()) {
    return "host: must not be empty";
  }
  if (options.threads > 1024) {
    return "threads: at most 1024";
  }
  if (options.body_limit_bytes == 0) {
    return "body_limit_bytes: must be positive";
  }
  // Beast counts header bytes in 32 bits.
  if (options.header_limit_bytes < 256 ||
      options.header_limit_bytes > std::numeric_limits<std::uint32_t>::max()) {
    return "header_limit_bytes: must be between 256 and 4294967295";
  }
  if (options.request_timeout_ms == 0 || options.idle_timeout_ms == 0) {
    return "request_timeout_ms and idle_timeout_ms: must be positive";
  }
  if (options.max_connections == 0) {
    return "max_connections: must be positive";
  }
  if (options.stream_queue_messages == 0 || options.stream_queue_bytes == 0) {
    return "stream_queue_messages and stream_queue_bytes: must be positive";
  }
  if (options.stream_heartbeat_ms == 0) {
    return "stream_heartbeat_ms: must be positive";
  }
  if (options.websocket_message_limit_bytes == 0) {
    return "websocket_message_limit_bytes: must be positive";
  }
  if (options.requests_per_second_per_ip != 0 && options.burst_per_ip == 0) {
    return "burst_per_ip: must be positive when requests_per_second_per_ip is set";
  }
  if (options.requests_per_second_per_token != 0 && options.burst_per_token == 0) {
    return "burst_per_token: must be positive when requests_per_second_per_token is set";
  }
  if (options.rate_limit_max_keys == 0) {
    return "rate_limit_max_keys: must be positive";
  }
  return {};
}

}  // namespace sentinelle

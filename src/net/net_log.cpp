#include "net/net_log.hpp"

#include <spdlog/logger.h>

#include <boost/asio/error.hpp>
#include <boost/beast/websocket/error.hpp>

#include "net/json_log.hpp"

namespace sentinelle {

bool is_normal_close(const beast::error_code& ec) {
  return ec == asio::error::operation_aborted || ec == asio::error::eof ||
         ec == http::error::end_of_stream || ec == asio::error::connection_reset ||
         ec == asio::error::broken_pipe || ec == asio::error::not_connected ||
         ec == beast::websocket::error::closed;
}

void log_failure(spdlog::logger& logger, const beast::error_code& ec, std::string_view what) {
  if (is_normal_close(ec)) {
    return;
  }
  logger.warn(log_fields("net_error").add("op", what).add("error", ec.message()).text());
}

}  // namespace sentinelle

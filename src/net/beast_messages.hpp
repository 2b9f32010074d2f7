#pragma once

#include <boost/beast/http/empty_body.hpp>
#include <boost/beast/http/message.hpp>
#include <boost/beast/http/string_body.hpp>
#include <optional>
#include <string>

#include "net/asio_aliases.hpp"
#include "net/http_request.hpp"
#include "net/http_response.hpp"
#include "net/http_server_options.hpp"

namespace sentinelle {

using beast_request = http::request<http::string_body>;
// The header of a request asking for a WebSocket upgrade: Beast's accept validates it.
using upgrade_request = http::request<http::empty_body>;

// The handler's view of a parsed request; nullopt when its target is not an origin-form path
// ("/…") or holds a bad percent escape in the query.
std::optional<http_request> to_http_request(beast_request&& message, std::string remote_address);

// The answer to a request that could not be read (413, 431, 400); nullopt when nobody is left
// to answer (the client closed, a timeout).
std::optional<http_response> answer_read_error(const beast::error_code& ec,
                                               const http_server_options& options);

// The path of a raw target, without its query (for logs: a query may carry a token).
std::string path_of(std::string_view target);

}  // namespace sentinelle

#pragma once

#include <boost/beast/http/message.hpp>
#include <boost/beast/http/string_body.hpp>
#include <optional>
#include <string>

#include "net/asio_aliases.hpp"
#include "net/http_request.hpp"
#include "net/http_response.hpp"

namespace sentinelle {

using beast_request = http::request<http::string_body>;
using beast_response = http::response<http::string_body>;

// The handler's view of a parsed request; nullopt when its target is not an origin-form path
// ("/…") or holds a bad percent escape in the query.
std::optional<http_request> to_http_request(beast_request&& message, std::string remote_address);

// The wire form of `response`: Content-Length always set, Connection from `keep_alive` unless
// the handler asked to close. `head`: the body is dropped, its length kept (RFC 9110 §9.3.2).
beast_response to_beast_response(http_response&& response, unsigned version, bool keep_alive,
                                 bool head);

// The path of a raw target, without its query (for logs: a query may carry a token).
std::string path_of(std::string_view target);

}  // namespace sentinelle

#pragma once

#include <optional>

#include "net/beast_messages.hpp"
#include "net/http_response.hpp"

namespace sentinelle {

// What Beast's parser lets through but a request's framing must not have (RFC 9112 §6), checked
// on the header before the body is read. Two parsers reading one message differently is how
// requests are smuggled past a proxy, so any doubt about where the body ends is refused:
// - Transfer-Encoding with Content-Length (any order, any coding): 400 `bad_request`;
// - Transfer-Encoding whose last coding is not `chunked`, `chunked` twice, an empty list, or any
//   Transfer-Encoding in HTTP/1.0: 400 `bad_request` (the body's length is unknown);
// - another coding before `chunked` (`gzip, chunked`): 501 `not_implemented` (we decode none).
// Beast itself refuses bad or conflicting Content-Length values and bad chunks (400).
std::optional<http_response> check_framing(const beast_request& header);

}  // namespace sentinelle

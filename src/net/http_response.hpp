#pragma once

#include <memory>
#include <string>
#include <string_view>

#include "net/http_fields.hpp"

namespace sentinelle {

struct stream_request;  // net/stream_request.hpp

// What a handler answers. The session adds Content-Length, Connection and the HTTP version.
struct http_response {
  unsigned status = 200;                          // 100..599
  std::string content_type = "application/json";  // empty: no Content-Type header
  http_fields headers;  // extra headers (Allow, Retry-After…); values must not hold CR or LF
  std::string body;
  // Set by sse_response() / websocket_response(): the connection becomes a push stream and
  // `body` is ignored.
  std::shared_ptr<stream_request> stream;
};

// A JSON answer whose body is `body`, already serialized by the caller.
http_response json_response(unsigned status, std::string body);

// The contract's error body (CONTRACT §4): {"error": {"code": …, "message": …}}. `details_json`,
// when not empty, must be one JSON value and is appended raw as "details" (e.g. the fields a 422
// rejects). A `message` that is not valid UTF-8 has its non-ASCII bytes replaced by '?'.
http_response json_error(unsigned status, std::string_view code, std::string_view message,
                         std::string_view details_json = {});

}  // namespace sentinelle

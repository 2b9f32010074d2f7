#pragma once

#include <array>
#include <string>

#include "net/asio_aliases.hpp"
#include "net/http_response.hpp"

namespace sentinelle {

// A response as it goes on the wire: the status line and header, then the body, written in one
// gather call. Rendered here rather than by Beast's serializer, which walks a buffer sequence
// of every field's pieces: ~16,000 instructions a response, a tenth of the server's work for
// an ingested survey (net/README.md). The bytes are those Beast wrote, field for field; a test
// keeps it so.
struct response_wire {
  unsigned status = 500;
  bool keep_alive = false;  // whether the connection stays open after this response
  std::string header;       // status line and fields, through the blank line
  std::string body;         // empty for HEAD, 204 and 304

  std::array<asio::const_buffer, 2> buffers() const {
    return {asio::buffer(header), asio::buffer(body)};
  }
};

// "Sun, 06 Nov 1994 08:49:37 GMT" (RFC 9110 IMF-fixdate), formatted once a second a thread.
std::string_view current_http_date();

// Whether a handler's header may be sent: not with CR, LF or NUL (a handler echoing client
// bytes would split the response: a bug, dropped rather than sent), nor a framing field
// (Content-Length, Transfer-Encoding, Connection), which only the session sets.
bool is_sendable_header(std::string_view name, std::string_view value);

// A status outside 200..599 is a handler bug: sent as 500.
unsigned sendable_status(unsigned status);

// The wire form of `response`: Date, Content-Length but on 204 and 304 (RFC 9110 §8.6; Beast
// sent "0" there), Connection from `keep_alive` (HTTP/1.0 connections close), the handler's
// sendable headers in its order. `head`: the body is dropped, its length kept (§9.3.2).
response_wire to_wire(http_response&& response, unsigned version, bool keep_alive, bool head);

// The header of a response whose body is streamed (SSE) until the connection closes: the same
// fields as to_wire's, Transfer-Encoding: chunked when `chunked`, and no keep-alive.
std::string stream_header(const http_response& response, unsigned version, bool chunked);

}  // namespace sentinelle

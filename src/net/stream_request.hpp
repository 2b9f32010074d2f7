#pragma once

#include <functional>
#include <memory>
#include <string_view>

#include "net/http_response.hpp"
#include "net/push_stream.hpp"

namespace sentinelle {

enum class stream_protocol { sse, websocket };

// What a handler answers, through sse_response() or websocket_response(), to turn its
// connection into a server-push stream once it has checked the request (auth, filters).
// Every callback runs on the connection's strand and must not block. The `= {}` let designated
// initializers leave callbacks out without -Wmissing-field-initializers.
struct stream_request {
  stream_protocol protocol = stream_protocol::sse;
  // Once the stream is established (SSE header written, WebSocket handshake accepted). The
  // stream may be kept and pushed to from any thread. Not called when it never opens (the
  // client left first, the server is stopping, not a WebSocket upgrade: 426).
  std::function<void(std::shared_ptr<push_stream>)> on_open = {};
  // Exactly once after on_open, when the stream ends for any reason (the client left, close(),
  // overflow, a write timeout, server stop). Never called without on_open.
  std::function<void()> on_close = {};
  // WebSocket only: each text message from the client, valid during the call. Empty: client
  // messages are read and ignored.
  std::function<void(std::string_view)> on_message = {};
};

// 200 `text/event-stream`, `Cache-Control: no-store`, `X-Accel-Buffering: no`, chunked; the
// handler may add headers to the result before sending it.
http_response sse_response(stream_request request);

// Accepts the WebSocket handshake of this request. A request that is not a valid upgrade gets
// 426 `upgrade_required` from the session instead (the handler need not check).
http_response websocket_response(stream_request request);

}  // namespace sentinelle

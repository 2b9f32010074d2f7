#include "net/stream_request.hpp"

#include <utility>

namespace sentinelle {
namespace {

http_response stream_response(stream_request request, stream_protocol protocol) {
  request.protocol = protocol;
  http_response response;
  response.content_type.clear();
  response.stream = std::make_shared<stream_request>(std::move(request));
  return response;
}

}  // namespace

http_response sse_response(stream_request request) {
  auto response = stream_response(std::move(request), stream_protocol::sse);
  response.content_type = "text/event-stream";
  response.headers.emplace_back("Cache-Control", "no-store");
  response.headers.emplace_back("X-Accel-Buffering", "no");  // nginx must not buffer events
  return response;
}

http_response websocket_response(stream_request request) {
  auto response = stream_response(std::move(request), stream_protocol::websocket);
  response.status = 101;
  return response;
}

}  // namespace sentinelle

// GET /v1/events (SSE) and GET /v1/stream (WebSocket): live consoles (CONTRACT §4; docs/alerts.md).
#include <mutex>

#include "api/api_service.hpp"
#include "net/stream_request.hpp"
#include "sinks/console_hub.hpp"
#include "util/numbers.hpp"

namespace sentinelle {
namespace {

// Filters and the resume point; an answer to send instead when the query is wrong.
std::optional<http_response> read_console_query(const http_request& request,
                                                console_filter& filter,
                                                std::optional<std::int64_t>& since) {
  // EventSource sends the last id it saw when it reconnects by itself.
  if (const auto last = request.header("Last-Event-ID"); last && !last->empty()) {
    since = parse_non_negative(*last);
    if (!since) {
      return json_error(400, "bad_request", "Last-Event-ID expects a seq this server sent");
    }
  }
  for (const auto& [name, value] : request.query) {
    if (name == "team_id" || name == "agent_id") {
      (name == "team_id" ? filter.team_id : filter.agent_id) = value;
    } else if (name == "severity") {
      const auto level = parse_severity(value);
      if (!level) {
        return json_error(400, "bad_request", "severity expects low, medium, high or critical");
      }
      filter.min_severity = *level;
    } else if (name == "since") {
      since = parse_non_negative(value);
      if (!since) {
        return json_error(400, "bad_request", "since expects a seq (a non-negative integer)");
      }
    } else if (name != "token") {
      return json_error(400, "bad_request", "unknown parameter '" + name + "'");
    }
  }
  return std::nullopt;
}

// Ties one stream to its subscription: both callbacks run on the connection's strand, but the
// hub sends from the writer thread, hence the lock.
struct console_link {
  std::mutex mutex;
  std::shared_ptr<console_subscription> subscription;
};

}  // namespace

void api_service::open_console(const http_request& request, responder reply,
                               bool websocket) const {
  if (auto denied = access_.check(request, {role::console})) {
    reply.send(std::move(*denied));
    return;
  }
  console_filter filter;
  std::optional<std::int64_t> since;
  if (auto invalid = read_console_query(request, filter, since)) {
    reply.send(std::move(*invalid));
    return;
  }
  if (consoles_ == nullptr) {
    reply.send(json_error(503, "unavailable", "live consoles are not enabled"));
    return;
  }
  console_hub& hub = *consoles_;
  auto link = std::make_shared<console_link>();
  stream_request stream;
  stream.protocol = websocket ? stream_protocol::websocket : stream_protocol::sse;
  stream.on_open = [&hub, link, filter, since](std::shared_ptr<push_stream> opened) {
    auto subscription = hub.subscribe(
        filter, since,
        [opened](const std::string& json, std::optional<std::int64_t> seq) {
          return opened->push(json, seq);
        },
        [opened] { opened->close(); });
    if (!subscription) {
      opened->close();  // the replay could not be read: the console retries
      return;
    }
    std::lock_guard lock(link->mutex);
    link->subscription = std::move(subscription);
  };
  stream.on_close = [&hub, link] {
    std::lock_guard lock(link->mutex);
    if (link->subscription) {
      hub.unsubscribe(link->subscription);
      link->subscription.reset();
    }
  };
  reply.send(websocket ? websocket_response(std::move(stream)) : sse_response(std::move(stream)));
}

}  // namespace sentinelle

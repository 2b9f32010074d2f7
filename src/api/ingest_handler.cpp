#include <memory>

#include "api/api_service.hpp"
#include "api/event_json.hpp"
#include "ingest/event_parser.hpp"
#include "util/json_writer.hpp"
#include "util/time.hpp"

namespace sentinelle {
namespace {

std::string details_json(const std::vector<field_problem>& problems) {
  std::string out;
  json_writer json(out);
  json.begin_array();
  for (const field_problem& problem : problems) {
    json.begin_object().key("index").value(static_cast<long long>(problem.index));
    json.key("field").value(problem.field).key("message").value(problem.message).end_object();
  }
  json.end_array();
  return out;
}

// The 200 answer: every event's id, status and verdict, in the order posted.
std::string ingest_answer(const std::vector<event>& events, const store_result& stored) {
  std::size_t duplicates = 0;
  for (const store_outcome outcome : stored.outcomes) {
    duplicates += outcome == store_outcome::duplicate ? 1 : 0;
  }
  std::string out;
  json_writer json(out);
  json.begin_object();
  json.key("accepted").value(static_cast<long long>(events.size() - duplicates));
  json.key("duplicates").value(static_cast<long long>(duplicates));
  json.key("results").begin_array();
  for (std::size_t i = 0; i < events.size(); ++i) {
    json.begin_object().key("id").value(events[i].id);
    const bool duplicate = stored.outcomes[i] == store_outcome::duplicate;
    json.key("status").value(duplicate ? "duplicate" : "accepted");
    append_verdict_json(json, events[i]);
    json.end_object();
  }
  json.end_array().end_object();
  return out;
}

}  // namespace

void api_service::ingest(const http_request& request, responder reply, event_kind kind) const {
  if (auto denied = access_.check(request, {role::ingest})) {
    reply.send(std::move(*denied));
    return;
  }
  const std::string type = media_type(request.header("Content-Type").value_or(""));
  const bool ndjson = type == "application/x-ndjson" || type == "application/ndjson";
  if (type != "application/json" && !ndjson) {
    reply.send(
        json_error(415, "unsupported_media_type", "send application/json or application/x-ndjson"));
    return;
  }
  thread_local event_parser parser;
  parsed_events parsed = parser.parse(request.body, ndjson, kind, "api", now_unix_ms());
  if (!parsed.ok()) {
    reply.send(json_error(static_cast<unsigned>(parsed.status), parsed.code, parsed.message,
                          parsed.details.empty() ? "" : details_json(parsed.details)));
    return;
  }
  for (event& e : parsed.events) {
    conclude(e);
  }
  // The answer needs the verdicts after the store took the events: keep a copy of them.
  auto events = std::make_shared<std::vector<event>>(parsed.events);
  event_store& store = store_;
  store_.store(std::move(parsed.events), [reply, events, &store](store_result stored) {
    if (!stored.ok) {
      reply.send(json_error(503, "unavailable", "the events could not be stored; retry"));
      return;
    }
    // A duplicate changed nothing: answer with what is stored, not with what was re-posted.
    for (std::size_t i = 0; i < events->size(); ++i) {
      event& posted = (*events)[i];
      if (stored.outcomes[i] == store_outcome::duplicate) {
        if (auto kept = store.find(posted.kind, posted.source, posted.id)) {
          posted = std::move(*kept);
        }
      }
    }
    reply.send(json_response(200, ingest_answer(*events, stored)));
  });
}

}  // namespace sentinelle

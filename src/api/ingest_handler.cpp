#include <algorithm>
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

// What the answer needs once the store has spoken: each event's key and its verdict, rendered
// before the events move into the store (so they are not copied).
struct pending_answer {
  struct item {
    event_kind kind;
    std::string source;
    std::string id;
    std::string verdict_json;  // the members after "status": nps_category … reasons
  };
  std::vector<item> items;
};

std::string verdict_json(const event& e) {
  std::string out;
  json_writer json(out);
  append_verdict_json(json, e);
  return out;
}

// The alert a stored event raised earlier, for the answer to a duplicate.
std::optional<alert_ref> stored_alert(event_store& store, const std::string& alert_id) {
  const auto seq = alert_seq_from_id(alert_id);
  const auto found = seq ? store.find_alert(*seq) : std::nullopt;
  if (!found) {
    return std::nullopt;
  }
  return alert_ref{found->id, found->seq, found->level};
}

// The 200 answer: every event's id, status and verdict, in the order posted. A duplicate
// changed nothing, so its verdict is read back from what is stored.
std::string ingest_answer(pending_answer& pending, const store_result& stored, event_store& store) {
  const auto duplicates = static_cast<std::size_t>(
      std::count(stored.outcomes.begin(), stored.outcomes.end(), store_outcome::duplicate));
  std::string out;
  json_writer json(out);
  json.begin_object();
  json.key("accepted").value(static_cast<long long>(pending.items.size() - duplicates));
  json.key("duplicates").value(static_cast<long long>(duplicates));
  json.key("results").begin_array();
  for (std::size_t i = 0; i < pending.items.size(); ++i) {
    auto& item = pending.items[i];
    const bool duplicate = stored.outcomes[i] == store_outcome::duplicate;
    std::optional<alert_ref> raised = i < stored.alerts.size() ? stored.alerts[i] : std::nullopt;
    if (duplicate) {
      if (const auto kept = store.find(item.kind, item.source, item.id)) {
        item.verdict_json = verdict_json(*kept);
        raised = stored_alert(store, kept->alert_id);
      }
    }
    json.begin_object().key("id").value(item.id);
    json.key("status").value(duplicate ? "duplicate" : "accepted");
    out.push_back(',');
    out.append(item.verdict_json);
    json.key("alert");  // CONTRACT §4: null when no alert was raised
    if (raised) {
      json.begin_object().key("id").value(raised->id);
      json.key("severity").value(severity_name(raised->level)).end_object();
    } else {
      json.null();
    }
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
  const std::size_t count = parsed.events.size();
  if (pending_events_->fetch_add(count) + count > max_pending_events_) {
    pending_events_->fetch_sub(count);
    http_response busy = json_error(503, "unavailable", "too many events wait for storage; retry");
    busy.headers.emplace_back("Retry-After", "1");
    reply.send(std::move(busy));
    return;
  }
  auto pending = std::make_shared<pending_answer>();
  pending->items.reserve(parsed.events.size());
  for (event& e : parsed.events) {
    conclude(e);
    pending->items.push_back({e.kind, e.source, e.id, verdict_json(e)});
  }
  event_store& store = store_;
  store_.store(std::move(parsed.events), [reply, pending, &store, count,
                                          waiting = pending_events_](store_result stored) {
    waiting->fetch_sub(count);
    if (!stored.ok) {
      reply.send(json_error(503, "unavailable", "the events could not be stored; retry"));
      return;
    }
    reply.send(json_response(200, ingest_answer(*pending, stored, store)));
  });
}

}  // namespace sentinelle

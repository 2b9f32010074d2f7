// GET /v1/alerts, GET /v1/alerts/{id}, POST /v1/alerts/{id}/acknowledge|resolve
// (CONTRACT §4 Alerts; docs/alerts.md).
#include <simdjson.h>

#include "alerts/alert_json.hpp"
#include "api/api_service.hpp"
#include "api/json_body.hpp"
#include "util/json_writer.hpp"
#include "util/numbers.hpp"
#include "util/time.hpp"

namespace sentinelle {
namespace {

constexpr std::size_t default_page = 50;
constexpr std::size_t max_page = 500;
constexpr std::size_t max_by_bytes = 200;
constexpr std::size_t max_note_bytes = 4000;

std::optional<http_response> read_status(const std::string& value, alert_filter& filter) {
  if (value == "all") {
    filter.status.reset();
    return std::nullopt;
  }
  filter.status = parse_alert_status(value);
  if (!filter.status) {
    return json_error(400, "bad_request",
                      "status expects open, acknowledged, resolved or all");
  }
  return std::nullopt;
}

// The query string of GET /v1/alerts; an answer to send instead when it is wrong.
std::optional<http_response> read_alert_filter(const http_request& request, alert_filter& filter) {
  filter.status = alert_status::open;
  filter.limit = default_page;
  for (const auto& [name, value] : request.query) {
    if (name == "status") {
      if (auto invalid = read_status(value, filter)) {
        return invalid;
      }
    } else if (name == "severity") {
      const auto level = parse_severity(value);
      if (!level) {
        return json_error(400, "bad_request", "severity expects low, medium, high or critical");
      }
      filter.min_severity = *level;
    } else if (name == "team_id" || name == "agent_id") {
      (name == "team_id" ? filter.team_id : filter.agent_id) = value;
    } else if (name == "limit") {
      const auto limit = parse_non_negative(value);
      if (!limit || *limit < 1 || *limit > static_cast<std::int64_t>(max_page)) {
        return json_error(400, "bad_request", "limit expects an integer from 1 to 500");
      }
      filter.limit = static_cast<std::size_t>(*limit);
    } else if (name == "cursor") {
      const auto before = parse_non_negative(value);
      if (!before) {
        return json_error(400, "bad_request", "cursor is not one this server gave");
      }
      filter.before_seq = *before;
    } else if (name != "token") {
      return json_error(400, "bad_request", "unknown parameter '" + name + "'");
    }
  }
  return std::nullopt;
}

// {"by": "sup-1", "note": "…"}: `by` is required (1–200 bytes), `note` only for resolve.
std::optional<http_response> read_change_body(const http_request& request, alert_change& change) {
  thread_local simdjson::dom::parser parser;
  simdjson::dom::object root;
  if (auto invalid = read_json_object(request, parser, root)) {
    return invalid;
  }
  std::string_view by;
  if (root["by"].get(by) != simdjson::SUCCESS || by.empty() || by.size() > max_by_bytes) {
    return json_error(422, "invalid_event", "by: expects who acts, a string of 1 to 200 bytes",
                      R"([{"field":"by","message":"required string of 1 to 200 bytes"}])");
  }
  change.by = std::string(by);
  std::string_view note;
  const auto note_field = root["note"];
  if (note_field.error() == simdjson::SUCCESS && !note_field.is_null()) {
    if (note_field.get(note) != simdjson::SUCCESS || note.size() > max_note_bytes) {
      return json_error(422, "invalid_event", "note: expects a string of at most 4000 bytes",
                        R"([{"field":"note","message":"string of at most 4000 bytes"}])");
    }
    change.note = std::string(note);
  }
  return std::nullopt;
}

std::string page_json(const alert_page& page) {
  std::string out;
  json_writer json(out);
  json.begin_object().key("alerts").begin_array();
  for (const alert& item : page.alerts) {
    append_alert_json(json, item);
  }
  json.end_array().key("next_cursor");
  if (page.next_before_seq) {
    json.value(std::to_string(*page.next_before_seq));
  } else {
    json.null();
  }
  json.end_object();
  return out;
}

}  // namespace

void api_service::list_alerts(const http_request& request, responder reply) const {
  if (auto denied = access_.check(request, {role::console})) {
    reply.send(std::move(*denied));
    return;
  }
  alert_filter filter;
  if (auto invalid = read_alert_filter(request, filter)) {
    reply.send(std::move(*invalid));
    return;
  }
  const alert_page page = store_.list_alerts(filter);
  if (!page.ok) {
    reply.send(json_error(503, "unavailable", "the alerts cannot be read now; retry"));
    return;
  }
  reply.send(json_response(200, page_json(page)));
}

void api_service::get_alert(const http_request& request, responder reply) const {
  if (auto denied = access_.check(request, {role::console})) {
    reply.send(std::move(*denied));
    return;
  }
  const auto seq = alert_seq_from_id(request.path_param("id"));
  const auto found = seq ? store_.find_alert(*seq) : std::nullopt;
  if (!found) {
    reply.send(json_error(404, "not_found", "no such alert"));
    return;
  }
  reply.send(json_response(200, alert_json(*found)));
}

void api_service::change_alert(const http_request& request, responder reply,
                               alert_action action) const {
  if (auto denied = access_.check(request, {role::console})) {
    reply.send(std::move(*denied));
    return;
  }
  const auto seq = alert_seq_from_id(request.path_param("id"));
  if (!seq) {
    reply.send(json_error(404, "not_found", "no such alert"));
    return;
  }
  alert_change change{*seq, action, {}, {}, now_unix_ms()};
  if (auto invalid = read_change_body(request, change)) {
    reply.send(std::move(*invalid));
    return;
  }
  if (action == alert_action::acknowledge) {
    change.note.clear();  // a note belongs to the resolution
  }
  store_.change_alert(std::move(change), [reply](alert_change_result result) {
    using outcome = alert_change_result::outcome;
    if (result.result == outcome::not_found) {
      reply.send(json_error(404, "not_found", "no such alert"));
    } else if (result.result == outcome::failed || !result.state) {
      reply.send(json_error(503, "unavailable", "the alert could not be changed; retry"));
    } else {
      reply.send(json_response(200, alert_json(*result.state)));
    }
  });
}

}  // namespace sentinelle

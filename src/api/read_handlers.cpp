
#include "aggregate/score_summary.hpp"
#include "api/api_service.hpp"
#include "api/event_json.hpp"
#include "storage/rollup.hpp"
#include "util/json_writer.hpp"
#include "util/time.hpp"

namespace sentinelle {
namespace {

constexpr std::int64_t day_ms = 86400000;
constexpr std::int64_t default_period_ms = 30 * day_ms;

// `from`/`to`: RFC 3339, or a date; a date `to` includes that whole day.
std::optional<std::int64_t> parse_bound(std::string_view text, bool end_of_day) {
  if (const auto moment = parse_rfc3339(text)) {
    return moment;
  }
  if (const auto day = parse_date(text)) {
    return *day + (end_of_day ? day_ms : 0);
  }
  return std::nullopt;
}

// Reads the query string into a score_query; an answer to send instead when it is wrong.
std::optional<http_response> read_score_query(const http_request& request, score_query& query,
                                              std::string& group_name) {
  query.to_ms = now_unix_ms();
  query.from_ms = query.to_ms - default_period_ms;
  for (const auto& [name, value] : request.query) {
    if (name == "from" || name == "to") {
      const auto bound = parse_bound(value, name == "to");
      if (!bound) {
        return json_error(400, "bad_request",
                          name + " expects an RFC 3339 date-time or YYYY-MM-DD");
      }
      (name == "from" ? query.from_ms : query.to_ms) = *bound;
    } else if (name == "group_by") {
      group_name = value;
      if (const auto which = dimension_from_name(value)) {
        query.group_by_dimension = which;
      } else if (value == "day" || value == "week" || value == "month") {
        query.group_by_time = value == "day"    ? time_bucket::day
                              : value == "week" ? time_bucket::week
                                                : time_bucket::month;
      } else {
        return json_error(400, "bad_request",
                          "group_by expects agent_id, team_id, queue, channel, touchpoint, "
                          "platform, day, week or month");
      }
    } else if (const auto which = dimension_from_name(name)) {
      query.filters.emplace_back(*which, value);
    } else if (name != "token") {
      return json_error(400, "bad_request", "unknown parameter '" + name + "'");
    }
  }
  if (query.from_ms >= query.to_ms) {
    return json_error(400, "bad_request", "from must be before to");
  }
  return std::nullopt;
}

}  // namespace

// `?source=` names the source; without it the canonical events ("api") come first, then each
// plugin's in name order: platform ids rarely collide, and `source` settles it when they do.
std::optional<event> api_service::find_event(event_kind kind, const std::string& id,
                                             std::optional<std::string_view> source) const {
  if (source) {
    return store_.find(kind, std::string(*source), id);
  }
  if (auto canonical = store_.find(kind, "api", id)) {
    return canonical;
  }
  for (const std::string& name : sources_) {
    if (auto found = store_.find(kind, name, id)) {
      return found;
    }
  }
  return std::nullopt;
}

void api_service::get_event(const http_request& request, responder reply, event_kind kind) const {
  if (auto denied = access_.check(request, {role::console})) {
    reply.send(std::move(*denied));
    return;
  }
  for (const auto& [name, value] : request.query) {
    if (name != "source") {
      reply.send(json_error(400, "bad_request", "unknown parameter '" + name + "'"));
      return;
    }
  }
  const auto found = find_event(kind, std::string(request.path_param("id")),
                                request.query_param("source"));
  if (!found) {
    reply.send(json_error(404, "not_found", "no such event"));
    return;
  }
  std::string body;
  json_writer json(body);
  append_event_json(json, *found);
  reply.send(json_response(200, std::move(body)));
}

void api_service::get_scores(const http_request& request, responder reply) const {
  if (auto denied = access_.check(request, {role::console})) {
    reply.send(std::move(*denied));
    return;
  }
  score_query query;
  std::string group_name;
  if (auto invalid = read_score_query(request, query, group_name)) {
    reply.send(std::move(*invalid));
    return;
  }
  const score_answer answer = store_.scores(query);
  if (!answer.ok) {
    reply.send(json_error(503, "unavailable", "the scores cannot be read now; retry"));
    return;
  }
  std::string body;
  json_writer json(body);
  json.begin_object();
  json.key("from").value(format_rfc3339(query.from_ms));
  json.key("to").value(format_rfc3339(query.to_ms));
  json.key("group_by");
  if (group_name.empty()) {
    json.null();
  } else {
    json.value(group_name);
  }
  json.key("total");
  append_score_group(json, answer.total);
  json.key("groups").begin_array();
  for (const score_totals& group : answer.groups) {
    append_score_group(json, group);
  }
  json.end_array().end_object();
  reply.send(json_response(200, std::move(body)));
}

}  // namespace sentinelle

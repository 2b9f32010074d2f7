#include "alerts/alert_json.hpp"

#include "util/time.hpp"

namespace sentinelle {
namespace {

void text_or_null(json_writer& json, std::string_view name, const std::string& value) {
  json.key(name);
  if (value.empty()) {
    json.null();
  } else {
    json.value(value);
  }
}

void time_or_null(json_writer& json, std::string_view name, std::optional<std::int64_t> at_ms) {
  json.key(name);
  if (at_ms) {
    json.value(format_rfc3339(*at_ms));
  } else {
    json.null();
  }
}

// What a supervisor needs of the event to call the customer back, without a second request.
void append_event_summary(json_writer& json, const alert& subject) {
  json.key("event").begin_object();
  json.key("id").value(subject.event_id);
  json.key("kind").value(subject.event_kind);
  json.key("source").value(subject.source);
  text_or_null(json, "channel", subject.channel);
  text_or_null(json, "platform", subject.platform);
  text_or_null(json, "agent_id", subject.agent_id);
  text_or_null(json, "team_id", subject.team_id);
  text_or_null(json, "queue", subject.queue);
  text_or_null(json, "customer_id", subject.customer_id);
  json.key("occurred_at").value(format_rfc3339(subject.occurred_at_ms));
  json.key("nps").value_or_null(subject.nps);
  json.key("csat").value_or_null(subject.csat);
  json.key("ces").value_or_null(subject.ces);
  json.end_object();
}

}  // namespace

void append_alert_json(json_writer& json, const alert& subject) {
  json.begin_object();
  json.key("id").value(subject.id);
  json.key("seq").value(static_cast<long long>(subject.seq));
  json.key("created_at").value(format_rfc3339(subject.created_at_ms));
  json.key("severity").value(severity_name(subject.level));
  json.key("status").value(alert_status_name(subject.status));
  json.key("reasons").begin_array();
  for (const std::string& reason : subject.reasons) {
    json.value(reason);
  }
  json.end_array();
  append_event_summary(json, subject);
  json.key("excerpt").value(subject.excerpt);
  json.key("analysis");
  if (subject.analysis_json.empty()) {
    json.null();
  } else {
    json.raw(subject.analysis_json);
  }
  text_or_null(json, "acknowledged_by", subject.acknowledged_by);
  time_or_null(json, "acknowledged_at", subject.acknowledged_at_ms);
  text_or_null(json, "resolved_by", subject.resolved_by);
  time_or_null(json, "resolved_at", subject.resolved_at_ms);
  text_or_null(json, "note", subject.note);
  json.end_object();
}

std::string alert_json(const alert& subject) {
  std::string out;
  json_writer json(out);
  append_alert_json(json, subject);
  return out;
}

std::string stream_message_json(const stream_record& record) {
  std::string out;
  json_writer json(out);
  json.begin_object();
  json.key("type").value(record.kind == stream_kind::alert ? "alert" : "alert_update");
  json.key("seq").value(static_cast<long long>(record.seq));
  json.key("alert");
  append_alert_json(json, record.subject);
  json.end_object();
  return out;
}

std::string webhook_payload_json(const alert& subject, std::int64_t now_ms) {
  std::string out;
  json_writer json(out);
  json.begin_object();
  json.key("type").value("alert.created");
  json.key("timestamp").value(format_rfc3339(now_ms));
  json.key("data");
  append_alert_json(json, subject);
  json.end_object();
  return out;
}

}  // namespace sentinelle

#include "api/event_json.hpp"

#include "classify/classifier.hpp"
#include "util/time.hpp"

namespace sentinelle {
namespace {

void optional_text(json_writer& json, std::string_view name, const std::string& value) {
  if (!value.empty()) {
    json.key(name).value(value);
  }
}

void append_survey_fields(json_writer& json, const event& e) {
  json.key("submitted_at").value(format_rfc3339(e.occurred_at_ms));
  optional_text(json, "channel", e.channel);
  optional_text(json, "touchpoint", e.touchpoint);
  optional_text(json, "queue", e.queue);
  optional_text(json, "interaction_id", e.interaction_id);
  json.key("nps").value_or_null(e.nps);
  json.key("csat").value_or_null(e.csat);
  json.key("ces").value_or_null(e.ces);
  json.key("comment").value(e.verbatim);
}

void append_message_fields(json_writer& json, const event& e) {
  json.key("created_at").value(format_rfc3339(e.occurred_at_ms));
  optional_text(json, "platform", e.platform);
  optional_text(json, "kind", e.message_kind);
  json.key("public").value(e.is_public);
  if (!e.author_id.empty() || !e.author_name.empty()) {
    json.key("author").begin_object();
    optional_text(json, "id", e.author_id);
    optional_text(json, "name", e.author_name);
    json.end_object();
  }
  optional_text(json, "conversation_id", e.conversation_id);
  optional_text(json, "post_id", e.post_id);
  optional_text(json, "parent_id", e.parent_id);
  optional_text(json, "page_id", e.page_id);
  json.key("text").value(e.verbatim);
}

}  // namespace

void append_verdict_json(json_writer& json, const event& e) {
  json.key("nps_category").value_or_null(nps_category(e.nps));
  json.key("analysis");
  if (e.analysis_json.empty()) {
    json.null();
  } else {
    json.raw(e.analysis_json);
  }
  json.key("detractor").value(e.detractor);
  json.key("reasons").begin_array();
  for (const std::string& reason : e.reasons) {
    json.value(reason);
  }
  json.end_array();
}

void append_event_json(json_writer& json, const event& e) {
  json.begin_object();
  json.key("id").value(e.id);
  json.key("type").value(e.kind == event_kind::survey ? "survey" : "message");
  json.key("source").value(e.source);
  optional_text(json, "agent_id", e.agent_id);
  optional_text(json, "team_id", e.team_id);
  optional_text(json, "customer_id", e.customer_id);
  optional_text(json, "language", e.language);
  if (e.kind == event_kind::survey) {
    append_survey_fields(json, e);
  } else {
    append_message_fields(json, e);
  }
  json.key("received_at").value(format_rfc3339(e.received_at_ms));
  append_verdict_json(json, e);
  json.end_object();
}

}  // namespace sentinelle

#include "storage/event_row.hpp"

#include "analyze/analysis_record.hpp"
#include "storage/sqlite_connection.hpp"
#include "util/json_writer.hpp"

namespace sentinelle {

const char* const event_columns =
    "kind, source, id, occurred_at_ms, received_at_ms, channel, touchpoint, agent_id, team_id, "
    "queue, platform, customer_id, interaction_id, language, nps, csat, ces, message_kind, "
    "is_public, author_id, author_name, conversation_id, post_id, parent_id, page_id, verbatim, "
    "analysis_json, sentiment_score, negative_verbatim, detractor, reasons";

const char* const alert_state_columns =
    "EXISTS (SELECT 1 FROM alerts a WHERE a.event_seq = events.seq), "
    "EXISTS (SELECT 1 FROM alerts a WHERE a.event_seq = events.seq AND a.status = 'open')";

event_with_alert read_event_with_alert(const statement& row) {
  return {read_event(row), row.int64_at(event_column_count) != 0,
          row.int64_at(event_column_count + 1) != 0};
}

std::string_view kind_name(event_kind kind) {
  return kind == event_kind::message ? "message" : "survey";
}

std::optional<event_kind> kind_from_name(std::string_view name) {
  if (name == "survey") {
    return event_kind::survey;
  }
  if (name == "message") {
    return event_kind::message;
  }
  return std::nullopt;
}

std::string reasons_json(const event& stored) {
  std::string json = "[";
  for (const std::string& reason : stored.reasons) {
    if (json.size() > 1) {
      json += ',';
    }
    append_json_string(json, reason);
  }
  json += ']';
  return json;
}

void bind_event(statement& insert, const event& stored, const std::string& reasons) {
  int index = 0;
  insert.bind(++index, kind_name(stored.kind));
  for (const std::string* text : {&stored.source, &stored.id}) {
    insert.bind(++index, std::string_view(*text));
  }
  insert.bind(++index, stored.occurred_at_ms);
  insert.bind(++index, stored.received_at_ms);
  for (const std::string* text :
       {&stored.channel, &stored.touchpoint, &stored.agent_id, &stored.team_id, &stored.queue,
        &stored.platform, &stored.customer_id, &stored.interaction_id, &stored.language}) {
    insert.bind(++index, std::string_view(*text));
  }
  for (const std::optional<int>* answer : {&stored.nps, &stored.csat, &stored.ces}) {
    insert.bind(++index, *answer);
  }
  insert.bind(++index, std::string_view(stored.message_kind));
  insert.bind(++index, std::int64_t{stored.is_public ? 1 : 0});
  for (const std::string* text :
       {&stored.author_id, &stored.author_name, &stored.conversation_id, &stored.post_id,
        &stored.parent_id, &stored.page_id, &stored.verbatim}) {
    insert.bind(++index, std::string_view(*text));
  }
  bind_analysis(insert, ++index, stored);
  insert.bind(++index, stored.sentiment_score);
  insert.bind(++index, std::int64_t{stored.negative_verbatim ? 1 : 0});
  insert.bind(++index, std::int64_t{stored.detractor ? 1 : 0});
  insert.bind(++index, std::string_view(reasons));
}

void bind_analysis(statement& write, int index, const event& stored) {
  if (stored.analysis_record.empty()) {
    write.bind(index, std::string_view(stored.analysis_json));
  } else {
    write.bind_blob(index, stored.analysis_record);
  }
}

std::string analysis_json_at(const statement& row, int column) {
  if (!row.is_blob(column)) {
    return row.text_at(column);
  }
  std::string json;
  append_analysis_record_json(row.blob_at(column), json);
  return json;
}

namespace {

std::optional<int> optional_int_at(const statement& row, int column) {
  if (row.is_null(column)) {
    return std::nullopt;
  }
  return static_cast<int>(row.int64_at(column));
}

}  // namespace

event read_event(const statement& row) {
  event found;
  int column = 0;
  found.kind = kind_from_name(row.text_at(column++)).value_or(event_kind::survey);
  for (std::string* text : {&found.source, &found.id}) {
    *text = row.text_at(column++);
  }
  found.occurred_at_ms = row.int64_at(column++);
  found.received_at_ms = row.int64_at(column++);
  for (std::string* text :
       {&found.channel, &found.touchpoint, &found.agent_id, &found.team_id, &found.queue,
        &found.platform, &found.customer_id, &found.interaction_id, &found.language}) {
    *text = row.text_at(column++);
  }
  for (std::optional<int>* answer : {&found.nps, &found.csat, &found.ces}) {
    *answer = optional_int_at(row, column++);
  }
  found.message_kind = row.text_at(column++);
  found.is_public = row.int64_at(column++) != 0;
  for (std::string* text : {&found.author_id, &found.author_name, &found.conversation_id,
                            &found.post_id, &found.parent_id, &found.page_id, &found.verbatim}) {
    *text = row.text_at(column++);
  }
  found.analysis_json = analysis_json_at(row, column++);
  if (!row.is_null(column)) {
    found.sentiment_score = row.double_at(column);
  }
  ++column;
  found.negative_verbatim = row.int64_at(column++) != 0;
  found.detractor = row.int64_at(column++) != 0;
  return found;
}

}  // namespace sentinelle

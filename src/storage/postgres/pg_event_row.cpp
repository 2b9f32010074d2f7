#include "storage/postgres/pg_event_row.hpp"

#include <simdjson.h>

#include "storage/event_row.hpp"

namespace sentinelle::pg {

void add_event_params(params& values, const event& stored) {
  values.add(kind_name(stored.kind)).add(stored.source).add(stored.id);
  values.add(stored.occurred_at_ms).add(stored.received_at_ms);
  for (const std::string* text :
       {&stored.channel, &stored.touchpoint, &stored.agent_id, &stored.team_id, &stored.queue,
        &stored.platform, &stored.customer_id, &stored.interaction_id, &stored.language}) {
    values.add(std::string_view(*text));
  }
  for (const std::optional<int>* answer : {&stored.nps, &stored.csat, &stored.ces}) {
    values.add(*answer);
  }
  values.add(std::string_view(stored.message_kind)).add(stored.is_public);
  for (const std::string* text :
       {&stored.author_id, &stored.author_name, &stored.conversation_id, &stored.post_id,
        &stored.parent_id, &stored.page_id, &stored.verbatim, &stored.analysis_json}) {
    values.add(std::string_view(*text));
  }
  values.add(stored.sentiment_score).add(stored.negative_verbatim).add(stored.detractor);
  values.add(std::string_view(reasons_json(stored)));
}

std::string event_placeholders() {
  std::string placeholders;
  for (int index = 1; index <= event_column_count; ++index) {
    placeholders += (index > 1 ? ", $" : "$") + std::to_string(index);
  }
  return placeholders;
}

bool read_event_row(const result& rows, int row, event& out, std::string& error) {
  int column = 0;
  out.kind = kind_from_name(rows.text(row, column++)).value_or(event_kind::survey);
  out.source = rows.text(row, column++);
  out.id = rows.text(row, column++);
  out.occurred_at_ms = rows.int64_at(row, column++);
  out.received_at_ms = rows.int64_at(row, column++);
  for (std::string* text :
       {&out.channel, &out.touchpoint, &out.agent_id, &out.team_id, &out.queue, &out.platform,
        &out.customer_id, &out.interaction_id, &out.language}) {
    *text = rows.text(row, column++);
  }
  for (std::optional<int>* answer : {&out.nps, &out.csat, &out.ces}) {
    *answer = rows.optional_int(row, column++);
  }
  out.message_kind = rows.text(row, column++);
  out.is_public = rows.bool_at(row, column++);
  for (std::string* text :
       {&out.author_id, &out.author_name, &out.conversation_id, &out.post_id, &out.parent_id,
        &out.page_id, &out.verbatim, &out.analysis_json}) {
    *text = rows.text(row, column++);
  }
  if (!rows.is_null(row, column)) {
    out.sentiment_score = rows.double_at(row, column);
  }
  ++column;
  out.negative_verbatim = rows.bool_at(row, column++);
  out.detractor = rows.bool_at(row, column++);
  out.reasons.clear();
  return decode_reasons_json(rows.text(row, column), out.reasons, error);
}

// The reader's own JSON parser (simdjson, as the ingestion uses): PostgreSQL could split the
// array server-side, but that costs a second query per event.
bool decode_reasons_json(const std::string& json, std::vector<std::string>& reasons,
                         std::string& error) {
  simdjson::dom::parser parser;
  simdjson::dom::array items;
  if (parser.parse(json).get_array().get(items) != simdjson::SUCCESS) {
    error = "events.reasons is not a JSON array: " + json;
    return false;
  }
  for (const simdjson::dom::element item : items) {
    std::string_view text;
    if (item.get_string().get(text) != simdjson::SUCCESS) {
      error = "events.reasons holds a non-string: " + json;
      return false;
    }
    reasons.emplace_back(text);
  }
  return true;
}

}  // namespace sentinelle::pg

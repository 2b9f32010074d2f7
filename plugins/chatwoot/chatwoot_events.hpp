#pragma once

#include <simdjson.h>

#include <cstdint>
#include <string_view>
#include <vector>

#include "ingest/event_parser.hpp"
#include "plugin/source_plugin.hpp"

namespace sentinelle::chatwoot {

// What one Chatwoot webhook delivery became: the events to store and what was left out on
// purpose, or the problems that make it no Chatwoot delivery at all (422).
struct mapped_delivery {
  delivery batch;
  std::vector<field_problem> problems;
};

// Maps one delivery (README.md "Mapping"):
// - `message_created` of an incoming, non-private message → a message event;
// - `message_updated` of an `input_csat` message with a rating → a CSAT survey;
// - anything else → skipped.
// `delivery_id` is the X-Chatwoot-Delivery header ("" when absent): the message's key when given.
mapped_delivery map_delivery(simdjson::dom::object body, std::string_view delivery_id,
                             std::int64_t now_ms);

}  // namespace sentinelle::chatwoot

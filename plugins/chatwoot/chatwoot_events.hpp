#pragma once

#include <simdjson.h>

#include <cstdint>
#include <string_view>

#include "plugin/hook_body.hpp"

namespace sentinelle::chatwoot {

// Maps one delivery (README.md "Mapping"):
// - `message_created` of an incoming, non-private message → a message event;
// - `message_updated` of an `input_csat` message with a rating → a CSAT survey;
// - anything else → skipped;
// or the problems that make it no Chatwoot delivery at all (422).
// `delivery_id` is the X-Chatwoot-Delivery header ("" when absent): the message's key when given.
mapped_payload map_delivery(simdjson::dom::object body, std::string_view delivery_id,
                            std::int64_t now_ms);

}  // namespace sentinelle::chatwoot

#pragma once

#include <simdjson.h>

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "plugin/hook_body.hpp"
#include "zendesk/zendesk_fields.hpp"

namespace sentinelle::zendesk {

// A score as Zendesk writes it: "good" → CSAT 5 and "bad" → CSAT 1 (README.md "Score"), with or
// without "_with_comment"; or an integer 1–5 (a JSON number, or digits in a string as a
// placeholder renders them). "offered" / "unoffered" are a survey sent but not answered.
enum class score_reading : std::uint8_t { rated, unanswered, unreadable };
score_reading read_score(simdjson::dom::element value, int& csat);

// Zendesk's ticket channel (the API's `via.channel`, or the {{ticket.via}} label) → the channel
// dimension: voice | chat | email | social | sms | other; "" when empty.
std::string channel_of(std::string_view via);

// Reads one delivery through the configured paths into the survey to store (or a skip), or the
// problems that make it no rating at all (422, each naming the configured path). A Zendesk
// event-subscription delivery ("type": "zen:event-type:…") carries no rating and is skipped.
mapped_payload map_rating(simdjson::dom::element root, const rating_fields& fields,
                          std::int64_t now_ms);

}  // namespace sentinelle::zendesk

#pragma once

#include <simdjson.h>

#include <cstdint>
#include <string_view>

#include "formbricks/formbricks_settings.hpp"
#include "plugin/hook_body.hpp"

namespace sentinelle::formbricks {

// Turns a Formbricks webhook body (authenticated, and JSON: hook_body.hpp) into canonical
// surveys (README.md, "Mapping"). The body is one {"webhookId", "event", "data"} object or an
// array of them, and `data` one response or an array of responses. Each `responseFinished`
// response is a survey whose id is `webhook_id`, or `webhook_id:response id` when the delivery
// holds several; other events, and responses with no score and no comment, are skipped. All or
// nothing: one unreadable response refuses the delivery (422). `now_ms` stamps received_at.
mapped_payload map_delivery(simdjson::dom::element root, std::string_view webhook_id,
                            const settings& config, std::int64_t now_ms);

}  // namespace sentinelle::formbricks

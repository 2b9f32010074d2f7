#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "formbricks/formbricks_answers.hpp"
#include "formbricks/formbricks_settings.hpp"
#include "plugin/source_plugin.hpp"

namespace sentinelle::formbricks {

// What one webhook body became: the batch for the pipeline, or the error to answer.
struct mapped_delivery {
  unsigned status = 200;  // 400 (not JSON / not UTF-8) or 422 (not a delivery we can read)
  std::string code;       // invalid_json | invalid_utf8 | invalid_event
  std::string message;
  std::vector<problem> details;
  delivery batch;  // on 200: the surveys, and how many items were skipped
};

// Turns a Formbricks webhook body (already authenticated) into canonical surveys (README.md,
// "Mapping"). The body is one {"webhookId", "event", "data"} object or an array of them, and
// `data` one response or an array of responses. Each `responseFinished` response is a survey
// whose id is `webhook_id`, or `webhook_id:response id` when the delivery holds several; other
// events, and responses with no score and no comment, are skipped. All or nothing: one
// unreadable response refuses the delivery (422). `now_ms` stamps received_at.
mapped_delivery map_delivery(std::string_view body, std::string_view webhook_id,
                             const settings& config, std::int64_t now_ms);

// The `details` array of a 422: [{"field": …, "message": …}, …].
std::string details_json(const std::vector<problem>& problems);

}  // namespace sentinelle::formbricks

#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "plugin/source_plugin.hpp"
#include "typeform/typeform_answers.hpp"
#include "typeform/typeform_settings.hpp"

namespace sentinelle::typeform {

// What one webhook body became: the batch for the pipeline, or the error to answer.
struct mapped_delivery {
  unsigned status = 200;  // 400 (not JSON / not UTF-8) or 422 (not a form response we can read)
  std::string code;       // invalid_json | invalid_utf8 | invalid_event
  std::string message;
  std::vector<problem> details;
  delivery batch;  // on 200: one survey, or nothing and `skipped` = 1
};

// Turns a Typeform webhook body (already authenticated) into canonical surveys (README.md,
// "Mapping"): `event_id` is the id, `form_response.submitted_at` the time, the answers the
// scores and comment, the hidden fields the dimensions. Another `event_type`, or a response
// with no score and no comment, is skipped. `now_ms` stamps received_at (and a missing
// submitted_at).
mapped_delivery map_delivery(std::string_view body, const settings& config, std::int64_t now_ms);

// The `details` array of a 422: [{"field": …, "message": …}, …].
std::string details_json(const std::vector<problem>& problems);

}  // namespace sentinelle::typeform

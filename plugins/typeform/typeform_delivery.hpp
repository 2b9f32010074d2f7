#pragma once

#include <simdjson.h>

#include <cstdint>

#include "plugin/hook_body.hpp"
#include "typeform/typeform_settings.hpp"

namespace sentinelle::typeform {

// Turns a Typeform webhook body (authenticated, and JSON: hook_body.hpp) into canonical surveys
// (README.md, "Mapping"): `event_id` is the id, `form_response.submitted_at` the time, the
// answers the scores and comment, the hidden fields the dimensions. Another `event_type`, or a
// response with no score and no comment, is skipped. `now_ms` stamps received_at (and a missing
// submitted_at).
mapped_payload map_delivery(simdjson::dom::element root, const settings& config,
                            std::int64_t now_ms);

}  // namespace sentinelle::typeform

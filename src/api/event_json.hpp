#pragma once

#include <string>

#include "storage/event.hpp"
#include "util/json_writer.hpp"

namespace sentinelle {

// One stored event as GET /v1/surveys/{id} and /v1/messages/{id} return it: its fields, and
// what the pipeline concluded (nps_category, analysis, detractor, reasons).
void append_event_json(json_writer& json, const event& e);

// The verdict part shared with the ingestion answer: nps_category, analysis, detractor, reasons.
void append_verdict_json(json_writer& json, const event& e);

}  // namespace sentinelle

#pragma once

#include <simdjson.h>

#include <cstdint>
#include <vector>

#include "ingest/event_parser.hpp"

namespace sentinelle {

// Reads one JSON object into `out` according to the survey or message schema; appends every
// problem found (with `index`) to `problems`.
void read_event_object(simdjson::dom::object object, event_kind kind, std::size_t index,
                       std::int64_t now_ms, event& out, std::vector<field_problem>& problems);

}  // namespace sentinelle

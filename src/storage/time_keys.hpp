#pragma once

#include <cstdint>
#include <string>

#include "storage/event_store.hpp"

namespace sentinelle {

// The group key of a UTC day (days since the Unix epoch) for a time group_by:
// day "2026-11-20", ISO 8601 week "2026-W47" (weeks start on Monday; the week belongs to the
// year of its Thursday), month "2026-11". Keys of one kind sort in time order as text.
std::string time_bucket_key(std::int64_t day_index, time_bucket bucket);

}  // namespace sentinelle

#pragma once

#include "storage/event_store.hpp"
#include "util/json_writer.hpp"

namespace sentinelle {

// The aggregate stage: raw counts → NPS (with its 95 % margin of error), CSAT, CES and
// sentiment, written as one group object of CONTRACT §4 Scores. Empty parts are null.
void append_score_group(json_writer& json, const score_totals& totals);

double nps_score(const score_totals& totals);            // requires responses > 0
double nps_margin_of_error(const score_totals& totals);  // requires responses > 0

}  // namespace sentinelle

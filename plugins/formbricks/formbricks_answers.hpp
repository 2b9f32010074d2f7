#pragma once

#include <simdjson.h>

#include <string>
#include <vector>

#include "formbricks/formbricks_settings.hpp"
#include "plugin/hook_body.hpp"
#include "storage/event.hpp"

namespace sentinelle::formbricks {

// Reads the answers of one Formbricks response (`data`: question id → value) into `out`'s scores
// and comment. For each: the configured question id; else the question whose id is the key's
// name ("nps", …); else detection from the survey's questions when the payload carries them
// (`survey.questions[]`: nps → nps, 5-point rating → csat, 7-point rating → ces, open text →
// comment). A named question's value must fit (else a problem at `path`.data.ID); a detected
// one that does not is left out. A question the respondent skipped is no answer.
void read_answers(simdjson::dom::object response, const settings& config, const std::string& path,
                  event& out, std::vector<payload_problem>& problems);

}  // namespace sentinelle::formbricks

#pragma once

#include <simdjson.h>

#include <optional>
#include <string>
#include <vector>

#include "formbricks/formbricks_settings.hpp"

namespace sentinelle::formbricks {

inline constexpr std::size_t max_verbatim = 100000;  // as the canonical `comment` (event_fields)

// One reason a delivery is refused with 422: where in the payload, and what is wrong.
struct problem {
  std::string field;  // "data.data.nps"
  std::string message;
};

// The survey answers of one response.
struct survey_answers {
  std::optional<int> nps;
  std::optional<int> csat;
  std::optional<int> ces;
  std::string comment;

  bool empty() const { return !nps && !csat && !ces && comment.empty(); }
};

// Reads the answers of one Formbricks response (`data`: question id → value). For each score
// and the comment: the configured question id; else the question whose id is the key's name
// ("nps", …); else detection from the survey's questions when the payload carries them
// (`survey.questions[]`: nps → nps, 5-point rating → csat, 7-point rating → ces, open text →
// comment). A named question's value must fit (else a problem at `path`.data.ID); a detected
// one that does not is left out. A question the respondent skipped is no answer.
survey_answers read_answers(simdjson::dom::object response, const settings& config,
                            const std::string& path, std::vector<problem>& problems);

}  // namespace sentinelle::formbricks
